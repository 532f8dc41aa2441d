/**
 * The portal API (contract version 1) as a Hono app. main.ts mounts it at
 * `/api`, so `GET /api/v1/consultations/{id}`; tests call it directly with
 * `app.request('/v1/…')`.
 *
 * This file is the assembly: options, the middleware every route shares,
 * and one module per resource, each registering its own reads and writes —
 * consultations.ts (consultations and their decision), comments.ts (comments
 * and reports), polls.ts and votes.ts, policy.ts, and admin.ts for the
 * moderators (`/admin/v1/…`, which answers no other origin: CORS is on the
 * public routes only); cors.ts says who may embed (and answers
 * `/v1/embed-check`). Writes are limited per participant and address
 * (limits.ts); a bearer token is a person only when sign-in.ts verifies it.
 * Every route answers errors as problem+json
 * (http.ts); a known path with another method is 405 with the methods its
 * registered routes take.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { fileURLToPath } from 'node:url';
import { adminApi } from './admin.js';
import { commentRoutes } from './comments.js';
import { consultationRoutes } from './consultations.js';
import type { Db } from './db.js';
import { embedding } from './cors.js';
import { checkContentType, notFound, ProblemError, problemResponse, publicUrls, sendJson } from './http.js';
import { openApiDocument } from './openapi.js';
import { policyRoutes } from './policy.js';
import { pollRoutes } from './polls.js';
import { rateLimitsOf, type RateLimitsInput } from './limits.js';
import { refuseTokens, type VerifyToken } from './sign-in.js';
import { fileResponse, safeJoin } from './static.js';
import { voteRoutes } from './votes.js';

export interface ApiOptions {
  db: Db;
  /** Embedding origins allowed by CORS, matched exactly (cors.ts has the whole rule). Read on each request. */
  origins: readonly string[];
  /**
   * The portal's public base, e.g. `https://portal.example.jo`, which every
   * absolute URL in an answer is on (never the request's Host): a string, or
   * a function when it is known only once the server listens (startPortal).
   * `http://localhost` when left out (tests that call `app.request`).
   */
  publicUrl?: string | (() => string);
  /** The clock; tests move it. */
  now?: () => Date;
  /** Where `GET /documents/:file` reads from; defaults to `portal/documents/`. */
  documentsDir?: string;
  /** Where unexpected errors are reported; defaults to console.error. */
  logError?: (error: unknown) => void;
  /** Where notices for whoever runs the portal go (a refused origin, once each); defaults to console.warn. */
  log?: (line: string) => void;
  /**
   * The development moderator's token (SHAREK_ADMIN_TOKEN) for `/admin/v1`;
   * moderators' own credentials (moderators.ts) work with or without it.
   */
  adminToken?: string;
  /** The agency's target for answering a queued item, in hours (SHAREK_RESPONSE_HOURS); 72 when left out. */
  responseTimeHours?: number;
  /** Limits on comments, votes and reports (limits.ts: DEFAULT_RATE_LIMITS for what is left out). */
  rateLimits?: RateLimitsInput;
  /** How many reverse proxies stand in front (`true` is 1): the client address is read from that many `X-Forwarded-For` hops. */
  trustProxy?: boolean | number;
  /** Verifies a signed-in person's bearer token (sign-in.ts); without it every token is refused (401). */
  verifyToken?: VerifyToken;
}

/**
 * Request bodies are small JSON. The largest is a comment of 20 000
 * characters (NewComment): at most 3 bytes each in UTF-8 (Arabic is 2, other
 * BMP scripts 3, astral characters 4 per 2 UTF-16 units), so 60 000 bytes
 * plus the other fields fits.
 */
export const MAX_BODY_BYTES = 64 * 1024;

const defaultDocumentsDir = fileURLToPath(new URL('./documents/', import.meta.url));

export function createApi(options: ApiOptions): Hono {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((e: unknown) => console.error(e));
  const app = new Hono();

  app.onError((err) => {
    if (err instanceof ProblemError) return err.response();
    if (err instanceof HTTPException && err.status < 500) return problemResponse(err.status, err.message || undefined);
    // Never the stack or message: they can carry paths and SQL.
    logError(err);
    return problemResponse(500, 'The portal could not answer this request.');
  });

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });
  const embed = embedding({
    origins: options.origins,
    ...(typeof options.publicUrl === 'string' ? { publicUrl: options.publicUrl } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  // Before the CORS middleware: any origin may ask whether it is allowed.
  embed.routes(app);
  // The public routes only: the moderators' API sends no CORS headers and answers no preflight.
  const cors = embed.cors('GET, HEAD, POST');
  app.use('/v1/*', cors);
  app.use('/documents/*', cors);
  // The rest of an oversized body is never read, so the connection cannot carry another request.
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => problemResponse(413, `At most ${MAX_BODY_BYTES} bytes.`, { headers: { Connection: 'close' } }),
    }),
  );
  // A declared body type must be JSON in UTF-8; routes that need a body also refuse none (readJsonBody).
  app.use('*', async (c, next) => {
    if (c.req.method === 'POST') checkContentType(c.req.header('Content-Type'));
    await next();
  });

  const routes = { db, now, urls: publicUrls(options.publicUrl), verifyToken: options.verifyToken ?? refuseTokens };
  const trustedHops = options.trustProxy === true ? 1 : typeof options.trustProxy === 'number' ? options.trustProxy : 0;
  const writes = { limits: rateLimitsOf(options.rateLimits), trustedHops };
  consultationRoutes(app, routes);
  commentRoutes(app, { ...routes, ...writes });
  pollRoutes(app, routes);
  voteRoutes(app, { ...routes, ...writes });
  policyRoutes(app, routes);

  const openApi = openApiDocument();
  app.get('/v1/openapi.json', (c) => sendJson(c, null, openApi));

  // The consultation documents the seed points at (`documents/…`).
  const documentsDir = options.documentsDir ?? defaultDocumentsDir;
  app.get('/documents/:file', async (c) => {
    const file = c.req.param('file');
    const path = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(file) ? safeJoin(documentsDir, file) : null;
    const res = path ? await fileResponse(path, c.req.raw, { cacheControl: 'public, max-age=3600' }) : null;
    if (!res) throw notFound('No such document.');
    return res;
  });

  const responseTime = options.responseTimeHours !== undefined ? { responseTimeHours: options.responseTimeHours } : {};
  app.route('/admin/v1', adminApi({ db, now, adminToken: options.adminToken, trustedHops, urls: routes.urls, ...responseTime }));

  // A known path with another method is 405 with Allow; anything else is 404.
  for (const [path, methods] of allowedMethods(app)) {
    app.all(path, () => problemResponse(405, undefined, { headers: { Allow: methods } }));
  }
  app.all('*', () => problemResponse(404, 'No such route.'));

  return app;
}

/**
 * The `Allow` value of each path registered so far, from the routes
 * themselves (middleware, registered for every method, is not a route).
 * GET brings HEAD, which Hono answers with the GET handler.
 */
function allowedMethods(app: Hono): Map<string, string> {
  const byPath = new Map<string, Set<string>>();
  for (const { path, method } of app.routes) {
    if (method === 'ALL') continue;
    const methods = byPath.get(path) ?? new Set<string>();
    methods.add(method);
    if (method === 'GET') methods.add('HEAD');
    byPath.set(path, methods);
  }
  const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  const rank = (m: string) => (order.includes(m) ? order.indexOf(m) : order.length);
  return new Map([...byPath].map(([path, methods]) => [path, [...methods].sort((a, b) => rank(a) - rank(b)).join(', ')]));
}
