/**
 * Dates, numbers and sizes in the reader's whole locale (`ar-JO`, not just
 * `ar`: CLDR gives Jordan Levantine month names and Arabic-Indic digits, plain
 * `ar` Western digits), Gregorian dates unless the element asks for another
 * calendar (for example `islamic-umalqura`) or its language tag names one
 * (`ar-SA-u-ca-islamic-umalqura`). Every formatter is cached under the whole tag.
 */
import { languageOf, type Locale } from './localize.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const formatters = new Map<string, unknown>();
/** One Intl formatter per kind, locale and options: making them is the slow part of formatting. */
export function cached<T>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

export function formatDate(locale: Locale, iso: string, calendar?: string): string {
  // Without a `calendar`, a `-u-ca-` in the tag chooses; otherwise Gregorian (the default for ar-SA would be Hijri).
  const cal = calendar || (tagCalendar(locale) ? undefined : 'gregory');
  const f = cached(`date|${locale}|${cal ?? ''}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', calendar: cal }));
  return f.format(new Date(iso));
}

/** A date with its time of day ("22 November 2026 at 10:05"), where the day alone cannot tell two things apart. */
export function formatDateTime(locale: Locale, iso: string, calendar?: string): string {
  const cal = calendar || (tagCalendar(locale) ? undefined : 'gregory');
  const f = cached(`datetime|${locale}|${cal ?? ''}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', calendar: cal }));
  return f.format(new Date(iso));
}

/** The calendar a language tag names (`-u-ca-…`), if any. */
function tagCalendar(locale: Locale): string | undefined {
  try {
    return new Intl.Locale(locale).calendar;
  } catch {
    return undefined;
  }
}

export function formatNumber(locale: Locale, n: number): string {
  return cached(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

const relativeFormat = (locale: Locale) => cached(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

/** "in 3 days", "2 hours ago": Intl chooses the plural form in each language. */
export function formatRelative(locale: Locale, iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const rtf = relativeFormat(locale);
  if (Math.abs(diff) >= DAY) return rtf.format(Math.round(diff / DAY), 'day');
  if (Math.abs(diff) >= HOUR) return rtf.format(Math.round(diff / HOUR), 'hour');
  return rtf.format(Math.round(diff / 60_000), 'minute');
}

export function formatPercent(locale: Locale, share: number): string {
  return cached(`percent|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

/** "in 30 seconds", "in 2 minutes": a short wait. */
export function formatWait(locale: Locale, seconds: number): string {
  const rtf = relativeFormat(locale);
  return seconds < 90 ? rtf.format(Math.max(1, Math.ceil(seconds)), 'second') : rtf.format(Math.ceil(seconds / 60), 'minute');
}

export function formatBytes(locale: Locale, bytes: number): string {
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : bytes >= 1000 ? [bytes / 1000, 'kilobyte'] : [bytes, 'byte'];
  const f = cached(`bytes|${locale}|${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }));
  return f.format(value);
}

/** "PDF" from `application/pdf`: what a person calls the file type. */
export function fileType(mediaType: string): string {
  const sub = mediaType.split('/')[1] ?? mediaType;
  const known: Record<string, string> = {
    pdf: 'PDF',
    msword: 'Word',
    'vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
    'vnd.ms-excel': 'Excel',
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
    html: 'HTML',
    plain: 'TXT',
    csv: 'CSV',
  };
  return known[sub] ?? sub.toUpperCase();
}

const warmed = new Set<string>();
/**
 * Makes this locale's formatters ahead of the first render. The first Intl
 * number formatter in a page loads ICU data (70–90 ms on a slow machine);
 * called while the element waits for the portal, that wait pays for it
 * instead of the reader.
 */
export function warmFormatters(locale: Locale, calendar?: string): void {
  const key = `${locale}|${calendar ?? ''}`;
  if (warmed.has(key)) return;
  warmed.add(key);
  const now = new Date().toISOString();
  formatNumber(locale, 0);
  formatDate(locale, now, calendar);
  formatRelative(locale, now);
}

/**
 * Picks the text for `locale` from a LocalizedText: the whole tag (`ar-JO`),
 * then its language (`ar`, or any `ar-…`), then any language given.
 */
export function pick(text: Record<string, string> | undefined, locale: Locale): { text: string; lang: string } {
  const language = languageOf(locale);
  if (!text) return { text: '', lang: language };
  if (text[locale] !== undefined) return { text: text[locale]!, lang: locale };
  if (text[language] !== undefined) return { text: text[language]!, lang: language };
  const other = Object.keys(text).find((k) => k.startsWith(`${language}-`)) ?? Object.keys(text)[0]!;
  return { text: text[other] ?? '', lang: other };
}
