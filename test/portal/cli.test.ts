/**
 * `npm run portal -- <command>`: the same moderation as the admin routes, on
 * the same file. Most cases call runCli in-process (fast); a few run the real
 * command to check what a terminal sees: output streams and exit codes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../portal/cli.js';
import { openDatabase, seedIfEmpty } from '../../portal/db.js';
import { fixtureSeed, T0 } from './fixture.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sharek-cli-test-'));
const dbPath = join(dir, 'portal.sqlite');

before(() => {
  const db = openDatabase(dbPath);
  seedIfEmpty(db, fixtureSeed(T0));
  db.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a command in-process; returns the exit status and what it printed. */
function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: { SHAREK_DB: dbPath }, now: () => T0 });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** The command as a person types it, in a child process. */
function real(...argv: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'portal/cli.ts', ...argv], {
    cwd: repo,
    env: { ...process.env, SHAREK_DB: dbPath },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const db = () => openDatabase(dbPath);
const statusOf = (id: string) => {
  const d = db();
  try {
    return d.prepare('SELECT status, rejection_reason, reply_body FROM comments WHERE id = ?').get(id) as Record<string, string | null>;
  } finally {
    d.close();
  }
};
const pendingIds = () => (JSON.parse(cli('pending', '--json').out) as { id: string }[]).map((c) => c.id);

describe('the real command', () => {
  test('help is exit 0 on stdout; an unknown command is exit 2 on stderr', () => {
    const help = real('help');
    assert.equal(help.status, 0, help.err);
    assert.match(help.out, /publish-decision <consultationId> <decision.json>/);
    const bad = real('frobnicate');
    assert.equal(bad.status, 2);
    assert.match(bad.err, /unknown command "frobnicate"/);
  });

  test('pending lists the queue with ids and text; approve publishes (exit 0); unknown id is exit 1', () => {
    const pending = real('pending', 'open-c');
    assert.equal(pending.status, 0, pending.err);
    assert.equal(pending.out.match(/\[pending\]/g)?.length, 5);
    assert.match(pending.out, /\| PENDING comment, never shown/);
    const id = /^(\S+) {2}\[pending\]/m.exec(pending.out)![1]!;
    const approve = real('approve', id);
    assert.equal(approve.status, 0, approve.err);
    assert.match(approve.out, new RegExp(`Published ${id}`));
    assert.equal(statusOf(id).status, 'published');
    const missing = real('approve', '00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 1);
    assert.match(missing.err, /^error: No comment/);
  });

  test('no database file: exit 1 and a clear message, nothing created', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'portal/cli.ts', 'pending'], {
      cwd: repo,
      env: { ...process.env, SHAREK_DB: join(dir, 'missing', 'db.sqlite') },
      encoding: 'utf8',
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no database at .*missing/);
  });
});

describe('commands', () => {
  test('pending [consultation]', () => {
    assert.equal(pendingIds().length >= 3, true);
    assert.match(cli('pending', 'closed-c').out, /No comments awaiting moderation/);
    const bad = cli('pending', '<x>');
    assert.equal(bad.status, 1);
    assert.match(bad.err, /consultation: invalid/);
  });

  test('reject <id> <reason>, with the policy’s reasons only', () => {
    const [id] = pendingIds();
    const wrong = cli('reject', id!, 'rude');
    assert.equal(wrong.status, 1);
    assert.match(wrong.err, /reason: invalid/);
    assert.equal(statusOf(id!).status, 'pending');
    const ok = cli('reject', id!, 'offensive_language');
    assert.equal(ok.status, 0, ok.err);
    assert.deepEqual({ ...statusOf(id!) }, { status: 'rejected', rejection_reason: 'offensive_language', reply_body: null });
    assert.equal(cli('reject', id!).status, 2, 'missing argument is a usage error');
  });

  test('reject with a note; dismiss-reports; queues', () => {
    const [id] = pendingIds();
    const r = cli('reject', id!, 'off_topic', 'عن', 'موضوع', 'آخر');
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /off_topic: عن موضوع آخر/);
    const d = db();
    const published = d.prepare("SELECT id FROM comments WHERE status = 'published' AND consultation_id = 'open-c' LIMIT 1").pluck().get() as string;
    d.prepare("INSERT INTO reports (comment_id, reason, participant, created_at, client_address) VALUES (?, 'spam_or_advertising', 'p-queues', ?, '192.0.2.1')").run(
      published,
      T0.toISOString(),
    );
    d.close();
    const before = cli('queues', 'open-c');
    assert.equal(before.status, 0, before.err);
    assert.match(before.out, /reported\s+1, oldest since 2025-03-01T09:00:00.000Z \(0 h\)/);
    assert.match(before.out, /response time\s+72 h/);
    const dismissed = cli('dismiss-reports', published, '--json');
    assert.equal(dismissed.status, 0, dismissed.err);
    assert.equal((JSON.parse(dismissed.out) as { reporters: number }).reporters, 0);
    assert.match(cli('queues', 'open-c').out, /reported\s+0\n/);
    assert.equal(cli('dismiss-reports').status, 2);
  });

  test('reply <id> <text>, quoted or as several words', () => {
    const [id] = pendingIds();
    const r = cli('reply', id!, 'شكراً', 'على', 'ملاحظتك');
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /shown once the comment is published/);
    assert.equal(statusOf(id!).reply_body, 'شكراً على ملاحظتك');
  });

  test('reports', () => {
    assert.match(cli('reports').out, /No reported comments/);
    const d = db();
    const id = (d.prepare("SELECT id FROM comments WHERE status = 'published' LIMIT 1").get() as { id: string }).id;
    d.prepare("INSERT INTO reports (comment_id, reason, note, participant, created_at) VALUES (?, 'spam_or_advertising', 'a shop', 'p1', ?)").run(
      id,
      T0.toISOString(),
    );
    d.close();
    const out = cli('reports').out;
    assert.match(out, new RegExp(`${id} {2}\\[published\\]`));
    assert.match(out, /- spam_or_advertising \(.*\): a shop/);
  });

  test('publish-decision <consultation> <file>: validated, refused for an open consultation', () => {
    const file = join(dir, 'decision.json');
    const decision = {
      outcome: 'withdrawn',
      summary: { ar: '<p>سحبت</p>', en: '<p>Withdrawn</p>' },
      changes: [],
      responses: [],
    };
    writeFileSync(file, JSON.stringify({ ...decision, outcome: 'dunno' }));
    const invalid = cli('publish-decision', 'closed-c', file);
    assert.equal(invalid.status, 1);
    assert.match(invalid.err, /outcome: invalid/);
    writeFileSync(file, '{ not json');
    assert.match(cli('publish-decision', 'closed-c', file).err, /cannot read .* as JSON/);
    assert.match(cli('publish-decision', 'closed-c', join(dir, 'nope.json')).err, /cannot read/);
    writeFileSync(file, JSON.stringify(decision));
    const open = cli('publish-decision', 'open-c', file);
    assert.equal(open.status, 1);
    assert.match(open.err, /open until/);
    const ok = cli('publish-decision', 'closed-c', file);
    assert.equal(ok.status, 0, ok.err);
    assert.match(ok.out, /Published the decision on closed-c: withdrawn/);
    assert.match(cli('publish-decision', 'closed-c', file).err, /already published/);
  });

  test('--json prints the result as JSON', () => {
    const [id] = pendingIds();
    const r = cli('approve', id!, '--json');
    assert.equal(JSON.parse(r.out).status, 'published');
  });
});
