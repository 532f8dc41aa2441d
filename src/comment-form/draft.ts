/**
 * The comment being written, kept in this browser so that a reload, a crash
 * or a failed send loses nothing. One draft per portal, consultation and
 * place on the page (the whole draft or one article). It carries the
 * Idempotency-Key made with it: however often it is sent, the portal makes
 * one comment. It is cleared only when the portal has answered 201.
 */
import type { NewComment, StakeholderType } from '../api/schemas.js';

export interface Draft {
  body: string;
  sectionId: string;
  stakeholderType: StakeholderType | '';
  displayName: string;
  /** Made once per draft, sent with every attempt. */
  idempotencyKey: string;
  savedAt: string;
}

export const emptyDraft = (sectionId = ''): Draft => ({
  body: '',
  sectionId,
  stakeholderType: '',
  displayName: '',
  idempotencyKey: crypto.randomUUID(),
  savedAt: new Date().toISOString(),
});

/** The comment as the portal takes it: trimmed, with the policy version accepted, and a name only where the consultation shows names. */
export function newComment(draft: Draft, policyVersion: string, displayNameAllowed = false): NewComment {
  return {
    body: draft.body.trim(),
    stakeholderType: draft.stakeholderType as StakeholderType,
    policyVersion,
    ...(draft.sectionId ? { sectionId: draft.sectionId } : {}),
    ...(displayNameAllowed && draft.displayName.trim() ? { displayName: draft.displayName.trim() } : {}),
  };
}

const keyOf = (api: string, consultation: string, section: string) => `sharek:draft:${api}|${consultation}|${section || '*'}`;

export class DraftStore {
  private readonly key: string;
  constructor(api: string, consultation: string, section: string) {
    this.key = keyOf(api, consultation, section);
  }

  load(): Draft | undefined {
    try {
      const raw = localStorage.getItem(this.key);
      const draft = raw ? (JSON.parse(raw) as Draft) : undefined;
      return draft && typeof draft.body === 'string' && typeof draft.idempotencyKey === 'string' ? draft : undefined;
    } catch {
      return undefined;
    }
  }

  save(draft: Draft): boolean {
    try {
      localStorage.setItem(this.key, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
      return true;
    } catch {
      // Storage full or refused: the form still works, it just cannot survive a reload.
      return false;
    }
  }

  clear(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      /* nothing to clear */
    }
  }
}
