/** Every read route of the contract answers what its schema says, from the fixture seed. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import * as S from '../../src/api/schemas.js';
import { DAY, HOST, makeApi, PENDING_BODY, PUBLISHED, REJECTED_BODY, T0, type TestApi } from './fixture.js';


async function getJson(t: TestApi, path: string, init?: RequestInit) {
  const res = await t.app.request(HOST + path, init);
  return { res, body: (await res.json()) as unknown };
}

function valid<T>(schema: { safeParse(x: unknown): { success: boolean; error?: unknown; data?: T } }, x: unknown): T {
  const r = schema.safeParse(x);
  assert.ok(r.success, `schema mismatch: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

let t: TestApi;
before(() => {
  t = makeApi();
});
after(() => t.close());

describe('GET /v1/consultations/{id}', () => {
  test('answers a Consultation with absolute URLs and derived fields', async () => {
    const { res, body } = await getJson(t, '/v1/consultations/open-c');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type')!, /^application\/json/);
    const c = valid<S.Consultation>(S.Consultation, body);
    assert.equal(c.status, 'open');
    assert.equal(c.sections.length, 5);
    assert.deepEqual(c.participation, { comments: PUBLISHED, participants: PUBLISHED });
    assert.equal(c.portalUrl, `${HOST}/consultations/open-c`);
    assert.equal(c.documents[0]!.url, `${HOST}/api/documents/draft.pdf`);
    assert.equal(c.impactAssessmentUrl, `${HOST}/api/documents/impact.pdf`);
    assert.deepEqual(c.pollIds, ['poll-always', 'poll-after-vote', 'poll-after-close']);
    assert.equal(c.commenting.enabled, true);
    assert.equal(c.commenting.policyVersion, '2024-1');
  });

  test('publicUrl, when set, is the base of every URL', async () => {
    const p = makeApi({ publicUrl: 'https://participate.gov.jo/' });
    try {
      const c = valid<S.Consultation>(S.Consultation, (await getJson(p, '/v1/consultations/open-c')).body);
      assert.equal(c.portalUrl, 'https://participate.gov.jo/consultations/open-c');
      assert.equal(c.documents[0]!.url, 'https://participate.gov.jo/api/documents/draft.pdf');
    } finally {
      p.close();
    }
  });

  test('status follows the clock, and decided wins once a decision exists', async () => {
    const status = async (id: string) =>
      valid<S.Consultation>(S.Consultation, (await getJson(t, `/v1/consultations/${id}`)).body).status;
    try {
      assert.equal(await status('upcoming-c'), 'upcoming');
      assert.equal(await status('closed-c'), 'closed');
      assert.equal(await status('decided-c'), 'decided');
      t.setNow(new Date(T0.getTime() + 6 * DAY));
      assert.equal(await status('upcoming-c'), 'open');
      t.setNow(new Date(T0.getTime() + 21 * DAY));
      assert.equal(await status('open-c'), 'closed');
      const c = valid<S.Consultation>(S.Consultation, (await getJson(t, '/v1/consultations/open-c')).body);
      assert.equal(c.commenting.enabled, false, 'no commenting once closed');
      t.setNow(new Date(T0.getTime() - 11 * DAY));
      assert.equal(await status('open-c'), 'upcoming');
    } finally {
      t.setNow(T0);
    }
  });

  test('unknown id is a 404 problem', async () => {
    const { res, body } = await getJson(t, '/v1/consultations/no-such-thing');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
    valid(S.Problem, body);
  });
});

describe('GET /v1/consultations', () => {
  test('lists summaries, most recently opened first', async () => {
    const { res, body } = await getJson(t, '/v1/consultations');
    assert.equal(res.status, 200);
    const page = valid<S.ConsultationPage>(S.ConsultationPage, body);
    assert.deepEqual(
      page.items.map((c) => c.id),
      ['upcoming-c', 'open-c', 'closed-c', 'decided-c'],
    );
    assert.equal(page.nextCursor, null);
    for (const item of page.items) assert.ok(!('sections' in item), 'summaries carry no sections');
  });

  test('filters by status and agency', async () => {
    const ids = async (q: string) =>
      valid<S.ConsultationPage>(S.ConsultationPage, (await getJson(t, `/v1/consultations?${q}`)).body).items.map((c) => c.id);
    assert.deepEqual(await ids('status=open'), ['open-c']);
    assert.deepEqual(await ids('status=upcoming'), ['upcoming-c']);
    assert.deepEqual(await ids('status=closed'), ['closed-c']);
    assert.deepEqual(await ids('status=decided'), ['decided-c']);
    assert.deepEqual(await ids('agency=moenv'), ['closed-c']);
    assert.deepEqual(await ids('agency=modee&status=decided'), ['decided-c']);
    assert.deepEqual(await ids('agency=nobody'), []);
  });

  test('pages with limit and an opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/v1/consultations?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: S.ConsultationPage = valid<S.ConsultationPage>(S.ConsultationPage, (await getJson(t, q)).body);
      assert.ok(page.items.length <= 1);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    assert.deepEqual(seen, ['upcoming-c', 'open-c', 'closed-c', 'decided-c']);
  });

  for (const q of ['status=finished', 'limit=0', 'limit=101', 'limit=abc', 'limit=-1', 'cursor=not*base64', 'cursor=bm9wZQ', 'agency=%3Cx%3E']) {
    test(`400 problem for ${q}`, async () => {
      const { res, body } = await getJson(t, `/v1/consultations?${q}`);
      assert.equal(res.status, 400);
      const p = valid<S.Problem>(S.Problem, body);
      assert.equal(p.errors?.[0]?.field, q.split('=')[0]);
    });
  }
});

describe('GET /v1/consultations/{id}/comments', () => {
  async function walk(path: string, limit: number) {
    const all: S.Comment[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const q: string = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const { res, body } = await getJson(t, q);
      assert.equal(res.status, 200);
      const page: S.CommentPage = valid<S.CommentPage>(S.CommentPage, body);
      assert.ok(page.items.length <= limit);
      all.push(...page.items);
      cursor = page.nextCursor;
      if (cursor === null) return all;
    }
    throw new Error('pagination did not end');
  }

  test('pagination walks every published comment exactly once, newest first', async () => {
    for (const limit of [1, 7, 20, 100]) {
      const all = await walk('/v1/consultations/open-c/comments', limit);
      assert.equal(all.length, PUBLISHED, `limit ${limit}`);
      assert.equal(new Set(all.map((c) => c.id)).size, PUBLISHED, 'no duplicates');
      for (let i = 1; i < all.length; i++) {
        assert.ok(all[i - 1]!.createdAt >= all[i]!.createdAt, 'newest first');
      }
    }
  });

  test('default page size is 20, and the last page says nextCursor null', async () => {
    const first = valid<S.CommentPage>(S.CommentPage, (await getJson(t, '/v1/consultations/open-c/comments')).body);
    assert.equal(first.items.length, 20);
    assert.equal(typeof first.nextCursor, 'string');
    const all = valid<S.CommentPage>(S.CommentPage, (await getJson(t, '/v1/consultations/open-c/comments?limit=100')).body);
    assert.equal(all.items.length, PUBLISHED);
    assert.equal(all.nextCursor, null);
  });

  test('pending and rejected comments never appear', async () => {
    const all = await walk('/v1/consultations/open-c/comments', 100);
    assert.ok(all.every((c) => c.body !== PENDING_BODY && c.body !== REJECTED_BODY));
    const section = await walk('/v1/consultations/open-c/comments?section=art-1', 100);
    assert.ok(section.every((c) => c.body !== PENDING_BODY));
  });

  test('section filter, display names and agency replies', async () => {
    const section = await walk('/v1/consultations/open-c/comments?section=art-1', 4);
    assert.equal(section.length, Math.ceil(PUBLISHED / 3));
    assert.ok(section.every((c) => c.sectionId === 'art-1'));
    const all = await walk('/v1/consultations/open-c/comments', 50);
    const replied = all.filter((c) => c.reply);
    assert.equal(replied.length, 1);
    assert.equal(replied[0]!.body, 'published comment 7');
    assert.ok(all.some((c) => c.author.displayName === 'Person 4'));
  });

  test('an empty list for a consultation without comments', async () => {
    const page = valid<S.CommentPage>(S.CommentPage, (await getJson(t, '/v1/consultations/upcoming-c/comments')).body);
    assert.deepEqual(page, { items: [], nextCursor: null });
  });

  test('unknown consultation or section is 404; bad cursor or limit is 400', async () => {
    assert.equal((await t.app.request(`${HOST}/v1/consultations/nope/comments`)).status, 404);
    assert.equal((await t.app.request(`${HOST}/v1/consultations/open-c/comments?section=art-99`)).status, 404);
    for (const q of ['limit=0', 'limit=1000', 'limit=2.5', 'cursor=%%%', 'cursor=WzEsMl0', 'section=..']) {
      const res = await t.app.request(`${HOST}/v1/consultations/open-c/comments?${q}`);
      assert.equal(res.status, 400, q);
      assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
    }
  });
});

describe('GET /v1/polls/{id}', () => {
  const VOTER = randomUUID();
  before(() => {
    // What the coming vote route will write: one vote by a known participant.
    const vote = t.db.prepare("INSERT INTO votes (poll_id, participant, created_at) VALUES ('poll-after-vote', ?, ?)").run(VOTER, T0.toISOString());
    t.db.prepare("INSERT INTO vote_choices (vote_id, poll_id, option_id) VALUES (?, 'poll-after-vote', 'unsure')").run(vote.lastInsertRowid);
  });

  const poll = async (id: string, participant?: string) => {
    const { res, body } = await getJson(t, `/v1/polls/${id}`, participant ? { headers: { 'Sharek-Participant': participant } } : {});
    assert.equal(res.status, 200);
    return { res, poll: valid<S.Poll>(S.Poll, body) };
  };

  test('always: results for everyone, zero counts included', async () => {
    const { poll: p, res } = await poll('poll-always');
    assert.equal(p.status, 'open');
    assert.deepEqual(p.results, { totalVoters: 3, counts: { yes: 2, no: 1, unsure: 0 } });
    assert.equal(p.myVote, undefined);
    assert.match(res.headers.get('Cache-Control')!, /^public/);
    assert.match(res.headers.get('Vary')!, /Sharek-Participant/);
  });

  test('after_vote: hidden before voting, shown with myVote after, privately', async () => {
    const anonymous = await poll('poll-after-vote');
    assert.equal(anonymous.poll.results, undefined);
    const stranger = await poll('poll-after-vote', randomUUID());
    assert.equal(stranger.poll.results, undefined);
    assert.equal(stranger.poll.myVote, undefined);
    assert.equal(stranger.res.headers.get('Cache-Control'), 'private, no-cache');
    const voter = await poll('poll-after-vote', VOTER.toUpperCase());
    assert.deepEqual(voter.poll.myVote, ['unsure']);
    assert.equal(voter.poll.results?.totalVoters, 4);
    assert.equal(voter.res.headers.get('Cache-Control'), 'private, no-cache');
    const vary = voter.res.headers.get('Vary')!;
    assert.match(vary, /Sharek-Participant/);
    assert.match(vary, /Authorization/);
  });

  test('after_close: results only once the poll has closed', async () => {
    assert.equal((await poll('poll-after-close')).poll.results, undefined);
    try {
      t.setNow(new Date(T0.getTime() + 30 * DAY));
      const closed = await poll('poll-after-close');
      assert.equal(closed.poll.status, 'closed');
      assert.equal(closed.poll.results?.totalVoters, 3);
      t.setNow(new Date(T0.getTime() - 20 * DAY));
      assert.equal((await poll('poll-always')).poll.status, 'upcoming');
    } finally {
      t.setNow(T0);
    }
  });

  test('unknown poll is 404', async () => {
    assert.equal((await t.app.request(`${HOST}/v1/polls/nope`)).status, 404);
  });
});

describe('GET /v1/consultations/{id}/decision', () => {
  test('200 Decision for the decided consultation', async () => {
    const { res, body } = await getJson(t, '/v1/consultations/decided-c/decision');
    assert.equal(res.status, 200);
    const d = valid<S.Decision>(S.Decision, body);
    assert.equal(d.consultationId, 'decided-c');
    assert.equal(d.outcome, 'amended');
    assert.equal(d.documentUrl, `${HOST}/api/documents/final.pdf`);
  });

  test('404 problem while none is published', async () => {
    for (const id of ['open-c', 'closed-c', 'nope']) {
      const { res, body } = await getJson(t, `/v1/consultations/${id}/decision`);
      assert.equal(res.status, 404, id);
      valid(S.Problem, body);
    }
  });
});

describe('GET /v1/policy', () => {
  test('current policy, and by version', async () => {
    const current = valid<S.UsagePolicy>(S.UsagePolicy, (await getJson(t, '/v1/policy')).body);
    assert.equal(current.version, '2024-1');
    const byVersion = valid<S.UsagePolicy>(S.UsagePolicy, (await getJson(t, '/v1/policy?version=2024-1')).body);
    assert.deepEqual(byVersion, current);
  });

  test('a newer version becomes current; the old one stays readable', async () => {
    const p = makeApi();
    try {
      p.db
        .prepare("INSERT INTO policy_versions SELECT '2025-1', ?, text, rules, report_reasons FROM policy_versions WHERE version = '2024-1'")
        .run(T0.toISOString());
      assert.equal(valid<S.UsagePolicy>(S.UsagePolicy, (await getJson(p, '/v1/policy')).body).version, '2025-1');
      assert.equal(valid<S.UsagePolicy>(S.UsagePolicy, (await getJson(p, '/v1/policy?version=2024-1')).body).version, '2024-1');
    } finally {
      p.close();
    }
  });

  test('unknown version is 404, an absurd one 400', async () => {
    const { res, body } = await getJson(t, '/v1/policy?version=1999-9');
    assert.equal(res.status, 404);
    valid(S.Problem, body);
    assert.equal((await t.app.request(`${HOST}/v1/policy?version=${'x'.repeat(40)}`)).status, 400);
  });
});
