/**
 * Who is calling, as the contract defines it: a signed-in person by a bearer
 * token, or an anonymous participant by the `Sharek-Participant` UUID the
 * widget keeps in the browser; and the request's `Idempotency-Key`.
 */
import type { Context } from 'hono';
import { badRequest, ProblemError } from './http.js';
import { sha256, SignInUnavailable, type SignedIn, type VerifyToken } from './sign-in.js';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Caller {
  /**
   * The key votes, comments and reports are counted by: `oidc:<sha256 of the
   * issuer and subject>` for a signed-in person (sign-in.ts; neither the token
   * nor the subject is stored), else the lower-cased participant UUID; null
   * when neither was sent.
   */
  participant: string | null;
  signedIn: boolean;
}

const BEARER = /^Bearer +(\S+) *$/i;

export { sha256 };

/**
 * For writes: a bearer token must be a valid sign-in (sign-in.ts) or it is
 * 401 (the widget offers sign-in again); a malformed `Sharek-Participant` is
 * 400. A token wins over the participant id: one person, whatever browser.
 */
export async function callerOf(c: Context, verify: VerifyToken): Promise<Caller> {
  const auth = c.req.header('Authorization');
  if (auth !== undefined) {
    const token = BEARER.exec(auth)?.[1];
    if (!token) throw unauthorized('Send the sign-in token as "Authorization: Bearer <token>".');
    let person: SignedIn | null;
    try {
      person = await verify(token);
    } catch (error) {
      if (!(error instanceof SignInUnavailable)) throw error;
      throw new ProblemError(503, 'Sign-in cannot be checked at the moment; try again shortly.', { headers: { 'Retry-After': '30' } });
    }
    if (!person) throw unauthorized('This sign-in is not valid here (expired, or not issued for this portal); sign in again.', 'invalid_token');
    return { participant: person.subject, signedIn: true };
  }
  const id = c.req.header('Sharek-Participant');
  if (id === undefined) return { participant: null, signedIn: false };
  if (!UUID.test(id)) throw badRequest('Sharek-Participant', 'invalid', 'Sharek-Participant must be a UUID.');
  return { participant: id.toLowerCase(), signedIn: false };
}

/** For reads: whatever cannot identify the caller reads as anonymous. */
export async function readerOf(c: Context, verify: VerifyToken): Promise<string | null> {
  try {
    return (await callerOf(c, verify)).participant;
  } catch {
    return null;
  }
}

export const unauthorized = (detail: string, error?: 'invalid_token') =>
  new ProblemError(401, detail, {
    headers: { 'WWW-Authenticate': `Bearer realm="sharek"${error ? `, error="${error}"` : ''}` },
  });

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
