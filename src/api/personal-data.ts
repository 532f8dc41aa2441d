/**
 * Finds what looks like personal data in a comment: the usage policy asks
 * people not to publish names, contact details or addresses. The form warns
 * before sending; the portal, running the very same patterns, holds a flagged
 * comment for a moderator even where comments are published at once
 * (post-moderation), with the kinds found as the reason. A warning and a
 * hold, never a refusal, so the patterns lean towards catching real contact
 * details and accept a few false alarms.
 *
 * Not flagged, on purpose: years (2025), article numbers (المادة 12), dates
 * (19/6/2023), amounts with separators (1,500,000 دينار) and percentages.
 * Flagged although harmless, accepted: an unformatted 10-digit amount
 * (1500000000) reads as a national number.
 */
export const PERSONAL_DATA_KINDS = ['email', 'phone', 'national-id', 'address'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The text as the person wrote it (their digits, their spacing). */
  match: string;
}

/** Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits as ASCII; one character each, so offsets hold. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

const SEP = '[\\s\\-.]?';
const digits = (n: number) => Array.from({ length: n }, () => '\\d').join(SEP);

const PATTERNS: [PersonalDataKind, RegExp][] = [
  // The look-behind starts a match only where a run of address characters starts: without it, a long
  // run with no `@` is tried from each of its characters (quadratic: seconds for a 20,000-letter comment).
  ['email', /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu],
  [
    'phone',
    new RegExp(
      [
        // International: +962…, 00966…, +44…: a country code and 7–12 more digits.
        `(?:\\+|00)${SEP}\\d{1,3}${SEP}\\(?\\d{1,4}\\)?(?:${SEP}\\d){6,11}`,
        // Jordanian mobiles 07[789]xxxxxxx and landlines 0[2-6]xxxxxxx.
        `0${SEP}7${SEP}[789]${SEP}${digits(7)}`,
        `0${SEP}[2-6]${SEP}${digits(7)}`,
        // Saudi mobiles 05xxxxxxxx and the 9200 unified numbers.
        `0${SEP}5${SEP}${digits(8)}`,
        `9${SEP}2${SEP}0${SEP}0${SEP}${digits(5)}`,
      ]
        .map((p) => `(?<![\\d])${p}(?![\\d])`)
        .join('|'),
      'g',
    ),
  ],
  // Jordanian national number and Saudi national/iqama id: ten digits standing alone.
  ['national-id', /(?<![\d,./])\d{10}(?![\d,./])/g],
  [
    'address',
    new RegExp(
      [
        // شارع الملكة رانيا، بناية 12 / ش. الجامعة رقم 5 / حي النزهة، منزل 4
        '(?:شارع|ش\\.|طريق|حي|جادة)\\s+[^\\d،,.\\n]{2,40}?[\\s،,]+(?:عمارة|بناية|مبنى|منزل|بيت|رقم|فيلا|شقة)\\s*(?:رقم\\s*)?\\d+',
        // ص.ب 1234 / صندوق بريد 1234 / P.O. Box 1234
        '(?:ص\\s?\\.?\\s?ب\\.?|صندوق\\s+بريد|P\\.?\\s?O\\.?\\s+Box)\\s*\\d+',
        // 12 King Hussein Street / 5 Queen Rania St. / Building 4, Mecca Street
        '\\b\\d{1,5}\\s+(?:[A-Z][\\p{L}\'-]+\\s+){1,4}(?:Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Boulevard|Blvd\\.?)(?=\\W|$)',
        '\\b(?:Building|Bldg\\.?|Apartment|Apt\\.?|Flat)\\s*(?:No\\.?\\s*)?\\d+',
      ].join('|'),
      'gu',
    ),
  ],
];

/** Everything in `text` that looks like personal data, in order of appearance, each once. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const normal = westernDigits(text);
  const found: (PersonalDataFinding & { at: number; end: number })[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const m of normal.matchAll(pattern)) {
      const at = m.index!;
      const end = at + m[0].length;
      // A phone number is not also a national number: the first, more specific, kind wins.
      if (found.some((f) => at < f.end && end > f.at)) continue;
      found.push({ kind, match: text.slice(at, end).trim(), at, end });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ kind, match }) => ({ kind, match }));
}
