/**
 * Moderators' routes, mounted at `/admin/v1` in the API (so
 * `/api/admin/v1/…` on the portal). Authorised by `Authorization: Bearer
 * <admin token>`: 401 without one, 403 with a wrong one. The work itself is
 * in moderation.ts, shared with the CLI.
 */
import { Hono, type Context } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Decision } from '../src/api/schemas.js';
import type { Db } from './db.js';
import { badRequest, idOf, ProblemError, readJsonBody, sendWritten } from './http.js';
import {
  AdminComment,
  AdminCommentList,
  approveComment,
  listComments,
  listReports,
  publishDecision,
  rejectComment,
  replyToComment,
  ReportList,
} from './moderation.js';

export interface AdminOptions {
  db: Db;
  now: () => Date;
  adminToken: string;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function adminApi(o: AdminOptions): Hono {
  const { db, now } = o;
  // Compared as fixed-length digests, so neither the length nor the content leaks through timing.
  const expected = digest(o.adminToken);
  const admin = new Hono();

  admin.use('*', async (c, next) => {
    const token = /^Bearer +(\S+) *$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!token) {
      throw new ProblemError(401, 'Send the admin token as "Authorization: Bearer <token>".', {
        headers: { 'WWW-Authenticate': 'Bearer realm="sharek-admin"' },
      });
    }
    if (!timingSafeEqual(digest(token), expected)) throw new ProblemError(403, 'This token does not authorise moderation.');
    await next();
  });

  admin.get('/comments', (c) => {
    const items = listComments(db, {
      status: c.req.query('status') || undefined,
      consultationId: c.req.query('consultation') || undefined,
      limit: limitOf(c),
    });
    return sendWritten(AdminCommentList, { items });
  });

  admin.post('/comments/:id/approve', (c) => sendWritten(AdminComment, approveComment(db, idOf(c), now())));

  admin.post('/comments/:id/reject', async (c) => {
    const id = idOf(c);
    return sendWritten(AdminComment, rejectComment(db, id, await readJsonBody(c), now()));
  });

  admin.post('/comments/:id/reply', async (c) => {
    const id = idOf(c);
    return sendWritten(AdminComment, replyToComment(db, id, await readJsonBody(c), now()));
  });

  admin.get('/reports', (c) =>
    sendWritten(ReportList, { items: listReports(db, { consultationId: c.req.query('consultation') || undefined }) }),
  );

  admin.post('/consultations/:id/decision', async (c) => {
    const id = idOf(c);
    return sendWritten(Decision, publishDecision(db, id, await readJsonBody(c), now()), 201);
  });

  return admin;
}

function limitOf(c: Context): number | undefined {
  const raw = c.req.query('limit');
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,4}$/.test(raw)) throw badRequest('limit', 'out_of_range');
  return Number(raw);
}
