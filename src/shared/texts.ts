/**
 * The elements' labels, counts and timelines, in one place: the labels of the
 * contract's codes (stakeholder, kind, status), every count with its plural
 * forms (Arabic has six), and the "closes in 3 days" line. One message each,
 * so translators see each sentence once and every element words it the same.
 * Call them while rendering (they read the element's locale).
 */
import type { Consultation, ConsultationStatus, Poll, StakeholderType } from '../api/schemas.js';
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

/** A poll's status badge; `voted` while it is open and this participant has voted. */
export function pollStatusLabel(status: Poll['status'] | 'voted'): string {
  return {
    upcoming: () => msg('Not open yet', { id: 'poll.status.upcoming' }),
    open: () => msg('Open for voting', { id: 'poll.status.open' }),
    voted: () => msg('You have voted', { id: 'poll.status.voted' }),
    closed: () => msg('Voting closed', { id: 'poll.status.closed' }),
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

/** The comments the list shows: only the published ones. */
export function publishedCommentCount(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg('No published comments', { id: 'publishedComments.zero' }),
    one: () => msg('1 published comment', { id: 'publishedComments.one' }),
    two: () => msg('Two published comments', { id: 'publishedComments.two' }),
    few: () => msg(str`${v} published comments`, { id: 'publishedComments.few' }),
    many: () => msg(str`${v} published comments`, { id: 'publishedComments.many' }),
    other: () => msg(str`${v} published comments`, { id: 'publishedComments.other' }),
  });
}

/** Under the comment: how many characters are left, or how many too many. */
export function charactersLeft(locale: Locale, length: number, max: number): string {
  const left = max - length;
  const n = formatNumber(locale, Math.abs(left));
  if (left >= 0) {
    return plural(locale, left, {
      zero: () => msg('You have no characters remaining', { id: 'chars-left.zero' }),
      one: () => msg('You have 1 character remaining', { id: 'chars-left.one' }),
      two: () => msg('You have 2 characters remaining', { id: 'chars-left.two' }),
      few: () => msg(str`You have ${n} characters remaining`, { id: 'chars-left.few' }),
      many: () => msg(str`You have ${n} characters remaining`, { id: 'chars-left.many' }),
      other: () => msg(str`You have ${n} characters remaining`, { id: 'chars-left.other' }),
    });
  }
  return plural(locale, -left, {
    zero: () => msg(str`You have ${n} characters too many`, { id: 'chars-over.zero' }),
    one: () => msg('You have 1 character too many', { id: 'chars-over.one' }),
    two: () => msg('You have 2 characters too many', { id: 'chars-over.two' }),
    few: () => msg(str`You have ${n} characters too many`, { id: 'chars-over.few' }),
    many: () => msg(str`You have ${n} characters too many`, { id: 'chars-over.many' }),
    other: () => msg(str`You have ${n} characters too many`, { id: 'chars-over.other' }),
  });
}

/** How many options a poll lets a person choose. */
export function choiceLimit(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg('You cannot choose any option.', { id: 'poll.limit.zero' }),
    one: () => msg('You can choose one option.', { id: 'poll.limit.one' }),
    two: () => msg('You can choose up to two options.', { id: 'poll.limit.two' }),
    few: () => msg(str`You can choose up to ${v} options.`, { id: 'poll.limit.few' }),
    many: () => msg(str`You can choose up to ${v} options.`, { id: 'poll.limit.many' }),
    other: () => msg(str`You can choose up to ${v} options.`, { id: 'poll.limit.other' }),
  });
}

export function voteCount(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg('No votes', { id: 'poll.votes.zero' }),
    one: () => msg('1 vote', { id: 'poll.votes.one' }),
    two: () => msg('Two votes', { id: 'poll.votes.two' }),
    few: () => msg(str`${v} votes`, { id: 'poll.votes.few' }),
    many: () => msg(str`${v} votes`, { id: 'poll.votes.many' }),
    other: () => msg(str`${v} votes`, { id: 'poll.votes.other' }),
  });
}

export function voterCount(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg('Nobody has voted yet.', { id: 'poll.voters.zero' }),
    one: () => msg('1 person has voted.', { id: 'poll.voters.one' }),
    two: () => msg('Two people have voted.', { id: 'poll.voters.two' }),
    few: () => msg(str`${v} people have voted.`, { id: 'poll.voters.few' }),
    many: () => msg(str`${v} people have voted.`, { id: 'poll.voters.many' }),
    other: () => msg(str`${v} people have voted.`, { id: 'poll.voters.other' }),
  });
}
