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

export type Locale = 'ar' | 'en';

/** Each language's messages, once loaded; English is the source text and needs none. */
const catalogues: Partial<Record<Locale, TemplateMap>> = {};
const loading: Partial<Record<Locale, Promise<void>>> = {};

/**
 * Loads `locale`'s messages (a chunk of their own in the single-file build:
 * a page of English elements never fetches the Arabic). Elements wait for it
 * before their first render in that language (SharekElement.scheduleUpdate),
 * so no element is ever shown in the wrong language.
 */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en') return Promise.resolve();
  return (loading[locale] ??= import('../generated/locales/ar.js').then((m) => void (catalogues.ar = m.templates)));
}

/**
 * Adds messages to `locale`'s, once they are loaded: an element whose texts
 * are a chunk of their own (the moderation console) brings them itself.
 */
export async function addMessages(locale: Locale, more: () => Promise<TemplateMap>): Promise<void> {
  await loadLocale(locale);
  Object.assign(catalogues[locale]!, await more());
}

/** True when `locale`'s messages are here, so rendering in it needs no wait. */
export const localeLoaded = (locale: Locale) => locale === 'en' || catalogues[locale] !== undefined;

/** The language being rendered (Arabic, the default, outside any withLocale). */
let current: Locale = 'ar';

/** Looks a message up in the locale being rendered (typed as @lit/localize's, so the extractor finds it). */
export const msg = ((template: Parameters<typeof litMsg>[0], options?: Parameters<typeof litMsg>[1]) =>
  runtimeMsg(catalogues[current], template as never, options)) as typeof litMsg;

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

/** `ar` or `en` from any language tag; anything else is Arabic, the default. */
export function toLocale(tag: string | null | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'ar';
}

export const directionOf = (locale: Locale) => (locale === 'ar' ? 'rtl' : 'ltr');

/**
 * Picks the plural form with Intl.PluralRules. Arabic has six forms (zero,
 * one, two, few, many, other), English two; each form is its own message so
 * translators can write every one.
 */
export function plural<T>(locale: Locale, n: number, forms: Record<Intl.LDMLPluralRule, () => T>): T {
  return forms[(pluralRules[locale] ??= new Intl.PluralRules(locale)).select(n)]();
}

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};
