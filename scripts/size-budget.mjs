// The size budgets of the script a webmaster loads, chunk by chunk, in one
// place: test/e2e/size.test.ts fails when a chunk outgrows its budget (or a
// chunk appears that has none), and `npm run bench` prints each beside it.
//
// The old goal of 30 KB gzip for one file holding everything is retired
// (issue 12): lit + zod/mini + DOMPurify alone took most of it. What a citizen
// pays for is what the page needs before it shows something: see the bench's
// "what each page loads" table. 1 KB = 1024 bytes, gzip -9.
import { gzipSync } from 'node:zlib';

/**
 * Budgets in KB gzip, by chunk name (the file name before its content hash).
 * Set at the measured size plus a little room (2026-12-02): raise one only
 * with a reason in the commit.
 */
export const CHUNK_BUDGETS_KB = {
  sharek: 0.5, // the entry: registers the names, starts the card's request
  // 1.7, not 1.6: where each element's Arabic messages are, so the script fetches them with the element's code
  // (+0.2 KB; the title's path lost 3.8 KB of other elements' messages).
  loader: 1.7, // registry, locale loading, the early request
  lit: 9, // lit, @lit/task, @lit/localize's lookup
  // 17.5, not 17 (issue 11): the texts, the heading rule and the send-and-retry rule that two or more elements
  // shared as copies now live once here (+0.9 KB); the element chunks lost 1.0 KB together.
  // 17.7, not 17.5: portal HTML's headings moved below the heading they sit under and the host's min-inline-size
  // for reflow (issue 13, +123 bytes), and the zod/mini functions core now exports to the moderation console's
  // chunk, the first outside core to build schemas of its own (issue 14, +70 bytes).
  core: 17.7, // zod/mini and the contract, the client, the base class, shared helpers and styles
  dompurify: 12, // only where the browser has no HTML Sanitizer API
  // The Arabic messages, a chunk per element (scripts/split-locales.mjs), not one of 6 KB for all: each page fetches
  // the shared ones and those of the elements it shows (2026-12-02, issue 12).
  ar: 1.3, // every element's: src/shared, src/api, and those written in two elements
  'ar-consultation': 0.5,
  'ar-consultations': 0.6,
  'ar-comments': 1.8,
  'ar-comment-form': 2.7,
  'ar-poll': 1.5,
  'ar-decision': 0.8,
  consultation: 4.5,
  consultations: 2.6,
  // 6.4, not 6.2 (issue 13, findings 8 and 12): each comment's language from its script and the names that tell
  // comments apart (+0.5 KB: 6.19 KB measured, which left 9 bytes of room).
  comments: 6.4,
  // 7.8, not 7.5 (issue 13): every number it says in all six plural forms (countdowns, the length limit), the
  // failure alert that takes focus, focus kept through a send. Measured 7.69 KB.
  'comment-form': 7.8,
  poll: 4.8,
  decision: 3.5,
  // The agency's console (issue 14): loaded only where <sharek-moderation> is, never on citizens' pages.
  moderation: 12.5,
  'ar-moderation': 3.5, // the console's Arabic messages, apart from the citizens'
};

/** gzip -9, the figure every size in this repository is quoted in. Deterministic for the same bytes. */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}

/** `chunks/comment-form-C178UAxe.js` → `comment-form`; `sharek.js` → `sharek`. */
export const chunkName = (file) => file.replace(/^chunks\//, '').replace(/(-[\w-]{8})?\.js$/, '');
