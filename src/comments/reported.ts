/**
 * The comments this participant has reported from this browser, so that the
 * list still says "you reported this" after a reload and does not offer to
 * report it again. Kept in localStorage under the participant id; where
 * storage is refused, for the page's life only.
 */
import { participantId } from '../shared/identity.js';

/** Enough for anyone's reports; the oldest are forgotten first. */
const KEPT = 500;

const key = () => `sharek:reported:${participantId()}`;
let fallback: string[] = [];

/** Ids of the comments this participant has reported from this browser. */
export function reportedIds(): string[] {
  try {
    const ids = JSON.parse(localStorage.getItem(key()) ?? '[]') as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return fallback;
  }
}

export function rememberReported(id: string): void {
  const ids = [...new Set([...reportedIds(), id])].slice(-KEPT);
  fallback = ids;
  try {
    localStorage.setItem(key(), JSON.stringify(ids));
  } catch {
    // Storage refused: remembered for this page's life only.
  }
}
