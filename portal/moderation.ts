/**
 * What moderators do, once, for both the admin routes (admin.ts) and the
 * terminal (cli.ts): list comments, approve, reject with a reason, reply,
 * read reports, publish a decision. Every function validates its own input
 * and throws ProblemError (400/404/409), which the routes send as is and the
 * CLI prints.
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
import { CONSULTATION_STATUS_SQL, isoUtc, type Db } from './db.js';
import { badRequest, invalidFields, notFound, parseBody, ProblemError, type FieldError } from './http.js';
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
  reports: z.int().check(z.nonnegative()),
});

export const AdminCommentList = z.object({ items: z.array(AdminComment) });

/** A reported comment with every report on it, most reported first. */
export const ReportedComment = z.object({
  comment: AdminComment,
  reports: z.array(z.object({ reason: ReportReason, note: z.optional(z.string()), createdAt: DateTime })),
});

export const ReportList = z.object({ items: z.array(ReportedComment) });

/** Body of `POST /admin/v1/comments/{id}/reject`. */
export const Rejection = z.object({ reason: ReportReason });

/** Body of `POST /admin/v1/comments/{id}/reply`: the agency's answer, plain text. */
export const Reply = z.object({ body: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(5000, 'too_long')) });

/**
 * Body of `POST /admin/v1/consultations/{id}/decision`: a Decision without
 * `consultationId` (the path says it). `publishedAt` defaults to now and
 * `feedback` to the counts of the published comments.
 */
export const NewDecision = z.extend(z.omit(Decision, { consultationId: true }), {
  publishedAt: z.optional(DateTime),
  feedback: z.optional(Decision.shape.feedback),
});

export type AdminComment = z.infer<typeof AdminComment>;
export type ReportedComment = z.infer<typeof ReportedComment>;
export type CommentStatus = z.infer<typeof CommentStatus>;

/** A comment as the moderators' queries select it: the row less what identifies the writer, with its report count. */
type ModeratedComment = Omit<CommentRow, 'participant' | 'idempotency_key' | 'request_hash' | 'accepted_status' | 'client_address'> & {
  reports: number;
};

const commentSelect = `
  SELECT m.id, m.consultation_id, m.section_id, m.body, m.display_name, m.stakeholder_type, m.policy_version,
    m.status, m.created_at, m.moderated_at, m.rejection_reason, m.reply_body, m.reply_created_at,
    (SELECT count(*) FROM reports r WHERE r.comment_id = m.id) AS reports
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
export function approveComment(db: Db, id: string, now: Date): AdminComment {
  const row = commentOf(db, id);
  if (row.status !== 'published') {
    db.prepare("UPDATE comments SET status = 'published', moderated_at = ?, rejection_reason = NULL WHERE id = ?").run(
      now.toISOString(),
      id,
    );
  }
  return getComment(db, id);
}

/** Rejects a comment (pending, or takes a published one down) with a reason from the policy's list. */
export function rejectComment(db: Db, id: string, input: unknown, now: Date): AdminComment {
  commentOf(db, id);
  const { reason } = parseBody(Rejection, input);
  db.prepare("UPDATE comments SET status = 'rejected', moderated_at = ?, rejection_reason = ? WHERE id = ?").run(
    now.toISOString(),
    reason,
    id,
  );
  return getComment(db, id);
}

/** Sets (or replaces) the agency's reply, shown under the comment once it is published. */
export function replyToComment(db: Db, id: string, input: unknown, now: Date): AdminComment {
  commentOf(db, id);
  const { body } = parseBody(Reply, input);
  db.prepare('UPDATE comments SET reply_body = ?, reply_created_at = ? WHERE id = ?').run(body, now.toISOString(), id);
  return getComment(db, id);
}

/** Every reported comment with its reports, most reported first. */
export function listReports(db: Db, filter: { consultationId?: string | undefined } = {}): ReportedComment[] {
  if (filter.consultationId !== undefined && !Id.safeParse(filter.consultationId).success) {
    throw badRequest('consultation', 'invalid');
  }
  const comments = db
    .prepare(
      `${commentSelect}
       WHERE EXISTS (SELECT 1 FROM reports r WHERE r.comment_id = m.id)
         AND (:consultation IS NULL OR m.consultation_id = :consultation)
       ORDER BY reports DESC, m.created_at, m.id LIMIT ${MAX_LIST}`,
    )
    .all({ consultation: filter.consultationId ?? null }) as ModeratedComment[];
  const reportsOf = db.prepare('SELECT reason, note, created_at FROM reports WHERE comment_id = ? ORDER BY created_at, id');
  return comments.map((c) => ({
    comment: toAdmin(c),
    reports: (reportsOf.all(c.id) as Pick<ReportRow, 'reason' | 'note' | 'created_at'>[]).map(
      (r) => ({ reason: r.reason, ...(r.note !== null ? { note: r.note } : {}), createdAt: r.created_at }),
    ),
  }));
}

/**
 * Publishes the decision of a closed consultation. Refused (409) while it is
 * upcoming or open, and when one is already published: a decision is a
 * public record, so it is not replaced.
 */
export function publishDecision(db: Db, consultationId: string, input: unknown, now: Date): DecisionT {
  if (!Id.safeParse(consultationId).success) throw badRequest('id', 'invalid', 'Malformed consultation id.');
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
        publishedAt: isoUtc(d.publishedAt ?? now),
        outcome: d.outcome,
        summary: d.summary,
        changes: d.changes,
        feedback: d.feedback ?? feedbackOf(db, consultationId),
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
