/**
 * "A 2xx means it is on disk": the real portal process (`node --import tsx
 * portal/main.ts`) takes a bounded load of comment POSTs on loopback and is
 * killed with SIGKILL mid-way. After a restart on the same file, every
 * comment that was answered 2xx is there exactly once, and retrying every
 * request with its Idempotency-Key makes each comment exist exactly once.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as S from '../../src/api/schemas.js';
import { openDatabase } from '../../portal/db.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sharek-durability-test-'));
const dbPath = join(dir, 'portal.sqlite');
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** All sent at once; the KILL_AFTER-th 201 kills the portal while the rest are in flight. */
const TOTAL = 200;
const KILL_AFTER = 50;

/** Starts the portal as a child process; resolves with its URL once it prints the port it listens on. */
function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'portal/main.ts'], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: '0',
      SHAREK_DB: dbPath,
      SHAREK_ADMIN_TOKEN: 'durability-admin',
      // One address (loopback) sends everything here.
      SHAREK_COMMENTS_PER_ADDRESS: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const url = /Sharek portal on (http:\/\/localhost:\d+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`portal exited (${code}) before listening:\n${out}\n${err}`)));
    setTimeout(() => reject(new Error(`portal did not start in time:\n${out}\n${err}`)), 30_000).unref();
  });
}

interface Attempt {
  key: string;
  participant: string;
  body: string;
  /** The comment id, when the first attempt was answered 2xx. */
  id?: string;
  status?: number;
}

test('SIGKILL under load: every 2xx comment survives exactly once; retries make exactly one each', { timeout: 120_000 }, async (t) => {
  const first = await startChild();
  const consultationId = 'e-participation-instructions';
  const c = S.Consultation.parse(await (await fetch(`${first.url}/api/v1/consultations/${consultationId}`)).json());
  assert.equal(c.status, 'open');

  const attempts: Attempt[] = Array.from({ length: TOTAL }, (_, i) => ({
    key: randomUUID(),
    participant: randomUUID(),
    body: `durability ${i} — تعليق رقم ${i}`,
  }));
  const post = (base: string, a: Attempt) =>
    fetch(`${base}/api/v1/consultations/${consultationId}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': a.key, 'Sharek-Participant': a.participant },
      body: JSON.stringify({ body: a.body, stakeholderType: 'individual', policyVersion: c.commenting.policyVersion }),
    });

  let ok = 0;
  const exited = new Promise((resolve) => first.child.once('exit', resolve));
  const send = async (a: Attempt) => {
    try {
      const res = await post(first.url, a);
      const text = await res.text();
      a.status = res.status;
      if (res.ok) {
        a.id = S.CommentAccepted.parse(JSON.parse(text)).id;
        if (++ok === KILL_AFTER) first.child.kill('SIGKILL');
      }
    } catch {
      // cut by the kill: the outcome is unknown to the client, as after a network failure
    }
  };
  await Promise.all(attempts.map(send));
  await exited;
  const answered = attempts.filter((a) => a.id);
  const sent = attempts;
  assert.ok(answered.length >= KILL_AFTER, `answered ${answered.length}`);
  assert.ok(sent.some((a) => a.status === undefined), 'some requests were cut by the kill');
  assert.ok(sent.every((a) => a.status === undefined || a.status === 201), 'nothing but 201 or no answer');

  const second = await startChild();
  try {
    const db = openDatabase(dbPath);
    try {
      const byKey = db.prepare('SELECT id, body FROM comments WHERE idempotency_key = ?');
      for (const a of answered) {
        const rows = byKey.all(a.key) as { id: string; body: string }[];
        assert.deepEqual(rows, [{ id: a.id, body: a.body }], `comment ${a.body}`);
      }
      // Whatever got in without an answer got in once too.
      for (const a of sent) assert.ok(byKey.all(a.key).length <= 1, a.body);
      const unanswered = sent.filter((a) => !a.id);
      const storedUnanswered = unanswered.filter((a) => byKey.all(a.key).length === 1).length;
      t.diagnostic(
        `${sent.length} sent, ${answered.length} answered 201 before the kill (all on disk), ` +
          `${unanswered.length} cut (${storedUnanswered} of them stored anyway, found by the retry)`,
      );

      // The widget retries with the same key: every comment then exists exactly once.
      for (const a of sent) {
        const res = await post(second.url, a);
        assert.equal(res.status, 201, await res.clone().text());
        const { id } = S.CommentAccepted.parse(await res.json());
        if (a.id) assert.equal(id, a.id, 'a replay answers the first id');
      }
      for (const a of sent) assert.equal(byKey.all(a.key).length, 1, a.body);
      const stored = db.prepare("SELECT count(*) AS n FROM comments WHERE body LIKE 'durability %'").get() as { n: number };
      assert.equal(stored.n, sent.length);
    } finally {
      db.close();
    }
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  }
});
