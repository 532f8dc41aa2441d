/**
 * `GET /v1/consultations/{id}/comments` (published only, newest first),
 * `POST /v1/consultations/{id}/comments` and `POST /v1/comments/{id}/reports`.
 *
 * A citizen's comment must never be lost nor doubled: the idempotency key is
 * checked and the row written in one IMMEDIATE transaction (the write lock is
 * taken first, so the CLI or a second process cannot slip in between), the
 * UNIQUE (consultation_id, idempotency_key) index stops a duplicate even so,
 * and 201 goes out only after the commit (synchronous=FULL: on disk).
 *
 * Every write is limited per participant and per address (limits.ts). A
 * comment that seems to hold personal data (src/api/personal-data.ts, the
 * form's own detector) waits for a moderator even where the consultation
 * publishes at once, with the kinds found as the reason. A report counts once
 * per participant and once per address.
 */
import type { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import { findPersonalData } from '../src/api/personal-data.js';
import { CommentAccepted, CommentPage, Id, NewComment, Report, type Comment } from '../src/api/schemas.js';
import { CONSULTATION_STATUS_SQL } from './db.js';
import {
  badRequest,
  idOf,
  invalidFields,
  notFound,
  parseBody,
  ProblemError,
  problemType,
  readJsonBody,
  sendJson,
  sendWritten,
  type FieldError,
  type RouteOptions,
} from './http.js';
import { callerOf, idempotencyKeyOf, sha256, unauthorized } from './identity.js';
import { clientAddressOf, enforce, type RateLimits } from './limits.js';
import { pageOf, pageQueryOf } from './paging.js';
import type { CommentRow, ConsultationRow, WithStatus } from './rows.js';

export interface CommentOptions extends Pick<RouteOptions, 'db' | 'now' | 'verifyToken'> {
  limits: RateLimits;
  /** Reverse proxies in front of the portal (limits.ts). */
  trustedHops: number;
}

/** What the write route needs of the consultation. */
type Commentable = WithStatus &
  Pick<
    ConsultationRow,
    | 'opens_at'
    | 'closes_at'
    | 'commenting_enabled'
    | 'sign_in_required'
    | 'max_length'
    | 'moderation'
    | 'display_name_allowed'
    | 'policy_version'
  >;

type PriorComment = Pick<CommentRow, 'id' | 'request_hash' | 'accepted_status'>;

/** A published comment as the list selects it. */
type PublishedComment = Pick<
  CommentRow,
  'id' | 'section_id' | 'body' | 'display_name' | 'stakeholder_type' | 'created_at' | 'reply_body' | 'reply_created_at'
>;

const commentOf = (m: PublishedComment): Comment => ({
  id: m.id,
  ...(m.section_id !== null ? { sectionId: m.section_id } : {}),
  body: m.body,
  author: {
    ...(m.display_name !== null ? { displayName: m.display_name } : {}),
    stakeholderType: m.stakeholder_type,
  },
  createdAt: m.created_at,
  ...(m.reply_body !== null && m.reply_created_at !== null ? { reply: { body: m.reply_body, createdAt: m.reply_created_at } } : {}),
});

export function commentRoutes(app: Hono, o: CommentOptions): void {
  const { db, now, limits } = o;
  const q = {
    consultation: db.prepare(`
      SELECT opens_at, closes_at, commenting_enabled, sign_in_required, max_length, moderation,
        display_name_allowed, policy_version, ${CONSULTATION_STATUS_SQL} AS status
      FROM consultations c WHERE id = :id`),
    exists: db.prepare('SELECT 1 FROM consultations WHERE id = ?'),
    published: db.prepare(`
      SELECT id, section_id, body, display_name, stakeholder_type, created_at, reply_body, reply_created_at
      FROM comments
      WHERE consultation_id = :id AND status = 'published'
        AND (:section IS NULL OR section_id = :section)
        AND (:afterKey IS NULL OR (created_at, id) < (:afterKey, :afterId))
      ORDER BY created_at DESC, id DESC
      LIMIT :limit`),
    section: db.prepare('SELECT 1 FROM sections WHERE consultation_id = ? AND id = ?'),
    byKey: db.prepare('SELECT id, request_hash, accepted_status FROM comments WHERE consultation_id = ? AND idempotency_key = ?'),
    byParticipant: db.prepare(
      'SELECT created_at FROM comments WHERE participant = ? AND created_at > ? ORDER BY created_at DESC',
    ).pluck(),
    byAddress: db.prepare('SELECT created_at FROM comments WHERE client_address = ? AND created_at > ? ORDER BY created_at DESC').pluck(),
    insert: db.prepare(`
      INSERT INTO comments (id, consultation_id, section_id, body, display_name, stakeholder_type, policy_version,
        status, participant, created_at, idempotency_key, request_hash, accepted_status, client_address, held_for)
      VALUES (:id, :consultationId, :sectionId, :body, :displayName, :stakeholderType, :policyVersion,
        :status, :participant, :createdAt, :key, :hash, :status, :address, :heldFor)`),
    isPublished: db.prepare("SELECT 1 FROM comments WHERE id = ? AND status = 'published'"),
    reported: db.prepare('SELECT 1 FROM reports WHERE comment_id = ? AND participant = ?'),
    reportsByParticipant: db.prepare('SELECT created_at FROM reports WHERE participant = ? AND created_at > ? ORDER BY created_at DESC').pluck(),
    reportsByAddress: db.prepare('SELECT created_at FROM reports WHERE client_address = ? AND created_at > ? ORDER BY created_at DESC').pluck(),
    // Dismissed reports are done with: a new report from the same address counts again.
    reportedFrom: db.prepare('SELECT 1 FROM reports WHERE comment_id = ? AND client_address = ? AND dismissed_at IS NULL'),
    report: db.prepare(`
      INSERT INTO reports (comment_id, reason, note, participant, created_at, client_address, counted) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (comment_id, participant) DO NOTHING`),
  };

  /** The same key again: the first answer if it is the same request, else 422. */
  const replay = (prior: PriorComment, hash: string) => {
    if (prior.request_hash !== hash || prior.accepted_status === null) {
      throw new ProblemError(422, 'This Idempotency-Key was already used for a different comment; make a new key for a new draft.', {
        type: problemType('idempotency-key-reused'),
      });
    }
    return sendWritten(CommentAccepted, { id: prior.id, status: prior.accepted_status }, 201);
  };

  app.get('/v1/consultations/:id/comments', (c) => {
    const id = idOf(c);
    const section = c.req.query('section') || null;
    if (section !== null && !Id.safeParse(section).success) throw badRequest('section', 'invalid');
    const page = pageQueryOf(c);
    if (!q.exists.get(id)) throw notFound('No such consultation.');
    if (section !== null && !q.section.get(id, section)) throw notFound('No such section in this consultation.');
    const rows = q.published.all({ id, section, ...page }) as PublishedComment[];
    return sendJson(c, CommentPage, pageOf(rows, page, (m) => [m.created_at, m.id], commentOf));
  });

  app.post('/v1/consultations/:id/comments', async (c) => {
    const id = idOf(c);
    const raw = await readJsonBody(c);
    const key = idempotencyKeyOf(c);
    const caller = await callerOf(c, o.verifyToken);
    const t = now();
    const cons = q.consultation.get({ id, now: t.getTime() }) as Commentable | undefined;
    if (!cons) throw notFound('No such consultation.');
    if (cons.sign_in_required && !caller.signedIn) throw unauthorized('Sign in to comment on this consultation.');
    const participant = caller.participant;
    if (participant === null) throw badRequest('Sharek-Participant', 'required', 'Send a Sharek-Participant id or sign in.');
    const input = parseBody(NewComment, raw);
    const hash = sha256(
      JSON.stringify([participant, input.body, input.sectionId ?? null, input.displayName ?? null, input.stakeholderType, input.policyVersion]),
    );

    // A replay answers as the first time did, even if the consultation has closed since.
    const prior = q.byKey.get(id, key) as PriorComment | undefined;
    if (prior) return replay(prior, hash);

    const { status } = cons;
    if (!cons.commenting_enabled) throw new ProblemError(403, 'Commenting is not enabled on this consultation.');
    if (status === 'upcoming') throw new ProblemError(403, `This consultation opens for comments at ${cons.opens_at}.`);
    if (status !== 'open') throw new ProblemError(403, `This consultation closed for comments at ${cons.closes_at}.`);
    if (input.policyVersion !== cons.policy_version) {
      throw new ProblemError(409, `The usage policy is now version ${cons.policy_version}; read it and accept it again.`, {
        type: problemType('policy-changed'),
        currentPolicyVersion: cons.policy_version,
      });
    }
    const errors: FieldError[] = [];
    if (input.body.length > cons.max_length) errors.push({ field: 'body', code: 'too_long' });
    if (input.sectionId !== undefined && !q.section.get(id, input.sectionId)) errors.push({ field: 'sectionId', code: 'invalid' });
    if (errors.length) throw invalidFields(errors);

    const address = clientAddressOf(c, o.trustedHops);
    const displayName = cons.display_name_allowed === 1 && input.displayName ? input.displayName : null;
    const heldFor = [...new Set(findPersonalData(`${input.body}\n${displayName ?? ''}`).map((f) => f.kind))];
    const row = {
      id: randomUUID(),
      consultationId: id,
      sectionId: input.sectionId ?? null,
      body: input.body,
      // Only where the consultation allows names; otherwise dropped, not refused.
      displayName,
      stakeholderType: input.stakeholderType,
      policyVersion: input.policyVersion,
      status: cons.moderation === 'pre' || heldFor.length ? ('pending' as const) : ('published' as const),
      participant,
      createdAt: t.toISOString(),
      key,
      hash,
      address,
      heldFor: heldFor.length ? heldFor.join(',') : null,
    };
    const result = db
      .transaction((): PriorComment | null => {
        // Checked again under the write lock: another process may have just written it.
        const raced = q.byKey.get(id, key) as PriorComment | undefined;
        if (raced) return raced;
        const since = new Date(t.getTime() - limits.windowMs).toISOString();
        const limit = limits.comments;
        enforce(q.byParticipant.all(participant, since) as string[], limit.perParticipant, 'comments', limits.windowMs, t, 'per participant');
        enforce(q.byAddress.all(address, since) as string[], limit.perAddress, 'comments', limits.windowMs, t, 'from one address');
        q.insert.run(row);
        return null;
      })
      .immediate();
    if (result) return replay(result, hash);
    return sendWritten(CommentAccepted, { id: row.id, status: row.status }, 201);
  });

  app.post('/v1/comments/:id/reports', async (c) => {
    const id = idOf(c);
    const raw = await readJsonBody(c);
    const participant = (await callerOf(c, o.verifyToken)).participant;
    if (participant === null) throw badRequest('Sharek-Participant', 'required', 'Send a Sharek-Participant id or sign in.');
    const input = parseBody(Report, raw);
    // Pending and rejected comments are invisible to the public: they cannot be reported either.
    if (!q.isPublished.get(id)) throw notFound('No such published comment.');
    const address = clientAddressOf(c, o.trustedHops);
    const t = now();
    db.transaction(() => {
      // One report per comment and participant: a second one changes nothing (UNIQUE in the table) and costs nothing.
      if (q.reported.get(id, participant)) return;
      const since = new Date(t.getTime() - limits.windowMs).toISOString();
      const limit = limits.reports;
      enforce(q.reportsByParticipant.all(participant, since) as string[], limit.perParticipant, 'reports', limits.windowMs, t, 'per participant');
      enforce(q.reportsByAddress.all(address, since) as string[], limit.perAddress, 'reports', limits.windowMs, t, 'from one address');
      // More reports of this comment from an address already heard are kept, but not counted again.
      const counted = q.reportedFrom.get(id, address) ? 0 : 1;
      q.report.run(id, input.reason, input.note?.trim() || null, participant, t.toISOString(), address, counted);
    }).immediate();
    return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  });
}
