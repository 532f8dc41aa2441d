/**
 * The portal API (contract version 1) as a Hono app. main.ts mounts it at
 * `/api`, so `GET /api/v1/consultations/{id}`; tests call it directly with
 * `app.request('/v1/…')`.
 *
 * The read routes are here; the write routes are in comments.ts (comments,
 * reports) and votes.ts, and the moderators' routes (`/admin/v1/…`) in
 * admin.ts. Every route answers errors as problem+json (http.ts).
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { fileURLToPath } from 'node:url';
import {
  CommentPage,
  Consultation,
  ConsultationPage,
  ConsultationStatus,
  Decision,
  Id,
  Poll,
  UsagePolicy,
  type Comment,
  type ConsultationSummary,
  type ConsultationStatus as Status,
} from '../src/api/schemas.js';
import { adminApi } from './admin.js';
import { commentRoutes, DEFAULT_RATE_LIMITS, type RateLimits } from './comments.js';
import type { Db } from './db.js';
import {
  badRequest,
  checkContentType,
  corsMiddleware,
  idOf,
  notFound,
  ProblemError,
  problemResponse,
  sendJson,
} from './http.js';
import { readerOf } from './identity.js';
import { openApiDocument } from './openapi.js';
import { pollQueries, readPoll } from './polls.js';
import { voteRoutes } from './votes.js';
import { fileResponse, safeJoin } from './static.js';

export interface ApiOptions {
  db: Db;
  /** Embedding origins allowed by CORS, matched exactly. Read on each request. */
  origins: readonly string[];
  /** The portal's public base, e.g. `https://portal.example.jo`; else the request's origin. */
  publicUrl?: string;
  /** The clock; tests move it. */
  now?: () => Date;
  /** Where `GET /documents/:file` reads from; defaults to `portal/documents/`. */
  documentsDir?: string;
  /** Where unexpected errors are reported; defaults to console.error. */
  logError?: (error: unknown) => void;
  /** Bearer token of the moderators' routes under `/admin/v1`; without it those routes do not exist (404). */
  adminToken?: string;
  /** Comment rate limits; DEFAULT_RATE_LIMITS (5 per participant, 20 per address, per 10 minutes) for what is left out. */
  rateLimits?: Partial<RateLimits>;
  /** Behind a reverse proxy: take the client address from the last `X-Forwarded-For` hop. */
  trustProxy?: boolean;
}

/**
 * Request bodies are small JSON. The largest is a comment of 20 000
 * characters (NewComment): at most 3 bytes each in UTF-8 (Arabic is 2, other
 * BMP scripts 3, astral characters 4 per 2 UTF-16 units), so 60 000 bytes
 * plus the other fields fits.
 */
export const MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

const defaultDocumentsDir = fileURLToPath(new URL('./documents/', import.meta.url));

/** JSON columns are read back whole; the answer's schema checks what they hold. */
const parse = <T>(text: string): T => JSON.parse(text) as T;

interface ConsultationRow {
  id: string;
  kind: Consultation['kind'];
  title: string;
  summary: string;
  opens_at: string;
  closes_at: string;
  impact_assessment_path: string | null;
  commenting_enabled: number;
  sign_in_required: number;
  max_length: number;
  moderation: 'pre' | 'post';
  display_name_allowed: number | null;
  policy_version: string;
  agency_id: string;
  agency_name: string;
  agency_url: string | null;
  agency_logo_url: string | null;
  status: Status;
  comments: number;
  participants: number;
}

/**
 * Status comes from the dates and the clock, or `decided` once a decision
 * exists; computed in SQL so the list can filter on it.
 */
const consultationSelect = `
  SELECT c.*, a.name AS agency_name, a.url AS agency_url, a.logo_url AS agency_logo_url,
    CASE
      WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.consultation_id = c.id) THEN 'decided'
      WHEN :now < c.opens_at THEN 'upcoming'
      WHEN :now < c.closes_at THEN 'open'
      ELSE 'closed'
    END AS status,
    (SELECT count(*) FROM comments m WHERE m.consultation_id = c.id AND m.status = 'published') AS comments,
    (SELECT count(DISTINCT m.participant) FROM comments m
       WHERE m.consultation_id = c.id AND m.status = 'published') AS participants
  FROM consultations c JOIN agencies a ON a.id = c.agency_id`;

export function createApi(options: ApiOptions): Hono {
  const { db, origins } = options;
  const now = options.now ?? (() => new Date());
  const documentsDir = options.documentsDir ?? defaultDocumentsDir;
  const logError = options.logError ?? ((e: unknown) => console.error(e));
  const openApi = openApiDocument();

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
    sectionExists: db.prepare('SELECT 1 FROM sections WHERE consultation_id = ? AND id = ?'),
    documents: db.prepare(
      'SELECT title, path, media_type, size_bytes, lang FROM documents WHERE consultation_id = ? ORDER BY position',
    ),
    pollIds: db.prepare('SELECT id FROM polls WHERE consultation_id = ? ORDER BY position'),
    consultationExists: db.prepare('SELECT 1 FROM consultations WHERE id = ?'),
    comments: db.prepare(`
      SELECT id, section_id, body, display_name, stakeholder_type, created_at, reply_body, reply_created_at
      FROM comments
      WHERE consultation_id = :id AND status = 'published'
        AND (:section IS NULL OR section_id = :section)
        AND (:afterKey IS NULL OR (created_at, id) < (:afterKey, :afterId))
      ORDER BY created_at DESC, id DESC
      LIMIT :limit`),
    decision: db.prepare('SELECT * FROM decisions WHERE consultation_id = ?'),
    policy: db.prepare('SELECT * FROM policy_versions WHERE version = ?'),
    currentPolicy: db.prepare('SELECT * FROM policy_versions ORDER BY updated_at DESC, rowid DESC LIMIT 1'),
  };
  const polls = pollQueries(db);

  /** Public base of the portal (no trailing slash). */
  const baseOf = (c: Context) => (options.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
  /** Seed paths like `documents/draft.pdf` are relative to the API's public base. */
  const publicFile = (c: Context, path: string) => new URL(path, `${baseOf(c)}/api/`).href;
  const portalUrl = (c: Context, id: string) => `${baseOf(c)}/consultations/${encodeURIComponent(id)}`;

  const summaryOf = (c: Context, r: ConsultationRow): ConsultationSummary => ({
    id: r.id,
    title: parse(r.title),
    agency: {
      id: r.agency_id,
      name: parse(r.agency_name),
      ...(r.agency_url ? { url: r.agency_url } : {}),
      ...(r.agency_logo_url ? { logoUrl: r.agency_logo_url } : {}),
    },
    kind: r.kind,
    status: r.status,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    participation: { comments: r.comments, participants: r.participants },
    portalUrl: portalUrl(c, r.id),
  });

  const app = new Hono();

  app.onError((err) => {
    if (err instanceof ProblemError) return problemResponse(err.status, err.detail, err.errors, err.type, err.headers, err.extras);
    if (err instanceof HTTPException && err.status < 500) return problemResponse(err.status, err.message || undefined);
    // Never the stack or message: they can carry paths and SQL.
    logError(err);
    return problemResponse(500, 'The portal could not answer this request.');
  });

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });
  // Open to every origin (before the CORS rule): tells a page whether its origin may embed the portal, never the list.
  app.get('/v1/embed-check', (c) => {
    const origin = c.req.header('Origin');
    return new Response(JSON.stringify({ allowed: origin === undefined || origins.includes(origin) }), {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' },
    });
  });
  app.use('*', corsMiddleware(origins, 'GET, HEAD, POST'));
  // The rest of an oversized body is never read, so the connection cannot carry another request.
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => problemResponse(413, `At most ${MAX_BODY_BYTES} bytes.`, undefined, 'about:blank', { Connection: 'close' }),
    }),
  );
  // A declared body type must be JSON in UTF-8; routes that need a body also refuse none (readJsonBody).
  app.use('*', async (c, next) => {
    if (c.req.method === 'POST') checkContentType(c.req.header('Content-Type'));
    await next();
  });

  app.get('/v1/consultations', (c) => {
    const status = c.req.query('status') || null;
    if (status !== null && !ConsultationStatus.safeParse(status).success) throw badRequest('status', 'invalid');
    const agency = c.req.query('agency') || null;
    if (agency !== null && !Id.safeParse(agency).success) throw badRequest('agency', 'invalid');
    const limit = limitOf(c);
    const after = cursorOf(c);
    const rows = q.consultations.all({
      now: now().toISOString(),
      status,
      agency,
      afterKey: after?.[0] ?? null,
      afterId: after?.[1] ?? null,
      limit: limit + 1,
    }) as ConsultationRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return sendJson(c, ConsultationPage, {
      items: page.map((r) => summaryOf(c, r)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.opens_at, last.id]) : null,
    });
  });

  app.get('/v1/consultations/:id', (c) => {
    const id = idOf(c);
    const r = q.consultation.get({ id, now: now().toISOString() }) as ConsultationRow | undefined;
    if (!r) throw notFound('No such consultation.');
    const sections = q.sections.all(id) as { id: string; number: string; title: string; body: string }[];
    const documents = q.documents.all(id) as {
      title: string;
      path: string;
      media_type: string;
      size_bytes: number | null;
      lang: string | null;
    }[];
    const consultation: Consultation = {
      ...summaryOf(c, r),
      summary: parse(r.summary),
      sections: sections.map((s) => ({ id: s.id, number: s.number, title: parse(s.title), body: parse(s.body) })),
      documents: documents.map((d) => ({
        title: parse(d.title),
        url: publicFile(c, d.path),
        mediaType: d.media_type,
        ...(d.size_bytes !== null ? { sizeBytes: d.size_bytes } : {}),
        ...(d.lang !== null ? { lang: d.lang } : {}),
      })),
      ...(r.impact_assessment_path ? { impactAssessmentUrl: publicFile(c, r.impact_assessment_path) } : {}),
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

  app.get('/v1/consultations/:id/comments', (c) => {
    const id = idOf(c);
    const section = c.req.query('section') || null;
    if (section !== null && !Id.safeParse(section).success) throw badRequest('section', 'invalid');
    const limit = limitOf(c);
    const after = cursorOf(c);
    if (!q.consultationExists.get(id)) throw notFound('No such consultation.');
    if (section !== null && !q.sectionExists.get(id, section)) throw notFound('No such section in this consultation.');
    const rows = q.comments.all({
      id,
      section,
      afterKey: after?.[0] ?? null,
      afterId: after?.[1] ?? null,
      limit: limit + 1,
    }) as {
      id: string;
      section_id: string | null;
      body: string;
      display_name: string | null;
      stakeholder_type: Comment['author']['stakeholderType'];
      created_at: string;
      reply_body: string | null;
      reply_created_at: string | null;
    }[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const items: Comment[] = page.map((m) => ({
      id: m.id,
      ...(m.section_id !== null ? { sectionId: m.section_id } : {}),
      body: m.body,
      author: {
        ...(m.display_name !== null ? { displayName: m.display_name } : {}),
        stakeholderType: m.stakeholder_type,
      },
      createdAt: m.created_at,
      ...(m.reply_body !== null && m.reply_created_at !== null
        ? { reply: { body: m.reply_body, createdAt: m.reply_created_at } }
        : {}),
    }));
    return sendJson(c, CommentPage, {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
    });
  });

  app.get('/v1/polls/:id', (c) => {
    const id = idOf(c);
    // The same caller key the vote route uses; anything malformed reads as anonymous.
    const poll = readPoll(polls, id, readerOf(c), now());
    if (!poll) throw notFound('No such poll.');
    // Whoever identifies themselves gets an answer about them: never from a shared cache.
    const identified = c.req.header('Sharek-Participant') !== undefined || c.req.header('Authorization') !== undefined;
    return sendJson(c, Poll, poll, { private: identified, vary: ['Sharek-Participant', 'Authorization'] });
  });

  app.get('/v1/consultations/:id/decision', (c) => {
    const id = idOf(c);
    if (!q.consultationExists.get(id)) throw notFound('No such consultation.');
    const d = q.decision.get(id) as
      | {
          published_at: string;
          outcome: Decision['outcome'];
          summary: string;
          changes: string;
          feedback: string;
          responses: string;
          document_path: string | null;
        }
      | undefined;
    if (!d) throw new ProblemError(404, 'No decision has been published for this consultation yet.');
    const decision: Decision = {
      consultationId: id,
      publishedAt: d.published_at,
      outcome: d.outcome,
      summary: parse(d.summary),
      changes: parse(d.changes),
      feedback: parse(d.feedback),
      responses: parse(d.responses),
      ...(d.document_path ? { documentUrl: publicFile(c, d.document_path) } : {}),
    };
    return sendJson(c, Decision, decision);
  });

  app.get('/v1/policy', (c) => {
    const version = c.req.query('version');
    if (version !== undefined && (version.length < 1 || version.length > 32)) throw badRequest('version', 'invalid');
    const row = (version !== undefined ? q.policy.get(version) : q.currentPolicy.get()) as
      | { version: string; updated_at: string; text: string; rules: string; report_reasons: string }
      | undefined;
    if (!row) throw notFound(version !== undefined ? 'No such policy version.' : 'No usage policy is published.');
    const policy: UsagePolicy = {
      version: row.version,
      updatedAt: row.updated_at,
      text: parse(row.text),
      rules: parse(row.rules),
      reportReasons: parse(row.report_reasons),
    };
    return sendJson(c, UsagePolicy, policy);
  });

  app.get('/v1/openapi.json', (c) => sendJson(c, null, openApi));

  // The consultation documents the seed points at (`documents/…`).
  app.get('/documents/:file', async (c) => {
    const file = c.req.param('file');
    const path = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(file) ? safeJoin(documentsDir, file) : null;
    const res = path ? await fileResponse(path, c.req.raw, { cacheControl: 'public, max-age=3600' }) : null;
    if (!res) throw notFound('No such document.');
    return res;
  });

  const writes = {
    db,
    now,
    limits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    trustProxy: options.trustProxy ?? false,
  };
  commentRoutes(app, writes);
  voteRoutes(app, writes);
  if (options.adminToken) app.route('/admin/v1', adminApi({ db, now, adminToken: options.adminToken }));

  // A known path with another method is 405 with Allow; anything else is 404.
  const allow: Record<string, string> = {
    '/v1/consultations': 'GET, HEAD',
    '/v1/consultations/:id': 'GET, HEAD',
    '/v1/consultations/:id/comments': 'GET, HEAD, POST',
    '/v1/comments/:id/reports': 'POST',
    '/v1/polls/:id': 'GET, HEAD',
    '/v1/polls/:id/votes': 'POST',
    '/v1/consultations/:id/decision': 'GET, HEAD',
    '/v1/policy': 'GET, HEAD',
    '/v1/openapi.json': 'GET, HEAD',
    '/documents/:file': 'GET, HEAD',
    ...(options.adminToken
      ? {
          '/admin/v1/comments': 'GET, HEAD',
          '/admin/v1/comments/:id/approve': 'POST',
          '/admin/v1/comments/:id/reject': 'POST',
          '/admin/v1/comments/:id/reply': 'POST',
          '/admin/v1/reports': 'GET, HEAD',
          '/admin/v1/consultations/:id/decision': 'POST',
        }
      : {}),
  };
  for (const [path, methods] of Object.entries(allow)) {
    app.all(path, () => problemResponse(405, undefined, undefined, 'about:blank', { Allow: methods }));
  }
  app.all('*', () => problemResponse(404, 'No such route.'));

  return app;
}

function limitOf(c: Context): number {
  const raw = c.req.query('limit');
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MAX_LIMIT)) throw badRequest('limit', 'out_of_range', `limit is 1 to ${MAX_LIMIT}.`);
  return n;
}

/**
 * Cursors are opaque to clients: base64url of the last item's sort key
 * `[time, id]`. Anything that does not decode to exactly that is 400.
 */
function encodeCursor(key: [string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function cursorOf(c: Context): [string, string] | null {
  const raw = c.req.query('cursor');
  if (raw === undefined || raw === '') return null;
  const invalid = () => badRequest('cursor', 'invalid', 'Use the nextCursor of the previous page.');
  if (raw.length > 200 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw invalid();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(key) ||
    key.length !== 2 ||
    typeof key[0] !== 'string' ||
    !ISO_UTC.test(key[0]) ||
    typeof key[1] !== 'string' ||
    !Id.safeParse(key[1]).success
  ) {
    throw invalid();
  }
  return [key[0], key[1]];
}
