/**
 * Moderators by name, and the audit log of what each did.
 *
 * Each moderator has their own credential, made and revoked at a terminal
 * (`npm run portal -- moderator add <name>`): 32 random bytes, shown once and
 * stored only as its SHA-256 (a fast hash is enough for a secret with 256 bits
 * of entropy: nothing to guess from it). Every approve, reject, reply,
 * decision, policy and moderator change is written to `audit_log` in the
 * same transaction as the change itself, with who and when.
 *
 * `SHAREK_ADMIN_TOKEN` still works for development and tests, as the
 * moderator named "development"; production mode refuses it (settings.ts).
 */
import * as z from 'zod/mini';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { DateTime } from '../src/api/schemas.js';
import type { Db } from './db.js';
import { badRequest, notFound, ProblemError } from './http.js';
import { sha256 } from './sign-in.js';
import type { AuditRow, ModeratorRow } from './rows.js';

/** The moderator `SHAREK_ADMIN_TOKEN` signs in as. */
export const DEVELOPMENT_MODERATOR = 'development';

/** A credential's random bytes: what production mode asks of any admin secret. */
export const CREDENTIAL_BYTES = 32;

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u;

export const AuditEntry = z.object({
  id: z.int(),
  at: DateTime,
  moderator: z.string(),
  action: z.string(),
  subject: z.optional(z.string()),
  detail: z.optional(z.unknown()),
});
export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.nullable(z.string()) });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const Moderator = z.object({ name: z.string(), createdAt: DateTime, revokedAt: z.optional(DateTime) });
export type Moderator = z.infer<typeof Moderator>;

/** Who is acting at a terminal: a named moderator (`--as`), else the account running the command. */
export function terminalActor(db: Db, name: string | undefined): string {
  if (name === undefined || name === '') return `terminal:${safeUser()}`;
  const row = db.prepare('SELECT revoked_at FROM moderators WHERE name = ?').get(name) as Pick<ModeratorRow, 'revoked_at'> | undefined;
  if (!row || row.revoked_at !== null) throw new ProblemError(403, `"${name}" is not a moderator (see: moderator list)`);
  return name;
}

function safeUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Writes one audit entry; call it inside the transaction of the change it records. */
export function audit(db: Db, who: string, action: string, subject: string | null, detail: unknown, now: Date): void {
  db.prepare('INSERT INTO audit_log (at, moderator, action, subject, detail) VALUES (?, ?, ?, ?, ?)').run(
    now.toISOString(),
    who,
    action,
    subject,
    detail === undefined ? null : JSON.stringify(detail),
  );
}

/**
 * Makes a moderator (or gives a revoked one a new credential) and returns the
 * credential, the only time it exists in the clear.
 */
export function addModerator(db: Db, name: string, now: Date, who: string): { name: string; token: string } {
  if (!NAME.test(name)) throw badRequest('name', 'invalid', 'A moderator name is 1–64 letters, digits, spaces or . _ @ -.');
  if (name === DEVELOPMENT_MODERATOR) throw badRequest('name', 'invalid', `"${DEVELOPMENT_MODERATOR}" is the development token's name.`);
  const token = randomBytes(CREDENTIAL_BYTES).toString('base64url');
  db.transaction(() => {
    const prior = db.prepare('SELECT revoked_at FROM moderators WHERE name = ?').get(name) as Pick<ModeratorRow, 'revoked_at'> | undefined;
    if (prior && prior.revoked_at === null) {
      throw new ProblemError(409, `"${name}" is already a moderator; revoke the credential first to make a new one.`);
    }
    db.prepare(
      `INSERT INTO moderators (name, token_hash, created_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at, revoked_at = NULL`,
    ).run(name, sha256(token), now.toISOString());
    audit(db, who, 'moderator.add', name, undefined, now);
  }).immediate();
  return { name, token };
}

export function revokeModerator(db: Db, name: string, now: Date, who: string): void {
  db.transaction(() => {
    const changed = db.prepare('UPDATE moderators SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL').run(now.toISOString(), name);
    if (changed.changes === 0) throw notFound(`No moderator "${name}" with a valid credential.`);
    audit(db, who, 'moderator.revoke', name, undefined, now);
  }).immediate();
}

export function listModerators(db: Db): Moderator[] {
  const rows = db.prepare('SELECT name, created_at, revoked_at FROM moderators ORDER BY name').all() as Omit<ModeratorRow, 'token_hash'>[];
  return rows.map((r) => ({ name: r.name, createdAt: r.created_at, ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}) }));
}

/** How many moderators can sign in now. */
export function activeModerators(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM moderators WHERE revoked_at IS NULL').get() as { n: number }).n;
}

/** The moderator a credential belongs to, or null (unknown or revoked). */
export function moderatorByToken(db: Db, token: string): string | null {
  const row = db.prepare('SELECT name FROM moderators WHERE token_hash = ? AND revoked_at IS NULL').get(sha256(token)) as
    | Pick<ModeratorRow, 'name'>
    | undefined;
  return row?.name ?? null;
}

export const MAX_AUDIT_PAGE = 500;

/** The audit log, newest first, a page at a time: `cursor` is the `nextCursor` of the page before. */
export function readAudit(db: Db, options: { limit?: number | undefined; cursor?: string | undefined } = {}) {
  const limit = options.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) throw badRequest('limit', 'out_of_range');
  let before = Number.MAX_SAFE_INTEGER;
  if (options.cursor !== undefined && options.cursor !== '') {
    if (!/^\d{1,15}$/.test(options.cursor)) throw badRequest('cursor', 'invalid', 'Use the nextCursor of the previous page.');
    before = Number(options.cursor);
  }
  const rows = db.prepare('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?').all(before, limit + 1) as AuditRow[];
  const page = rows.slice(0, limit);
  const items: AuditEntry[] = page.map((r) => ({
    id: r.id,
    at: r.at,
    moderator: r.moderator,
    action: r.action,
    ...(r.subject !== null ? { subject: r.subject } : {}),
    ...(r.detail !== null ? { detail: JSON.parse(r.detail) as unknown } : {}),
  }));
  return { items, nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null };
}
