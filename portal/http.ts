/**
 * The API's HTTP conventions in one place: problem+json errors, JSON answers
 * shaped by their schema with strong ETags and cache headers, request bodies
 * and ids, and the public URLs answers carry. CORS is in cors.ts.
 */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { Id, Problem } from '../src/api/schemas.js';
import type { Db } from './db.js';
import type { VerifyToken } from './sign-in.js';
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
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** Problem types this portal defines: `urn:sharek:problem:<name>`; the widget matches on the name. */
export const problemType = (name: string) => `urn:sharek:problem:${name}`;

/** What a problem says besides its status: each member optional, each default the plain one. */
export interface ProblemOptions {
  /** Field errors, so a form can mark each field. */
  errors?: FieldError[];
  /** `about:blank` unless given (see problemType). */
  type?: string;
  /** Extra response headers (Allow, Retry-After, WWW-Authenticate…). */
  headers?: Record<string, string>;
  /** Extension member of the policy-changed problem (declared in the Problem schema). */
  currentPolicyVersion?: string;
}

/** Thrown by handlers; app.onError answers it with `response()`. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
    readonly options: ProblemOptions = {},
  ) {
    super(detail ?? titles[status] ?? `HTTP ${status}`);
  }

  get errors(): FieldError[] | undefined {
    return this.options.errors;
  }

  response(): Response {
    return problemResponse(this.status, this.detail, this.options);
  }
}

/** An RFC 9457 answer. Errors are never cached: the state behind them changes. */
export function problemResponse(status: number, detail?: string, options: ProblemOptions = {}): Response {
  const { errors, type = 'about:blank', headers = {}, currentPolicyVersion } = options;
  const body = Problem.parse({ type, title: titles[status] ?? 'Error', status, detail, errors, currentPolicyVersion });
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  });
}

export const badRequest = (field: string, code: string, detail?: string) =>
  new ProblemError(400, detail ?? `invalid ${field}`, { errors: [{ field, code }], type: problemType('invalid-request') });

/** A 400 naming several fields at once, so a form can mark each. */
export const invalidFields = (errors: FieldError[], detail = 'Some fields are not valid.') =>
  new ProblemError(400, detail, { errors, type: problemType('invalid-request') });

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

/** `application/json` or `application/…+json`, in UTF-8 (the contract's only encoding). */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * 415 unless a declared Content-Type is JSON in UTF-8. A request without one
 * passes here: routes that read a body refuse it in readJsonBody, and bodiless
 * admin actions (approve) need none.
 */
export function checkContentType(type: string | undefined): void {
  if (type === undefined) return;
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
  if (!JSON_TYPE.test(type) || (charset !== undefined && !/^utf-?8$/i.test(charset))) {
    throw new ProblemError(415, 'Send the body as application/json in UTF-8.');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/** In a `u` regex a surrogate range matches only unpaired halves. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The request body as a JSON object. Bytes that are not UTF-8, text that is
 * not JSON, and JSON that is not an object are each a 400 naming `body`,
 * before anything is looked up or written.
 */
export async function readJsonBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('Content-Type');
  if (type === undefined) throw new ProblemError(415, 'Send the body as application/json in UTF-8.');
  checkContentType(type);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw badRequest('body', 'invalid_encoding', 'The body is not valid UTF-8.');
  }
  let value: unknown;
  let loneSurrogate = false;
  try {
    // `"\ud800"` is valid JSON but no Unicode text: SQLite would store it mangled, so it is refused.
    value = JSON.parse(text, (key, v: unknown) => {
      if (LONE_SURROGATE.test(key) || (typeof v === 'string' && LONE_SURROGATE.test(v))) loneSurrogate = true;
      return v;
    });
  } catch {
    throw badRequest('body', 'invalid_json', 'The body is not valid JSON.');
  }
  if (loneSurrogate) throw badRequest('body', 'invalid_encoding', 'The body escapes a character that is not Unicode text.');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('body', 'invalid_json', 'The body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** Codes the contract's schemas put in their messages; anything else is `invalid` or `required`. */
const KNOWN_CODES = new Set(['required', 'too_long', 'too_many', 'too_short']);

/**
 * Validates a parsed body with a contract schema; 400 with one error per
 * field otherwise. Unknown members are dropped by the schema (ignored, so
 * older portals accept newer widgets). `depth` 1 names top-level fields
 * (what the widget's form shows); Infinity names the full path (`changes.0.description`).
 */
export function parseBody<T extends z.ZodMiniType>(schema: T, raw: unknown, depth = 1): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.slice(0, depth).map(String);
    const field = path.join('.') || 'body';
    let code = KNOWN_CODES.has(issue.message) ? issue.message : 'invalid';
    // Absent is `required` whatever the schema's own complaint (type, enum, …).
    if (code === 'invalid' && valueAt(raw, issue.path) === undefined) code = 'required';
    if (!errors.some((e) => e.field === field)) errors.push({ field, code });
  }
  throw invalidFields(errors);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The answer to a write: shaped by its schema, never cached. */
export function sendWritten(schema: z.ZodMiniType | null, value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(schema ? schema.parse(value) : value);
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** The `:id` path parameter, or 400 when it cannot be an id at all. */
export function idOf(c: Context): string {
  const id = c.req.param('id');
  if (id === undefined || !Id.safeParse(id).success) throw badRequest('id', 'invalid', 'Malformed id.');
  return id;
}

/**
 * Absolute URLs on the portal's public base (ApiOptions.publicUrl), never
 * on the request's `Host`: answers are publicly cached, and a Host of the
 * client's choosing would otherwise send every later reader elsewhere.
 */
export function publicUrls(publicUrl: string | (() => string) | undefined) {
  /** The base, without a trailing slash. */
  const base = (_c: Context) => (typeof publicUrl === 'function' ? publicUrl() : (publicUrl ?? 'http://localhost')).replace(/\/+$/, '');
  return {
    base,
    /** Seed paths like `documents/draft.pdf` are relative to the API's public base. */
    file: (c: Context, path: string) => new URL(path, `${base(c)}/api/`).href,
    /** The consultation's own page on the portal. */
    consultationPage: (c: Context, id: string) => `${base(c)}/consultations/${encodeURIComponent(id)}`,
  };
}

export type PublicUrls = ReturnType<typeof publicUrls>;

/** What createApi gives every route module. */
export interface RouteOptions {
  db: Db;
  now: () => Date;
  urls: PublicUrls;
  /** Who a bearer token is (sign-in.ts); refuses every token when no issuer is configured. */
  verifyToken: VerifyToken;
}
