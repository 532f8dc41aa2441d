/** The moderation console's own texts (the shared ones are in src/shared/texts.ts). */
import type { ApiError } from '../api/errors.js';
import type { DecisionOutcome } from '../api/schemas.js';
import { formatNumber } from '../shared/format.js';
import { msg, plural, str, type Locale } from '../shared/localize.js';
import type { QueueName } from './api.js';
import type * as z from 'zod/mini';

export function queueLabel(queue: QueueName): string {
  return {
    pending: () => msg('Awaiting moderation'),
    reported: () => msg('Reported'),
    published: () => msg('Published'),
    rejected: () => msg('Rejected'),
  }[queue]();
}

export function outcomeLabel(outcome: z.infer<typeof DecisionOutcome>): string {
  return {
    adopted: () => msg('Adopted as proposed'),
    amended: () => msg('Adopted with amendments'),
    withdrawn: () => msg('Withdrawn'),
    postponed: () => msg('Postponed'),
  }[outcome]();
}

/** The agency's response time: "72 hours". */
export function hours(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg(str`${v} hours`, { id: 'hours.zero' }),
    one: () => msg('1 hour', { id: 'hours.one' }),
    two: () => msg('Two hours', { id: 'hours.two' }),
    few: () => msg(str`${v} hours`, { id: 'hours.few' }),
    many: () => msg(str`${v} hours`, { id: 'hours.many' }),
    other: () => msg(str`${v} hours`, { id: 'hours.other' }),
  });
}

/** How many distinct people reported a comment. */
export function reporters(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg('Reported by nobody', { id: 'reporters.zero' }),
    one: () => msg('Reported by 1 person', { id: 'reporters.one' }),
    two: () => msg('Reported by two people', { id: 'reporters.two' }),
    few: () => msg(str`Reported by ${v} people`, { id: 'reporters.few' }),
    many: () => msg(str`Reported by ${v} people`, { id: 'reporters.many' }),
    other: () => msg(str`Reported by ${v} people`, { id: 'reporters.other' }),
  });
}

export type Done = 'approved' | 'rejected' | 'removed' | 'dismissed';

/** The polite announcement after an action: "3 comments approved". */
export function doneCount(locale: Locale, done: Done, n: number): string {
  const v = formatNumber(locale, n);
  const forms = {
    approved: {
      zero: () => msg('No comments approved', { id: 'approved.zero' }),
      one: () => msg('1 comment approved', { id: 'approved.one' }),
      two: () => msg('Two comments approved', { id: 'approved.two' }),
      few: () => msg(str`${v} comments approved`, { id: 'approved.few' }),
      many: () => msg(str`${v} comments approved`, { id: 'approved.many' }),
      other: () => msg(str`${v} comments approved`, { id: 'approved.other' }),
    },
    rejected: {
      zero: () => msg('No comments rejected', { id: 'rejected.zero' }),
      one: () => msg('1 comment rejected', { id: 'rejected.one' }),
      two: () => msg('Two comments rejected', { id: 'rejected.two' }),
      few: () => msg(str`${v} comments rejected`, { id: 'rejected.few' }),
      many: () => msg(str`${v} comments rejected`, { id: 'rejected.many' }),
      other: () => msg(str`${v} comments rejected`, { id: 'rejected.other' }),
    },
    removed: {
      zero: () => msg('No comments removed', { id: 'removed.zero' }),
      one: () => msg('1 comment removed', { id: 'removed.one' }),
      two: () => msg('Two comments removed', { id: 'removed.two' }),
      few: () => msg(str`${v} comments removed`, { id: 'removed.few' }),
      many: () => msg(str`${v} comments removed`, { id: 'removed.many' }),
      other: () => msg(str`${v} comments removed`, { id: 'removed.other' }),
    },
    dismissed: {
      zero: () => msg('No reports dismissed', { id: 'dismissed.zero' }),
      one: () => msg('Reports dismissed on 1 comment', { id: 'dismissed.one' }),
      two: () => msg('Reports dismissed on two comments', { id: 'dismissed.two' }),
      few: () => msg(str`Reports dismissed on ${v} comments`, { id: 'dismissed.few' }),
      many: () => msg(str`Reports dismissed on ${v} comments`, { id: 'dismissed.many' }),
      other: () => msg(str`Reports dismissed on ${v} comments`, { id: 'dismissed.other' }),
    },
  }[done];
  return plural(locale, n, forms);
}

/** "2 selected". */
export function selectedCount(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg('None selected', { id: 'selected.zero' }),
    one: () => msg('1 selected', { id: 'selected.one' }),
    two: () => msg('Two selected', { id: 'selected.two' }),
    few: () => msg(str`${v} selected`, { id: 'selected.few' }),
    many: () => msg(str`${v} selected`, { id: 'selected.many' }),
    other: () => msg(str`${v} selected`, { id: 'selected.other' }),
  });
}

/** Why the portal refused an action, for the moderator. */
export function refusal(error: ApiError | Error): string {
  const status = (error as ApiError).status;
  if (status === 409) return msg('The portal refused: the comment has changed since this page loaded. Reload the queue.');
  if (status === 404) return msg('The portal no longer has this comment.');
  if (status === 400) return msg('The portal refused what was sent: check the fields.');
  if (status !== undefined && status >= 500) return msg('The portal had a problem and did nothing. Try again in a moment.');
  return msg('The portal could not be reached and nothing was changed. Check the connection and try again.');
}
