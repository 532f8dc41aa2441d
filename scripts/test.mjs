// npm test: install if needed, find Chromium, build, then run every suite and
// print one total line. Suites: the linter (one test), portal and end-to-end
// tests on Node's test runner, element and client tests in Chromium with
// @web/test-runner.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ensureDependencies, requireChrome } from './setup.mjs';

ensureDependencies();
process.env.CHROME_PATH = requireChrome();

/** Runs a command, echoing its output, and returns what it printed. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('close', (code) => resolve({ code, out }));
  });
}

const totals = { passed: 0, failed: 0 };
let broken = false;

const build = await run('npm', ['run', 'build', '--silent']);
if (build.code !== 0) broken = true;

// The linter (eslint.config.js) is one more suite, counted as one test: passed or failed.
const lint = await run('npm', ['run', 'lint', '--silent']);
if (lint.code === 0) totals.passed += 1;
else totals.failed += 1;

const nodeTests = ['test/portal', 'test/e2e'].flatMap((dir) =>
  readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/${f}`),
);
const node = await run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...nodeTests]);
const pass = /^ℹ pass (\d+)/m.exec(node.out);
const fail = /^ℹ fail (\d+)/m.exec(node.out);
if (!pass) broken = true;
totals.passed += Number(pass?.[1] ?? 0);
totals.failed += Number(fail?.[1] ?? 0);
if (node.code !== 0 && !Number(fail?.[1])) broken = true;

const browser = await run('npx', ['web-test-runner']);
// The runner's summary line carries a progress bar before "N passed, N failed"; take the last one.
const counts = [...browser.out.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
if (!counts) broken = true;
totals.passed += Number(counts?.[1] ?? 0);
totals.failed += Number(counts?.[2] ?? 0);
if (browser.code !== 0 && !Number(counts?.[2])) broken = true;

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed || broken ? 1 : 0);
