// Every message with a number that the comment form (and the report's note)
// says goes through the plural rules (issue 13, finding 3): Arabic has six
// forms, and the counted noun changes with the number (ثانية، ثانيتان، ثوانٍ،
// ثانيةً; حرف، حرفان، أحرف، حرفًا).
import { expect } from '@open-wc/testing';
import { loadLocale, withLocale, type Locale } from '../../src/shared/localize.js';
import { charactersLeft, retryingIn, tooLong } from '../../src/comment-form/texts.js';
import { noteLimit } from '../../src/comments/texts.js';

const COUNTS = [0, 1, 2, 3, 11, 100, 250] as const;
const num = (n: number) => new Intl.NumberFormat('ar').format(n);
const say = (locale: Locale, fn: () => string) => withLocale(locale, fn);

describe('messages with a number, in every Arabic plural form', () => {
  // Each element's Arabic is a chunk of its own (scripts/split-locales.mjs): these texts are the form's and the list's.
  before(() => Promise.all([loadLocale('ar', 'comment-form'), loadLocale('ar', 'comments')]));

  it('the countdown before trying again', () => {
    const expected = (n: number) =>
      ({
        0: 'ستُعاد المحاولة الآن.',
        1: 'ستُعاد المحاولة بعد ثانية واحدة.',
        2: 'ستُعاد المحاولة بعد ثانيتين.',
        3: `ستُعاد المحاولة بعد ${num(3)} ثوانٍ.`,
        11: `ستُعاد المحاولة بعد ${num(11)} ثانيةً.`,
        100: `ستُعاد المحاولة بعد ${num(100)} ثانية.`,
        250: `ستُعاد المحاولة بعد ${num(250)} ثانيةً.`,
      })[n];
    for (const n of COUNTS) expect(say('ar', () => retryingIn('ar', n, false)), `${n}`).to.equal(expected(n));
    expect(say('en', () => retryingIn('en', 1, false))).to.equal('Trying again in 1 second.');
    expect(say('en', () => retryingIn('en', 250, false))).to.equal('Trying again in 250 seconds.');
  });

  it('the countdown when the portal is busy (429)', () => {
    const expected = (n: number) =>
      ({
        0: 'سيُعاد الإرسال الآن.',
        1: 'سيُعاد الإرسال بعد ثانية واحدة.',
        2: 'سيُعاد الإرسال بعد ثانيتين.',
        3: `سيُعاد الإرسال بعد ${num(3)} ثوانٍ.`,
        11: `سيُعاد الإرسال بعد ${num(11)} ثانيةً.`,
        100: `سيُعاد الإرسال بعد ${num(100)} ثانية.`,
        250: `سيُعاد الإرسال بعد ${num(250)} ثانيةً.`,
      })[n];
    for (const n of COUNTS) expect(say('ar', () => retryingIn('ar', n, true)), `${n}`).to.equal(expected(n));
    expect(say('en', () => retryingIn('en', 2, true))).to.equal('Sending again in 2 seconds.');
  });

  it('the comment’s length limit', () => {
    const expected = (n: number) =>
      ({
        0: 'يجب أن يبقى تعليقك فارغًا.',
        1: 'يجب ألا يزيد تعليقك على حرف واحد.',
        2: 'يجب ألا يزيد تعليقك على حرفين.',
        3: `يجب ألا يزيد تعليقك على ${num(3)} أحرف.`,
        11: `يجب ألا يزيد تعليقك على ${num(11)} حرفًا.`,
        100: `يجب ألا يزيد تعليقك على ${num(100)} حرف.`,
        250: `يجب ألا يزيد تعليقك على ${num(250)} حرفًا.`,
      })[n];
    for (const n of COUNTS) expect(say('ar', () => tooLong('ar', n)), `${n}`).to.equal(expected(n));
    expect(say('en', () => tooLong('en', 1))).to.equal('Your comment must be 1 character or fewer.');
    expect(say('en', () => tooLong('en', 250))).to.equal('Your comment must be 250 characters or fewer.');
  });

  it('the characters left, and the characters too many', () => {
    const left = (n: number) =>
      ({
        0: 'لم يبقَ لديك أي حرف',
        1: 'بقي لديك حرف واحد',
        2: 'بقي لديك حرفان',
        3: `بقي لديك ${num(3)} أحرف`,
        11: `بقي لديك ${num(11)} حرفًا`,
        100: `بقي لديك ${num(100)} حرف`,
        250: `بقي لديك ${num(250)} حرفًا`,
      })[n];
    const over = (n: number) =>
      ({
        1: 'تجاوزت الحد بحرف واحد',
        2: 'تجاوزت الحد بحرفين',
        3: `تجاوزت الحد بـ ${num(3)} أحرف`,
        11: `تجاوزت الحد بـ ${num(11)} حرفًا`,
        100: `تجاوزت الحد بـ ${num(100)} حرف`,
        250: `تجاوزت الحد بـ ${num(250)} حرفًا`,
      })[n];
    for (const n of COUNTS) {
      expect(say('ar', () => charactersLeft('ar', 300 - n, 300)), `${n} left`).to.equal(left(n));
      if (n > 0) expect(say('ar', () => charactersLeft('ar', 300 + n, 300)), `${n} over`).to.equal(over(n));
    }
  });

  it('the length of a report’s note', () => {
    const rest = 'يُرجى عدم تضمين أي بيانات شخصية.';
    const expected = (n: number) =>
      ({
        0: `لا يمكن إضافة ملاحظة. ${rest}`,
        1: `الحدّ الأقصى حرف واحد. ${rest}`,
        2: `الحدّ الأقصى حرفان. ${rest}`,
        3: `الحدّ الأقصى ${num(3)} أحرف. ${rest}`,
        11: `الحدّ الأقصى ${num(11)} حرفًا. ${rest}`,
        100: `الحدّ الأقصى ${num(100)} حرف. ${rest}`,
        250: `الحدّ الأقصى ${num(250)} حرفًا. ${rest}`,
      })[n];
    for (const n of COUNTS) expect(say('ar', () => noteLimit('ar', n)), `${n}`).to.equal(expected(n));
    expect(say('en', () => noteLimit('en', 1000))).to.equal('At most 1,000 characters. Please do not include personal data.');
  });
});
