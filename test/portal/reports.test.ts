/** POST /v1/comments/{id}/reports: 202, one report per comment and participant. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { count, makeApi, postJson, problemOf, tokenFor, type TestApi } from './fixture.js';

let t: TestApi;
let published: string;
let pending: string;
let rejected: string;
before(() => {
  t = makeApi();
  const idOf = (status: string) => (t.db.prepare('SELECT id FROM comments WHERE status = ? LIMIT 1').get(status) as { id: string }).id;
  published = idOf('published');
  pending = idOf('pending');
  rejected = idOf('rejected');
});
after(() => t.close());

const as = (participant: string): Record<string, string> => ({ 'Content-Type': 'application/json', 'Sharek-Participant': participant });
const report = (id: string, body: unknown, headers: Record<string, string> = as(randomUUID())) => postJson(t, `/v1/comments/${id}/reports`, body, headers);
const reportsOn = (id: string) => count(t.db, 'SELECT count(*) AS n FROM reports WHERE comment_id = ?', id);

test('202 without a body, and the report is stored with its reason and note', async () => {
  const res = await report(published, { reason: 'spam_or_advertising', note: '  links to a shop  ' });
  assert.equal(res.status, 202);
  assert.equal(await res.text(), '');
  const row = t.db.prepare('SELECT reason, note FROM reports WHERE comment_id = ?').get(published);
  assert.deepEqual({ ...(row as object) }, { reason: 'spam_or_advertising', note: 'links to a shop' });
});

test('a second report by the same participant changes nothing and still answers 202', async () => {
  const me = randomUUID();
  const before = reportsOn(published);
  assert.equal((await report(published, { reason: 'off_topic' }, as(me))).status, 202);
  assert.equal((await report(published, { reason: 'unlawful', note: 'changed my mind' }, as(me.toUpperCase()))).status, 202);
  assert.equal(reportsOn(published), before + 1);
  const row = t.db.prepare('SELECT reason FROM reports WHERE comment_id = ? AND participant = ?').get(published, me) as { reason: string };
  assert.equal(row.reason, 'off_topic', 'the first report stands');
  assert.equal((await report(published, { reason: 'other' })).status, 202, 'another participant counts');
  assert.equal(reportsOn(published), before + 2);
});

test('signed-in people report as themselves, once', async () => {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${await tokenFor('someone')}` };
  const before = reportsOn(published);
  assert.equal((await report(published, { reason: 'other' }, headers)).status, 202);
  assert.equal((await report(published, { reason: 'other' }, headers)).status, 202);
  assert.equal(reportsOn(published), before + 1);
});

test('the database refuses a duplicate even without the route', () => {
  const insert = t.db.prepare("INSERT INTO reports (comment_id, reason, participant, created_at) VALUES (?, 'other', 'p-x', '2025-01-01T00:00:00.000Z')");
  insert.run(published);
  assert.throws(() => insert.run(published), /UNIQUE/);
});

test('unknown, pending and rejected comments are 404', async () => {
  for (const id of ['nope', pending, rejected]) {
    await problemOf(await report(id, { reason: 'other' }), 404);
    assert.equal(reportsOn(id), 0);
  }
});

test('a participant is required; the reason must be one of the policy codes', async () => {
  const none = await problemOf(await report(published, { reason: 'other' }, { 'Content-Type': 'application/json' }), 400);
  assert.deepEqual(none.errors, [{ field: 'Sharek-Participant', code: 'required' }]);
  assert.deepEqual((await problemOf(await report(published, { reason: 'boring' }), 400)).errors, [{ field: 'reason', code: 'invalid' }]);
  assert.deepEqual((await problemOf(await report(published, {}), 400)).errors, [{ field: 'reason', code: 'required' }]);
  assert.deepEqual((await problemOf(await report(published, { reason: 'other', note: 'n'.repeat(1001) }), 400)).errors, [
    { field: 'note', code: 'too_long' },
  ]);
});
