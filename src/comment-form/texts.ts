/** The comment form's own texts (the shared texts are in src/shared/texts.ts). */
import { formatNumber } from '../shared/format.js';
import { msg, plural, str, type Locale } from '../shared/localize.js';

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
