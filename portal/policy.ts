/**
 * `GET /v1/policy` (optional `?version=`): the usage policy, current or a
 * given version; and publishing a new version (`POST /admin/v1/policy`, the
 * CLI's `publish-policy`), which every consultation not yet closed then asks
 * people to accept (a comment under the old version is 409 policy-changed).
 */
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { UsagePolicy } from '../src/api/schemas.js';
import { CONSULTATION_STATUS_SQL, type Db } from './db.js';
import { badRequest, notFound, parseBody, ProblemError, sendJson, type RouteOptions } from './http.js';
import { audit } from './moderators.js';
import { parseJson, type PolicyRow } from './rows.js';

/** Body of `POST /admin/v1/policy`: a UsagePolicy without `updatedAt` (the portal's clock says it). */
export const NewPolicy = z.omit(UsagePolicy, { updatedAt: true });

export function policyRoutes(app: Hono, { db }: Pick<RouteOptions, 'db'>): void {
  const q = {
    version: db.prepare('SELECT * FROM policy_versions WHERE version = ?'),
    current: db.prepare('SELECT * FROM policy_versions ORDER BY updated_at DESC, rowid DESC LIMIT 1'),
  };

  app.get('/v1/policy', (c) => {
    const version = c.req.query('version');
    if (version !== undefined && (version.length < 1 || version.length > 32)) throw badRequest('version', 'invalid');
    const row = (version !== undefined ? q.version.get(version) : q.current.get()) as PolicyRow | undefined;
    if (!row) throw notFound(version !== undefined ? 'No such policy version.' : 'No usage policy is published.');
    return sendJson(c, UsagePolicy, policyOf(row));
  });
}

const policyOf = (row: PolicyRow): UsagePolicy => ({
  version: row.version,
  updatedAt: row.updated_at,
  text: parseJson(row.text),
  rules: parseJson(row.rules),
  reportReasons: parseJson(row.report_reasons),
});

/**
 * Publishes a new version of the usage policy: it becomes the current one,
 * and the one of every upcoming and open consultation. A version is never
 * replaced (409): comments record the version they were accepted under.
 */
export function publishPolicy(db: Db, input: unknown, now: Date, who: string): UsagePolicy {
  const p = parseBody(NewPolicy, input, Infinity);
  return db
    .transaction((): UsagePolicy => {
      if (db.prepare('SELECT 1 FROM policy_versions WHERE version = ?').get(p.version)) {
        throw new ProblemError(409, `Policy version ${p.version} already exists; a published version is not replaced.`);
      }
      const updatedAt = now.toISOString();
      db.prepare('INSERT INTO policy_versions (version, updated_at, text, rules, report_reasons) VALUES (?, ?, ?, ?, ?)').run(
        p.version,
        updatedAt,
        JSON.stringify(p.text),
        JSON.stringify(p.rules),
        JSON.stringify(p.reportReasons),
      );
      const moved = db
        .prepare(
          `UPDATE consultations SET policy_version = :version
           WHERE id IN (SELECT c.id FROM consultations c WHERE ${CONSULTATION_STATUS_SQL} IN ('upcoming', 'open'))`,
        )
        .run({ version: p.version, now: now.getTime() });
      audit(db, who, 'policy.publish', p.version, { consultations: moved.changes }, now);
      return policyOf(db.prepare('SELECT * FROM policy_versions WHERE version = ?').get(p.version) as PolicyRow);
    })
    .immediate();
}
