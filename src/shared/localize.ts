/**
 * Messages, per element.
 *
 * Messages are written with `msg()` and `str` and extracted to XLIFF in
 * `locales/` by @lit/localize-tools (runtime mode). We do not call
 * `configureLocalization`: it holds one locale for the whole page and may be
 * configured only once, so it would clash with a host page that uses
 * @lit/localize, and it could not show an Arabic card beside an English one.
 * Instead each element renders inside `withLocale(lang, …)`, and our `msg`
 * looks the message up in that locale's generated templates with
 * @lit/localize's own lookup. Arabic messages are chunks of their own,
 * loaded for the elements that speak Arabic (English is the source text);
 * an element waits for its own before its first render, so there is no
 * flash of the wrong language.
 */
import { str, type msg as litMsg } from '@lit/localize';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { TemplateMap } from '@lit/localize/internal/types.js';
import type { ElementName } from '../registry.js';

export { str };

/** A language whose messages Sharek has. */
export type Language = 'ar' | 'en';

/**
 * The locale an element renders in: a whole language tag (`ar`, `ar-JO`,
 * `ar-u-nu-arab`, `en-GB`). Messages come from its language (`ar` or `en`);
 * dates, numbers and plural rules from the whole tag, so a Jordanian page
 * gets Levantine month names and Arabic-Indic digits where CLDR says so.
 */
export type Locale = Language | `${Language}-${string}`;

/** `ar` or `en`: the messages a locale takes. */
export const languageOf = (locale: Locale): Language => (locale.startsWith('en') ? 'en' : 'ar');

/**
 * The Arabic messages, a chunk per element plus one that every element
 * shares (scripts/split-locales.mjs splits them by the folder whose code
 * writes each): a list page never fetches the comment form's.
 */
const ARABIC: Record<MessagesPart, () => Promise<{ templates: TemplateMap }>> = {
  shared: () => import('../generated/locales/ar.js'),
  consultation: () => import('../generated/locales/ar-consultation.js'),
  consultations: () => import('../generated/locales/ar-consultations.js'),
  comments: () => import('../generated/locales/ar-comments.js'),
  'comment-form': () => import('../generated/locales/ar-comment-form.js'),
  poll: () => import('../generated/locales/ar-poll.js'),
  decision: () => import('../generated/locales/ar-decision.js'),
  moderation: () => import('../generated/locales/ar-moderation.js'),
};
type MessagesPart = 'shared' | ElementName;

/** The Arabic messages loaded so far, every part in one map (ids are unique across parts); English is the source text and needs none. */
const arabic: TemplateMap = {};
const arabicParts = new Map<MessagesPart, Promise<void>>();
const arabicLoaded = new Set<MessagesPart>();

/**
 * Loads `locale`'s messages for `element` (and those every element shares).
 * Elements wait for it before their first render in that language
 * (SharekElement.scheduleUpdate), so no element is ever shown in the wrong
 * language; the script starts it with the element's code, not after it.
 */
export function loadLocale(locale: Locale, element?: ElementName): Promise<void> {
  if (languageOf(locale) === 'en') return Promise.resolve();
  const parts: MessagesPart[] = element ? ['shared', element] : ['shared'];
  return Promise.all(
    parts.map((part) => {
      let pending = arabicParts.get(part);
      if (!pending) {
        pending = ARABIC[part]().then((m) => {
          Object.assign(arabic, m.templates);
          arabicLoaded.add(part);
        });
        // A failed load (the network) may be tried again by the next element that needs it.
        pending.catch(() => arabicParts.delete(part));
        arabicParts.set(part, pending);
      }
      return pending;
    }),
  ).then(() => undefined);
}

/** True when `locale`'s messages for `element` are here, so rendering in it needs no wait. */
export const localeLoaded = (locale: Locale, element?: ElementName) =>
  languageOf(locale) === 'en' || (arabicLoaded.has('shared') && (!element || arabicLoaded.has(element)));

/** The language being rendered (Arabic, the default, outside any withLocale). */
let current: Locale = 'ar';

/** Looks a message up in the locale being rendered (typed as @lit/localize's, so the extractor finds it). */
export const msg = ((template: Parameters<typeof litMsg>[0], options?: Parameters<typeof litMsg>[1]) =>
  runtimeMsg(languageOf(current) === 'ar' ? arabic : undefined, template as never, options)) as typeof litMsg;

/** Runs `fn` with `locale`'s messages; used around each element's render. */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  const previous = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/**
 * The locale for a language tag: an Arabic or English tag is kept whole (in
 * its canonical form, `AR-jo` → `ar-JO`) for dates and numbers; any other
 * language, or a tag that is not valid BCP 47, is Arabic, the default.
 */
export function toLocale(tag: string | null | undefined): Locale {
  const language = tag && /^en(?:-|$)/i.test(tag) ? 'en' : 'ar';
  if (!tag || !new RegExp(`^${language}(?:-|$)`, 'i').test(tag)) return language;
  try {
    return (Intl.getCanonicalLocales(tag)[0] ?? language) as Locale;
  } catch {
    return language;
  }
}

/** `rtl` for every Arabic tag. */
export const directionOf = (locale: Locale) => (languageOf(locale) === 'ar' ? 'rtl' : 'ltr');

/**
 * Picks the plural form with Intl.PluralRules. Arabic has six forms (zero,
 * one, two, few, many, other), English two; each form is its own message so
 * translators can write every one.
 */
export function plural<T>(locale: Locale, n: number, forms: Record<Intl.LDMLPluralRule, () => T>): T {
  return forms[(pluralRules[locale] ??= new Intl.PluralRules(locale)).select(n)]();
}

const pluralRules: Partial<Record<string, Intl.PluralRules>> = {};
