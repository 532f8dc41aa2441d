/**
 * Keyset paging for the lists (consultations, comments): `limit` (default 20,
 * at most 100) and an opaque `cursor`, the `nextCursor` of the page before.
 * A list orders by a `[time, id]` key, newest first; the cursor is that key
 * of the last item sent.
 */
import type { Context } from 'hono';
import { Id } from '../src/api/schemas.js';
import { badRequest } from './http.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** Where a page starts: bind as `:afterKey` and `:afterId` (both null on the first page), and `:limit`. */
export interface PageQuery {
  afterKey: string | null;
  afterId: string | null;
  /** One more than the page holds, so that a next page shows itself. */
  limit: number;
}

/** The `limit` and `cursor` of the request, as a query's parameters. */
export function pageQueryOf(c: Context): PageQuery {
  const limit = limitOf(c);
  const after = cursorOf(c);
  return { afterKey: after?.[0] ?? null, afterId: after?.[1] ?? null, limit: limit + 1 };
}

/** The page the rows make (fetched with `pageQueryOf`), with the cursor of the next one. */
export function pageOf<R, T>(rows: R[], query: PageQuery, keyOf: (row: R) => [string, string], item: (row: R) => T) {
  const limit = query.limit - 1;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(item),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}

function limitOf(c: Context): number {
  const raw = c.req.query('limit');
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MAX_LIMIT)) throw badRequest('limit', 'out_of_range', `limit is 1 to ${MAX_LIMIT}.`);
  return n;
}

/**
 * Cursors are opaque to clients: base64url of the last item's sort key
 * `[time, id]`. Anything that does not decode to exactly that is 400.
 */
function encodeCursor(key: [string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function cursorOf(c: Context): [string, string] | null {
  const raw = c.req.query('cursor');
  if (raw === undefined || raw === '') return null;
  const invalid = () => badRequest('cursor', 'invalid', 'Use the nextCursor of the previous page.');
  if (raw.length > 200 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw invalid();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(key) ||
    key.length !== 2 ||
    typeof key[0] !== 'string' ||
    !ISO_UTC.test(key[0]) ||
    typeof key[1] !== 'string' ||
    !Id.safeParse(key[1]).success
  ) {
    throw invalid();
  }
  return [key[0], key[1]];
}
