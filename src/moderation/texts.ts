/** The moderation console's own texts (the shared ones are in src/shared/texts.ts). */
import type { ApiError } from '../api/errors.js';
import type { DecisionOutcome } from '../api/schemas.js';
import { formatNumber } from '../shared/format.js';
import { msg, plural, str, type Locale } from '../shared/localize.js';
import type { QueueName } from './api.js';
import type * as z from 'zod/mini';

export function queueLabel(queue: QueueName): string {
  return {
    pending: () => msg('Awaiting moderation', { id: 'moderation.awaiting-moderation' }),
    reported: () => msg('Reported', { id: 'moderation.reported' }),
    published: () => msg('Published', { id: 'moderation.published' }),
    rejected: () => msg('Rejected', { id: 'moderation.rejected' }),
  }[queue]();
}

export function outcomeLabel(outcome: z.infer<typeof DecisionOutcome>): string {
  return {
    adopted: () => msg('Adopted as proposed', { id: 'moderation.adopted-as-proposed' }),
    amended: () => msg('Adopted with amendments', { id: 'moderation.adopted-with-amendments' }),
    withdrawn: () => msg('Withdrawn', { id: 'moderation.withdrawn' }),
    postponed: () => msg('Postponed', { id: 'moderation.postponed' }),
  }[outcome]();
}

/** The agency's response time: "72 hours". */
export function hours(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg(str`${v} hours`, { id: 'moderation.hours.zero' }),
    one: () => msg('1 hour', { id: 'moderation.hours.one' }),
    two: () => msg('Two hours', { id: 'moderation.hours.two' }),
    few: () => msg(str`${v} hours`, { id: 'moderation.hours.few' }),
    many: () => msg(str`${v} hours`, { id: 'moderation.hours.many' }),
    other: () => msg(str`${v} hours`, { id: 'moderation.hours.other' }),
  });
}

/** How many distinct people reported a comment. */
export function reporters(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg('Reported by nobody', { id: 'moderation.reporters.zero' }),
    one: () => msg('Reported by 1 person', { id: 'moderation.reporters.one' }),
    two: () => msg('Reported by two people', { id: 'moderation.reporters.two' }),
    few: () => msg(str`Reported by ${v} people`, { id: 'moderation.reporters.few' }),
    many: () => msg(str`Reported by ${v} people`, { id: 'moderation.reporters.many' }),
    other: () => msg(str`Reported by ${v} people`, { id: 'moderation.reporters.other' }),
  });
}

export type Done = 'approved' | 'rejected' | 'removed' | 'dismissed';

/** The polite announcement after an action: "3 comments approved". */
export function doneCount(locale: Locale, done: Done, n: number): string {
  const v = formatNumber(locale, n);
  const forms = {
    approved: {
      zero: () => msg('No comments approved', { id: 'moderation.approved.zero' }),
      one: () => msg('1 comment approved', { id: 'moderation.approved.one' }),
      two: () => msg('Two comments approved', { id: 'moderation.approved.two' }),
      few: () => msg(str`${v} comments approved`, { id: 'moderation.approved.few' }),
      many: () => msg(str`${v} comments approved`, { id: 'moderation.approved.many' }),
      other: () => msg(str`${v} comments approved`, { id: 'moderation.approved.other' }),
    },
    rejected: {
      zero: () => msg('No comments rejected', { id: 'moderation.rejected.zero' }),
      one: () => msg('1 comment rejected', { id: 'moderation.rejected.one' }),
      two: () => msg('Two comments rejected', { id: 'moderation.rejected.two' }),
      few: () => msg(str`${v} comments rejected`, { id: 'moderation.rejected.few' }),
      many: () => msg(str`${v} comments rejected`, { id: 'moderation.rejected.many' }),
      other: () => msg(str`${v} comments rejected`, { id: 'moderation.rejected.other' }),
    },
    removed: {
      zero: () => msg('No comments removed', { id: 'moderation.removed.zero' }),
      one: () => msg('1 comment removed', { id: 'moderation.removed.one' }),
      two: () => msg('Two comments removed', { id: 'moderation.removed.two' }),
      few: () => msg(str`${v} comments removed`, { id: 'moderation.removed.few' }),
      many: () => msg(str`${v} comments removed`, { id: 'moderation.removed.many' }),
      other: () => msg(str`${v} comments removed`, { id: 'moderation.removed.other' }),
    },
    dismissed: {
      zero: () => msg('No reports dismissed', { id: 'moderation.dismissed.zero' }),
      one: () => msg('Reports dismissed on 1 comment', { id: 'moderation.dismissed.one' }),
      two: () => msg('Reports dismissed on two comments', { id: 'moderation.dismissed.two' }),
      few: () => msg(str`Reports dismissed on ${v} comments`, { id: 'moderation.dismissed.few' }),
      many: () => msg(str`Reports dismissed on ${v} comments`, { id: 'moderation.dismissed.many' }),
      other: () => msg(str`Reports dismissed on ${v} comments`, { id: 'moderation.dismissed.other' }),
    },
  }[done];
  return plural(locale, n, forms);
}

/** "2 selected". */
export function selectedCount(locale: Locale, n: number): string {
  const v = formatNumber(locale, n);
  return plural(locale, n, {
    zero: () => msg('None selected', { id: 'moderation.selected.zero' }),
    one: () => msg('1 selected', { id: 'moderation.selected.one' }),
    two: () => msg('Two selected', { id: 'moderation.selected.two' }),
    few: () => msg(str`${v} selected`, { id: 'moderation.selected.few' }),
    many: () => msg(str`${v} selected`, { id: 'moderation.selected.many' }),
    other: () => msg(str`${v} selected`, { id: 'moderation.selected.other' }),
  });
}

/** Why the portal refused an action, for the moderator. */
export function refusal(error: ApiError | Error): string {
  const status = (error as ApiError).status;
  if (status === 409) return msg('The portal refused: the comment has changed since this page loaded. Reload the queue.', { id: 'moderation.the-portal-refused-the-comment-has' });
  if (status === 404) return msg('The portal no longer has this comment.', { id: 'moderation.the-portal-no-longer-has-this' });
  if (status === 400) return msg('The portal refused what was sent: check the fields.', { id: 'moderation.the-portal-refused-what-was-sent' });
  if (status !== undefined && status >= 500) return msg('The portal had a problem and did nothing. Try again in a moment.', { id: 'moderation.the-portal-had-a-problem-and' });
  return msg('The portal could not be reached and nothing was changed. Check the connection and try again.', { id: 'moderation.the-portal-could-not-be-reached' });
}
