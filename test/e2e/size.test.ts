// The single-file script stays within its size budget. Sizes are deterministic
// (the same bytes gzip to the same length), so this test cannot flake.
// The budget and why it is not the issue's 30 KB: scripts/size-budget.mjs.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
// @ts-expect-error: a plain .mjs helper shared with the bench script
import { gzipSize, ISSUE_GOAL_GZIP_KB, SIZE_BUDGET_GZIP_KB } from '../../scripts/size-budget.mjs';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

test(`dist/sharek.js is at most ${SIZE_BUDGET_GZIP_KB} KB gzip`, () => {
  assert.ok(existsSync('dist/sharek.js'), 'dist/sharek.js is missing: npm test builds it first');
  const gz = gzipSize(readFileSync('dist/sharek.js')) as number;
  const budget = (SIZE_BUDGET_GZIP_KB as number) * 1024;
  assert.ok(
    gz <= budget,
    `dist/sharek.js is ${kb(gz)} gzip (${gz} bytes), over its budget of ${SIZE_BUDGET_GZIP_KB} KB ` +
      `(the issue's goal is ${ISSUE_GOAL_GZIP_KB} KB); npm run bench prints what it is made of`,
  );
});
