/**
 * A comment's own language, from its script: a comment written in Arabic on
 * an English page must be read with an Arabic voice (WCAG 3.1.2), and the
 * portal's Comment has no language field. The script with more letters wins:
 * Arabic script is `ar`; Latin is `en` (the other language the portal
 * speaks). No letters, or as many of each, is unknown: the comment then
 * takes the page's language, as before.
 */
import type { Language } from '../shared/localize.js';

const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;

export function scriptLanguage(text: string): Language | undefined {
  let arabic = 0;
  let latin = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    if (ARABIC.test(ch)) arabic++;
    else if (LATIN.test(ch)) latin++;
  }
  if (arabic > latin) return 'ar';
  if (latin > arabic) return 'en';
  return undefined;
}

/**
 * `lang` and `dir` for a comment's text in an element rendering in
 * `language`: set only when its script says another language (a Latin
 * comment on an `en-GB` page keeps `en-GB`); `dir="auto"` when unknown.
 */
export function textLanguage(text: string, language: Language): { lang?: string; dir: 'rtl' | 'ltr' | 'auto' } {
  const found = scriptLanguage(text);
  if (!found) return { dir: 'auto' };
  return { lang: found === language ? undefined : found, dir: found === 'ar' ? 'rtl' : 'ltr' };
}
