/**
 * What the database gives back, one type per table (the columns of db.ts's
 * migrations), declared once. A query that selects some columns says which
 * with `Pick<…>`; one that computes more adds them with `&`. JSON columns are
 * strings here: `parseJson` reads them, and the answer's schema checks them.
 */
import type { ConsultationStatus, Decision, Poll, ReportReason, StakeholderType } from '../src/api/schemas.js';

/** JSON columns are read back whole; the answer's schema checks what they hold. */
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

/** SQLite has no booleans: 0 or 1. */
type Flag = number;

export interface AgencyRow {
  id: string;
  name: string;
  url: string | null;
  logo_url: string | null;
}

export interface ConsultationRow {
  id: string;
  agency_id: string;
  kind: 'legislation' | 'policy' | 'service' | 'general';
  title: string;
  summary: string;
  opens_at: string;
  closes_at: string;
  impact_assessment_path: string | null;
  commenting_enabled: Flag;
  sign_in_required: Flag;
  max_length: number;
  moderation: 'pre' | 'post';
  display_name_allowed: Flag | null;
  policy_version: string;
}

/** Not a column: what CONSULTATION_STATUS_SQL (db.ts) computes, selected `AS status`. */
export interface WithStatus {
  status: ConsultationStatus;
}

export interface SectionRow {
  consultation_id: string;
  id: string;
  position: number;
  number: string;
  title: string;
  body: string;
}

export interface DocumentRow {
  consultation_id: string;
  position: number;
  title: string;
  path: string;
  media_type: string;
  size_bytes: number | null;
  lang: string | null;
}

export interface CommentRow {
  id: string;
  consultation_id: string;
  section_id: string | null;
  body: string;
  display_name: string | null;
  stakeholder_type: StakeholderType;
  policy_version: string;
  status: 'pending' | 'published' | 'rejected';
  participant: string | null;
  created_at: string;
  moderated_at: string | null;
  rejection_reason: ReportReason | null;
  reply_body: string | null;
  reply_created_at: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  accepted_status: 'pending' | 'published' | null;
  client_address: string | null;
  /** Comma-separated personal-data kinds that held it for a moderator; null when none. */
  held_for: string | null;
  /** The moderator who last approved or rejected it. */
  moderated_by: string | null;
  /** The moderator who last replied. */
  reply_by: string | null;
  /** Free text given with a rejection. */
  rejection_note: string | null;
}

export interface ReportRow {
  id: number;
  comment_id: string;
  reason: ReportReason;
  note: string | null;
  participant: string | null;
  created_at: string;
  client_address: string | null;
  /** 1 when it counts (the first undismissed report of the comment from its address), else 0. */
  counted: Flag;
  /** When a moderator dismissed it; dismissed reports are kept but no longer counted. */
  dismissed_at: string | null;
}

export interface PollRow {
  id: string;
  consultation_id: string;
  position: number;
  question: string;
  max_choices: number;
  opens_at: string;
  closes_at: string;
  results_visibility: Poll['resultsVisibility'];
}

export interface PollOptionRow {
  poll_id: string;
  id: string;
  position: number;
  label: string;
}

export interface VoteRow {
  id: number;
  poll_id: string;
  participant: string;
  created_at: string;
  idempotency_key: string | null;
  client_address: string | null;
}

export interface DecisionRow {
  consultation_id: string;
  published_at: string;
  outcome: Decision['outcome'];
  summary: string;
  changes: string;
  feedback: string;
  responses: string;
  document_path: string | null;
}

export interface PolicyRow {
  version: string;
  updated_at: string;
  text: string;
  rules: string;
  report_reasons: string;
}

export interface ModeratorRow {
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  moderator: string;
  action: string;
  subject: string | null;
  /** JSON */
  detail: string | null;
}
