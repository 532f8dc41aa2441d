/**
 * How the kit talks to a portal: one request at a time, with a timeout, the
 * whole answer read (status, headers, text and JSON when it is JSON), and the
 * contract's rules on an answer put as faults, sentences a portal team can act
 * on ("GET /v1/consultations/x: ETag missing").
 */
import type * as z from 'zod/mini';
import { Problem } from '../../src/api/schemas.js';

export interface Answer {
  /** `GET /v1/consultations?limit=1`: the method and the path below the base, as the output names it. */
  what: string;
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON; undefined otherwise. */
  json: unknown;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A slow portal is a fault of its own, but one hung answer must not hang the run. */
const TIMEOUT_MS = 15_000;

export class Portal {
  constructor(
    /** The API base, without a trailing slash: `https://portal.example.jo/api`. */
    readonly base: string,
  ) {}

  async request(path: string, options: RequestOptions = {}): Promise<Answer> {
    const method = options.method ?? 'GET';
    const what = `${method} ${path}`;
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: options.headers ?? {},
        ...(options.body !== undefined ? { body: options.body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Unreachable(`${what}: no answer (${cause?.code ?? cause?.message ?? String(error)})`);
    }
    const text = await res.text().catch(() => '');
    let json: unknown;
    if (/json/i.test(res.headers.get('Content-Type') ?? '')) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { what, status: res.status, headers: res.headers, text, json };
  }
}

/** The portal did not answer at all (refused, reset, timed out): the check fails with this sentence. */
export class Unreachable extends Error {}

/** Faults of an answer that should be `status` and fit `schema`. */
export function schemaFaults(a: Answer, schema: z.ZodMiniType, status = 200): string[] {
  if (a.status !== status) return [`${a.what}: expected ${status}, got ${a.status}${problemTitle(a)}`];
  if (!/^application\/json\b/i.test(a.headers.get('Content-Type') ?? '')) {
    return [`${a.what}: Content-Type is ${quoted(a.headers.get('Content-Type'))}, not application/json`];
  }
  if (a.json === undefined) return [`${a.what}: the body is not JSON`];
  const result = schema.safeParse(a.json);
  if (result.success) return [];
  return result.error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.') || '(the body)';
    return `${a.what}: ${path}: ${issue.message} (value ${preview(valueAt(a.json, issue.path))})`;
  });
}

/**
 * Faults of an answer that should be the problem `status` (RFC 9457):
 * `application/problem+json` with `type`, `title` and the same `status`.
 */
export function problemFaults(a: Answer, status: number | number[]): string[] {
  const wanted = Array.isArray(status) ? status : [status];
  if (!wanted.includes(a.status)) return [`${a.what}: expected ${wanted.join(' or ')}, got ${a.status}`];
  const type = a.headers.get('Content-Type') ?? '';
  if (!/^application\/problem\+json\b/i.test(type)) {
    return [`${a.what}: ${a.status} as ${quoted(type || null)}, not application/problem+json`];
  }
  const result = Problem.safeParse(a.json);
  if (!result.success) return [`${a.what}: the problem lacks ${result.error.issues.map((i) => i.path.join('.')).join(', ')}`];
  if (result.data.status !== a.status) return [`${a.what}: the problem says status ${result.data.status}, the answer is ${a.status}`];
  return [];
}

/** ` ("Conflict: …")` from a problem answer, to say why a status was not the expected one. */
export function problemTitle(a: Answer): string {
  const p = Problem.safeParse(a.json);
  if (!p.success) return '';
  return ` (${[p.data.title, p.data.detail].filter(Boolean).join(': ')})`;
}

/** The names of a comma-separated header (Vary, Access-Control-Allow-Headers…), lower case. */
export function tokens(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

export const quoted = (s: string | null) => (s === null ? 'missing' : JSON.stringify(s));

function preview(v: unknown): string {
  const s = v === undefined ? 'missing' : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
