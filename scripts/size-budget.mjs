// The size budget of the single-file script, in one place: test/e2e/size.test.ts
// fails above it, and `npm run bench` prints it next to the actual size.
import { gzipSync } from 'node:zlib';

/**
 * The issue's goal (issue 6): everything — both languages, zod and DOMPurify
 * included — in 30 KB gzip. It is NOT met, by about 2×, and cannot be met by
 * trimming: the three required libraries alone, with a trivial element, are
 * 22.1 KB (TOOLCHAIN.md); as used here, each compressed alone (npm run bench,
 * BENCHMARKS.md), DOMPurify 11.0 KB, zod/mini 8.2 KB, lit + @lit/* 8.6 KB.
 * That leaves 2–8 KB for six elements, the client, their CSS (3.4 KB minified
 * by esbuild) and the Arabic messages (3.6 KB). dist/sharek.js was 62,613
 * bytes (61.1 KB) before the CSS was minified and 61,745 bytes (60.3 KB) after.
 * Meeting 30 KB means dropping or replacing a required dependency or a
 * feature other issues ask for: the lead's decision, not an engineer's.
 */
export const ISSUE_GOAL_GZIP_KB = 30;

/**
 * What the size test enforces, so growth is caught: 60.3 KB now, with 1.7 KB
 * of room. Raise it only with a reason in the commit. 1 KB = 1024 bytes.
 */
export const SIZE_BUDGET_GZIP_KB = 62;

/** gzip -9, the figure every size in this repository is quoted in. Deterministic for the same bytes. */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}
