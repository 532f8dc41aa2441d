/**
 * Who may embed: the one rule that CORS applies and that `GET
 * /v1/embed-check` reports, and the notice that tells whoever runs the
 * portal which site was refused.
 *
 * A request may come from where it comes from when it is not a cross-origin
 * request from a page (no `Origin`; `Sec-Fetch-Site: same-origin`; an
 * `Origin` that is the portal's own, by `publicUrl`, never by the request's
 * `Host`, which the client chooses) or
 * when its `Origin` is one of the embedding origins (SHAREK_ORIGINS, plus
 * the portal's own addresses main.ts adds once it listens), matched exactly.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { EmbedCheck } from '../src/api/schemas.js';
import { problemResponse, sendWritten } from './http.js';

export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Sharek-Participant, If-None-Match';
export const CORS_EXPOSE_HEADERS = 'ETag, Retry-After';

/** At most this many refused origins are remembered and named, so a flood of made-up ones cannot fill the memory or the log. */
export const MAX_NOTICED_ORIGINS = 1000;

export interface EmbeddingOptions {
  /** Embedding origins, matched exactly. Read on every request: main.ts adds the portal's own once it knows its port. */
  origins: readonly string[];
  /** The portal's public base (its origin is the portal's own). */
  publicUrl?: string;
  /** Where the refused-origin notice goes; console.warn by default. */
  log?: (line: string) => void;
}

export interface Embedding {
  /** The rule: may this request's page use the API? */
  allows(c: Context): boolean;
  /** CORS for every API route: only allowed origins get `Access-Control-Allow-Origin`; a refused preflight is 403. */
  cors(methods: string): MiddlewareHandler;
  /** `GET /v1/embed-check`, answerable by any origin. Register it before `cors`, which would otherwise answer for it. */
  routes(app: Hono): void;
}

export function embedding(options: EmbeddingOptions): Embedding {
  const own = options.publicUrl ? originOf(options.publicUrl) : null;
  const notice = refusedOriginNotice(options.log ?? ((line) => console.warn(line)));

  const allows = (c: Context): boolean => {
    const origin = c.req.header('Origin');
    if (origin === undefined || c.req.header('Sec-Fetch-Site') === 'same-origin') return true;
    return options.origins.includes(origin) || origin === own;
  };

  /**
   * Written out rather than hono/cors because an unlisted origin's preflight
   * must be refused outright (403), and only allowed origins ever get
   * Access-Control-Allow-Origin. No credentials: the contract uses no cookies.
   */
  const cors = (methods: string): MiddlewareHandler => async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = allows(c);
    if (origin !== undefined && !allowed) notice(origin);
    if (c.req.method === 'OPTIONS' && origin !== undefined && c.req.header('Access-Control-Request-Method')) {
      if (!allowed) return problemResponse(403, 'origin not allowed', { headers: { Vary: 'Origin' } });
      return preflight(origin, methods, 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    }
    await next();
    // Answers differ by Origin (the header below), so caches must key on it.
    appendVary(c.res.headers, 'Origin');
    if (origin !== undefined && allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
    }
  };

  /**
   * What a widget asks after a request failed, to tell a refused origin
   * ("add this site to SHAREK_ORIGINS") from a network failure. Any origin
   * may read the answer; it says yes or no about the asking origin only,
   * never which origins are listed, and is never cached.
   */
  const routes = (app: Hono) => {
    app.get('/v1/embed-check', (c) =>
      sendWritten(EmbedCheck, { allowed: allows(c) }, 200, { 'Access-Control-Allow-Origin': '*', Vary: 'Origin' }),
    );
    // A widget that sends its usual headers (Sharek-Participant…) asks first; any origin may.
    app.options('/v1/embed-check', () => preflight('*', 'GET, HEAD'));
  };

  return { allows, cors, routes };
}

function preflight(allowOrigin: string, methods: string, vary?: string): Response {
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': allowOrigin,
      'Access-Control-Allow-Methods': methods,
      'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
      'Access-Control-Max-Age': '600',
      ...(vary ? { Vary: vary } : {}),
    },
  });
}

/** Adds a token to a response's Vary without repeating it. */
export function appendVary(headers: Headers, token: string): void {
  const current = headers.get('Vary');
  const list = current ? current.split(',').map((s) => s.trim()) : [];
  if (!list.some((t) => t.toLowerCase() === token.toLowerCase() || t === '*')) list.push(token);
  headers.set('Vary', list.join(', '));
}

/** `https://a.gov.jo/x` → `https://a.gov.jo`; null for anything that is not an http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Logs a refused origin the first time it is seen (at most once per origin
 * for the life of the API, so a busy page cannot flood the log), with what
 * to do about it.
 */
function refusedOriginNotice(log: (line: string) => void): (origin: string) => void {
  const seen = new Set<string>();
  return (origin) => {
    if (seen.has(origin) || seen.size > MAX_NOTICED_ORIGINS) return;
    seen.add(origin);
    if (seen.size > MAX_NOTICED_ORIGINS) {
      log(`[sharek portal] more than ${MAX_NOTICED_ORIGINS} origins refused; the others are not logged`);
    } else if (originOf(origin) === origin) {
      log(`[sharek portal] refused origin ${origin}: add it to SHAREK_ORIGINS to let it embed`);
    } else {
      // `null` (a sandboxed frame, a file: page) or anything else a client sent: quoted, cut short, on one line.
      log(`[sharek portal] refused origin ${JSON.stringify(origin.slice(0, 100))}: not an http(s) origin, which SHAREK_ORIGINS cannot allow`);
    }
  };
}
