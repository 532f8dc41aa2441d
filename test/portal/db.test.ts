/** Storage: pragmas, migrations, and seeding exactly once. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openDatabase, SCHEMA_VERSION, seedIfEmpty } from '../../portal/db.js';
import { fixtureSeed, PUBLISHED, T0 } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'sharek-db-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const counts = (db: ReturnType<typeof openDatabase>) =>
  Object.fromEntries(
    ['consultations', 'sections', 'documents', 'comments', 'polls', 'poll_options', 'votes', 'vote_choices', 'decisions', 'policy_versions', 'agencies'].map(
      (table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n],
    ),
  );

test('WAL, full sync and foreign keys are on; the schema version is recorded', () => {
  const db = openDatabase(join(dir, 'pragmas', 'nested', 'portal.sqlite'));
  try {
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('synchronous', { simple: true }), 2, 'FULL');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  } finally {
    db.close();
  }
});

test('seeding happens once: a restart on the same file does not duplicate', () => {
  const path = join(dir, 'once.sqlite');
  const first = openDatabase(path);
  assert.equal(seedIfEmpty(first, fixtureSeed(T0)), true);
  const before = counts(first);
  assert.equal(before.comments, PUBLISHED + 8 + 1, "45 published, 5 pending, 3 rejected on open-c; 1 on decided-c");
  assert.equal(before.consultations, 4);
  first.close();

  const second = openDatabase(path);
  try {
    assert.equal(seedIfEmpty(second, fixtureSeed(new Date())), false);
    assert.deepEqual(counts(second), before);
  } finally {
    second.close();
  }
});

test('a seed that breaks a constraint leaves the database empty (one transaction)', () => {
  const db = openDatabase(join(dir, 'broken.sqlite'));
  try {
    const seed = fixtureSeed(T0);
    seed.consultations[0]!.comments.push({
      createdAt: T0.toISOString(),
      body: 'on an article that does not exist',
      stakeholderType: 'individual',
      status: 'published',
      sectionId: 'art-404',
    });
    assert.throws(() => seedIfEmpty(db, seed), /FOREIGN KEY/);
    assert.ok(Object.values(counts(db)).every((n) => n === 0));
    // and a correct seed still goes in afterwards
    assert.equal(seedIfEmpty(db, fixtureSeed(T0)), true);
  } finally {
    db.close();
  }
});

test('one vote per participant per poll; idempotency keys are unique per consultation', () => {
  const db = openDatabase(':memory:');
  try {
    seedIfEmpty(db, fixtureSeed(T0));
    const vote = db.prepare("INSERT INTO votes (poll_id, participant, created_at) VALUES ('poll-always', 'p-1', ?)");
    vote.run(T0.toISOString());
    assert.throws(() => vote.run(T0.toISOString()), /UNIQUE/);
    const comment = db.prepare(`INSERT INTO comments (id, consultation_id, body, stakeholder_type, policy_version, status, created_at, idempotency_key)
      VALUES (?, ?, 'x', 'individual', '2024-1', 'pending', ?, 'key-1')`);
    comment.run('c-1', 'open-c', T0.toISOString());
    assert.throws(() => comment.run('c-2', 'open-c', T0.toISOString()), /UNIQUE/);
    comment.run('c-3', 'closed-c', T0.toISOString());
  } finally {
    db.close();
  }
});

test('times are stored in one sortable UTC form', () => {
  const db = openDatabase(':memory:');
  try {
    const seed = fixtureSeed(T0);
    seed.consultations[0]!.consultation.opensAt = '2025-02-19T12:00:00+03:00';
    seedIfEmpty(db, seed);
    const row = db.prepare("SELECT opens_at FROM consultations WHERE id = 'open-c'").get() as { opens_at: string };
    assert.equal(row.opens_at, '2025-02-19T09:00:00.000Z');
  } finally {
    db.close();
  }
});
