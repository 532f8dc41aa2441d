/** `GET /v1/policy` (optional `?version=`): the usage policy, current or a given version. */
import type { Hono } from 'hono';
import { UsagePolicy } from '../src/api/schemas.js';
import { badRequest, notFound, sendJson, type RouteOptions } from './http.js';
import { parseJson, type PolicyRow } from './rows.js';

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
    const policy: UsagePolicy = {
      version: row.version,
      updatedAt: row.updated_at,
      text: parseJson(row.text),
      rules: parseJson(row.rules),
      reportReasons: parseJson(row.report_reasons),
    };
    return sendJson(c, UsagePolicy, policy);
  });
}
