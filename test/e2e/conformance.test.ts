// The conformance kit (`npx sharek-conformance`, scripts/conformance/) as a
// portal team runs it: the built bin, copied alone into a temporary folder and
// run with plain Node (no tsx, no node_modules), against the reference portal
// (every check passes) and against test/fixtures/broken-portal.ts (every
// planted fault is named), and with a wrong command line (exit 2).
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startPortal, type RunningPortal } from '../../portal/main.js';
import { PLANTED, startBrokenPortal, type BrokenPortal } from '../fixtures/broken-portal.js';

const ORIGIN = 'https://ministry.example';
const OPEN = 'e-participation-instructions';
const dir = mkdtempSync(join(tmpdir(), 'sharek-conformance-'));
const bin = join(dir, 'sharek-conformance.js');
let portal: RunningPortal;
let broken: BrokenPortal;

before(async () => {
  // Always from the current sources: the bin is quick to build.
  execFileSync(process.execPath, ['scripts/build-conformance.mjs'], { stdio: 'inherit' });
  copyFileSync('dist/bin/sharek-conformance.js', bin);
  portal = await startPortal({
    port: 0,
    dbPath: join(dir, 'portal.sqlite'),
    origins: [ORIGIN],
    // Low enough that the 429 check meets the limit after a few comments; the address limit is out of its way.
    rateLimits: { comments: { perParticipant: 3, perAddress: 1000 } },
    log: () => {},
  });
  broken = await startBrokenPortal();
});

after(async () => {
  await portal?.close();
  await broken?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The bin in its own process (asynchronously: the portals answer from this one). */
function kit(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const api = () => `${portal.url}/api`;

test('the reference portal passes every check, writes included', async () => {
  const run = await kit(api(), '--origin', ORIGIN, '--write-consultation', OPEN);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const rows = run.stdout.split('\n').filter((l) => /\s(PASS|FAIL|SKIP)\s/.test(l));
  assert.ok(rows.length >= 20, run.stdout);
  assert.deepEqual(rows.filter((l) => !/\sPASS\s/.test(l)), []);
  for (const name of ['ETag and 304', 'CORS: preflight', 'comments: idempotency', 'comments: stale policy', 'votes: idempotency']) {
    assert.match(run.stdout, new RegExp(`^${name}\\s+PASS\\s`, 'm'));
  }
  assert.match(run.stdout, /^comments: 429 and Retry-After\s+PASS\s+429 after 3 comments, Retry-After: \d+$/m);
  assert.match(run.stdout, new RegExp(`^${rows.length} checks: ${rows.length} passed, 0 failed, 0 skipped$`, 'm'));
});

test('without --origin and --write-consultation those checks are skipped, said so, and the run still passes; --json', async () => {
  const run = await kit(api(), '--json');
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const out = JSON.parse(run.stdout) as { passed: boolean; results: Array<{ name: string; result: string; detail: string }> };
  assert.equal(out.passed, true);
  const byName = new Map(out.results.map((r) => [r.name, r]));
  assert.equal(byName.get('consultations: each')?.result, 'PASS');
  assert.equal(byName.get('CORS: unlisted origin refused')?.result, 'PASS');
  assert.deepEqual(byName.get('CORS: preflight'), {
    name: 'CORS: preflight',
    result: 'SKIP',
    detail: 'skipped: give --origin <an embedding origin the portal allows> to check CORS',
  });
  assert.equal(byName.get('comments: idempotency')?.result, 'SKIP');
  assert.match(byName.get('comments: idempotency')!.detail, /^skipped: give --write-consultation/);
});

test('a limit not reached is a SKIP that says after how many requests, not a PASS', async () => {
  const run = await kit(api(), '--origin', ORIGIN, '--write-consultation', OPEN, '--rate-requests', '2');
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /^comments: 429 and Retry-After\s+SKIP\s+skipped: limit not reached after 2 requests \(the check needs the portal's comment limits at their defaults\)$/m);
  assert.match(run.stdout, /, 1 skipped$/m);
});

test('when earlier runs spent the address’s limit, a write check is skipped, saying so, not failed', async () => {
  // One comment per address per window: the first write check takes it.
  const spent = await startPortal({
    port: 0,
    dbPath: join(dir, 'spent.sqlite'),
    rateLimits: { comments: { perParticipant: 5, perAddress: 1 } },
    log: () => {},
  });
  try {
    const run = await kit(`${spent.url}/api`, '--write-consultation', OPEN);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^comments: idempotency\s+PASS\s/m);
    assert.match(
      run.stdout,
      /^comments: key reused\s+SKIP\s+skipped: the portal's rate limit for this address was reached first \(POST \/v1\/consultations\/e-participation-instructions\/comments: 429, Retry-After \d+\); run again later$/m,
    );
  } finally {
    await spent.close();
  }
});

test('the broken portal fails, each planted fault named', async () => {
  const run = await kit(broken.url, '--origin', ORIGIN, '--write-consultation', 'open-one');
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const missed = Object.entries(PLANTED).filter(([, re]) => !re.test(run.stdout)).map(([fault]) => fault);
  assert.deepEqual(missed, [], run.stdout);
  // What it gets right passes: a check that fails everything would find "every fault" too.
  for (const name of ['consultations: list', 'comments: pages', 'usage policy', 'CORS: preflight', 'votes: idempotency']) {
    assert.match(run.stdout, new RegExp(`^${name}\\s+PASS\\s`, 'm'));
  }
  assert.match(run.stdout, /^\d+ checks: \d+ passed, \d+ failed, 0 skipped$/m);
});

test('a portal that does not answer fails, naming the request', async () => {
  // A port that was free a moment ago: nothing listens there.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  const run = await kit(`http://127.0.0.1:${port}/api`);
  assert.equal(run.code, 1);
  assert.match(run.stdout, /^consultations: list\s+FAIL\s+GET \/v1\/consultations\?limit=100: no answer \(ECONNREFUSED\)$/m);
});

test('usage errors exit 2 and say what is wrong', async () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /give the API base URL/],
    [['not a url'], /"not a url" is not a URL/],
    [['ftp://portal.example/api'], /not an http\(s\) URL/],
    [[api(), '--origin', 'https://ministry.example/path'], /--origin: .* is not an origin/],
    [[api(), '--write-consultation'], /--write-consultation needs a value/],
    [[api(), '--rate-requests', '0'], /--rate-requests is a whole number/],
    [[api(), '--frobnicate'], /unknown option --frobnicate/],
    [[api(), api()], /one API base URL, not 2/],
  ];
  for (const [args, message] of cases) {
    const run = await kit(...args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, message);
    assert.match(run.stderr, /Usage: sharek-conformance <api-base>/);
    assert.equal(run.stdout, '');
  }
  const help = await kit('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--write-consultation <id>/);
});
