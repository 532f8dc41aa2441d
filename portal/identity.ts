/**
 * Who is calling, as the contract defines it: a signed-in person by a bearer
 * token, or an anonymous participant by the `Sharek-Participant` UUID the
 * widget keeps in the browser; and the request's `Idempotency-Key`.
 */
import type { Context } from 'hono';
import { createHash } from 'node:crypto';
import { badRequest, ProblemError } from './http.js';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Caller {
  /**
   * The key votes, comments and reports are counted by: `bearer:<sha256 of
   * the token>` for a signed-in person (the token itself is never stored),
   * else the lower-cased participant UUID; null when neither was sent.
   */
  participant: string | null;
  signedIn: boolean;
}

const BEARER = /^Bearer +(\S+) *$/i;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * For writes: a malformed `Authorization` is 401 (the widget offers sign-in
 * again), a malformed `Sharek-Participant` is 400. The reference portal takes
 * any non-empty bearer token as a person; a real portal would verify it.
 * A token wins over the participant id: one person, whatever browser.
 */
export function callerOf(c: Context): Caller {
  const auth = c.req.header('Authorization');
  if (auth !== undefined) {
    const token = BEARER.exec(auth)?.[1];
    if (!token) throw unauthorized('Send the sign-in token as "Authorization: Bearer <token>".');
    return { participant: `bearer:${sha256(token)}`, signedIn: true };
  }
  const id = c.req.header('Sharek-Participant');
  if (id === undefined) return { participant: null, signedIn: false };
  if (!UUID.test(id)) throw badRequest('Sharek-Participant', 'invalid', 'Sharek-Participant must be a UUID.');
  return { participant: id.toLowerCase(), signedIn: false };
}

/** For reads: whatever cannot identify the caller reads as anonymous. */
export function readerOf(c: Context): string | null {
  try {
    return callerOf(c).participant;
  } catch {
    return null;
  }
}

export const unauthorized = (detail: string) =>
  new ProblemError(401, detail, { headers: { 'WWW-Authenticate': 'Bearer realm="sharek"' } });

/** The required `Idempotency-Key`: a UUID, compared case-insensitively. */
export function idempotencyKeyOf(c: Context): string {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined || key === '') {
    throw badRequest('Idempotency-Key', 'required', 'Send an Idempotency-Key (a UUID made once per draft or vote).');
  }
  if (!UUID.test(key)) throw badRequest('Idempotency-Key', 'invalid', 'Idempotency-Key must be a UUID.');
  return key.toLowerCase();
}

/**
 * The client's address, for the per-address rate limit. Behind a reverse
 * proxy (`trustProxy`), the last `X-Forwarded-For` hop is the one the proxy
 * saw; earlier hops are whatever the client claimed and are not trusted.
 */
export function clientAddressOf(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hop = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (hop) return hop.slice(0, 64);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
