// The size budget of the single-file script, in one place: test/e2e/size.test.ts
// fails above it, and `npm run bench` prints it next to the actual size.
import { gzipSync } from 'node:zlib';

/**
 * The issue's goal (issue 6): everything — both languages, zod and DOMPurify
 * included — in 30 KB gzip. It is NOT met, by about 2×: dist/sharek.js was
 * 56.2 KB gzip (57,542 bytes) when this budget was set and 60.5 KB (61,981
 * bytes, 198 KB minified) once the consultations list landed. Of that, each
 * part compressed alone (npm run bench, BENCHMARKS.md): DOMPurify 11.0 KB,
 * zod/mini 8.2 KB, lit + @lit/* 8.6 KB — 28 KB of dependencies before any
 * Sharek code — then the elements' CSS 4.0 KB, the Arabic messages 3.6 KB and
 * the six elements' code and the client about 29 KB (parts compressed alone
 * sum to a little more than the whole). Meeting 30 KB means
 * dropping or replacing a dependency (or splitting the single file), not
 * trimming; that is the lead's decision.
 */
export const ISSUE_GOAL_GZIP_KB = 30;

/**
 * What the size test enforces for now, so growth is caught while the 30 KB
 * question is open, with a little room for the fixes in flight. 1 KB = 1024 bytes.
 */
export const SIZE_BUDGET_GZIP_KB = 64;

/** gzip -9, the figure every size in this repository is quoted in. Deterministic for the same bytes. */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}
