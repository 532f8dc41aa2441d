/**
 * What the moderation console asks of the admin API (/admin/v1): who is
 * signed in, the queues with their filters, pages and waiting times, the
 * comment as a moderator sees it (who moderated it, its reporters, what the
 * personal-data detector found), removal, dismissing reports, and the
 * decision preview.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createApi } from '../../portal/app.js';
import * as M from '../../portal/moderation.js';
import { addModerator } from '../../portal/moderators.js';
import { settingsFrom } from '../../portal/settings.js';
import { adminHeaders, fromAddress, HOST, makeApi, newComment, postJson, problemOf, T0, writer, type TestApi } from './fixture.js';

let t: TestApi;
before(() => {
  t = makeApi();
});
after(() => t.close());

const admin = (path: string, token?: string) => t.app.request(`${HOST}/admin/v1${path}`, { headers: adminHeaders(token) });
const adminPost = (path: string, body?: unknown, token?: string) =>
  t.app.request(`${HOST}/admin/v1${path}`, {
    method: 'POST',
    headers: adminHeaders(token),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  assert.equal(res.status, status, text);
  return JSON.parse(text) as T;
}

const comment = async (res: Response) => M.AdminComment.parse(await json(res));
const list = async (query: string) => M.AdminCommentList.parse(await json(await admin(`/comments?${query}`)));

let address = 0;
/** A report from a new participant; from a new address unless one is given. */
const report = (id: string, reason: string, from = `203.0.113.${++address}`) =>
  postJson(t, `/v1/comments/${id}/reports`, { reason }, { 'Content-Type': 'application/json', 'Sharek-Participant': randomUUID() }, fromAddress(from));

/** A fresh published comment on open-c, so each test has its own. */
async function published(over: Record<string, unknown> = {}): Promise<M.AdminComment> {
  const res = await postJson(t, '/v1/consultations/open-c/comments', newComment(over), writer());
  const { id } = (await json<{ id: string }>(res, 201));
  return comment(await adminPost(`/comments/${id}/approve`));
}

describe('GET /me: the sign-in check', () => {
  test('names the moderator whose credential it is, with the response time (72 hours by default)', async () => {
    assert.deepEqual(M.Me.parse(await json(await admin('/me'))), { moderator: 'development', responseTimeHours: 72 });
    const { token } = addModerator(t.db, 'Huda Khalil', T0, 'test');
    assert.deepEqual(await json(await admin('/me', token)), { moderator: 'Huda Khalil', responseTimeHours: 72 });
    await problemOf(await admin('/me', 'wrong'), 403);
    await problemOf(await t.app.request(`${HOST}/admin/v1/me`), 401);
  });

  test('the response time comes from SHAREK_RESPONSE_HOURS', async () => {
    assert.equal(settingsFrom({}).responseTimeHours, 72);
    assert.equal(settingsFrom({ SHAREK_RESPONSE_HOURS: '24' }).responseTimeHours, 24);
    assert.throws(() => settingsFrom({ SHAREK_RESPONSE_HOURS: 'soon' }), /SHAREK_RESPONSE_HOURS/);
    assert.throws(() => settingsFrom({ SHAREK_RESPONSE_HOURS: '0' }), /SHAREK_RESPONSE_HOURS/);
    const app = createApi({ db: t.db, origins: [], adminToken: 'x', responseTimeHours: 24 });
    const res = await app.request(`${HOST}/admin/v1/me`, { headers: adminHeaders('x') });
    assert.deepEqual(await json(res), { moderator: 'development', responseTimeHours: 24 });
  });
});

describe('the comment as a moderator sees it', () => {
  test('the consultation’s and the article’s titles come with it', async () => {
    const c = await published({ sectionId: 'art-2' });
    assert.deepEqual(c.consultationTitle, { ar: 'مسودة تعليمات المشاركة الإلكترونية', en: 'Draft e-participation instructions' });
    assert.deepEqual(c.sectionTitle, { ar: 'المادة 2', en: 'Article 2' });
    const whole = await published();
    assert.equal(whole.sectionTitle, undefined);
  });

  test('who approved, rejected and replied, and the note given with a rejection', async () => {
    const { token } = addModerator(t.db, 'Omar', T0, 'test');
    const c = await published();
    assert.equal(c.moderatedBy, 'development');
    const rejected = await comment(await adminPost(`/comments/${c.id}/reject`, { reason: 'off_topic', note: '  عن موضوع آخر  ' }, token));
    assert.equal(rejected.moderatedBy, 'Omar');
    assert.equal(rejected.rejectionNote, 'عن موضوع آخر');
    const replied = await comment(await adminPost(`/comments/${c.id}/reply`, { body: 'شكراً' }, token));
    assert.equal(replied.reply?.by, 'Omar');
    const reinstated = await comment(await adminPost(`/comments/${c.id}/approve`));
    assert.equal(reinstated.moderatedBy, 'development');
    assert.equal(reinstated.rejectionNote, undefined, 'the note went with the rejection');
    assert.deepEqual(
      (await problemOf(await adminPost(`/comments/${c.id}/reject`, { reason: 'other', note: 'x'.repeat(501) }), 400)).errors,
      [{ field: 'note', code: 'too_long' }],
    );
  });

  test('reporters, first and latest report, and the reasons', async () => {
    const c = await published();
    const fresh = await comment(await adminPost(`/comments/${c.id}/approve`));
    assert.equal(fresh.reporters, 0);
    assert.equal(fresh.firstReportedAt, undefined);
    assert.equal(fresh.reportReasons, undefined);
    t.setNow(new Date(T0.getTime() + 1000));
    await report(c.id, 'spam_or_advertising', '198.51.100.7');
    t.setNow(new Date(T0.getTime() + 2000));
    // a second participant from the same address counts once
    await report(c.id, 'spam_or_advertising', '198.51.100.7');
    t.setNow(new Date(T0.getTime() + 3000));
    await report(c.id, 'offensive_language');
    t.setNow(T0);
    const [item] = (await list(`reported=true&consultation=open-c`)).items.filter((x) => x.id === c.id);
    assert.equal(item?.reporters, 2);
    assert.equal(item?.reports, 2);
    assert.equal(item?.firstReportedAt, new Date(T0.getTime() + 1000).toISOString());
    assert.equal(item?.lastReportedAt, new Date(T0.getTime() + 3000).toISOString());
    assert.deepEqual(item?.reportReasons, { spam_or_advertising: 1, offensive_language: 1 });
  });

  test('what the personal-data detector found, masked', async () => {
    const res = await postJson(t, '/v1/consultations/open-c/comments', newComment({ body: 'اتصلوا بي على 0791 234 512 أو huda.k@example.com' }), writer());
    const { id } = await json<{ id: string }>(res, 201);
    const [held] = (await list('status=pending&limit=500')).items.filter((x) => x.id === id);
    assert.deepEqual(held?.heldFor, ['phone', 'email']);
    assert.deepEqual(held?.heldFound, ['07•• ••• •12', 'hu••.•@•••••••.•om']);
    assert.ok(!held!.heldFound!.some((f) => f.includes('234') || f.includes('example')));
    assert.equal((await list('status=published&limit=1')).items[0]?.heldFound, undefined);
  });
});
