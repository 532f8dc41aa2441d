// Every file of the script a webmaster loads (dist/sharek.js and its chunks)
// stays within its budget, and no chunk appears without one. Sizes are
// deterministic (the same bytes gzip to the same length), so this cannot
// flake. The budgets, and why there is no single-file goal: scripts/size-budget.mjs.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
// @ts-expect-error: a plain .mjs helper shared with the bench script
import { CHUNK_BUDGETS_KB, chunkName, gzipSize } from '../../scripts/size-budget.mjs';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const budgets = CHUNK_BUDGETS_KB as Record<string, number>;
const files = existsSync('dist/chunks') ? ['sharek.js', ...readdirSync('dist/chunks').filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`)] : [];

test('the script is an entry and its chunks, each with a budget', () => {
  assert.ok(existsSync('dist/sharek.js'), 'dist/sharek.js is missing: npm test builds it first');
  const names = files.map((f) => chunkName(f) as string);
  assert.deepEqual(names.filter((n) => budgets[n] === undefined), [], 'chunks without a budget in scripts/size-budget.mjs');
  assert.deepEqual(Object.keys(budgets).filter((n) => !names.includes(n)), [], 'budgets for chunks the build no longer makes');
});

for (const file of files) {
  const name = chunkName(file) as string;
  test(`dist/${file} is within its budget of ${budgets[name]} KB gzip`, () => {
    const gz = gzipSize(readFileSync(`dist/${file}`)) as number;
    assert.ok(gz <= budgets[name]! * 1024, `dist/${file} is ${kb(gz)} gzip (${gz} bytes), over its budget of ${budgets[name]} KB; npm run bench prints what each page loads`);
  });
}
