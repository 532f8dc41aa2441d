/** The comment list's own texts (the shared texts are in src/shared/texts.ts). */
import { formatNumber } from '../shared/format.js';
import { msg, plural, str, type Locale } from '../shared/localize.js';

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

/** Under the report's note: how long it may be. */
export function noteLimit(locale: Locale, max: number): string {
  const v = formatNumber(locale, max);
  return plural(locale, max, {
    zero: () => msg('No note can be added. Please do not include personal data.', { id: 'note-limit.zero' }),
    one: () => msg('At most 1 character. Please do not include personal data.', { id: 'note-limit.one' }),
    two: () => msg('At most 2 characters. Please do not include personal data.', { id: 'note-limit.two' }),
    few: () => msg(str`At most ${v} characters. Please do not include personal data.`, { id: 'note-limit.few' }),
    many: () => msg(str`At most ${v} characters. Please do not include personal data.`, { id: 'note-limit.many' }),
    other: () => msg(str`At most ${v} characters. Please do not include personal data.`, { id: 'note-limit.other' }),
  });
}
