/**
 * Abuse limits on every write: how many comments, votes and reports one
 * participant and one client address may send in a window (10 minutes), and
 * what a client address is.
 *
 * The address is the connection's, or behind reverse proxies the one the
 * outermost trusted proxy saw: the operator says how many proxies stand in
 * front (SHAREK_TRUST_PROXY=<hops>), and only that many entries are read from
 * the right of `X-Forwarded-For`; whatever the client wrote to the left of
 * them is ignored. An IPv6 address counts by its /64, which one subscriber
 * usually holds whole; an IPv4-mapped IPv6 address counts as the IPv4 one.
 */
import type { Context } from 'hono';
import { isIP } from 'node:net';
import { ProblemError, problemType } from './http.js';

/** One kind of write's limits, per window. */
export interface Limit {
  /** Per participant (anonymous id or signed-in person). */
  perParticipant: number;
  /** Per client address (many people can share one: an office, a mobile carrier's NAT). */
  perAddress: number;
}

export type WriteKind = 'comments' | 'votes' | 'reports';

export interface RateLimits extends Record<WriteKind, Limit> {
  windowMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  comments: { perParticipant: 5, perAddress: 20 },
  votes: { perParticipant: 20, perAddress: 60 },
  reports: { perParticipant: 10, perAddress: 20 },
  windowMs: 10 * 60 * 1000,
};

/**
 * What callers may give: a kind's limits under its name; `perParticipant` and
 * `perAddress` at the top level set every kind at once (a kind's own values win).
 */
export type RateLimitsInput = Partial<Limit> & { [K in WriteKind]?: Partial<Limit> } & { windowMs?: number };

export function rateLimitsOf(input: RateLimitsInput = {}): RateLimits {
  const kind = (k: WriteKind): Limit => ({
    perParticipant: input[k]?.perParticipant ?? input.perParticipant ?? DEFAULT_RATE_LIMITS[k].perParticipant,
    perAddress: input[k]?.perAddress ?? input.perAddress ?? DEFAULT_RATE_LIMITS[k].perAddress,
  });
  return { comments: kind('comments'), votes: kind('votes'), reports: kind('reports'), windowMs: input.windowMs ?? DEFAULT_RATE_LIMITS.windowMs };
}

const nouns: Record<WriteKind, [one: string, other: string]> = { comments: ['comment', 'comments'], votes: ['vote', 'votes'], reports: ['report', 'reports'] };
const counted = (n: number, [one, other]: [string, string]) => `${n} ${n === 1 ? one : other}`;

/**
 * 429 when `recent` (the times of this participant's or address's writes in
 * the window, newest first) is already at `limit`; Retry-After is when the
 * oldest one that matters leaves the window.
 */
export function enforce(recent: readonly string[], limit: number, kind: WriteKind, windowMs: number, t: Date, who: string): void {
  if (recent.length < limit) return;
  const freesAt = Date.parse(recent[limit - 1]!) + windowMs;
  const seconds = Math.max(1, Math.ceil((freesAt - t.getTime()) / 1000));
  const minutes = Math.round(windowMs / 60000);
  throw new ProblemError(429, `At most ${counted(limit, nouns[kind])} per ${counted(minutes, ['minute', 'minutes'])} ${who}; try again in ${counted(seconds, ['second', 'seconds'])}.`, {
    type: problemType('rate-limited'),
    headers: { 'Retry-After': String(seconds) },
  });
}

/**
 * The address a write is counted by (see the file comment), as addressKey
 * makes it. `trustedHops` is the number of reverse proxies in front of the
 * portal (0: none, the connection's own address).
 */
export function clientAddressOf(c: Context, trustedHops: number): string {
  if (trustedHops > 0) {
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // The entry the outermost trusted proxy wrote; fewer entries than proxies: the leftmost there is.
    if (hops.length) return addressKey(hops[Math.max(0, hops.length - trustedHops)]!);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return addressKey(env?.incoming?.socket?.remoteAddress ?? 'unknown');
}

/** IPv4 as is; IPv6 as its /64 (`2001:db8:1:2::/64`); IPv4-mapped IPv6 as the IPv4; anything else cut to 64 characters. */
export function addressKey(raw: string): string {
  let ip = raw.trim();
  // `[2001:db8::1]:443` and `192.0.2.1:443`, as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  ip = ip.replace(/%.*$/, '');
  const version = isIP(ip);
  if (version === 4) return ip;
  if (version !== 6) return ip.slice(0, 64) || 'unknown';
  const groups = ipv6Groups(ip);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (isIP said so). */
function ipv6Groups(ip: string): number[] {
  let text = ip.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
