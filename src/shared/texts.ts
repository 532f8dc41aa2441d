/**
 * The texts more than one element shows, in one place: the labels of the
 * contract's codes (stakeholder, kind, status), the participation counts with
 * their plural forms (Arabic has six), and the "closes in 3 days" line. One
 * message each, so translators see each sentence once and every element words
 * it the same. A text only one element shows is in that element's folder
 * (`texts.ts` beside it), so it loads with that element and not with the core
 * every page loads. Call them while rendering (they read the element's locale).
 */
import type { Consultation, ConsultationStatus, StakeholderType } from '../api/schemas.js';
import { formatNumber, formatRelative } from './format.js';
import { msg, plural, str, type Locale } from './localize.js';

/** Who a participant said they are, as a short label: a radio button, a comment's badge, a chart's row. */
export function stakeholderLabel(type: StakeholderType): string {
  return {
    individual: () => msg('Individual'),
    private_sector: () => msg('Private sector'),
    civil_society: () => msg('Civil society'),
    academia: () => msg('Academia'),
    government: () => msg('Government'),
  }[type]();
}

/** The order the stakeholder types are offered and counted in. */
export const STAKEHOLDER_TYPES: readonly StakeholderType[] = ['individual', 'private_sector', 'civil_society', 'academia', 'government'];

export function kindLabel(kind: Consultation['kind']): string {
  return {
    legislation: () => msg('Draft legislation'),
    policy: () => msg('Policy'),
    service: () => msg('Service'),
    general: () => msg('General consultation'),
  }[kind]();
}

/** A consultation's status badge. */
export function statusLabel(status: ConsultationStatus): string {
  return {
    upcoming: () => msg('Upcoming'),
    open: () => msg('Open for comments'),
    closed: () => msg('Closed'),
    decided: () => msg('Decision published'),
  }[status]();
}

/** Beside the badge: "Opens in 3 days", "Closes in 2 hours", "Closed 5 days ago". */
export function timeline(locale: Locale, status: ConsultationStatus, opensAt: string, closesAt: string, now: number): string {
  if (status === 'upcoming') return msg(str`Opens ${formatRelative(locale, opensAt, now)}`);
  if (status === 'open') return msg(str`Closes ${formatRelative(locale, closesAt, now)}`);
  return msg(str`Closed ${formatRelative(locale, closesAt, now)}`);
}

/** Every comment sent, published or not. */
function commentCount(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg('No comments', { id: 'comments.zero' }),
    one: () => msg('1 comment', { id: 'comments.one' }),
    two: () => msg('Two comments', { id: 'comments.two' }),
    few: () => msg(str`${v} comments`, { id: 'comments.few' }),
    many: () => msg(str`${v} comments`, { id: 'comments.many' }),
    other: () => msg(str`${v} comments`, { id: 'comments.other' }),
  });
}

function participantCount(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg('No participants', { id: 'participants.zero' }),
    one: () => msg('1 participant', { id: 'participants.one' }),
    two: () => msg('Two participants', { id: 'participants.two' }),
    few: () => msg(str`${v} participants`, { id: 'participants.few' }),
    many: () => msg(str`${v} participants`, { id: 'participants.many' }),
    other: () => msg(str`${v} participants`, { id: 'participants.other' }),
  });
}

/** "12 comments · 9 participants": how many have taken part. */
export function participation(locale: Locale, counts: { comments: number; participants: number }): string {
  return `${commentCount(locale, counts.comments)} · ${participantCount(locale, counts.participants)}`;
}
