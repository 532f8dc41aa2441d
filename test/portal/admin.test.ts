/** The moderators' routes under /admin/v1: token, queue, approve/reject/reply, reports, decisions. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as S from '../../src/api/schemas.js';
import { createApi } from '../../portal/app.js';
import { startPortal } from '../../portal/main.js';
import type { AdminComment, ReportedComment } from '../../portal/moderation.js';
import { addModerator } from '../../portal/moderators.js';
import {
  adminHeaders,
  fixtureSeed,
  fromAddress,
  HOST,
  makeApi,
  postJson,
  problemOf,
  T0,
  type TestApi,
} from './fixture.js';

let t: TestApi;
before(() => {
  t = makeApi();
});
after(() => t.close());

const admin = (path: string, init: RequestInit = {}) =>
  t.app.request(`${HOST}/admin/v1${path}`, { ...init, headers: { ...adminHeaders(), ...(init.headers as object) } });
const adminPost = (path: string, body?: unknown) =>
  admin(path, { method: 'POST', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  assert.equal(res.headers.get('Cache-Control'), 'no-store');
  return JSON.parse(text) as T;
}

const pendingIds = async () =>
  (await json<{ items: AdminComment[] }>(await admin('/comments?status=pending&consultation=open-c'))).items.map((c) => c.id);

describe('authorisation', () => {
  test('401 without a token, 403 with a wrong one, for known and unknown paths', async () => {
    for (const path of ['/admin/v1/comments', '/admin/v1/reports', '/admin/v1/nothing-here']) {
      const none = await t.app.request(HOST + path);
      await problemOf(none, 401);
      assert.match(none.headers.get('WWW-Authenticate')!, /^Bearer/);
      await problemOf(await t.app.request(HOST + path, { headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' } }), 401);
      await problemOf(await t.app.request(HOST + path, { headers: adminHeaders('wrong') }), 403);
      await problemOf(await t.app.request(HOST + path, { headers: adminHeaders('test-admin-token-not-secreT') }), 403);
    }
    await problemOf(await admin('/nothing-here'), 404);
  });

  test('without an admin token configured only moderators’ own credentials open the routes', async () => {
    const app = createApi({ db: t.db, origins: [] });
    await problemOf(await app.request(`${HOST}/admin/v1/comments`, { headers: adminHeaders() }), 403);
    const { token } = addModerator(t.db, 'Huda', T0, 'test');
    assert.equal((await app.request(`${HOST}/admin/v1/comments`, { headers: adminHeaders(token) })).status, 200);
  });

  test('startPortal wires its admin token through to /api/admin/v1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sharek-admin-test-'));
    const portal = await startPortal({ port: 0, dbPath: join(dir, 'p.sqlite'), seed: fixtureSeed, adminToken: 'from-start', rootDir: dir });
    try {
      const ok = await fetch(`${portal.url}/api/admin/v1/comments?status=pending`, { headers: { Authorization: 'Bearer from-start' } });
      assert.equal(ok.status, 200);
      assert.equal(((await ok.json()) as { items: unknown[] }).items.length, 5);
      assert.equal((await fetch(`${portal.url}/api/admin/v1/comments`, { headers: { Authorization: 'Bearer nope' } })).status, 403);
    } finally {
      await portal.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the moderation queue', () => {
  test('lists by status and consultation, oldest first, with report counts', async () => {
    const pending = await json<{ items: AdminComment[] }>(await admin('/comments?status=pending'));
    assert.equal(pending.items.length, 5);
    assert.ok(pending.items.every((c) => c.status === 'pending' && c.consultationId === 'open-c'));
    const all = await json<{ items: AdminComment[] }>(await admin('/comments?limit=500'));
    assert.equal(all.items.length, 54);
    for (let i = 1; i < all.items.length; i++) assert.ok(all.items[i - 1]!.createdAt <= all.items[i]!.createdAt);
    assert.equal((await json<{ items: unknown[] }>(await admin('/comments?consultation=decided-c'))).items.length, 1);
    assert.ok(all.items.every((c) => c.reports === 0));
  });

  test('bad filters are 400', async () => {
    for (const q of ['status=deleted', 'consultation=%3Cx%3E', 'limit=0', 'limit=501', 'limit=99999999999', 'limit=-1']) {
      await problemOf(await admin(`/comments?${q}`), 400);
    }
  });

  test('approve: published, listed, counted, the consultation ETag changes; idempotent', async () => {
    const [id] = await pendingIds();
    const before = await t.app.request(`${HOST}/v1/consultations/open-c`);
    const counts = ((await before.json()) as S.Consultation).participation;
    const approved = await json<AdminComment>(await adminPost(`/comments/${id}/approve`));
    assert.equal(approved.status, 'published');
    assert.ok(approved.moderatedAt);
    const after = await t.app.request(`${HOST}/v1/consultations/open-c`);
    assert.notEqual(after.headers.get('ETag'), before.headers.get('ETag'));
    assert.equal(((await after.json()) as S.Consultation).participation.comments, counts.comments + 1);
    const list = (await (await t.app.request(`${HOST}/v1/consultations/open-c/comments?limit=100`)).json()) as S.CommentPage;
    assert.ok(list.items.some((c) => c.id === id));
    assert.deepEqual(await json<AdminComment>(await adminPost(`/comments/${id}/approve`)), approved);
  });

  test('approve works without a body or content type (curl -X POST)', async () => {
    const [id] = await pendingIds();
    const res = await t.app.request(`${HOST}/admin/v1/comments/${id}/approve`, { method: 'POST', headers: { Authorization: adminHeaders().Authorization! } });
    assert.equal((await json<AdminComment>(res)).status, 'published');
  });

  test('reject with a policy reason; takes a published comment down too', async () => {
    const [id] = await pendingIds();
    const rejected = await json<AdminComment>(await adminPost(`/comments/${id}/reject`, { reason: 'offensive_language' }));
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejectionReason, 'offensive_language');
    assert.deepEqual((await problemOf(await adminPost(`/comments/${id}/reject`, { reason: 'rude' }), 400)).errors, [
      { field: 'reason', code: 'invalid' },
    ]);
    assert.deepEqual((await problemOf(await adminPost(`/comments/${id}/reject`, {}), 400)).errors, [{ field: 'reason', code: 'required' }]);
    const published = (await (await t.app.request(`${HOST}/v1/consultations/open-c/comments`)).json()) as S.CommentPage;
    const victim = published.items[0]!.id;
    await json(await adminPost(`/comments/${victim}/reject`, { reason: 'spam_or_advertising' }));
    const again = (await (await t.app.request(`${HOST}/v1/consultations/open-c/comments?limit=100`)).json()) as S.CommentPage;
    assert.ok(!again.items.some((c) => c.id === victim));
    // and back: approving a rejected comment reinstates it
    assert.equal((await json<AdminComment>(await adminPost(`/comments/${victim}/approve`))).rejectionReason, undefined);
  });

  test('reply: shown under the comment in the public list', async () => {
    const published = (await (await t.app.request(`${HOST}/v1/consultations/open-c/comments`)).json()) as S.CommentPage;
    const id = published.items[1]!.id;
    const replied = await json<AdminComment>(await adminPost(`/comments/${id}/reply`, { body: '  شكراً، سنوضح المادة.  ' }));
    assert.equal(replied.reply?.body, 'شكراً، سنوضح المادة.');
    assert.equal(replied.reply?.createdAt, T0.toISOString());
    const list = (await (await t.app.request(`${HOST}/v1/consultations/open-c/comments`)).json()) as S.CommentPage;
    // the public list shows the reply without the moderator's name (reply.by is for moderators only)
    const { by, ...publicReply } = replied.reply!;
    assert.equal(by, 'development');
    assert.deepEqual(list.items.find((c) => c.id === id)?.reply, publicReply);
    assert.deepEqual((await problemOf(await adminPost(`/comments/${id}/reply`, { body: ' ' }), 400)).errors, [{ field: 'body', code: 'required' }]);
  });

  test('unknown or malformed comment ids', async () => {
    for (const action of ['approve', 'reject', 'reply']) {
      await problemOf(await adminPost(`/comments/00000000-0000-4000-8000-000000000000/${action}`, { reason: 'other', body: 'x' }), 404);
      await problemOf(await adminPost(`/comments/%3Cx%3E/${action}`, { reason: 'other', body: 'x' }), 400);
    }
  });

  test('reports: each reported comment with its text and reasons, most reported first', async () => {
    const page = (await (await t.app.request(`${HOST}/v1/consultations/open-c/comments`)).json()) as S.CommentPage;
    const [a, b] = [page.items[2]!, page.items[3]!];
    let n = 0;
    const report = (id: string, reason: string, note?: string) =>
      postJson(
        t,
        `/v1/comments/${id}/reports`,
        { reason, ...(note ? { note } : {}) },
        { 'Content-Type': 'application/json', 'Sharek-Participant': randomUUID() },
        fromAddress(`198.51.100.${++n}`),
      );
    await report(a.id, 'off_topic');
    await report(b.id, 'other');
    await report(b.id, 'spam_or_advertising', 'advert');
    const { items } = await json<{ items: ReportedComment[] }>(await admin('/reports'));
    assert.deepEqual(
      items.map((r) => [r.comment.id, r.comment.body, r.comment.reports, r.reports.map((x) => x.reason)]),
      [
        [b.id, b.body, 2, ['spam_or_advertising', 'other']],
        [a.id, a.body, 1, ['off_topic']],
      ],
    );
    assert.equal(items[0]!.reports[0]!.note, 'advert');
    assert.equal((await json<{ items: unknown[] }>(await admin('/reports?consultation=closed-c'))).items.length, 0);
    const listed = await json<{ items: AdminComment[] }>(await admin('/comments?status=published&limit=500'));
    assert.equal(listed.items.find((c) => c.id === b.id)?.reports, 2);
  });
});

describe('publishing a decision', () => {
  const decision = {
    outcome: 'adopted',
    summary: { ar: '<p>اعتمدت</p>', en: '<p>Adopted</p>' },
    changes: [],
    responses: [{ theme: { en: 'Clarity' }, response: { en: 'Clarified' } }],
    documentUrl: 'https://portal.example.jo/documents/final.pdf',
  };

  test('refused while upcoming or open (409), for unknown consultations (404)', async () => {
    for (const id of ['open-c', 'upcoming-c']) {
      assert.match((await problemOf(await adminPost(`/consultations/${id}/decision`, decision), 409)).detail!, /upcoming|open/);
    }
    await problemOf(await adminPost('/consultations/nope/decision', decision), 404);
    assert.equal((await t.app.request(`${HOST}/v1/consultations/open-c/decision`)).status, 404);
  });

  test('validated against the Decision schema, with full field paths', async () => {
    const problem = await problemOf(
      await adminPost('/consultations/closed-c/decision', { ...decision, outcome: 'maybe', responses: [{ theme: {} }], documentUrl: 'javascript:alert(1)' }),
      400,
    );
    assert.deepEqual(problem.errors?.map((e) => e.field).sort(), ['documentUrl', 'outcome', 'responses.0.response', 'responses.0.theme']);
    const section = await problemOf(
      await adminPost('/consultations/closed-c/decision', { ...decision, changes: [{ sectionId: 'art-9', description: { en: 'x' } }] }),
      400,
    );
    assert.deepEqual(section.errors, [{ field: 'changes.0.sectionId', code: 'invalid' }]);
  });

  test('a closed consultation: 201, then readable, status decided; a second one is 409', async () => {
    const published = await json<S.Decision>(await adminPost('/consultations/closed-c/decision', decision), 201);
    assert.equal(published.consultationId, 'closed-c');
    assert.equal(published.publishedAt, T0.toISOString(), 'defaults to now');
    assert.deepEqual(published.feedback, { comments: 0, participants: 0, byStakeholderType: {} }, 'counted from the comments');
    const read = await t.app.request(`${HOST}/v1/consultations/closed-c/decision`);
    assert.deepEqual(S.Decision.parse(await read.json()), published);
    const c = (await (await t.app.request(`${HOST}/v1/consultations/closed-c`)).json()) as S.Consultation;
    assert.equal(c.status, 'decided');
    assert.match((await problemOf(await adminPost('/consultations/closed-c/decision', decision), 409)).detail!, /already/);
    await problemOf(await adminPost('/consultations/decided-c/decision', decision), 409);
  });
});
