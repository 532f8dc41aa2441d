/**
 * `GET /v1/consultations` (a page of summaries, most recently opened first),
 * `GET /v1/consultations/{id}` and `GET /v1/consultations/{id}/decision`.
 */
import type { Context, Hono } from 'hono';
import {
  Consultation,
  ConsultationPage,
  ConsultationStatus,
  Decision,
  Id,
  type ConsultationSummary,
} from '../src/api/schemas.js';
import { CONSULTATION_STATUS_SQL } from './db.js';
import { badRequest, idOf, notFound, sendJson, type RouteOptions } from './http.js';
import { pageOf, pageQueryOf } from './paging.js';
import { parseJson, type ConsultationRow, type DecisionRow, type DocumentRow, type SectionRow, type WithStatus } from './rows.js';

/** A consultation as the reads select it: its row, its status, its agency and its counts. */
type ConsultationRead = ConsultationRow &
  WithStatus & {
    agency_name: string;
    agency_url: string | null;
    agency_logo_url: string | null;
    comments: number;
    participants: number;
  };

/** Binds `:now` (ms) for the status; the list filters on it, so it is computed in SQL (see db.ts). */
const consultationSelect = `
  SELECT c.*, a.name AS agency_name, a.url AS agency_url, a.logo_url AS agency_logo_url,
    ${CONSULTATION_STATUS_SQL} AS status,
    (SELECT count(*) FROM comments m WHERE m.consultation_id = c.id AND m.status = 'published') AS comments,
    (SELECT count(DISTINCT m.participant) FROM comments m
       WHERE m.consultation_id = c.id AND m.status = 'published') AS participants
  FROM consultations c JOIN agencies a ON a.id = c.agency_id`;

export function consultationRoutes(app: Hono, { db, now, urls }: RouteOptions): void {
  const q = {
    consultation: db.prepare(`${consultationSelect} WHERE c.id = :id`),
    consultations: db.prepare(`
      SELECT * FROM (${consultationSelect}) x
      WHERE (:status IS NULL OR x.status = :status)
        AND (:agency IS NULL OR x.agency_id = :agency)
        AND (:afterKey IS NULL OR (x.opens_at, x.id) < (:afterKey, :afterId))
      ORDER BY x.opens_at DESC, x.id DESC
      LIMIT :limit`),
    sections: db.prepare('SELECT id, number, title, body FROM sections WHERE consultation_id = ? ORDER BY position'),
    documents: db.prepare(
      'SELECT title, path, media_type, size_bytes, lang FROM documents WHERE consultation_id = ? ORDER BY position',
    ),
    pollIds: db.prepare('SELECT id FROM polls WHERE consultation_id = ? ORDER BY position'),
    exists: db.prepare('SELECT 1 FROM consultations WHERE id = ?'),
    decision: db.prepare('SELECT * FROM decisions WHERE consultation_id = ?'),
  };

  const summaryOf = (c: Context, r: ConsultationRead): ConsultationSummary => ({
    id: r.id,
    title: parseJson(r.title),
    agency: {
      id: r.agency_id,
      name: parseJson(r.agency_name),
      ...(r.agency_url ? { url: r.agency_url } : {}),
      ...(r.agency_logo_url ? { logoUrl: r.agency_logo_url } : {}),
    },
    kind: r.kind,
    status: r.status,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    participation: { comments: r.comments, participants: r.participants },
    portalUrl: urls.consultationPage(c, r.id),
  });

  app.get('/v1/consultations', (c) => {
    const status = c.req.query('status') || null;
    if (status !== null && !ConsultationStatus.safeParse(status).success) throw badRequest('status', 'invalid');
    const agency = c.req.query('agency') || null;
    if (agency !== null && !Id.safeParse(agency).success) throw badRequest('agency', 'invalid');
    const page = pageQueryOf(c);
    const rows = q.consultations.all({ now: now().getTime(), status, agency, ...page }) as ConsultationRead[];
    return sendJson(
      c,
      ConsultationPage,
      pageOf(rows, page, (r) => [r.opens_at, r.id], (r) => summaryOf(c, r)),
    );
  });

  app.get('/v1/consultations/:id', (c) => {
    const id = idOf(c);
    const r = q.consultation.get({ id, now: now().getTime() }) as ConsultationRead | undefined;
    if (!r) throw notFound('No such consultation.');
    const sections = q.sections.all(id) as Pick<SectionRow, 'id' | 'number' | 'title' | 'body'>[];
    const documents = q.documents.all(id) as Omit<DocumentRow, 'consultation_id' | 'position'>[];
    const consultation: Consultation = {
      ...summaryOf(c, r),
      summary: parseJson(r.summary),
      sections: sections.map((s) => ({ id: s.id, number: s.number, title: parseJson(s.title), body: parseJson(s.body) })),
      documents: documents.map((d) => ({
        title: parseJson(d.title),
        url: urls.file(c, d.path),
        mediaType: d.media_type,
        ...(d.size_bytes !== null ? { sizeBytes: d.size_bytes } : {}),
        ...(d.lang !== null ? { lang: d.lang } : {}),
      })),
      ...(r.impact_assessment_path ? { impactAssessmentUrl: urls.file(c, r.impact_assessment_path) } : {}),
      commenting: {
        // "enabled" means a person can comment now, not merely that the agency allows it.
        enabled: r.commenting_enabled === 1 && r.status === 'open',
        signInRequired: r.sign_in_required === 1,
        maxLength: r.max_length,
        moderation: r.moderation,
        policyVersion: r.policy_version,
        ...(r.display_name_allowed !== null ? { displayNameAllowed: r.display_name_allowed === 1 } : {}),
      },
      pollIds: (q.pollIds.all(id) as { id: string }[]).map((p) => p.id),
    };
    return sendJson(c, Consultation, consultation);
  });

  app.get('/v1/consultations/:id/decision', (c) => {
    const id = idOf(c);
    if (!q.exists.get(id)) throw notFound('No such consultation.');
    const d = q.decision.get(id) as DecisionRow | undefined;
    if (!d) throw notFound('No decision has been published for this consultation yet.');
    const decision: Decision = {
      consultationId: id,
      publishedAt: d.published_at,
      outcome: d.outcome,
      summary: parseJson(d.summary),
      changes: parseJson(d.changes),
      feedback: parseJson(d.feedback),
      responses: parseJson(d.responses),
      ...(d.document_path ? { documentUrl: urls.file(c, d.document_path) } : {}),
    };
    return sendJson(c, Decision, decision);
  });
}
