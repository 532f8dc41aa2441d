/** POST /v1/polls/{id}/votes: one vote per participant, results per the visibility rule. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import * as S from '../../src/api/schemas.js';
import { count, DAY, HOST, makeApi, postJson, problemOf, T0, tokenFor, writer, type TestApi } from './fixture.js';

let t: TestApi;
before(() => {
  t = makeApi();
});
after(() => t.close());

const vote = (poll: string, optionIds: unknown, headers = writer()) => postJson(t, `/v1/polls/${poll}/votes`, { optionIds }, headers);
const votes = (poll: string) => count(t.db, 'SELECT count(*) AS n FROM votes WHERE poll_id = ?', poll);

async function pollOf(res: Response): Promise<S.Poll> {
  const text = await res.text();
  assert.equal(res.status, 201, text);
  assert.equal(res.headers.get('Cache-Control'), 'no-store');
  return S.Poll.parse(JSON.parse(text));
}

describe('voting', () => {
  test('201 with the poll, myVote and results where always visible', async () => {
    const p = await pollOf(await vote('poll-always', ['no']));
    assert.deepEqual(p.myVote, ['no']);
    assert.deepEqual(p.results, { totalVoters: 4, counts: { yes: 2, no: 2, unsure: 0 } });
  });

  test('after_vote shows results to the voter; after_close keeps them hidden', async () => {
    assert.ok((await pollOf(await vote('poll-after-vote', ['yes']))).results);
    const closed = await pollOf(await vote('poll-after-close', ['yes']));
    assert.equal(closed.results, undefined);
    assert.deepEqual(closed.myVote, ['yes']);
  });

  test('GET afterwards knows the vote, by participant id or by token', async () => {
    const me = randomUUID();
    await pollOf(await vote('poll-always', ['unsure'], writer(me)));
    const mine = (await (await t.app.request(`${HOST}/v1/polls/poll-always`, { headers: { 'Sharek-Participant': me } })).json()) as S.Poll;
    assert.deepEqual(mine.myVote, ['unsure']);
    const token = await tokenFor('voter');
    const signedIn = { ...writer(), Authorization: `Bearer ${token}` };
    delete (signedIn as Record<string, string>)['Sharek-Participant'];
    await pollOf(await vote('poll-after-vote', ['no'], signedIn));
    const res = await t.app.request(`${HOST}/v1/polls/poll-after-vote`, { headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual(((await res.json()) as S.Poll).myVote, ['no']);
  });

  test('multiple choice up to maxChoices, stored as one vote', async () => {
    t.db.prepare("UPDATE polls SET max_choices = 2 WHERE id = 'poll-always'").run();
    try {
      const before = votes('poll-always');
      const p = await pollOf(await vote('poll-always', ['unsure', 'yes']));
      assert.deepEqual(p.myVote, ['yes', 'unsure'], 'in the poll’s option order');
      assert.equal(votes('poll-always'), before + 1);
      const problem = await problemOf(await vote('poll-always', ['yes', 'no', 'unsure']), 400);
      assert.deepEqual(problem.errors, [{ field: 'optionIds', code: 'too_many' }]);
    } finally {
      t.db.prepare("UPDATE polls SET max_choices = 1 WHERE id = 'poll-always'").run();
    }
  });
});

describe('one vote per participant', () => {
  test('a second vote is 409 already-voted and changes nothing', async () => {
    const me = randomUUID();
    await pollOf(await vote('poll-always', ['yes'], writer(me)));
    const before = votes('poll-always');
    const problem = await problemOf(await vote('poll-always', ['no'], writer(me)), 409);
    assert.match(problem.type, /already-voted$/);
    assert.equal(votes('poll-always'), before);
  });

  test('the same Idempotency-Key again is the same 201, not a 409; with other options it is 422', async () => {
    const headers = writer();
    const first = await pollOf(await vote('poll-always', ['unsure'], headers));
    const before = votes('poll-always');
    const again = await pollOf(await vote('poll-always', ['unsure'], headers));
    assert.deepEqual(again.myVote, first.myVote);
    assert.equal(votes('poll-always'), before);
    assert.match((await problemOf(await vote('poll-always', ['no'], headers), 422)).type, /idempotency-key-reused$/);
  });

  test('concurrent votes by one participant: exactly one counts', async () => {
    const me = randomUUID();
    const before = votes('poll-after-vote');
    const answers = await Promise.all(Array.from({ length: 20 }, () => vote('poll-after-vote', ['yes'], writer(me))));
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, ...Array(19).fill(409)]);
    assert.equal(votes('poll-after-vote'), before + 1);
  });

  test('the database itself refuses a second vote', () => {
    const insert = t.db.prepare("INSERT INTO votes (poll_id, participant, created_at) VALUES ('poll-always', 'same-person', ?)");
    insert.run(T0.toISOString());
    assert.throws(() => insert.run(T0.toISOString()), /UNIQUE constraint failed: votes.poll_id, votes.participant/);
  });
});

describe('refusals', () => {
  test('options must exist and be distinct; at least one', async () => {
    const before = votes('poll-always');
    for (const optionIds of [['maybe'], ['yes', 'yes'], ['../x']]) {
      assert.deepEqual((await problemOf(await vote('poll-always', optionIds), 400)).errors, [{ field: 'optionIds', code: 'invalid' }]);
    }
    assert.deepEqual((await problemOf(await vote('poll-always', []), 400)).errors, [{ field: 'optionIds', code: 'required' }]);
    assert.deepEqual((await problemOf(await vote('poll-always', ['yes', 'no']), 400)).errors, [{ field: 'optionIds', code: 'too_many' }]);
    assert.deepEqual((await problemOf(await vote('poll-always', 'yes'), 400)).errors, [{ field: 'optionIds', code: 'invalid' }]);
    assert.equal(votes('poll-always'), before);
  });

  test('a poll that is not open is 403', async () => {
    try {
      t.setNow(new Date(T0.getTime() + 30 * DAY));
      assert.match((await problemOf(await vote('poll-always', ['yes']), 403)).detail!, /closed/);
      t.setNow(new Date(T0.getTime() - 20 * DAY));
      assert.match((await problemOf(await vote('poll-always', ['yes']), 403)).detail!, /opens/);
    } finally {
      t.setNow(T0);
    }
  });

  test('unknown poll 404; key and participant required', async () => {
    await problemOf(await vote('nope', ['yes']), 404);
    const { 'Idempotency-Key': _, ...noKey } = writer();
    assert.deepEqual((await problemOf(await vote('poll-always', ['yes'], noKey), 400)).errors, [{ field: 'Idempotency-Key', code: 'required' }]);
    const { 'Sharek-Participant': __, ...nobody } = writer();
    assert.deepEqual((await problemOf(await vote('poll-always', ['yes'], nobody), 400)).errors, [{ field: 'Sharek-Participant', code: 'required' }]);
  });
});
