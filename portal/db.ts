/**
 * The reference portal's storage: one SQLite file through better-sqlite3.
 *
 * Localized text and other nested values are stored as JSON in TEXT columns:
 * they are only ever read back whole, never queried inside. Every time is
 * stored as `Date#toISOString()` (UTC, fixed width), so string comparison in
 * SQL orders and compares times correctly.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { consultationStatus } from '../src/api/status.js';
import type { SeedData } from './seed-types.js';

export type Db = Database.Database;

/**
 * Migrations, applied in order; `PRAGMA user_version` records how many ran.
 * Never edit one that has shipped: append a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE agencies (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,          -- LocalizedText JSON
    url       TEXT,
    logo_url  TEXT
  );

  CREATE TABLE policy_versions (
    version         TEXT PRIMARY KEY,
    updated_at      TEXT NOT NULL,
    text            TEXT NOT NULL,    -- LocalizedHtml JSON
    rules           TEXT NOT NULL,    -- LocalizedText[] JSON
    report_reasons  TEXT NOT NULL     -- [{code, label}] JSON
  );

  CREATE TABLE consultations (
    id                      TEXT PRIMARY KEY,
    agency_id               TEXT NOT NULL REFERENCES agencies(id),
    kind                    TEXT NOT NULL CHECK (kind IN ('legislation', 'policy', 'service', 'general')),
    title                   TEXT NOT NULL,   -- LocalizedText JSON
    summary                 TEXT NOT NULL,   -- LocalizedHtml JSON
    opens_at                TEXT NOT NULL,
    closes_at               TEXT NOT NULL,
    impact_assessment_path  TEXT,            -- relative to the public API base
    commenting_enabled      INTEGER NOT NULL,
    sign_in_required        INTEGER NOT NULL,
    max_length              INTEGER NOT NULL CHECK (max_length > 0),
    moderation              TEXT NOT NULL CHECK (moderation IN ('pre', 'post')),
    display_name_allowed    INTEGER,
    policy_version          TEXT NOT NULL REFERENCES policy_versions(version),
    CHECK (opens_at < closes_at)
  );
  CREATE INDEX consultations_by_opening ON consultations (opens_at DESC, id DESC);
  CREATE INDEX consultations_by_agency ON consultations (agency_id, opens_at DESC, id DESC);

  CREATE TABLE sections (
    consultation_id  TEXT NOT NULL REFERENCES consultations(id),
    id               TEXT NOT NULL,
    position         INTEGER NOT NULL,
    number           TEXT NOT NULL,
    title            TEXT NOT NULL,   -- LocalizedText JSON
    body             TEXT NOT NULL,   -- LocalizedHtml JSON
    PRIMARY KEY (consultation_id, id)
  );

  CREATE TABLE documents (
    consultation_id  TEXT NOT NULL REFERENCES consultations(id),
    position         INTEGER NOT NULL,
    title            TEXT NOT NULL,   -- LocalizedText JSON
    path             TEXT NOT NULL,   -- relative to the public API base
    media_type       TEXT NOT NULL,
    size_bytes       INTEGER,
    lang             TEXT,
    PRIMARY KEY (consultation_id, position)
  );

  CREATE TABLE comments (
    id                 TEXT PRIMARY KEY,
    consultation_id    TEXT NOT NULL REFERENCES consultations(id),
    section_id         TEXT,
    body               TEXT NOT NULL,
    display_name       TEXT,
    stakeholder_type   TEXT NOT NULL CHECK (stakeholder_type IN
                         ('individual', 'private_sector', 'civil_society', 'academia', 'government')),
    policy_version     TEXT NOT NULL REFERENCES policy_versions(version),
    status             TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
    -- who wrote it: the Sharek-Participant uuid or a signed-in subject; counts participants
    participant        TEXT,
    created_at         TEXT NOT NULL,
    moderated_at       TEXT,
    rejection_reason   TEXT,
    reply_body         TEXT,
    reply_created_at   TEXT,
    -- the same key twice on one consultation answers the first comment again
    idempotency_key    TEXT,
    FOREIGN KEY (consultation_id, section_id) REFERENCES sections(consultation_id, id),
    UNIQUE (consultation_id, idempotency_key),
    CHECK ((reply_body IS NULL) = (reply_created_at IS NULL))
  );
  -- the published list, newest first, is read by keyset on (created_at, id)
  CREATE INDEX comments_published ON comments (consultation_id, status, created_at DESC, id DESC);
  CREATE INDEX comments_by_section ON comments (consultation_id, section_id, status, created_at DESC, id DESC);

  CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    comment_id   TEXT NOT NULL REFERENCES comments(id),
    reason       TEXT NOT NULL,
    note         TEXT,
    participant  TEXT,
    created_at   TEXT NOT NULL,
    UNIQUE (comment_id, participant)
  );

  CREATE TABLE polls (
    id                  TEXT PRIMARY KEY,
    consultation_id     TEXT NOT NULL REFERENCES consultations(id),
    position            INTEGER NOT NULL,
    question            TEXT NOT NULL,  -- LocalizedText JSON
    max_choices         INTEGER NOT NULL CHECK (max_choices > 0),
    opens_at            TEXT NOT NULL,
    closes_at           TEXT NOT NULL,
    results_visibility  TEXT NOT NULL CHECK (results_visibility IN ('always', 'after_vote', 'after_close'))
  );

  CREATE TABLE poll_options (
    poll_id   TEXT NOT NULL REFERENCES polls(id),
    id        TEXT NOT NULL,
    position  INTEGER NOT NULL,
    label     TEXT NOT NULL,  -- LocalizedText JSON
    PRIMARY KEY (poll_id, id)
  );

  CREATE TABLE votes (
    id               INTEGER PRIMARY KEY,
    poll_id          TEXT NOT NULL REFERENCES polls(id),
    participant      TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    idempotency_key  TEXT,
    -- one vote per participant: a second one is the contract's 409
    UNIQUE (poll_id, participant)
  );

  CREATE TABLE vote_choices (
    vote_id    INTEGER NOT NULL REFERENCES votes(id),
    poll_id    TEXT NOT NULL,
    option_id  TEXT NOT NULL,
    PRIMARY KEY (vote_id, option_id),
    FOREIGN KEY (poll_id, option_id) REFERENCES poll_options(poll_id, id)
  );
  CREATE INDEX vote_choices_by_option ON vote_choices (poll_id, option_id);

  CREATE TABLE decisions (
    consultation_id  TEXT PRIMARY KEY REFERENCES consultations(id),
    published_at     TEXT NOT NULL,
    outcome          TEXT NOT NULL CHECK (outcome IN ('adopted', 'amended', 'withdrawn', 'postponed')),
    summary          TEXT NOT NULL,  -- LocalizedHtml JSON
    changes          TEXT NOT NULL,  -- [{sectionId?, description}] JSON
    -- what the agency reports it heard, fixed when the decision is published
    feedback         TEXT NOT NULL,  -- {comments, participants, byStakeholderType} JSON
    responses        TEXT NOT NULL,  -- [{theme, response}] JSON
    document_path    TEXT
  );
  `,
  // 2: what the write routes need beyond the first schema.
  `
  -- hash of the request an idempotency key first came with: a replay must match it
  ALTER TABLE comments ADD COLUMN request_hash TEXT;
  -- the status the first answer said; a replay answers it again
  ALTER TABLE comments ADD COLUMN accepted_status TEXT CHECK (accepted_status IN ('pending', 'published'));
  -- for the per-address rate limit and for moderators chasing abuse
  ALTER TABLE comments ADD COLUMN client_address TEXT;
  -- rate limits count a participant's and an address's recent comments
  CREATE INDEX comments_by_participant ON comments (participant, created_at);
  CREATE INDEX comments_by_address ON comments (client_address, created_at);
  -- the moderation queue, oldest first
  CREATE INDEX comments_by_status ON comments (status, created_at, id);
  `,
  // 3: ready for production: limits on every write, moderators by name, the audit log.
  `
  -- why a comment waits for a moderator although its consultation is post-moderated:
  -- the kinds of personal data found in it (personal-data.ts), comma-separated
  ALTER TABLE comments ADD COLUMN held_for TEXT;
  -- votes and reports are limited per address too (limits.ts); addresses are deleted after a while (retention.ts)
  ALTER TABLE votes ADD COLUMN client_address TEXT;
  CREATE INDEX votes_by_participant ON votes (participant, created_at);
  CREATE INDEX votes_by_address ON votes (client_address, created_at);
  ALTER TABLE reports ADD COLUMN client_address TEXT;
  -- 1 for the first report of a comment from an address, 0 for more from the same one:
  -- a comment's report count is its distinct participants and addresses, fixed when each report comes
  ALTER TABLE reports ADD COLUMN counted INTEGER NOT NULL DEFAULT 1;
  CREATE INDEX reports_by_participant ON reports (participant, created_at);
  CREATE INDEX reports_by_address ON reports (client_address, created_at);
  CREATE INDEX reports_by_comment ON reports (comment_id, client_address);

  -- one credential per moderator, made and revoked with the CLI; only its SHA-256 is kept
  CREATE TABLE moderators (
    name        TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
  );

  -- who did what and when: every moderation action, decision, policy and moderator change
  CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    moderator  TEXT NOT NULL,
    action     TEXT NOT NULL,
    subject    TEXT,            -- the comment, consultation, policy version or moderator acted on
    detail     TEXT             -- JSON: the reason, the reply, the outcome…
  );
  `,
  // 4: the moderation console: who moderated and replied, a note with a rejection, reports a moderator dismissed.
  `
  -- the moderator who last approved or rejected the comment, and who last replied to it
  ALTER TABLE comments ADD COLUMN moderated_by TEXT;
  ALTER TABLE comments ADD COLUMN reply_by TEXT;
  -- free text a moderator gave with a rejection, beside its reason
  ALTER TABLE comments ADD COLUMN rejection_note TEXT;
  -- set when a moderator judged the report unfounded: kept for the audit, no longer counted
  ALTER TABLE reports ADD COLUMN dismissed_at TEXT;
  CREATE INDEX reports_open ON reports (comment_id, created_at) WHERE dismissed_at IS NULL;
  -- the published and rejected queues, most recently moderated first
  CREATE INDEX comments_by_moderation ON comments (status, moderated_at, id);
  `,
];

export const SCHEMA_VERSION = migrations.length;

/**
 * Opens (creating if needed) the database at `path` and brings its schema up
 * to date. `:memory:` works for throwaway use.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL in WAL mode syncs each commit, so a write that answered 2xx is on disk.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // The CLI and the server may touch the file at the same time.
  db.pragma('busy_timeout = 5000');
  // The contract's status rule (src/api/status.ts) as an SQL function, so queries filter with the very same rule.
  db.function('sharek_status', { deterministic: true }, (decided, opensAt, closesAt, now) =>
    consultationStatus(decided === 1, String(opensAt), String(closesAt), Number(now)),
  );
  migrate(db);
  return db;
}

/**
 * A consultation's status in SQL, for a query on `consultations c` that binds
 * `:now` (milliseconds since the epoch): `decided` once a decision exists,
 * else from its dates and the clock.
 */
export const CONSULTATION_STATUS_SQL =
  'sharek_status(EXISTS (SELECT 1 FROM decisions d WHERE d.consultation_id = c.id), c.opens_at, c.closes_at, :now)';

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this portal (${migrations.length})`);
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Normalises any ISO 8601 time to UTC `toISOString()` form (see the file comment). */
export function isoUtc(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new Error(`invalid time: ${String(value)}`);
  return d.toISOString();
}

const json = (v: unknown) => JSON.stringify(v);
const bool = (v: boolean | undefined) => (v === undefined ? null : v ? 1 : 0);

/**
 * Writes the seed into an empty database, all in one transaction.
 * Returns false, writing nothing, when the database already holds content,
 * so restarts on the same file never duplicate it.
 */
export function seedIfEmpty(db: Db, data: SeedData): boolean {
  return db.transaction(() => {
    const { n } = db.prepare('SELECT (SELECT count(*) FROM consultations) + (SELECT count(*) FROM policy_versions) AS n').get() as { n: number };
    if (n > 0) return false;
    writeSeed(db, data);
    return true;
  }).immediate();
}

function writeSeed(db: Db, data: SeedData): void {
  const { policy } = data;
  db.prepare('INSERT INTO policy_versions (version, updated_at, text, rules, report_reasons) VALUES (?, ?, ?, ?, ?)').run(
    policy.version,
    isoUtc(policy.updatedAt),
    json(policy.text),
    json(policy.rules),
    json(policy.reportReasons),
  );

  const insertAgency = db.prepare('INSERT OR IGNORE INTO agencies (id, name, url, logo_url) VALUES (?, ?, ?, ?)');
  const insertConsultation = db.prepare(`
    INSERT INTO consultations (id, agency_id, kind, title, summary, opens_at, closes_at, impact_assessment_path,
      commenting_enabled, sign_in_required, max_length, moderation, display_name_allowed, policy_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertSection = db.prepare(
    'INSERT INTO sections (consultation_id, id, position, number, title, body) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertDocument = db.prepare(
    'INSERT INTO documents (consultation_id, position, title, path, media_type, size_bytes, lang) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertComment = db.prepare(`
    INSERT INTO comments (id, consultation_id, section_id, body, display_name, stakeholder_type, policy_version,
      status, participant, created_at, moderated_at, reply_body, reply_created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertPoll = db.prepare(`
    INSERT INTO polls (id, consultation_id, position, question, max_choices, opens_at, closes_at, results_visibility)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertOption = db.prepare('INSERT INTO poll_options (poll_id, id, position, label) VALUES (?, ?, ?, ?)');
  const insertVote = db.prepare('INSERT INTO votes (poll_id, participant, created_at) VALUES (?, ?, ?)');
  const insertChoice = db.prepare('INSERT INTO vote_choices (vote_id, poll_id, option_id) VALUES (?, ?, ?)');
  const insertDecision = db.prepare(`
    INSERT INTO decisions (consultation_id, published_at, outcome, summary, changes, feedback, responses, document_path)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);

  for (const seed of data.consultations) {
    const c = seed.consultation;
    insertAgency.run(c.agency.id, json(c.agency.name), c.agency.url ?? null, c.agency.logoUrl ?? null);
    insertConsultation.run(
      c.id,
      c.agency.id,
      c.kind,
      json(c.title),
      json(c.summary),
      isoUtc(c.opensAt),
      isoUtc(c.closesAt),
      seed.consultation.impactAssessmentPath ?? null,
      bool(c.commenting.enabled),
      bool(c.commenting.signInRequired),
      c.commenting.maxLength,
      c.commenting.moderation,
      bool(c.commenting.displayNameAllowed),
      c.commenting.policyVersion,
    );
    c.sections.forEach((s, i) => insertSection.run(c.id, s.id, i, s.number, json(s.title), json(s.body)));
    c.documents.forEach((d, i) =>
      insertDocument.run(c.id, i, json(d.title), d.path, d.mediaType, d.sizeBytes ?? null, d.lang ?? null),
    );
    for (const m of seed.comments) {
      const createdAt = isoUtc(m.createdAt);
      insertComment.run(
        randomUUID(),
        c.id,
        m.sectionId ?? null,
        m.body,
        m.displayName ?? null,
        m.stakeholderType,
        c.commenting.policyVersion,
        m.status,
        // each seeded comment stands for a different person
        randomUUID(),
        createdAt,
        m.status === 'pending' ? null : createdAt,
        m.reply?.body ?? null,
        m.reply ? isoUtc(m.reply.createdAt) : null,
      );
    }
    seed.polls.forEach((p, i) => {
      insertPoll.run(p.id, c.id, i, json(p.question), p.maxChoices, isoUtc(p.opensAt), isoUtc(p.closesAt), p.resultsVisibility);
      p.options.forEach((o, j) => insertOption.run(p.id, o.id, j, json(o.label)));
      for (const optionIds of p.votes) {
        const vote = insertVote.run(p.id, randomUUID(), isoUtc(p.opensAt));
        for (const optionId of optionIds) insertChoice.run(vote.lastInsertRowid, p.id, optionId);
      }
    });
    if (seed.decision) {
      const d = seed.decision;
      insertDecision.run(
        c.id,
        isoUtc(d.publishedAt),
        d.outcome,
        json(d.summary),
        json(d.changes),
        json(d.feedback),
        json(d.responses),
        d.documentPath ?? null,
      );
    }
  }
}
