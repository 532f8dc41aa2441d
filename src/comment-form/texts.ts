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

/** The quiet countdown under a send that waits to try again: "Trying again in 5 seconds." (`busy`: the portal asked to wait, 429). */
export function retryingIn(locale: Locale, seconds: number, busy: boolean): string {
  const n = formatNumber(locale, seconds);
  if (busy) {
    return plural(locale, seconds, {
      zero: () => msg('Sending again now.', { id: 'busy-retry-in.zero' }),
      one: () => msg('Sending again in 1 second.', { id: 'busy-retry-in.one' }),
      two: () => msg('Sending again in 2 seconds.', { id: 'busy-retry-in.two' }),
      few: () => msg(str`Sending again in ${n} seconds.`, { id: 'busy-retry-in.few' }),
      many: () => msg(str`Sending again in ${n} seconds.`, { id: 'busy-retry-in.many' }),
      other: () => msg(str`Sending again in ${n} seconds.`, { id: 'busy-retry-in.other' }),
    });
  }
  return plural(locale, seconds, {
    zero: () => msg('Trying again now.', { id: 'retry-in.zero' }),
    one: () => msg('Trying again in 1 second.', { id: 'retry-in.one' }),
    two: () => msg('Trying again in 2 seconds.', { id: 'retry-in.two' }),
    few: () => msg(str`Trying again in ${n} seconds.`, { id: 'retry-in.few' }),
    many: () => msg(str`Trying again in ${n} seconds.`, { id: 'retry-in.many' }),
    other: () => msg(str`Trying again in ${n} seconds.`, { id: 'retry-in.other' }),
  });
}

/** The problem when a comment is longer than the consultation allows. */
export function tooLong(locale: Locale, max: number): string {
  const n = formatNumber(locale, max);
  return plural(locale, max, {
    zero: () => msg('Your comment must be empty.', { id: 'max-length.zero' }),
    one: () => msg('Your comment must be 1 character or fewer.', { id: 'max-length.one' }),
    two: () => msg('Your comment must be 2 characters or fewer.', { id: 'max-length.two' }),
    few: () => msg(str`Your comment must be ${n} characters or fewer.`, { id: 'max-length.few' }),
    many: () => msg(str`Your comment must be ${n} characters or fewer.`, { id: 'max-length.many' }),
    other: () => msg(str`Your comment must be ${n} characters or fewer.`, { id: 'max-length.other' }),
  });
}

/**
 * How near the comment is to its limit, for the spoken count: 0 well under it,
 * 1 from 75 %, 2 from 90 %, 3 over it. The count is spoken when this changes
 * (GOV.UK Frontend's character count), not after every pause in typing.
 */
export function nearLimit(length: number, max: number): 0 | 1 | 2 | 3 {
  if (length > max) return 3;
  if (length >= max * 0.9) return 2;
  if (length >= max * 0.75) return 1;
  return 0;
}
