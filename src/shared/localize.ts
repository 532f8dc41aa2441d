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
 * @lit/localize's own lookup. Both languages are bundled (no request, no
 * flash of the wrong language).
 */
import { str, type msg as litMsg } from '@lit/localize';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { TemplateMap } from '@lit/localize/internal/types.js';

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

/** Each language's messages, once loaded; English is the source text and needs none. */
const catalogues: Partial<Record<Language, TemplateMap>> = {};
const loading: Partial<Record<Language, Promise<void>>> = {};

/**
 * Loads `locale`'s messages (a chunk of their own in the single-file build:
 * a page of English elements never fetches the Arabic). Elements wait for it
 * before their first render in that language (SharekElement.scheduleUpdate),
 * so no element is ever shown in the wrong language.
 */
export function loadLocale(locale: Locale): Promise<void> {
  if (languageOf(locale) === 'en') return Promise.resolve();
  return (loading.ar ??= import('../generated/locales/ar.js').then((m) => void (catalogues.ar = m.templates)));
}

/**
 * Adds messages to `language`'s, once they are loaded: an element whose texts
 * are a chunk of their own (the moderation console) brings them itself.
 */
export async function addMessages(language: Language, more: () => Promise<TemplateMap>): Promise<void> {
  await loadLocale(language);
  Object.assign(catalogues[language]!, await more());
}

/** True when `locale`'s messages are here, so rendering in it needs no wait. */
export const localeLoaded = (locale: Locale) => languageOf(locale) === 'en' || catalogues.ar !== undefined;

/** The language being rendered (Arabic, the default, outside any withLocale). */
let current: Locale = 'ar';

/** Looks a message up in the locale being rendered (typed as @lit/localize's, so the extractor finds it). */
export const msg = ((template: Parameters<typeof litMsg>[0], options?: Parameters<typeof litMsg>[1]) =>
  runtimeMsg(catalogues[languageOf(current)], template as never, options)) as typeof litMsg;

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
