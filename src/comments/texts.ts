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

/**
 * Where a comment is, for names that tell comments apart: "on article 2",
 * "on the whole draft" (`number` undefined: an article the list does not know).
 */
export function commentPlace(sectionId: string | undefined, number: string | undefined): string {
  if (!sectionId) return msg('on the whole draft');
  return number === undefined ? msg('on one of the articles') : msg(str`on article ${number}`);
}

/** The comment's heading's hidden end: "(3 hours ago, on article 2)", so that two "Individual" headings differ. */
export function commentContext(when: string, place: string): string {
  return msg(str`(${when}, ${place})`);
}

/** The reply's heading's hidden end: "(to the comment by Individual, 3 hours ago)". */
export function replyContext(who: string, when: string): string {
  return msg(str`(to the comment by ${who}, ${when})`);
}

/** The report button's name: its visible word first (WCAG 2.5.3), then whose comment, when and where. */
export function reportName(reported: boolean, who: string, when: string, place: string): string {
  return reported
    ? msg(str`Reported: the comment by ${who}, ${when}, ${place}`)
    : msg(str`Report the comment by ${who}, ${when}, ${place}`);
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
