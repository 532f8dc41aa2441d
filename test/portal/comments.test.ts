/** POST /v1/consultations/{id}/comments: validation, moderation, idempotency, identity, rate limits. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import * as S from '../../src/api/schemas.js';
import { sha256 } from '../../portal/identity.js';
import {
  count,
  DAY,
  HOST,
  makeApi,
  newComment,
  postJson,
  problemOf,
  ISSUER,
  signedInWriter,
  T0,
  tokenFor,
  writer,
  type TestApi,
} from './fixture.js';

let t: TestApi;
before(() => {
  t = makeApi();
});
after(() => t.close());

const PATH = '/v1/consultations/open-c/comments';

async function accepted(res: Response): Promise<S.CommentAccepted> {
  const text = await res.text();
  assert.equal(res.status, 201, text);
  assert.equal(res.headers.get('Cache-Control'), 'no-store');
  return S.CommentAccepted.parse(JSON.parse(text));
}

const rowOf = (id: string) => t.db.prepare('SELECT * FROM comments WHERE id = ?').get(id) as Record<string, unknown>;

describe('accepting a comment', () => {
  test('pre-moderation: 201 pending, stored with everything the portal must keep, not yet public', async () => {
    const participant = randomUUID().toUpperCase();
    const before = await (await t.app.request(HOST + '/v1/consultations/open-c')).json();
    const res = await postJson(t, PATH, newComment({ sectionId: 'art-2', displayName: '  سلمى  ', stakeholderType: 'academia' }), writer(participant));
    const { id, status } = await accepted(res);
    assert.equal(status, 'pending');
    const row = rowOf(id);
    assert.equal(row.status, 'pending');
    assert.equal(row.policy_version, '2024-1');
    assert.equal(row.stakeholder_type, 'academia');
    assert.equal(row.display_name, 'سلمى', 'trimmed');
    assert.equal(row.section_id, 'art-2');
    assert.equal(row.participant, participant.toLowerCase());
    const list = (await (await t.app.request(HOST + PATH + '?limit=100')).json()) as S.CommentPage;
    assert.ok(!list.items.some((c) => c.id === id), 'pending comments are not listed');
    const after = await (await t.app.request(HOST + '/v1/consultations/open-c')).json();
    assert.deepEqual((after as S.Consultation).participation, (before as S.Consultation).participation);
  });

  test('post-moderation: 201 published, listed at once, counts and ETag follow', async () => {
    const p = makeApi();
    try {
      p.db.prepare("UPDATE consultations SET moderation = 'post' WHERE id = 'open-c'").run();
      const first = await p.app.request(HOST + '/v1/consultations/open-c');
      const counts = ((await first.json()) as S.Consultation).participation;
      const { id, status } = await accepted(await postJson(p, PATH, newComment({ body: 'Published at once' })));
      assert.equal(status, 'published');
      const list = (await (await p.app.request(HOST + PATH)).json()) as S.CommentPage;
      assert.equal(list.items[0]?.id, id, 'newest first');
      assert.equal(list.items[0]?.body, 'Published at once');
      const second = await p.app.request(HOST + '/v1/consultations/open-c');
      assert.notEqual(second.headers.get('ETag'), first.headers.get('ETag'));
      assert.deepEqual(((await second.json()) as S.Consultation).participation, {
        comments: counts.comments + 1,
        participants: counts.participants + 1,
      });
    } finally {
      p.close();
    }
  });

  test('the body is trimmed; unknown members are ignored', async () => {
    const { id } = await accepted(await postJson(t, PATH, newComment({ body: '\n  text  \n', isAdmin: true, status: 'published' })));
    assert.equal(rowOf(id).body, 'text');
    assert.equal(rowOf(id).status, 'pending');
  });

  test('a display name is dropped where the consultation does not allow names', async () => {
    const p = makeApi();
    try {
      p.db.prepare("UPDATE consultations SET display_name_allowed = 0 WHERE id = 'open-c'").run();
      const { id } = await accepted(await postJson(p, PATH, newComment({ displayName: 'Named' })));
      assert.equal((p.db.prepare('SELECT display_name FROM comments WHERE id = ?').get(id) as { display_name: null }).display_name, null);
    } finally {
      p.close();
    }
  });

  test('a maximal comment in Arabic (2 bytes a character) and in 3-byte characters fits the body limit', async () => {
    const p = makeApi();
    try {
      p.db.prepare("UPDATE consultations SET max_length = 20000 WHERE id = 'open-c'").run();
      for (const ch of ['ش', 'ﷺ']) {
        const body = ch.repeat(20000);
        assert.ok(Buffer.byteLength(JSON.stringify(newComment({ body }))) > 40_000);
        const { id } = await accepted(await postJson(p, PATH, newComment({ body, displayName: ch.repeat(80) })));
        assert.equal((p.db.prepare('SELECT body FROM comments WHERE id = ?').get(id) as { body: string }).body, body);
      }
    } finally {
      p.close();
    }
  });
});

describe('idempotency', () => {
  test('the same key twice: the same 201 and one row', async () => {
    const headers = writer();
    const a = await accepted(await postJson(t, PATH, newComment({ body: 'once' }), headers));
    const b = await accepted(await postJson(t, PATH, newComment({ body: 'once' }), headers));
    assert.deepEqual(b, a);
    assert.equal(count(t.db, 'SELECT count(*) AS n FROM comments WHERE idempotency_key = ?', headers['Idempotency-Key']!.toLowerCase()), 1);
  });

  test('the same key with a different body is 422 and changes nothing', async () => {
    const headers = writer();
    const { id } = await accepted(await postJson(t, PATH, newComment({ body: 'first' }), headers));
    const problem = await problemOf(await postJson(t, PATH, newComment({ body: 'second' }), headers), 422);
    assert.match(problem.type, /idempotency-key-reused$/);
    assert.equal(rowOf(id).body, 'first');
    // and from another participant with the same key
    await problemOf(await postJson(t, PATH, newComment({ body: 'first' }), { ...headers, 'Sharek-Participant': randomUUID() }), 422);
  });

  test('the key is per consultation', async () => {
    const p = makeApi();
    try {
      p.db.prepare("UPDATE consultations SET opens_at = ? WHERE id = 'upcoming-c'").run(new Date(T0.getTime() - DAY).toISOString());
      const headers = writer();
      const a = await accepted(await postJson(p, PATH, newComment(), headers));
      const b = await accepted(await postJson(p, '/v1/consultations/upcoming-c/comments', newComment(), headers));
      assert.notEqual(a.id, b.id);
    } finally {
      p.close();
    }
  });

  test('a replay after the consultation closed still answers the first 201', async () => {
    const headers = writer();
    const first = await accepted(await postJson(t, PATH, newComment({ body: 'just in time' }), headers));
    try {
      t.setNow(new Date(T0.getTime() + 25 * DAY));
      assert.deepEqual(await accepted(await postJson(t, PATH, newComment({ body: 'just in time' }), headers)), first);
      await problemOf(await postJson(t, PATH, newComment({ body: 'too late' })), 403);
    } finally {
      t.setNow(T0);
    }
  });

  test('Idempotency-Key is required and must be a UUID', async () => {
    const { 'Idempotency-Key': _, ...without } = writer();
    const missing = await problemOf(await postJson(t, PATH, newComment(), without), 400);
    assert.deepEqual(missing.errors, [{ field: 'Idempotency-Key', code: 'required' }]);
    const invalid = await problemOf(await postJson(t, PATH, newComment(), { ...without, 'Idempotency-Key': 'draft-1' }), 400);
    assert.deepEqual(invalid.errors, [{ field: 'Idempotency-Key', code: 'invalid' }]);
  });
});

describe('who is commenting', () => {
  test('a participant id or a bearer token is required', async () => {
    const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() };
    const none = await problemOf(await postJson(t, PATH, newComment(), headers), 400);
    assert.deepEqual(none.errors, [{ field: 'Sharek-Participant', code: 'required' }]);
    const bad = await problemOf(await postJson(t, PATH, newComment(), { ...headers, 'Sharek-Participant': 'me' }), 400);
    assert.deepEqual(bad.errors, [{ field: 'Sharek-Participant', code: 'invalid' }]);
  });

  test('a signed-in person is counted by a hash of issuer and subject, never by the token', async () => {
    const headers = await signedInWriter('amal');
    const { id } = await accepted(await postJson(t, PATH, newComment(), headers));
    assert.equal(rowOf(id).participant, `oidc:${sha256(`${ISSUER}\namal`)}`);
    const bad = await postJson(t, PATH, newComment(), { ...headers, Authorization: 'Basic abc' });
    await problemOf(bad, 401);
    assert.match(bad.headers.get('WWW-Authenticate')!, /^Bearer/);
  });

  test('sign-in required: 401 without a token, 201 with one', async () => {
    const p = makeApi();
    try {
      p.db.prepare("UPDATE consultations SET sign_in_required = 1 WHERE id = 'open-c'").run();
      const res = await postJson(p, PATH, newComment());
      await problemOf(res, 401);
      assert.match(res.headers.get('WWW-Authenticate')!, /^Bearer/);
      await problemOf(await postJson(p, PATH, newComment(), { ...writer(), Authorization: 'Bearer abc.def' }), 401);
      await accepted(await postJson(p, PATH, newComment(), { ...writer(), Authorization: `Bearer ${await tokenFor('amal')}` }));
    } finally {
      p.close();
    }
  });
});

describe('refusals', () => {
  const invalid = async (body: unknown) => (await problemOf(await postJson(t, PATH, body), 400)).errors;

  test('field errors name each field with a code', async () => {
    assert.deepEqual(await invalid({ stakeholderType: 'individual', policyVersion: '2024-1' }), [{ field: 'body', code: 'required' }]);
    assert.deepEqual(await invalid(newComment({ body: '   ' })), [{ field: 'body', code: 'required' }]);
    assert.deepEqual(await invalid(newComment({ body: 'x'.repeat(20001) })), [{ field: 'body', code: 'too_long' }]);
    assert.deepEqual(await invalid(newComment({ body: 42 })), [{ field: 'body', code: 'invalid' }]);
    assert.deepEqual(await invalid(newComment({ stakeholderType: 'robot', sectionId: '../x', policyVersion: undefined })), [
      { field: 'sectionId', code: 'invalid' },
      { field: 'stakeholderType', code: 'invalid' },
      { field: 'policyVersion', code: 'required' },
    ]);
    assert.deepEqual(await invalid(newComment({ displayName: 'n'.repeat(81) })), [{ field: 'displayName', code: 'too_long' }]);
  });

  test('longer than the consultation allows, or on an article it does not have', async () => {
    // open-c allows 5000 characters.
    assert.deepEqual(await invalid(newComment({ body: 'x'.repeat(5001) })), [{ field: 'body', code: 'too_long' }]);
    await accepted(await postJson(t, PATH, newComment({ body: 'x'.repeat(5000) })));
    assert.deepEqual(await invalid(newComment({ body: 'x'.repeat(5001), sectionId: 'art-99' })), [
      { field: 'body', code: 'too_long' },
      { field: 'sectionId', code: 'invalid' },
    ]);
  });

  test('unknown consultation 404', async () => {
    await problemOf(await postJson(t, '/v1/consultations/nope/comments', newComment()), 404);
  });

  test('not open: 403 with a reason, for upcoming, closed, decided and commenting off', async () => {
    for (const id of ['upcoming-c', 'closed-c', 'decided-c']) {
      const problem = await problemOf(await postJson(t, `/v1/consultations/${id}/comments`, newComment()), 403);
      assert.match(problem.detail!, /opens|closed/);
    }
    const p = makeApi();
    try {
      p.db.prepare("UPDATE consultations SET commenting_enabled = 0 WHERE id = 'open-c'").run();
      assert.match((await problemOf(await postJson(p, PATH, newComment()), 403)).detail!, /not enabled/);
    } finally {
      p.close();
    }
  });

  test('an outdated policy version is 409 policy-changed with the current version', async () => {
    const before = count(t.db, 'SELECT count(*) AS n FROM comments');
    const problem = await problemOf(await postJson(t, PATH, newComment({ policyVersion: '2023-9' })), 409);
    assert.match(problem.type, /policy-changed$/);
    assert.equal(problem.currentPolicyVersion, '2024-1', 'kept by the Problem schema the widget parses with');
    assert.equal(count(t.db, 'SELECT count(*) AS n FROM comments'), before);
  });
});

describe('rate limits', () => {
  test('per participant: 429 with Retry-After; replays do not count; the window passes', async () => {
    const p = makeApi({ rateLimits: { perParticipant: 2, perAddress: 100 } });
    try {
      const me = randomUUID();
      const first = writer(me);
      await accepted(await postJson(p, PATH, newComment({ body: '1' }), first));
      p.setNow(new Date(T0.getTime() + 60_000));
      await accepted(await postJson(p, PATH, newComment({ body: '2' }), writer(me)));
      const limited = await postJson(p, PATH, newComment({ body: '3' }), writer(me));
      const problem = await problemOf(limited, 429);
      assert.match(problem.type, /rate-limited$/);
      // The first comment leaves the 10-minute window 9 minutes from now.
      assert.equal(limited.headers.get('Retry-After'), String(9 * 60));
      assert.match(problem.detail!, /^At most 2 comments per 10 minutes .*; try again in 540 seconds\.$/);
      await accepted(await postJson(p, PATH, newComment({ body: '1' }), first));
      await accepted(await postJson(p, PATH, newComment({ body: 'someone else' })));
      p.setNow(new Date(T0.getTime() + 10 * 60_000 + 1));
      await accepted(await postJson(p, PATH, newComment({ body: '3' }), writer(me)));
      assert.equal(count(p.db, 'SELECT count(*) AS n FROM comments WHERE participant = ?', me), 3);
    } finally {
      p.close();
    }
  });

  test('per address, behind a trusted proxy', async () => {
    const p = makeApi({ rateLimits: { perParticipant: 100, perAddress: 1 }, trustProxy: true });
    try {
      const from = (address: string) => ({ ...writer(), 'X-Forwarded-For': `203.0.113.9, ${address}` });
      const { id } = await accepted(await postJson(p, PATH, newComment(), from('198.51.100.7')));
      assert.equal((p.db.prepare('SELECT client_address AS a FROM comments WHERE id = ?').get(id) as { a: string }).a, '198.51.100.7');
      const limited = await postJson(p, PATH, newComment(), from('198.51.100.7'));
      // One comment, not "1 comments".
      assert.match((await problemOf(limited, 429)).detail!, /^At most 1 comment per 10 minutes /);
      assert.ok(Number(limited.headers.get('Retry-After')) > 0);
      await accepted(await postJson(p, PATH, newComment(), from('198.51.100.8')));
    } finally {
      p.close();
    }
  });
});
