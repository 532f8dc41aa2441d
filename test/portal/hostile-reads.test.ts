/**
 * Hostile input on the read routes (issue 6, "Portal robustness"; the write
 * routes are in robustness.test.ts): malformed, SQL-looking, overlong and
 * non-UTF-8 ids in every read path, the same in every filter, and junk in the
 * headers a read takes. Every answer is a 4xx problem+json, or a 200 that is
 * valid and does not widen the filter; never a 5xx; the database is unchanged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as S from '../../src/api/schemas.js';
import { dbFingerprint, HOST, makeApi, type TestApi } from './fixture.js';

let t: TestApi;
before(() => {
  t = makeApi();
});
after(() => t.close());

const HOSTILE = [
  "%27%20OR%20%271%27%3D%271",
  "%27%3B%20DROP%20TABLE%20comments%3B--",
  '1%20UNION%20SELECT%20*%20FROM%20policy_versions',
  '..%2F..%2Fetc%2Fpasswd',
  '%2E%2E',
  'x'.repeat(65),
  'x'.repeat(5000),
  '%FF%FE',
  '%C0%AF',
  '%ED%A0%80',
  '%00',
  'a%00b',
  '%E0%A4%A',
  '%',
  'a%20b',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  encodeURIComponent('وزارة'),
  encodeURIComponent('😀'),
  '%0D%0ASet-Cookie:%20x=1',
];

async function read(path: string, headers: Record<string, string> = {}) {
  const res = await t.app.request(HOST + path, { headers });
  const text = await res.text();
  return { res, text };
}

/** A 4xx problem+json, or a 200 whose body the contract accepts; never anything else. */
async function safe(path: string, schema: { safeParse(v: unknown): { success: boolean } }, headers: Record<string, string> = {}) {
  const { res, text } = await read(path, headers);
  assert.ok(res.status < 500, `${path}: ${res.status} ${text.slice(0, 300)}`);
  if (res.status >= 400) {
    assert.equal(res.headers.get('Content-Type'), 'application/problem+json', path);
    assert.ok(S.Problem.safeParse(JSON.parse(text)).success, `${path}: ${text.slice(0, 300)}`);
    return { status: res.status, body: undefined };
  }
  assert.ok([200, 304].includes(res.status), `${path}: ${res.status}`);
  const body = res.status === 200 ? (JSON.parse(text) as unknown) : undefined;
  if (res.status === 200) assert.ok(schema.safeParse(body).success, `${path}: ${text.slice(0, 300)}`);
  return { status: res.status, body };
}

describe('hostile values on the read routes: 4xx problem or a valid 200, never 5xx, nothing written', () => {
  test('ids in every read path', async () => {
    const before = dbFingerprint(t.db);
    for (const id of HOSTILE) {
      for (const [path, schema] of [
        [`/v1/consultations/${id}`, S.Consultation],
        [`/v1/consultations/${id}/comments`, S.CommentPage],
        [`/v1/consultations/${id}/decision`, S.Decision],
        [`/v1/polls/${id}`, S.Poll],
      ] as const) {
        const { status } = await safe(path, schema);
        assert.ok(status >= 400, `${path} answered ${status}`);
      }
    }
    assert.equal(dbFingerprint(t.db), before);
  });

  test('every filter: status, agency, section, version, cursor, limit', async () => {
    const before = dbFingerprint(t.db);
    const all = (await safe('/v1/consultations?limit=100', S.ConsultationPage)).body as S.ConsultationPage;
    const allComments = (await safe('/v1/consultations/open-c/comments?limit=100', S.CommentPage)).body as S.CommentPage;
    for (const value of HOSTILE) {
      for (const name of ['status', 'agency']) {
        const { body } = await safe(`/v1/consultations?${name}=${value}`, S.ConsultationPage);
        // A filter that is not a real value never widens the list.
        if (body) assert.ok((body as S.ConsultationPage).items.length < all.items.length, `${name}=${value} listed everything`);
      }
      const { body } = await safe(`/v1/consultations/open-c/comments?section=${value}`, S.CommentPage);
      if (body) assert.ok((body as S.CommentPage).items.length < allComments.items.length, `section=${value} listed everything`);
      const policy = await safe(`/v1/policy?version=${value}`, S.UsagePolicy);
      assert.ok(policy.status >= 400, `version=${value} answered ${policy.status}`);
      for (const list of ['/v1/consultations', '/v1/consultations/open-c/comments']) {
        for (const q of [`cursor=${value}`, `limit=${value}`]) assert.ok((await safe(`${list}?${q}`, list.endsWith('comments') ? S.CommentPage : S.ConsultationPage)).status >= 400, `${list}?${q}`);
      }
    }
    // Repeated and oddly shaped parameters.
    for (const q of ['status=open&status=closed', 'status[]=open', 'status=open%26agency%3Dmodee', 'limit=1&limit=1000', 'agency=', 'status=OPEN', 'limit=%2B5', 'limit=5%20']) {
      await safe(`/v1/consultations?${q}`, S.ConsultationPage);
    }
    for (const q of ['section=art-1&section=art-2', 'section[]=art-1', 'limit=20&cursor=&cursor=x']) {
      await safe(`/v1/consultations/open-c/comments?${q}`, S.CommentPage);
    }
    assert.equal(dbFingerprint(t.db), before);
  });

  test('junk in the headers a read takes', async () => {
    const before = dbFingerprint(t.db);
    const junk = ["' OR 1=1--", 'x'.repeat(8000), '"*"', 'W/"', '\u00ff\u00fe', 'null', '', ' ', '"a", "b", *'];
    for (const value of junk) {
      for (const [path, schema] of [
        ['/v1/consultations/open-c', S.Consultation],
        ['/v1/consultations/open-c/comments', S.CommentPage],
        ['/v1/polls/poll-always', S.Poll],
        ['/v1/policy', S.UsagePolicy],
      ] as const) {
        await safe(path, schema, { 'If-None-Match': value });
        await safe(path, schema, { 'Sharek-Participant': value });
        await safe(path, schema, { Authorization: `Bearer ${value}` });
        await safe(path, schema, { Accept: value });
      }
    }
    assert.equal(dbFingerprint(t.db), before);
  });
});
