/**
 * What moderators do, once, for both the admin routes (admin.ts) and the
 * terminal (cli.ts): list comments, approve, reject with a reason, reply,
 * read reports, publish a decision. Every function validates its own input
 * and throws ProblemError (400/404/409), which the routes send as is and the
 * CLI prints. Every change names who made it (`who`, a moderator) and is
 * written to the audit log in the same transaction (moderators.ts).
 */
import * as z from 'zod/mini';
import {
  DateTime,
  Decision,
  Id,
  ReportReason,
  StakeholderType,
  type Decision as DecisionT,
} from '../src/api/schemas.js';
import { PERSONAL_DATA_KINDS } from '../src/api/personal-data.js';
import { CONSULTATION_STATUS_SQL, type Db } from './db.js';
import { badRequest, invalidFields, notFound, parseBody, ProblemError, type FieldError } from './http.js';
import { audit } from './moderators.js';
import type { CommentRow, ConsultationRow, ReportRow, WithStatus } from './rows.js';

export const CommentStatus = z.enum(['pending', 'published', 'rejected']);

/** A comment as a moderator sees it: any status, with its report count. */
export const AdminComment = z.object({
  id: Id,
  consultationId: Id,
  sectionId: z.optional(Id),
  body: z.string(),
  displayName: z.optional(z.string()),
  stakeholderType: StakeholderType,
  policyVersion: z.string(),
  status: CommentStatus,
  createdAt: DateTime,
  moderatedAt: z.optional(DateTime),
  rejectionReason: z.optional(ReportReason),
  reply: z.optional(z.object({ body: z.string(), createdAt: DateTime })),
  /** Reports from distinct participants and addresses (more from one address count once). */
  reports: z.int().check(z.nonnegative()),
  /** Held for a moderator, although the consultation publishes at once, because it seems to hold this personal data. */
  heldFor: z.optional(z.array(z.enum(PERSONAL_DATA_KINDS))),
});

export const AdminCommentList = z.object({ items: z.array(AdminComment) });

/** A reported comment with its latest reports (at most MAX_REPORTS_SHOWN), most reported first. */
export const ReportedComment = z.object({
  comment: AdminComment,
  reports: z.array(z.object({ reason: ReportReason, note: z.optional(z.string()), createdAt: DateTime })),
});

/** A page of reported comments; `nextCursor` (null on the last page) asks for the next. */
export const ReportList = z.object({ items: z.array(ReportedComment), nextCursor: z.nullable(z.string()) });

/** Body of `POST /admin/v1/comments/{id}/reject`. */
export const Rejection = z.object({ reason: ReportReason });

/** Body of `POST /admin/v1/comments/{id}/reply`: the agency's answer, plain text. */
export const Reply = z.object({ body: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(5000, 'too_long')) });

/**
 * Body of `POST /admin/v1/consultations/{id}/decision`: a Decision without
 * `consultationId` (the path says it), `publishedAt` (the portal's clock
 * says it) and `feedback` (the portal counts it from the comments it holds):
 * what was heard, and when, cannot be invented or backdated.
 */
export const NewDecision = z.omit(Decision, { consultationId: true, publishedAt: true, feedback: true });

export type AdminComment = z.infer<typeof AdminComment>;
export type ReportedComment = z.infer<typeof ReportedComment>;
export type CommentStatus = z.infer<typeof CommentStatus>;

/** A comment as the moderators' queries select it: the row less what identifies the writer, with its report count. */
type ModeratedComment = Omit<CommentRow, 'participant' | 'idempotency_key' | 'request_hash' | 'accepted_status' | 'client_address'> & {
  reports: number;
};

const commentSelect = `
  SELECT m.id, m.consultation_id, m.section_id, m.body, m.display_name, m.stakeholder_type, m.policy_version,
    m.status, m.created_at, m.moderated_at, m.rejection_reason, m.reply_body, m.reply_created_at, m.held_for,
    (SELECT coalesce(sum(r.counted), 0) FROM reports r WHERE r.comment_id = m.id) AS reports
  FROM comments m`;

function toAdmin(r: ModeratedComment): AdminComment {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    ...(r.section_id !== null ? { sectionId: r.section_id } : {}),
    body: r.body,
    ...(r.display_name !== null ? { displayName: r.display_name } : {}),
    stakeholderType: r.stakeholder_type,
    policyVersion: r.policy_version,
    status: r.status,
    createdAt: r.created_at,
    ...(r.moderated_at !== null ? { moderatedAt: r.moderated_at } : {}),
    ...(r.rejection_reason ? { rejectionReason: r.rejection_reason } : {}),
    ...(r.reply_body !== null && r.reply_created_at !== null ? { reply: { body: r.reply_body, createdAt: r.reply_created_at } } : {}),
    reports: r.reports,
    ...(r.held_for ? { heldFor: r.held_for.split(',') as AdminComment['heldFor'] } : {}),
  };
}

export const MAX_LIST = 500;

export interface CommentFilter {
  status?: string | undefined;
  consultationId?: string | undefined;
  limit?: number | undefined;
}

/** Comments oldest first (the order a queue is worked through); at most MAX_LIST. */
export function listComments(db: Db, filter: CommentFilter = {}): AdminComment[] {
  const errors: FieldError[] = [];
  if (filter.status !== undefined && !CommentStatus.safeParse(filter.status).success) errors.push({ field: 'status', code: 'invalid' });
  if (filter.consultationId !== undefined && !Id.safeParse(filter.consultationId).success) {
    errors.push({ field: 'consultation', code: 'invalid' });
  }
  const limit = filter.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST) errors.push({ field: 'limit', code: 'out_of_range' });
  if (errors.length) throw invalidFields(errors);
  const rows = db
    .prepare(
      `${commentSelect}
       WHERE (:status IS NULL OR m.status = :status) AND (:consultation IS NULL OR m.consultation_id = :consultation)
       ORDER BY m.created_at, m.id LIMIT :limit`,
    )
    .all({ status: filter.status ?? null, consultation: filter.consultationId ?? null, limit }) as ModeratedComment[];
  return rows.map(toAdmin);
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
        db.prepare("UPDATE comments SET status = 'published', moderated_at = ?, rejection_reason = NULL WHERE id = ?").run(
          now.toISOString(),
          id,
        );
        audit(db, who, 'comment.approve', id, { was: row.status }, now);
      }
      return getComment(db, id);
    })
    .immediate();
}

/** Rejects a comment (pending, or takes a published one down) with a reason from the policy's list. */
export function rejectComment(db: Db, id: string, input: unknown, now: Date, who: string): AdminComment {
  const { reason } = parseBody(Rejection, input);
  return db
    .transaction(() => {
      const row = commentOf(db, id);
      db.prepare("UPDATE comments SET status = 'rejected', moderated_at = ?, rejection_reason = ? WHERE id = ?").run(
        now.toISOString(),
        reason,
        id,
      );
      audit(db, who, 'comment.reject', id, { was: row.status, reason }, now);
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
      db.prepare('UPDATE comments SET reply_body = ?, reply_created_at = ? WHERE id = ?').run(body, now.toISOString(), id);
      audit(db, who, 'comment.reply', id, { body }, now);
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
       WHERE EXISTS (SELECT 1 FROM reports r WHERE r.comment_id = m.id)
         AND (:consultation IS NULL OR m.consultation_id = :consultation)
       ORDER BY reports DESC, m.created_at, m.id LIMIT :limit OFFSET :offset`,
    )
    .all({ consultation: filter.consultationId ?? null, limit: limit + 1, offset }) as ModeratedComment[];
  const reportsOf = db.prepare(
    `SELECT reason, note, created_at FROM reports WHERE comment_id = ? ORDER BY created_at DESC, id DESC LIMIT ${MAX_REPORTS_SHOWN}`,
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
 * Publishes the decision of a closed consultation. Refused (409) while it is
 * upcoming or open, and when one is already published: a decision is a
 * public record, so it is not replaced.
 */
export function publishDecision(db: Db, consultationId: string, input: unknown, now: Date, who: string): DecisionT {
  if (!Id.safeParse(consultationId).success) throw badRequest('id', 'invalid', 'Malformed consultation id.');
  // Said outright rather than dropped like other unknown members: whoever sent them expects them used.
  const computed = ['publishedAt', 'feedback'].filter((k) => typeof input === 'object' && input !== null && k in input);
  if (computed.length) {
    throw invalidFields(
      computed.map((field) => ({ field, code: 'computed' })),
      'The portal sets publishedAt (its clock) and feedback (the comments it holds); leave them out.',
    );
  }
  return db
    .transaction((): DecisionT => {
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
      const decision: DecisionT = {
        consultationId,
        publishedAt: now.toISOString(),
        outcome: d.outcome,
        summary: d.summary,
        changes: d.changes,
        feedback: feedbackOf(db, consultationId),
        responses: d.responses,
        ...(d.documentUrl !== undefined ? { documentUrl: d.documentUrl } : {}),
      };
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
