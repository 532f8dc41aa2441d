/**
 * What moderators do, once, for both the admin routes (admin.ts) and the
 * terminal (cli.ts): list the queues, approve, reject or remove with a
 * reason, reply, dismiss reports, read reports, preview and publish a
 * decision. Every function validates its own input and throws ProblemError
 * (400/404/409), which the routes send as is and the CLI prints. Every change
 * names who made it (`who`, a moderator) and is written to the audit log in
 * the same transaction (moderators.ts).
 */
import * as z from 'zod/mini';
import {
  DateTime,
  Decision,
  Id,
  LocalizedText,
  ReportReason,
  StakeholderType,
  type Decision as DecisionT,
  type LocalizedText as LocalizedTextT,
} from '../src/api/schemas.js';
import { findPersonalData, PERSONAL_DATA_KINDS } from '../src/api/personal-data.js';
import { CONSULTATION_STATUS_SQL, type Db } from './db.js';
import { badRequest, invalidFields, notFound, parseBody, ProblemError, type FieldError } from './http.js';
import { audit } from './moderators.js';
import type { CommentRow, ConsultationRow, ReportRow, WithStatus } from './rows.js';

export const CommentStatus = z.enum(['pending', 'published', 'rejected']);

const count = z.int().check(z.nonnegative());

/** A comment as a moderator sees it: any status, who moderated it, its reports, and where it was written. */
export const AdminComment = z.object({
  id: Id,
  consultationId: Id,
  /** The consultation's title, so a queue can show it without another request. */
  consultationTitle: LocalizedText,
  sectionId: z.optional(Id),
  /** The article's title, when the comment is on one. */
  sectionTitle: z.optional(LocalizedText),
  body: z.string(),
  displayName: z.optional(z.string()),
  stakeholderType: StakeholderType,
  policyVersion: z.string(),
  status: CommentStatus,
  createdAt: DateTime,
  moderatedAt: z.optional(DateTime),
  /** The moderator who last approved or rejected it. */
  moderatedBy: z.optional(z.string()),
  rejectionReason: z.optional(ReportReason),
  /** Free text the moderator gave with the rejection. */
  rejectionNote: z.optional(z.string()),
  reply: z.optional(z.object({ body: z.string(), createdAt: DateTime, by: z.optional(z.string()) })),
  /** Reports from distinct participants and addresses (more from one address count once), dismissed ones included. */
  reports: count,
  /** Distinct participants and addresses whose reports are not dismissed: what the reported queue counts. */
  reporters: count,
  /** The first and the latest report not dismissed. */
  firstReportedAt: z.optional(DateTime),
  lastReportedAt: z.optional(DateTime),
  /** Undismissed reports by reason (counted like `reporters`). */
  reportReasons: z.optional(z.partialRecord(ReportReason, count)),
  /** Held for a moderator, although the consultation publishes at once, because it seems to hold this personal data. */
  heldFor: z.optional(z.array(z.enum(PERSONAL_DATA_KINDS))),
  /** What the detector found, masked for display (`07•• ••• •12`). */
  heldFound: z.optional(z.array(z.string())),
});

/** A page of comments; `nextCursor` (null on the last page) asks for the next. */
export const AdminCommentList = z.object({ items: z.array(AdminComment), nextCursor: z.nullable(z.string()) });

/** A reported comment with its latest reports (at most MAX_REPORTS_SHOWN), most reported first. */
export const ReportedComment = z.object({
  comment: AdminComment,
  reports: z.array(z.object({ reason: ReportReason, note: z.optional(z.string()), createdAt: DateTime })),
});

/** A page of reported comments; `nextCursor` (null on the last page) asks for the next. */
export const ReportList = z.object({ items: z.array(ReportedComment), nextCursor: z.nullable(z.string()) });

/** Body of `POST /admin/v1/comments/{id}/reject`: a reason from the usage policy's list, and an optional note. */
export const Rejection = z.object({
  reason: ReportReason,
  note: z.optional(z.string().check(z.trim(), z.maxLength(500, 'too_long'))),
});

/** Body of `POST /admin/v1/comments/{id}/reply`: the agency's answer, plain text. */
export const Reply = z.object({ body: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(5000, 'too_long')) });

/**
 * Body of `POST /admin/v1/consultations/{id}/decision`: a Decision without
 * `consultationId` (the path says it), `publishedAt` (the portal's clock
 * says it) and `feedback` (the portal counts it from the comments it holds):
 * what was heard, and when, cannot be invented or backdated.
 */
export const NewDecision = z.omit(Decision, { consultationId: true, publishedAt: true, feedback: true });

/** `GET /admin/v1/me`: who the credential is, and the agency's response time. */
export const Me = z.object({ moderator: z.string(), responseTimeHours: z.int().check(z.positive()) });

const queue = z.object({ count, oldestAt: z.nullable(DateTime) });

/** `GET /admin/v1/queues`: how many items wait in each queue, and since when. */
export const Queues = z.object({
  responseTimeHours: z.int().check(z.positive()),
  queues: z.object({ pending: queue, reported: queue, published: z.object({ count }), rejected: z.object({ count }) }),
});

export type AdminComment = z.infer<typeof AdminComment>;
export type ReportedComment = z.infer<typeof ReportedComment>;
export type CommentStatus = z.infer<typeof CommentStatus>;
export type Queues = z.infer<typeof Queues>;

/** A comment as the moderators' queries select it: the row less what identifies the writer, with what is computed. */
type ModeratedComment = Omit<CommentRow, 'participant' | 'idempotency_key' | 'request_hash' | 'accepted_status' | 'client_address'> & {
  consultation_title: string;
  section_title: string | null;
  reports: number;
  reporters: number;
  first_reported_at: string | null;
  last_reported_at: string | null;
  /** JSON object, reason to count. */
  report_reasons: string;
};

/** A comment's reports that count: those not dismissed (in a query on `comments m`, `reports r`). */
const open = 'r.comment_id = m.id AND r.dismissed_at IS NULL';
const reportersOf = `(SELECT coalesce(sum(r.counted), 0) FROM reports r WHERE ${open})`;
const firstReportOf = `(SELECT min(r.created_at) FROM reports r WHERE ${open})`;

const commentSelect = `
  SELECT m.id, m.consultation_id, c.title AS consultation_title, m.section_id, s.title AS section_title, m.body,
    m.display_name, m.stakeholder_type, m.policy_version, m.status, m.created_at, m.moderated_at, m.moderated_by,
    m.rejection_reason, m.rejection_note, m.reply_body, m.reply_created_at, m.reply_by, m.held_for,
    (SELECT coalesce(sum(r.counted), 0) FROM reports r WHERE r.comment_id = m.id) AS reports,
    ${reportersOf} AS reporters,
    ${firstReportOf} AS first_reported_at,
    (SELECT max(r.created_at) FROM reports r WHERE ${open}) AS last_reported_at,
    (SELECT json_group_object(reason, n) FROM
      (SELECT r.reason, sum(r.counted) AS n FROM reports r WHERE ${open} GROUP BY r.reason HAVING n > 0)) AS report_reasons
  FROM comments m
  JOIN consultations c ON c.id = m.consultation_id
  LEFT JOIN sections s ON s.consultation_id = m.consultation_id AND s.id = m.section_id`;

/**
 * Personal data found, shown to a moderator without repeating it whole: the
 * first and last two letters or digits stay (one each in short ones), the
 * separators stay, the rest become `•`.
 */
export function maskFinding(match: string): string {
  const chars = [...match];
  const positions = chars.flatMap((ch, i) => (/[\p{L}\p{N}]/u.test(ch) ? [i] : []));
  const keep = positions.length > 6 ? 2 : positions.length > 2 ? 1 : 0;
  const hidden = new Set(positions.slice(keep, positions.length - keep));
  return chars.map((ch, i) => (hidden.has(i) ? '•' : ch)).join('');
}

function toAdmin(r: ModeratedComment): AdminComment {
  const reasons = JSON.parse(r.report_reasons || '{}') as Record<string, number>;
  const found = r.held_for ? findPersonalData(`${r.body}\n${r.display_name ?? ''}`).map((f) => maskFinding(f.match)) : [];
  return {
    id: r.id,
    consultationId: r.consultation_id,
    consultationTitle: JSON.parse(r.consultation_title) as LocalizedTextT,
    ...(r.section_id !== null ? { sectionId: r.section_id } : {}),
    ...(r.section_title !== null ? { sectionTitle: JSON.parse(r.section_title) as LocalizedTextT } : {}),
    body: r.body,
    ...(r.display_name !== null ? { displayName: r.display_name } : {}),
    stakeholderType: r.stakeholder_type,
    policyVersion: r.policy_version,
    status: r.status,
    createdAt: r.created_at,
    ...(r.moderated_at !== null ? { moderatedAt: r.moderated_at } : {}),
    ...(r.moderated_by !== null ? { moderatedBy: r.moderated_by } : {}),
    ...(r.rejection_reason ? { rejectionReason: r.rejection_reason } : {}),
    ...(r.rejection_note ? { rejectionNote: r.rejection_note } : {}),
    ...(r.reply_body !== null && r.reply_created_at !== null
      ? { reply: { body: r.reply_body, createdAt: r.reply_created_at, ...(r.reply_by !== null ? { by: r.reply_by } : {}) } }
      : {}),
    reports: r.reports,
    reporters: r.reporters,
    ...(r.first_reported_at !== null ? { firstReportedAt: r.first_reported_at } : {}),
    ...(r.last_reported_at !== null ? { lastReportedAt: r.last_reported_at } : {}),
    ...(Object.keys(reasons).length ? { reportReasons: reasons } : {}),
    ...(r.held_for ? { heldFor: r.held_for.split(',') as AdminComment['heldFor'] } : {}),
    ...(found.length ? { heldFound: found } : {}),
  };
}

export const MAX_LIST = 500;

export interface CommentFilter {
  status?: string | undefined;
  consultationId?: string | undefined;
  /** An article id. */
  sectionId?: string | undefined;
  stakeholderType?: string | undefined;
  /** Only comments with reports not dismissed (published ones unless `status` says otherwise). */
  reported?: boolean | undefined;
  limit?: number | undefined;
  /** The previous page's `nextCursor`. */
  cursor?: string | undefined;
}

/**
 * How each queue is ordered (`k0`, `k1`, then the id), and where a page after
 * the cursor's item starts. The cursor is the last item's key, `[order, k0,
 * k1, id]`, as base64url JSON.
 */
const ORDERS = {
  // awaiting moderation (and everything at once): oldest first, the order a queue is worked through
  oldest: { keys: '0 AS k0, m.created_at AS k1', by: 'm.created_at, m.id', after: '(m.created_at, m.id) > (:k1, :k2)' },
  // published and rejected: the latest decisions first
  moderated: {
    keys: '0 AS k0, coalesce(m.moderated_at, m.created_at) AS k1',
    by: 'k1 DESC, m.id DESC',
    after: '(coalesce(m.moderated_at, m.created_at), m.id) < (:k1, :k2)',
  },
  // reported: most distinct reporters first, then the longest waiting
  reported: {
    keys: `${reportersOf} AS k0, ${firstReportOf} AS k1`,
    by: 'k0 DESC, k1, m.id',
    after: `(${reportersOf} < :k0 OR (${reportersOf} = :k0 AND (${firstReportOf}, m.id) > (:k1, :k2)))`,
  },
} as const;
type Order = keyof typeof ORDERS;

function encodeCursor(order: Order, key: (string | number)[]): string {
  return Buffer.from(JSON.stringify([order, ...key])).toString('base64url');
}

/** The cursor's key, or null; 400 unless it is one this portal made for the same order. */
function decodeCursor(raw: string | undefined, order: Order, errors: FieldError[]): { k0: number; k1: string; k2: string } | null {
  if (raw === undefined || raw === '') return null;
  let key: unknown;
  try {
    key = /^[A-Za-z0-9_-]{1,300}$/.test(raw) ? JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) : null;
  } catch {
    key = null;
  }
  if (
    Array.isArray(key) &&
    key.length === 4 &&
    key[0] === order &&
    Number.isInteger(key[1]) &&
    typeof key[2] === 'string' &&
    key[2].length <= 40 &&
    typeof key[3] === 'string' &&
    Id.safeParse(key[3]).success
  ) {
    return { k0: key[1] as number, k1: key[2], k2: key[3] };
  }
  errors.push({ field: 'cursor', code: 'invalid' });
  return null;
}

/**
 * A page of comments matching the filter, in the order of their queue:
 * oldest first (pending, or no status), most recently moderated first
 * (published, rejected), most distinct reporters first (reported). At most
 * MAX_LIST a page; `nextCursor` is null on the last.
 */
export function listComments(db: Db, filter: CommentFilter = {}): { items: AdminComment[]; nextCursor: string | null } {
  const errors: FieldError[] = [];
  if (filter.status !== undefined && !CommentStatus.safeParse(filter.status).success) errors.push({ field: 'status', code: 'invalid' });
  if (filter.consultationId !== undefined && !Id.safeParse(filter.consultationId).success) {
    errors.push({ field: 'consultation', code: 'invalid' });
  }
  if (filter.sectionId !== undefined && !Id.safeParse(filter.sectionId).success) errors.push({ field: 'section', code: 'invalid' });
  if (filter.stakeholderType !== undefined && !StakeholderType.safeParse(filter.stakeholderType).success) {
    errors.push({ field: 'stakeholder', code: 'invalid' });
  }
  const limit = filter.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST) errors.push({ field: 'limit', code: 'out_of_range' });
  // Reports are made on published comments: the reported queue is theirs unless another status is asked for.
  const status = filter.status ?? (filter.reported ? 'published' : undefined);
  const order: Order = filter.reported ? 'reported' : status === 'published' || status === 'rejected' ? 'moderated' : 'oldest';
  const after = decodeCursor(filter.cursor, order, errors);
  if (errors.length) throw invalidFields(errors);
  const { keys, by, after: afterSql } = ORDERS[order];
  // The page's ids first, sorting only the keys, then the page's rows with all that is computed for them:
  // sorting whole rows would compute every comment's report figures. Only the filters given are in the
  // query, so that SQLite can use the index for them (an `:x IS NULL OR …` term defeats it).
  const where = [
    status !== undefined && 'm.status = :status',
    filter.consultationId !== undefined && 'm.consultation_id = :consultation',
    filter.sectionId !== undefined && 'm.section_id = :section',
    filter.stakeholderType !== undefined && 'm.stakeholder_type = :stakeholder',
    filter.reported && `EXISTS (SELECT 1 FROM reports r WHERE ${open} AND r.counted = 1)`,
    after && afterSql,
  ].filter(Boolean);
  const page = db
    .prepare(`SELECT m.id, ${keys} FROM comments m ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${by} LIMIT :limit`)
    // Parameters the statement does not name are ignored.
    .all({
      status: status ?? null,
      consultation: filter.consultationId ?? null,
      section: filter.sectionId ?? null,
      stakeholder: filter.stakeholderType ?? null,
      ...(after ?? {}),
      limit: limit + 1,
    }) as { id: string; k0: number; k1: string }[];
  const shown = page.slice(0, limit);
  const rows = db.prepare(`${commentSelect} WHERE m.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(shown.map((p) => p.id))) as ModeratedComment[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const last = shown.at(-1);
  return {
    items: shown.map((p) => toAdmin(byId.get(p.id)!)),
    nextCursor: page.length > limit && last ? encodeCursor(order, [last.k0, last.k1, last.id]) : null,
  };
}

/**
 * How many comments wait in each queue (of one consultation, or all), the
 * oldest waiting item of the pending queue and the oldest undismissed report
 * of the reported one, with the agency's response time to measure them by.
 */
export function queueSummary(db: Db, consultationId: string | undefined, responseTimeHours: number): Queues {
  if (consultationId !== undefined && !Id.safeParse(consultationId).success) throw badRequest('consultation', 'invalid');
  const where = '(:consultation IS NULL OR m.consultation_id = :consultation)';
  const row = db
    .prepare(
      `SELECT
        (SELECT count(*) FROM comments m WHERE m.status = 'pending' AND ${where}) AS pending,
        (SELECT min(m.created_at) FROM comments m WHERE m.status = 'pending' AND ${where}) AS pending_oldest,
        (SELECT count(*) FROM comments m WHERE m.status = 'published' AND ${where}
          AND EXISTS (SELECT 1 FROM reports r WHERE ${open} AND r.counted = 1)) AS reported,
        (SELECT min(r.created_at) FROM reports r JOIN comments m ON ${open}
          WHERE m.status = 'published' AND ${where}) AS reported_oldest,
        (SELECT count(*) FROM comments m WHERE m.status = 'published' AND ${where}) AS published,
        (SELECT count(*) FROM comments m WHERE m.status = 'rejected' AND ${where}) AS rejected`,
    )
    .get({ consultation: consultationId ?? null }) as {
    pending: number;
    pending_oldest: string | null;
    reported: number;
    reported_oldest: string | null;
    published: number;
    rejected: number;
  };
  return {
    responseTimeHours,
    queues: {
      pending: { count: row.pending, oldestAt: row.pending_oldest },
      reported: { count: row.reported, oldestAt: row.reported_oldest },
      published: { count: row.published },
      rejected: { count: row.rejected },
    },
  };
}

function commentOf(db: Db, id: string): ModeratedComment {
  if (!Id.safeParse(id).success) throw badRequest('id', 'invalid', 'Malformed comment id.');
  const row = db.prepare(`${commentSelect} WHERE m.id = ?`).get(id) as ModeratedComment | undefined;
  if (!row) throw notFound(`No comment ${id}.`);
  return row;
}

export function getComment(db: Db, id: string): AdminComment {
  return toAdmin(commentOf(db, id));
}

/** Publishes a comment (pending, or a rejected one reinstated). Approving a published one changes nothing. */
export function approveComment(db: Db, id: string, now: Date, who: string): AdminComment {
  return db
    .transaction(() => {
      const row = commentOf(db, id);
      if (row.status !== 'published') {
        db.prepare(
          "UPDATE comments SET status = 'published', moderated_at = ?, moderated_by = ?, rejection_reason = NULL, rejection_note = NULL WHERE id = ?",
        ).run(now.toISOString(), who, id);
        audit(db, who, 'comment.approve', id, { was: row.status }, now);
      }
      return getComment(db, id);
    })
    .immediate();
}

/**
 * Rejects a pending comment, or removes a published one (audited as
 * `comment.remove`), with a reason from the policy's list and an optional note.
 */
export function rejectComment(db: Db, id: string, input: unknown, now: Date, who: string): AdminComment {
  const { reason, note } = parseBody(Rejection, input);
  return db
    .transaction(() => {
      const row = commentOf(db, id);
      db.prepare(
        "UPDATE comments SET status = 'rejected', moderated_at = ?, moderated_by = ?, rejection_reason = ?, rejection_note = ? WHERE id = ?",
      ).run(now.toISOString(), who, reason, note || null, id);
      const action = row.status === 'published' ? 'comment.remove' : 'comment.reject';
      audit(db, who, action, id, { was: row.status, reason, ...(note ? { note } : {}) }, now);
      return getComment(db, id);
    })
    .immediate();
}

/** Sets (or replaces) the agency's reply, shown under the comment once it is published. */
export function replyToComment(db: Db, id: string, input: unknown, now: Date, who: string): AdminComment {
  const { body } = parseBody(Reply, input);
  return db
    .transaction(() => {
      commentOf(db, id);
      db.prepare('UPDATE comments SET reply_body = ?, reply_created_at = ?, reply_by = ? WHERE id = ?').run(body, now.toISOString(), who, id);
      audit(db, who, 'comment.reply', id, { body }, now);
      return getComment(db, id);
    })
    .immediate();
}

/**
 * Dismisses a comment's reports (judged unfounded): kept, for the audit, but
 * no longer counted in `reporters` nor in the reported queue. Reports made
 * later count again. With nothing to dismiss, nothing changes.
 */
export function dismissReports(db: Db, id: string, now: Date, who: string): AdminComment {
  return db
    .transaction(() => {
      commentOf(db, id);
      const { changes } = db.prepare('UPDATE reports SET dismissed_at = ? WHERE comment_id = ? AND dismissed_at IS NULL').run(now.toISOString(), id);
      if (changes > 0) audit(db, who, 'comment.dismiss-reports', id, { reports: changes }, now);
      return getComment(db, id);
    })
    .immediate();
}

export const MAX_REPORTS_SHOWN = 50;

export interface ReportFilter {
  consultationId?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/**
 * Reported comments, most reported first (by distinct participants and
 * addresses, so a flood from one place cannot bury the others), a page at a
 * time: `cursor` is the previous page's `nextCursor`.
 */
export function listReports(db: Db, filter: ReportFilter = {}): { items: ReportedComment[]; nextCursor: string | null } {
  const errors: FieldError[] = [];
  if (filter.consultationId !== undefined && !Id.safeParse(filter.consultationId).success) {
    errors.push({ field: 'consultation', code: 'invalid' });
  }
  const limit = filter.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT_REPORTS) errors.push({ field: 'limit', code: 'out_of_range' });
  let offset = 0;
  if (filter.cursor !== undefined && filter.cursor !== '') {
    if (/^\d{1,9}$/.test(filter.cursor)) offset = Number(filter.cursor);
    else errors.push({ field: 'cursor', code: 'invalid' });
  }
  if (errors.length) throw invalidFields(errors);
  const comments = db
    .prepare(
      `${commentSelect}
       WHERE EXISTS (SELECT 1 FROM reports r WHERE ${open})
         AND (:consultation IS NULL OR m.consultation_id = :consultation)
       ORDER BY reporters DESC, m.created_at, m.id LIMIT :limit OFFSET :offset`,
    )
    .all({ consultation: filter.consultationId ?? null, limit: limit + 1, offset }) as ModeratedComment[];
  const reportsOf = db.prepare(
    `SELECT reason, note, created_at FROM reports WHERE comment_id = ? AND dismissed_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ${MAX_REPORTS_SHOWN}`,
  );
  const items = comments.slice(0, limit).map((c) => ({
    comment: toAdmin(c),
    reports: (reportsOf.all(c.id) as Pick<ReportRow, 'reason' | 'note' | 'created_at'>[]).map(
      (r) => ({ reason: r.reason, ...(r.note !== null ? { note: r.note } : {}), createdAt: r.created_at }),
    ),
  }));
  return { items, nextCursor: comments.length > limit ? String(offset + limit) : null };
}

/** Reported comments per page, at most. */
export const MAX_LIMIT_REPORTS = 100;

/**
 * The decision a consultation would get now from this input: validated, with
 * the portal's clock and its own feedback figures. Refused (409) while the
 * consultation is upcoming or open, and when one is already published.
 * Writes nothing; call it inside the transaction that saves it, if any.
 */
function decisionFrom(db: Db, consultationId: string, input: unknown, now: Date): DecisionT {
  if (!Id.safeParse(consultationId).success) throw badRequest('id', 'invalid', 'Malformed consultation id.');
  // Said outright rather than dropped like other unknown members: whoever sent them expects them used.
  const computed = ['publishedAt', 'feedback'].filter((k) => typeof input === 'object' && input !== null && k in input);
  if (computed.length) {
    throw invalidFields(
      computed.map((field) => ({ field, code: 'computed' })),
      'The portal sets publishedAt (its clock) and feedback (the comments it holds); leave them out.',
    );
  }
  const c = db
    .prepare(`SELECT closes_at, ${CONSULTATION_STATUS_SQL} AS status FROM consultations c WHERE id = :id`)
    .get({ id: consultationId, now: now.getTime() }) as (Pick<ConsultationRow, 'closes_at'> & WithStatus) | undefined;
  if (!c) throw notFound(`No consultation ${consultationId}.`);
  const status = c.status;
  if (status === 'decided') {
    throw new ProblemError(409, 'A decision is already published for this consultation; it is not replaced.');
  }
  if (status !== 'closed') {
    throw new ProblemError(409, `The consultation is ${status} until ${c.closes_at}; publish its decision once it has closed.`);
  }
  const d = parseBody(NewDecision, input, Infinity);
  const sections = new Set(
    (db.prepare('SELECT id FROM sections WHERE consultation_id = ?').all(consultationId) as { id: string }[]).map((s) => s.id),
  );
  const errors = d.changes.flatMap((change, i) =>
    change.sectionId !== undefined && !sections.has(change.sectionId) ? [{ field: `changes.${i}.sectionId`, code: 'invalid' }] : [],
  );
  if (errors.length) throw invalidFields(errors, 'A change names an article this consultation does not have.');
  return {
    consultationId,
    publishedAt: now.toISOString(),
    outcome: d.outcome,
    summary: d.summary,
    changes: d.changes,
    feedback: feedbackOf(db, consultationId),
    responses: d.responses,
    ...(d.documentUrl !== undefined ? { documentUrl: d.documentUrl } : {}),
  };
}

/**
 * What publishing this decision would publish now, without saving or
 * auditing it: the console shows it as citizens would see it.
 */
export function previewDecision(db: Db, consultationId: string, input: unknown, now: Date): DecisionT {
  // One read transaction: the status and the figures are from the same moment.
  return db.transaction(() => decisionFrom(db, consultationId, input, now))();
}

/**
 * Publishes the decision of a closed consultation. Refused (409) while it is
 * upcoming or open, and when one is already published: a decision is a
 * public record, so it is not replaced.
 */
export function publishDecision(db: Db, consultationId: string, input: unknown, now: Date, who: string): DecisionT {
  return db
    .transaction((): DecisionT => {
      const decision = decisionFrom(db, consultationId, input, now);
      db.prepare(
        `INSERT INTO decisions (consultation_id, published_at, outcome, summary, changes, feedback, responses, document_path)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        consultationId,
        decision.publishedAt,
        decision.outcome,
        JSON.stringify(decision.summary),
        JSON.stringify(decision.changes),
        JSON.stringify(decision.feedback),
        JSON.stringify(decision.responses),
        // An absolute URL; the read route resolves relative seed paths and leaves this as is.
        decision.documentUrl ?? null,
      );
      audit(db, who, 'decision.publish', consultationId, { outcome: decision.outcome, feedback: decision.feedback }, now);
      return decision;
    })
    .immediate();
}

/** What was heard: the published comments, their authors and stakeholder types. */
function feedbackOf(db: Db, consultationId: string): DecisionT['feedback'] {
  const totals = db
    .prepare(
      "SELECT count(*) AS comments, count(DISTINCT participant) AS participants FROM comments WHERE consultation_id = ? AND status = 'published'",
    )
    .get(consultationId) as { comments: number; participants: number };
  const byType = db
    .prepare(
      "SELECT stakeholder_type AS type, count(*) AS n FROM comments WHERE consultation_id = ? AND status = 'published' GROUP BY stakeholder_type",
    )
    .all(consultationId) as { type: string; n: number }[];
  return { ...totals, byStakeholderType: Object.fromEntries(byType.map((r) => [r.type, r.n])) };
}
