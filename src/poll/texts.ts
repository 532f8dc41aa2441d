/** The poll's own texts: its status badge and its counts (the shared texts are in src/shared/texts.ts). */
import type { Poll } from '../api/schemas.js';
import { formatNumber } from '../shared/format.js';
import { msg, plural, str, type Locale } from '../shared/localize.js';

/** A poll's status badge; `voted` while it is open and this participant has voted. */
export function pollStatusLabel(status: Poll['status'] | 'voted'): string {
  return {
    upcoming: () => msg('Not open yet', { id: 'poll.status.upcoming' }),
    open: () => msg('Open for voting', { id: 'poll.status.open' }),
    voted: () => msg('You have voted', { id: 'poll.status.voted' }),
    closed: () => msg('Voting closed', { id: 'poll.status.closed' }),
  }[status]();
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
