/**
 * Production mode (settings.ts): on whenever NODE_ENV=production, it refuses
 * to start on unsafe settings (saying every problem at once), never seeds,
 * never prints a secret, and listens on HOST (127.0.0.1 by default). Run as
 * the real process, `node --import tsx portal/main.ts`, as `npm start` and
 * `npm run serve` do. And the moderators' CLI: credentials and the audit log.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../portal/cli.js';
import { openDatabase } from '../../portal/db.js';
import { productionProblems, settingsFrom } from '../../portal/settings.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sharek-production-test-'));
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  out: string;
  err: string;
  code: number | null;
  /** Set when it listened; the process is then stopped with SIGTERM. */
  url?: string;
}

/** Runs the portal with `env` (and nothing of this process's SHAREK_* or NODE_ENV) until it listens or exits. */
function run(env: Record<string, string>): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SHAREK_') && k !== 'NODE_ENV' && k !== 'HOST'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'portal/main.ts'], {
    cwd: repo,
    env: { ...clean, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    let listening = false;
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const url = /Sharek portal on (http:\/\/[^\s]+)/.exec(out)?.[1];
      // The lines after the first come in the same write or right after.
      if (url && !listening) {
        listening = true;
        setTimeout(() => {
          child.kill('SIGTERM');
          resolve({ out, err, code: null, url });
        }, 500);
      }
    });
    child.once('exit', (code) => {
      children.delete(child);
      resolve({ out, err, code });
    });
    setTimeout(() => reject(new Error(`no answer in time:\n${out}\n${err}`)), 30_000).unref();
  });
}

const cli = (args: string[], env: Record<string, string>) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('production mode', () => {
  test('refuses to start on unsafe settings, naming each, and writes nothing into the new database', async () => {
    const dbPath = join(dir, 'unsafe.sqlite');
    const r = await run({ NODE_ENV: 'production', SHAREK_DB: dbPath, SHAREK_ADMIN_TOKEN: 'tiny-secret-xyz', SHAREK_DEV_ISSUER: '1' });
    assert.equal(r.code, 1, r.out + r.err);
    assert.equal(r.url, undefined);
    for (const problem of [/SHAREK_ADMIN_TOKEN is set \(short/, /no moderator has a credential/, /SHAREK_PUBLIC_URL is not set/, /SHAREK_DEV_ISSUER is on/]) {
      assert.match(r.err, problem);
    }
    assert.ok(!(r.out + r.err).includes('tiny-secret-xyz'), 'the token itself is never printed');
    const db = openDatabase(dbPath);
    try {
      assert.equal((db.prepare('SELECT count(*) AS n FROM consultations').get() as { n: number }).n, 0, 'not seeded');
    } finally {
      db.close();
    }
  });

  test('each unsafe setting alone is refused; a strong shared token too: each moderator has their own', () => {
    const safe = { publicUrl: 'https://portal.example.jo', moderators: 1 };
    assert.deepEqual(productionProblems(safe), []);
    assert.equal(productionProblems({ ...safe, moderators: 0 }).length, 1);
    assert.equal(productionProblems({ ...safe, publicUrl: undefined }).length, 1);
    assert.equal(productionProblems({ ...safe, publicUrl: 'http://portal.example.jo' }).length, 1, 'not https');
    assert.deepEqual(productionProblems({ ...safe, publicUrl: 'http://127.0.0.1:8080' }), [], 'loopback, to try it');
    assert.equal(productionProblems({ ...safe, devIssuer: true }).length, 1);
    assert.equal(productionProblems({ ...safe, adminToken: 'x'.repeat(64) }).length, 1);
    assert.match(productionProblems({ ...safe, adminToken: 'x'.repeat(20) })[0]!, /short/);
    // The development issuer is on by default in development only.
    assert.equal(settingsFrom({}).devIssuer, true);
    assert.equal(settingsFrom({ NODE_ENV: 'production' }).devIssuer, false);
    assert.throws(() => settingsFrom({ SHAREK_OIDC_ISSUER: 'https://sso.gov.jo' }), /all of SHAREK_OIDC_ISSUER, SHAREK_OIDC_AUDIENCE and SHAREK_OIDC_JWKS_URL/);
    assert.throws(
      () => settingsFrom({ SHAREK_OIDC_ISSUER: 'https://sso.gov.jo', SHAREK_OIDC_AUDIENCE: 'sharek', SHAREK_OIDC_JWKS_URL: 'http://sso.gov.jo/jwks' }),
      /must be https/,
    );
    assert.equal(settingsFrom({ SHAREK_TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(settingsFrom({ SHAREK_TRUST_PROXY: 'true' }).trustProxy, 1);
    assert.throws(() => settingsFrom({ SHAREK_TRUST_PROXY: 'yes' }), /SHAREK_TRUST_PROXY/);
    assert.equal(settingsFrom({}).host, '127.0.0.1');
  });

  test('with safe settings it starts, seeds nothing and prints no secret', async () => {
    const dbPath = join(dir, 'safe.sqlite');
    const made = cli(['moderator', 'add', 'Huda'], { SHAREK_DB: dbPath });
    assert.equal(made.code, 0, made.err);
    const credential = /^ {2}(\S{43})$/m.exec(made.out)?.[1];
    assert.ok(credential, made.out);
    const r = await run({
      NODE_ENV: 'production',
      SHAREK_DB: dbPath,
      SHAREK_PUBLIC_URL: 'https://portal.example.jo',
      SHAREK_OIDC_ISSUER: 'https://sso.example.jo',
      SHAREK_OIDC_AUDIENCE: 'sharek',
      SHAREK_OIDC_JWKS_URL: 'https://sso.example.jo/jwks',
    });
    assert.ok(r.url, r.out + r.err);
    assert.match(r.out, /production mode/);
    assert.doesNotMatch(r.out, /Seeded/);
    assert.ok(!r.out.includes(credential!), 'no credential printed');
    assert.doesNotMatch(r.out, /token: \S{20,}/);
  });

  test('in development it prints no admin token either', async () => {
    const r = await run({ SHAREK_DB: join(dir, 'dev.sqlite') });
    assert.ok(r.url, r.out + r.err);
    assert.match(r.out, /Seeded a new database/);
    assert.match(r.out, /development issuer at http:\/\/localhost:\d+\/dev-issuer/);
    assert.doesNotMatch(r.out, /[A-Za-z0-9_-]{32,}/, 'no random secret in the output');
  });
});

describe('moderators at the terminal', () => {
  test('add (shown once, kept hashed), list, revoke; every change and action in the audit log with who and when', () => {
    const dbPath = join(dir, 'cli.sqlite');
    const env = { SHAREK_DB: dbPath };
    const huda = cli(['moderator', 'add', 'Huda', '--json'], env);
    assert.equal(huda.code, 0, huda.err);
    const { token } = JSON.parse(huda.out) as { token: string };
    assert.equal(Buffer.from(token, 'base64url').length, 32);
    assert.equal(cli(['moderator', 'add', 'Huda'], env).code, 1, 'already a moderator');
    const db = openDatabase(dbPath);
    try {
      const stored = db.prepare('SELECT token_hash FROM moderators').pluck().all() as string[];
      assert.equal(stored.length, 1);
      assert.ok(!stored[0]!.includes(token) && stored[0]!.length === 64, 'only the SHA-256');
    } finally {
      db.close();
    }
    assert.match(cli(['moderator', 'list'], env).out, /^Huda {2}since /);
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ version: '2025.1', text: { ar: '<p>سياسة</p>' }, rules: [{ ar: 'قاعدة' }], reportReasons: [{ code: 'other', label: { ar: 'أخرى' } }] }));
    assert.equal(cli(['publish-policy', policy, '--as', 'Huda'], env).code, 0);
    assert.equal(cli(['publish-policy', policy, '--as', 'Nobody'], env).code, 1, '--as names a moderator');
    assert.equal(cli(['moderator', 'revoke', 'Huda'], env).code, 0);
    assert.match(cli(['moderator', 'list'], env).out, /REVOKED/);
    const audit = JSON.parse(cli(['audit', '--json'], env).out) as { moderator: string; action: string; subject: string }[];
    assert.deepEqual(
      audit.map((e) => [e.moderator.replace(/^terminal:.*/, 'terminal'), e.action, e.subject]),
      [
        ['terminal', 'moderator.revoke', 'Huda'],
        ['Huda', 'policy.publish', '2025.1'],
        ['terminal', 'moderator.add', 'Huda'],
      ],
    );
  });
});
