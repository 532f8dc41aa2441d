/**
 * The decision form's draft: what the moderator has typed, kept as plain
 * strings per field, and turned into the body the admin API takes. Empty
 * languages and empty rows are left out, so a decision written only in Arabic
 * is a valid one.
 */
import type { DecisionOutcome } from '../api/schemas.js';
import type * as z from 'zod/mini';
import type { DecisionDraft } from './api.js';

export const OUTCOMES: readonly z.infer<typeof DecisionOutcome>[] = ['adopted', 'amended', 'withdrawn', 'postponed'];

export interface ChangeRow {
  sectionId: string;
  ar: string;
  en: string;
}

export interface ThemeRow {
  themeAr: string;
  themeEn: string;
  ar: string;
  en: string;
}

export interface DraftFields {
  outcome: z.infer<typeof DecisionOutcome>;
  summaryAr: string;
  summaryEn: string;
  changes: ChangeRow[];
  responses: ThemeRow[];
  documentUrl: string;
}

export const emptyDraft = (): DraftFields => ({
  outcome: 'adopted',
  summaryAr: '',
  summaryEn: '',
  changes: [],
  responses: [],
  documentUrl: '',
});

/** `{ar, en}` with the empty languages left out. */
function localized(ar: string, en: string): Record<string, string> {
  return { ...(ar.trim() ? { ar: ar.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) };
}

const filled = (o: Record<string, string>) => Object.keys(o).length > 0;

export function toDecisionDraft(d: DraftFields): DecisionDraft {
  return {
    outcome: d.outcome,
    summary: localized(d.summaryAr, d.summaryEn),
    changes: d.changes
      .map((c) => ({ ...(c.sectionId ? { sectionId: c.sectionId } : {}), description: localized(c.ar, c.en) }))
      .filter((c) => filled(c.description)),
    responses: d.responses
      .map((r) => ({ theme: localized(r.themeAr, r.themeEn), response: localized(r.ar, r.en) }))
      .filter((r) => filled(r.theme) || filled(r.response)),
    ...(d.documentUrl.trim() ? { documentUrl: d.documentUrl.trim() } : {}),
  };
}
