/**
 * The shape of the reference portal's seed data. The content lives in
 * seed-data.ts; db.ts writes it into SQLite on first start. Everything the
 * portal derives (status from the dates, participation counts, absolute URLs)
 * is left out here so the seed cannot contradict the database.
 */
import type { Consultation, Decision, LocalizedText, Poll, StakeholderType, UsagePolicy } from '../src/api/schemas.js';

/** A document path relative to the portal's public base, e.g. `documents/draft.pdf`. */
export interface SeedDocument extends Omit<Consultation['documents'][number], 'url'> {
  path: string;
}

export interface SeedComment {
  sectionId?: string;
  body: string;
  displayName?: string;
  stakeholderType: StakeholderType;
  createdAt: string;
  status: 'published' | 'pending' | 'rejected';
  reply?: { body: string; createdAt: string };
}

export interface SeedPoll extends Omit<Poll, 'status' | 'results' | 'myVote'> {
  /** Votes already cast, each an array of option ids. */
  votes: string[][];
}

export interface SeedConsultation {
  consultation: Omit<
    Consultation,
    'status' | 'participation' | 'portalUrl' | 'pollIds' | 'documents' | 'impactAssessmentUrl'
  > & {
    documents: SeedDocument[];
    /** Path like a document's, relative to the portal's public base. */
    impactAssessmentPath?: string;
  };
  comments: SeedComment[];
  polls: SeedPoll[];
  decision?: Omit<Decision, 'consultationId' | 'documentUrl'> & { documentPath?: string };
}

export interface SeedData {
  policy: UsagePolicy;
  consultations: SeedConsultation[];
}

export type { LocalizedText };
