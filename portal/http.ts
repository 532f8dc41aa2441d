/**
 * The API's HTTP conventions in one place: problem+json errors, JSON answers
 * shaped by their schema with strong ETags and cache headers, and CORS.
 */
import type { Context, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { Problem } from '../src/api/schemas.js';
import { etagMatches, strongEtag } from './static.js';

export interface FieldError {
  field: string;
  code: string;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
};

/** Thrown by handlers; app.onError turns it into the problem answer. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly type = 'about:blank',
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? titles[status] ?? `HTTP ${status}`);
  }
}

/** An RFC 9457 answer. Errors are never cached: the state behind them changes. */
export function problemResponse(
  status: number,
  detail?: string,
  errors?: FieldError[],
  type = 'about:blank',
  headers: Record<string, string> = {},
): Response {
  const body = Problem.parse({ type, title: titles[status] ?? 'Error', status, detail, errors });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  });
}

export const badRequest = (field: string, code: string, detail?: string) =>
  new ProblemError(400, detail ?? `invalid ${field}`, [{ field, code }], 'urn:sharek:problem:invalid-request');

export const notFound = (detail: string) => new ProblemError(404, detail);

export const PUBLIC_CACHE = 'public, max-age=30, stale-while-revalidate=300';
export const PRIVATE_CACHE = 'private, no-cache';

export interface JsonOptions {
  /** The answer depends on who asks: keep it out of shared caches. */
  private?: boolean;
  /** Request headers the answer depends on. */
  vary?: string[];
  status?: number;
}

/**
 * Sends a read answer. The value goes through its schema first, so a bug in
 * the portal is a 500 problem here rather than a contract violation on the
 * wire. The ETag is a hash of the exact body; If-None-Match gets a bodiless 304.
 */
export function sendJson(c: Context, schema: z.ZodMiniType | null, value: unknown, options: JsonOptions = {}): Response {
  const shaped = schema ? schema.parse(value) : value;
  const body = JSON.stringify(shaped);
  const etag = strongEtag(body);
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': options.private ? PRIVATE_CACHE : PUBLIC_CACHE,
  };
  if (options.vary?.length) headers.Vary = options.vary.join(', ');
  if (etagMatches(c.req.header('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, {
    status: options.status ?? 200,
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
  });
}

export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Sharek-Participant, If-None-Match';
export const CORS_EXPOSE_HEADERS = 'ETag, Retry-After';

/** Adds a token to a response's Vary without repeating it. */
export function appendVary(headers: Headers, token: string): void {
  const current = headers.get('Vary');
  const list = current ? current.split(',').map((s) => s.trim()) : [];
  if (!list.some((t) => t.toLowerCase() === token.toLowerCase() || t === '*')) list.push(token);
  headers.set('Vary', list.join(', '));
}

/**
 * CORS for the embedding sites. Written out rather than hono/cors because an
 * unlisted origin's preflight must be refused outright (403), and only
 * exactly listed origins ever get Access-Control-Allow-Origin. `origins` is
 * read on every request so the portal can add its own origin once it knows
 * its port. No credentials: the contract uses no cookies.
 */
export function corsMiddleware(origins: readonly string[], methods: string): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = origin !== undefined && origins.includes(origin);
    if (c.req.method === 'OPTIONS' && origin !== undefined && c.req.header('Access-Control-Request-Method')) {
      if (!allowed) return problemResponse(403, 'origin not allowed', undefined, 'about:blank', { Vary: 'Origin' });
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': methods,
          'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
          Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
        },
      });
    }
    await next();
    // Answers differ by Origin (the header below), so caches must key on it.
    appendVary(c.res.headers, 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
    }
  };
}
