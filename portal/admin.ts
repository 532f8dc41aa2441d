/**
 * Moderators' routes, mounted at `/admin/v1` in the API (so
 * `/api/admin/v1/…` on the portal). Authorised by `Authorization: Bearer
 * <credential>`, each moderator's own (moderators.ts), or in development the
 * `SHAREK_ADMIN_TOKEN` as the moderator "development": 401 without one, 403
 * with a wrong one, and 429 with `Retry-After` once an address has sent
 * too many wrong ones. What each moderator does goes to the audit log
 * (`GET /admin/v1/audit`). No CORS: the admin API answers no other origin,
 * and a browser on another site cannot even ask (app.ts mounts CORS on the
 * public routes only). The work itself is in moderation.ts (the queues, the
 * actions, the decision and its preview) and report.ts (the feedback report),
 * shared with the CLI; the README's "The admin API" lists every route.
 */
import { Hono, type Context } from 'hono';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Decision, UsagePolicy } from '../src/api/schemas.js';
import type { Db } from './db.js';
import { badRequest, idOf, ProblemError, problemType, publicUrls, readJsonBody, sendWritten, type PublicUrls } from './http.js';
import { clientAddressOf } from './limits.js';
import {
  AdminComment,
  AdminCommentList,
  approveComment,
  dismissReports,
  listComments,
  listReports,
  Me,
  previewDecision,
  publishDecision,
  queueSummary,
  Queues,
  rejectComment,
  replyToComment,
  ReportList,
} from './moderation.js';
import { feedbackReport, FeedbackReport, reasonLabelsOf, reportCsv, reportFileName, reportLanguageOf } from './report.js';
import { DEFAULT_RESPONSE_HOURS } from './settings.js';
import { AuditPage, DEVELOPMENT_MODERATOR, moderatorByToken, readAudit } from './moderators.js';
import { publishPolicy } from './policy.js';

export interface AdminOptions {
  db: Db;
  now: () => Date;
  /** The development moderator's token (SHAREK_ADMIN_TOKEN); never in production. */
  adminToken?: string | undefined;
  /** Reverse proxies in front (limits.ts), for the address wrong credentials are counted by. */
  trustedHops: number;
  /** Wrong credentials one address may send per window before 429; 10 per 10 minutes by default. */
  failures?: { max: number; windowMs: number };
  /** The agency's target for answering a queued item, in hours (SHAREK_RESPONSE_HOURS); 72 by default. */
  responseTimeHours?: number;
  /** The public URLs (http.ts), for a decision's document in the feedback report. */
  urls?: PublicUrls;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

type Env = { Variables: { moderator: string } };

export function adminApi(o: AdminOptions): Hono<Env> {
  const { db, now } = o;
  // Compared as fixed-length digests, so neither the length nor the content leaks through timing.
  const development = o.adminToken ? digest(o.adminToken) : null;
  const failures = failureCounter(o.failures ?? { max: 10, windowMs: 10 * 60 * 1000 });
  const admin = new Hono<Env>();

  admin.use('*', async (c, next) => {
    const token = /^Bearer +(\S+) *$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!token) {
      throw new ProblemError(401, 'Send your moderator credential as "Authorization: Bearer <credential>".', {
        headers: { 'WWW-Authenticate': 'Bearer realm="sharek-admin"' },
      });
    }
    const address = clientAddressOf(c, o.trustedHops);
    const t = now().getTime();
    // Refused while the address is over its limit, even with the right credential: guessing must not go on.
    failures.check(address, t);
    const name = development && timingSafeEqual(digest(token), development) ? DEVELOPMENT_MODERATOR : moderatorByToken(db, token);
    if (!name) {
      failures.add(address, t);
      throw new ProblemError(403, 'This credential does not authorise moderation (unknown or revoked).');
    }
    c.set('moderator', name);
    await next();
  });

  const who = (c: Context<Env>) => c.get('moderator');
  const responseTimeHours = o.responseTimeHours ?? DEFAULT_RESPONSE_HOURS;

  // The console's sign-in check: whose credential this is.
  admin.get('/me', (c) => sendWritten(Me, { moderator: who(c), responseTimeHours }));

  admin.get('/comments', (c) => {
    const reported = c.req.query('reported');
    if (reported !== undefined && reported !== '' && reported !== 'true' && reported !== 'false') throw badRequest('reported', 'invalid');
    const page = listComments(db, {
      status: c.req.query('status') || undefined,
      consultationId: c.req.query('consultation') || undefined,
      sectionId: c.req.query('section') || undefined,
      stakeholderType: c.req.query('stakeholder') || undefined,
      reported: reported === 'true',
      limit: limitOf(c),
      cursor: c.req.query('cursor'),
    });
    return sendWritten(AdminCommentList, page);
  });

  admin.get('/queues', (c) => sendWritten(Queues, queueSummary(db, c.req.query('consultation') || undefined, responseTimeHours)));

  admin.post('/comments/:id/approve', (c) => sendWritten(AdminComment, approveComment(db, idOf(c), now(), who(c))));

  admin.post('/comments/:id/reject', async (c) => {
    const id = idOf(c);
    return sendWritten(AdminComment, rejectComment(db, id, await readJsonBody(c), now(), who(c)));
  });

  admin.post('/comments/:id/dismiss-reports', (c) => sendWritten(AdminComment, dismissReports(db, idOf(c), now(), who(c))));

  admin.post('/comments/:id/reply', async (c) => {
    const id = idOf(c);
    return sendWritten(AdminComment, replyToComment(db, id, await readJsonBody(c), now(), who(c)));
  });

  admin.get('/reports', (c) =>
    sendWritten(
      ReportList,
      listReports(db, { consultationId: c.req.query('consultation') || undefined, limit: limitOf(c), cursor: c.req.query('cursor') }),
    ),
  );

  admin.post('/consultations/:id/decision', async (c) => {
    const id = idOf(c);
    return sendWritten(Decision, publishDecision(db, id, await readJsonBody(c), now(), who(c)), 201);
  });

  // Exactly what publishing would publish now, saved nowhere: the console's preview.
  admin.post('/consultations/:id/decision/preview', async (c) => {
    const id = idOf(c);
    return sendWritten(Decision, previewDecision(db, id, await readJsonBody(c), now()));
  });

  // The feedback report of a closed consultation (report.ts): JSON, and CSV for a spreadsheet.
  const urls = o.urls ?? publicUrls(undefined);
  const reportOf = (c: Context<Env>) => {
    const id = idOf(c);
    return feedbackReport(db, id, now(), (path) => urls.file(c, path));
  };
  admin.get('/consultations/:id/report', (c) => sendWritten(FeedbackReport, reportOf(c)));
  admin.get('/consultations/:id/report.csv', (c) => {
    const lang = reportLanguageOf(c.req.query('lang'));
    const report = reportOf(c);
    return new Response(reportCsv(report, lang, reasonLabelsOf(db)), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${reportFileName(report.consultation.id)}"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  admin.post('/policy', async (c) => sendWritten(UsagePolicy, publishPolicy(db, await readJsonBody(c), now(), who(c)), 201));

  admin.get('/audit', (c) => sendWritten(AuditPage, readAudit(db, { limit: limitOf(c), cursor: c.req.query('cursor') })));

  return admin;
}

function limitOf(c: Context): number | undefined {
  const raw = c.req.query('limit');
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,4}$/.test(raw)) throw badRequest('limit', 'out_of_range');
  return Number(raw);
}

/** At most this many addresses are remembered; the oldest are forgotten first. */
const MAX_TRACKED = 10_000;

/** Wrong credentials per address, in memory (a restart forgets them, which costs a guesser nothing worth having). */
function failureCounter({ max, windowMs }: { max: number; windowMs: number }) {
  const seen = new Map<string, number[]>();
  const recent = (address: string, t: number) => (seen.get(address) ?? []).filter((at) => at > t - windowMs);
  return {
    check(address: string, t: number) {
      const times = recent(address, t);
      if (times.length < max) return;
      const seconds = Math.max(1, Math.ceil((times[times.length - max]! + windowMs - t) / 1000));
      throw new ProblemError(429, `Too many wrong credentials from this address; try again in ${seconds} seconds.`, {
        type: problemType('rate-limited'),
        headers: { 'Retry-After': String(seconds) },
      });
    },
    add(address: string, t: number) {
      const times = recent(address, t);
      times.push(t);
      seen.delete(address);
      seen.set(address, times);
      if (seen.size > MAX_TRACKED) seen.delete(seen.keys().next().value!);
    },
  };
}
