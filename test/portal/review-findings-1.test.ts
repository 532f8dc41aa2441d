/**
 * Issue 15, findings 1–6 of the security review, each reproduced against the
 * running portal (over HTTP) as the review did, and now refused. The numbers
 * the review measured are printed with each test (`--test-reporter=spec`).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import * as S from '../../src/api/schemas.js';
import { openDatabase, type Db } from '../../portal/db.js';
import { addModerator, revokeModerator } from '../../portal/moderators.js';
import { tokenFor } from './fixture.js';
import { anonymous, DEV_ADMIN, freshAddress, post, raw, startLive, type Live } from './live-portal.js';

let live: Live;
let db: Db;
before(async () => {
  live = await startLive();
  db = openDatabase(live.dbPath);
});
after(async () => {
  db.close();
  await live.close();
});

const api = (path: string, init?: RequestInit) => fetch(`${live.portal.url}/api${path}`, init);
const voters = async (poll: string) => ((await (await api(`/v1/polls/${poll}`)).json()) as S.Poll).results!.totalVoters;
const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

test('finding 1: made-up bearer tokens are nobody — 50 votes with 50 made-up tokens count 0; sign-in-required consultations refuse them', async (t) => {
  const before = await voters('poll-always');
  const address = freshAddress();
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'https://sso.test.example/realms/citizens', sub: 'x', exp: now + 600 })}.`;
  const statuses: number[] = [];
  for (let i = 0; i < 50; i++) {
    const token = i === 0 ? unsigned : i % 2 ? `made-up-token-${i}` : `${b64({ alg: 'HS256' })}.${b64({ sub: `p${i}` })}.c2ln`;
    const res = await post(live.portal, '/v1/polls/poll-always/votes', { optionIds: ['yes'] }, anonymous(address, { Authorization: `Bearer ${token}` }));
    statuses.push(res.status);
    if (i === 0) assert.match(res.headers.get('WWW-Authenticate') ?? '', /^Bearer realm="sharek", error="invalid_token"/);
  }
  t.diagnostic(`50 made-up tokens: ${JSON.stringify(tally(statuses))}`);
  assert.deepEqual(tally(statuses), { 401: 50 });
  assert.equal(await voters('poll-always'), before, 'no vote counted');

  db.prepare("UPDATE consultations SET sign_in_required = 1 WHERE id = 'open-c'").run();
  try {
    const comment = { body: 'A signed-in comment.', stakeholderType: 'individual', policyVersion: '2024-1' };
    for (const token of ['anyone', unsigned]) {
      const res = await post(live.portal, '/v1/consultations/open-c/comments', comment, anonymous(freshAddress(), { Authorization: `Bearer ${token}` }));
      assert.equal(res.status, 401, token);
    }
    const anon = await post(live.portal, '/v1/consultations/open-c/comments', comment, anonymous(freshAddress()));
    assert.equal(anon.status, 401, 'anonymous');
    const real = await post(live.portal, '/v1/consultations/open-c/comments', comment, anonymous(freshAddress(), { Authorization: `Bearer ${await tokenFor('amal')}` }));
    assert.equal(real.status, 201, 'a token the issuer signed');
  } finally {
    db.prepare("UPDATE consultations SET sign_in_required = 0 WHERE id = 'open-c'").run();
  }
});

test('finding 2: polls cannot be stuffed — 200 votes from one address with fresh participant ids: 60 counted, then 429 with Retry-After', async (t) => {
  const before = await voters('poll-always');
  const address = freshAddress();
  const started = performance.now();
  const statuses: number[] = [];
  let retryAfter = 0;
  for (let i = 0; i < 200; i++) {
    const res = await post(live.portal, '/v1/polls/poll-always/votes', { optionIds: [['yes', 'no', 'unsure'][i % 3]] }, anonymous(address));
    statuses.push(res.status);
    if (res.status === 429) retryAfter = Number(res.headers.get('Retry-After'));
    await res.body?.cancel();
  }
  const ms = Math.round(performance.now() - started);
  t.diagnostic(`200 votes from one address with fresh ids in ${ms} ms: ${JSON.stringify(tally(statuses))}; Retry-After ${retryAfter} s`);
  assert.deepEqual(tally(statuses), { 201: 60, 429: 140 });
  assert.ok(retryAfter > 0 && retryAfter <= 600);
  assert.equal(await voters('poll-always'), before + 60);
  // Another address is not held back by this one.
  assert.equal((await post(live.portal, '/v1/polls/poll-always/votes', { optionIds: ['yes'] }, anonymous(freshAddress()))).status, 201);
  // The same participant cannot vote across polls without end either.
  const me = randomUUID();
  const polls = ['poll-always', 'poll-after-vote', 'poll-after-close'];
  for (const poll of polls) {
    const res = await post(live.portal, `/v1/polls/${poll}/votes`, { optionIds: ['no'] }, anonymous(freshAddress(), { 'Sharek-Participant': me }));
    assert.equal(res.status, 201);
  }
});

test('finding 3: a report flood counts once and is cut off; the moderators’ list stays ordered by distinct reporters and is paged', async (t) => {
  const page = (await (await api('/v1/consultations/open-c/comments?limit=5')).json()) as S.CommentPage;
  const [flooded, real] = [page.items[0]!.id, page.items[1]!.id];
  const address = freshAddress();
  const statuses: number[] = [];
  for (let i = 0; i < 101; i++) {
    const res = await post(live.portal, `/v1/comments/${flooded}/reports`, { reason: 'spam_or_advertising' }, anonymous(address));
    statuses.push(res.status);
  }
  t.diagnostic(`101 reports on one comment from one address: ${JSON.stringify(tally(statuses))}`);
  assert.deepEqual(tally(statuses), { 202: 20, 429: 81 });
  // Three people in three places report another comment.
  for (let i = 0; i < 3; i++) {
    assert.equal((await post(live.portal, `/v1/comments/${real}/reports`, { reason: 'privacy_of_others' }, anonymous(freshAddress()))).status, 202);
  }
  const admin = { Authorization: `Bearer ${DEV_ADMIN}` };
  const first = (await (await api('/admin/v1/reports?limit=1', { headers: admin })).json()) as { items: { comment: { id: string; reports: number } }[]; nextCursor: string | null };
  assert.deepEqual(first.items.map((r) => [r.comment.id, r.comment.reports]), [[real, 3]]);
  assert.ok(first.nextCursor);
  const second = (await (await api(`/admin/v1/reports?limit=1&cursor=${first.nextCursor}`, { headers: admin })).json()) as typeof first;
  assert.deepEqual(second.items.map((r) => [r.comment.id, r.comment.reports]), [[flooded, 1]]);
  assert.equal(second.nextCursor, null);
  assert.equal((await api('/admin/v1/reports?limit=1000', { headers: admin })).status, 400, 'a page has at most 100');
});

test('finding 4: the Host header never reaches an answer — portalUrl and document links stay on the portal', async () => {
  for (const path of ['/api/v1/consultations/open-c', '/api/v1/consultations', '/api/v1/consultations/decided-c/decision']) {
    const res = await raw(live.portal, path, { Host: 'evil.example' });
    assert.equal(res.status, 200, path);
    assert.doesNotMatch(res.body, /evil\.example/, path);
    assert.match(res.body, new RegExp(`${live.portal.url}/`), path);
  }
  const one = JSON.parse((await raw(live.portal, '/api/v1/consultations/open-c', { Host: 'evil.example' })).body) as S.Consultation;
  assert.equal(one.portalUrl, `${live.portal.url}/consultations/open-c`);
  assert.ok(one.documents.every((d) => d.url.startsWith(`${live.portal.url}/api/documents/`)));
  // Nor does a Host of the client's choosing make its Origin the portal's own.
  const cors = await raw(live.portal, '/api/v1/policy', { Host: 'evil.example', Origin: 'http://evil.example' });
  assert.equal(cors.headers['access-control-allow-origin'], undefined);
});

test('finding 5: HTML pages cannot be framed by other sites and lock base, forms and plugins; HSTS over https', async () => {
  for (const path of ['/consultations/open-c', '/', '/en/', '/no-such-page']) {
    const res = await raw(live.portal, path);
    const csp = String(res.headers['content-security-policy']);
    for (const directive of ["frame-ancestors 'self'", "base-uri 'none'", "form-action 'self'", "object-src 'none'"]) {
      assert.ok(csp.includes(directive), `${path}: ${directive} in ${csp}`);
    }
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', path);
    assert.equal(res.headers['strict-transport-security'], undefined, 'not over plain http');
  }
  const https = await startLive({ publicUrl: 'https://portal.example.jo' });
  try {
    const res = await raw(https.portal, '/consultations/open-c');
    assert.equal(res.headers['strict-transport-security'], 'max-age=31536000');
  } finally {
    await https.close();
  }
});

test('finding 6: moderators by name, wrong credentials cut off with 429, an audit log, no CORS on the admin API', async (t) => {
  const admin = (token: string, address: string, init: RequestInit = {}) =>
    api('/admin/v1/comments?status=pending', { ...init, headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': address, ...(init.headers as object) } });
  assert.equal((await admin('any-non-empty-token', freshAddress())).status, 403);

  const address = freshAddress();
  const started = performance.now();
  const statuses: number[] = [];
  let retryAfter = 0;
  for (let i = 0; i < 500; i++) {
    const res = await admin(`guess-${i}`, address);
    statuses.push(res.status);
    if (res.status === 429) retryAfter = Number(res.headers.get('Retry-After'));
    await res.body?.cancel();
  }
  t.diagnostic(`500 wrong credentials from one address in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(tally(statuses))}; Retry-After ${retryAfter} s`);
  assert.deepEqual(tally(statuses), { 403: 10, 429: 490 });
  assert.ok(retryAfter > 0);
  assert.equal((await admin(DEV_ADMIN, address)).status, 429, 'guessing stops for that address, right or wrong');
  assert.equal((await admin(DEV_ADMIN, freshAddress())).status, 200, 'other addresses go on');

  // Each moderator has their own credential, and the audit log says who did what.
  const huda = addModerator(db, 'Huda', new Date(), 'test');
  const pending = ((await (await admin(huda.token, freshAddress())).json()) as { items: { id: string }[] }).items[0]!.id;
  const approved = await api(`/admin/v1/comments/${pending}/approve`, { method: 'POST', headers: { Authorization: `Bearer ${huda.token}`, 'X-Forwarded-For': freshAddress() } });
  assert.equal(approved.status, 200);
  const auditRes = await api('/admin/v1/audit?limit=5', { headers: { Authorization: `Bearer ${DEV_ADMIN}`, 'X-Forwarded-For': freshAddress() } });
  const audit = (await auditRes.json()) as {
    items: { moderator: string; action: string; subject?: string; at: string }[];
  };
  assert.deepEqual(
    audit.items.map((e) => [e.moderator, e.action, e.subject]).slice(0, 2),
    [
      ['Huda', 'comment.approve', pending],
      ['test', 'moderator.add', 'Huda'],
    ],
  );
  revokeModerator(db, 'Huda', new Date(), 'test');
  assert.equal((await admin(huda.token, freshAddress())).status, 403, 'a revoked credential opens nothing');

  // No CORS: an embedding origin's page cannot even ask.
  const origin = 'https://www.ministry.example.jo';
  const preflight = await api('/admin/v1/comments', {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
  });
  assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), null);
  assert.notEqual(preflight.status, 204);
  const get = await admin(DEV_ADMIN, freshAddress(), { headers: { Origin: origin } });
  assert.equal(get.status, 200);
  assert.equal(get.headers.get('Access-Control-Allow-Origin'), null);
  // The public API still answers that origin.
  assert.equal((await api('/v1/policy', { headers: { Origin: origin } })).headers.get('Access-Control-Allow-Origin'), origin);
});
