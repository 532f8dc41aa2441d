/**
 * What the moderation console asks of the admin API (/admin/v1): who is
 * signed in, the queues with their filters, pages and waiting times, the
 * comment as a moderator sees it (who moderated it, its reporters, what the
 * personal-data detector found), removal, dismissing reports, and the
 * decision preview.
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApi } from '../../portal/app.js';
import { migrations, openDatabase, SCHEMA_VERSION, seedIfEmpty } from '../../portal/db.js';
import * as M from '../../portal/moderation.js';
import { addModerator, readAudit } from '../../portal/moderators.js';
import { settingsFrom } from '../../portal/settings.js';
import * as S from '../../src/api/schemas.js';
import {
  adminHeaders,
  DAY,
  dbFingerprint,
  fixtureSeed,
  fromAddress,
  HOST,
  makeApi,
  newComment,
  postJson,
  problemOf,
  T0,
  writer,
  type TestApi,
} from './fixture.js';

let t: TestApi;
/** Each suite gets a portal on a database of its own, so its counts are its own. */
function freshPortal() {
  before(() => {
    t = makeApi();
  });
  after(() => t.close());
}

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
  freshPortal();
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
  freshPortal();
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

describe('GET /comments: filters and pages', () => {
  freshPortal();

  /** Every page of a query, following nextCursor; asserts each page's size. */
  async function allPages(query: string, limit: number): Promise<M.AdminComment[]> {
    const out: M.AdminComment[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      assert.ok(++pages <= 60, 'the pages end');
      const page = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.items.length <= limit);
      if (page.nextCursor) assert.equal(page.items.length, limit, 'only the last page is short');
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  test('by article and by stakeholder type', async () => {
    const onArt1 = await allPages('consultation=open-c&status=published&section=art-1', 100);
    // the fixture puts every third published comment on article 1
    assert.equal(onArt1.length, 15);
    assert.ok(onArt1.every((c) => c.sectionId === 'art-1' && c.sectionTitle?.en === 'Article 1'));
    const academia = await allPages('consultation=open-c&status=published&stakeholder=academia', 100);
    assert.equal(academia.length, 9);
    assert.ok(academia.every((c) => c.stakeholderType === 'academia'));
    const both = await allPages('status=published&section=art-1&stakeholder=individual', 100);
    assert.ok(both.length > 0 && both.every((c) => c.sectionId === 'art-1' && c.stakeholderType === 'individual'));
    for (const q of ['section=%3Cx%3E', 'stakeholder=robot', 'reported=yes', 'cursor=abc', 'cursor=%7B%7D']) {
      await problemOf(await admin(`/comments?${q}`), 400);
    }
  });

  test('pages of published comments: none twice, none missed, most recently moderated first', async () => {
    const whole = (await list('status=published&consultation=open-c&limit=500')).items;
    assert.equal(whole.length, 45);
    const paged = await allPages('status=published&consultation=open-c', 7);
    assert.deepEqual(
      paged.map((c) => c.id),
      whole.map((c) => c.id),
    );
    assert.equal(new Set(paged.map((c) => c.id)).size, 45);
    for (let i = 1; i < paged.length; i++) assert.ok(paged[i - 1]!.moderatedAt! >= paged[i]!.moderatedAt!);
    // a cursor is for the queue it came from
    const page = await list('status=published&limit=2');
    await problemOf(await admin(`/comments?status=pending&cursor=${page.nextCursor}`), 400);
  });

  test('pending: oldest first, across pages', async () => {
    const paged = await allPages('status=pending', 2);
    assert.equal(paged.length, 5);
    for (let i = 1; i < paged.length; i++) assert.ok(paged[i - 1]!.createdAt <= paged[i]!.createdAt);
    assert.equal(new Set(paged.map((c) => c.id)).size, 5);
  });

  test('reported=true: published comments with reports not dismissed, most distinct reporters first, across pages', async () => {
    const published = (await list('status=published&consultation=open-c&limit=4')).items;
    const [one, three, two, removed] = published;
    await report(one!.id, 'other');
    for (let i = 0; i < 3; i++) await report(three!.id, 'spam_or_advertising');
    for (let i = 0; i < 2; i++) await report(two!.id, 'off_topic');
    await report(removed!.id, 'unlawful');
    await comment(await adminPost(`/comments/${removed!.id}/reject`, { reason: 'unlawful' }));
    const paged = await allPages('reported=true', 1);
    assert.deepEqual(
      paged.map((c) => [c.id, c.reporters]),
      [
        [three!.id, 3],
        [two!.id, 2],
        [one!.id, 1],
      ],
    );
    // the removed comment is in the rejected queue, with its reports
    assert.deepEqual(
      (await list('reported=true&status=rejected')).items.map((c) => c.id),
      [removed!.id],
    );
  });
});

describe('GET /queues: counts and waiting times', () => {
  freshPortal();

  test('each queue’s count; the oldest pending comment and the oldest undismissed report', async () => {
    const before = M.Queues.parse(await json(await admin('/queues?consultation=open-c')));
    const oldestPending = (await list('status=pending&consultation=open-c&limit=1')).items[0]!.createdAt;
    assert.deepEqual(before, {
      responseTimeHours: 72,
      queues: {
        pending: { count: 5, oldestAt: oldestPending },
        reported: { count: 0, oldestAt: null },
        published: { count: 45 },
        rejected: { count: 3 },
      },
    });
    const [a, b] = (await list('status=published&consultation=open-c&limit=2')).items;
    t.setNow(new Date(T0.getTime() + 60_000));
    await report(b!.id, 'other');
    t.setNow(new Date(T0.getTime() + 120_000));
    await report(a!.id, 'other');
    await report(b!.id, 'other');
    t.setNow(T0);
    const after = M.Queues.parse(await json(await admin('/queues?consultation=open-c')));
    assert.deepEqual(after.queues.reported, { count: 2, oldestAt: new Date(T0.getTime() + 60_000).toISOString() });
    // once b's reports are dismissed, the oldest is a's
    await comment(await adminPost(`/comments/${b!.id}/dismiss-reports`));
    const dismissed = M.Queues.parse(await json(await admin('/queues?consultation=open-c')));
    assert.deepEqual(dismissed.queues.reported, { count: 1, oldestAt: new Date(T0.getTime() + 120_000).toISOString() });
    // every consultation at once, and another consultation alone
    const all = M.Queues.parse(await json(await admin('/queues')));
    assert.equal(all.queues.published.count, 46);
    const decided = M.Queues.parse(await json(await admin('/queues?consultation=decided-c')));
    assert.deepEqual(decided.queues, {
      pending: { count: 0, oldestAt: null },
      reported: { count: 0, oldestAt: null },
      published: { count: 1 },
      rejected: { count: 0 },
    });
    await problemOf(await admin('/queues?consultation=%3Cx%3E'), 400);
  });
});

describe('removing and dismissing', () => {
  freshPortal();

  const lastAudit = () => readAudit(t.db, { limit: 1 }).items[0]!;

  test('rejecting a published comment is audited as comment.remove, a pending one as comment.reject', async () => {
    const [live] = (await list('status=published&limit=1')).items;
    await comment(await adminPost(`/comments/${live!.id}/reject`, { reason: 'privacy_of_others', note: 'ذكر اسم جار' }));
    assert.deepEqual(
      { action: lastAudit().action, subject: lastAudit().subject, detail: lastAudit().detail },
      { action: 'comment.remove', subject: live!.id, detail: { was: 'published', reason: 'privacy_of_others', note: 'ذكر اسم جار' } },
    );
    const [waiting] = (await list('status=pending&limit=1')).items;
    await comment(await adminPost(`/comments/${waiting!.id}/reject`, { reason: 'off_topic' }));
    assert.equal(lastAudit().action, 'comment.reject');
    assert.deepEqual(lastAudit().detail, { was: 'pending', reason: 'off_topic' });
  });

  test('dismissed reports no longer count; later ones count again; the audit says so', async () => {
    const [c] = (await list('status=published&consultation=open-c&limit=1')).items;
    await report(c!.id, 'offensive_language', '192.0.2.1');
    await report(c!.id, 'spam_or_advertising', '192.0.2.2');
    assert.equal((await list('reported=true')).items[0]?.id, c!.id);
    const dismissed = await comment(await adminPost(`/comments/${c!.id}/dismiss-reports`));
    assert.equal(dismissed.reporters, 0);
    assert.equal(dismissed.reports, 2, 'kept, and still in the total');
    assert.equal(dismissed.firstReportedAt, undefined);
    assert.equal(dismissed.reportReasons, undefined);
    assert.deepEqual(
      { action: lastAudit().action, subject: lastAudit().subject, moderator: lastAudit().moderator, detail: lastAudit().detail },
      { action: 'comment.dismiss-reports', subject: c!.id, moderator: 'development', detail: { reports: 2 } },
    );
    assert.equal((await list('reported=true')).items.length, 0);
    assert.equal((await json<{ items: unknown[] }>(await admin('/reports'))).items.length, 0);
    // dismissing again changes nothing and writes nothing
    const entries = readAudit(t.db, { limit: 500 }).items.length;
    await comment(await adminPost(`/comments/${c!.id}/dismiss-reports`));
    assert.equal(readAudit(t.db, { limit: 500 }).items.length, entries);
    // a later report, even from an address heard before, counts again
    t.setNow(new Date(T0.getTime() + 5000));
    await report(c!.id, 'unlawful', '192.0.2.1');
    t.setNow(T0);
    const [again] = (await list('reported=true')).items;
    assert.equal(again?.id, c!.id);
    assert.equal(again?.reporters, 1);
    assert.deepEqual(again?.reportReasons, { unlawful: 1 });
    assert.equal(again?.firstReportedAt, new Date(T0.getTime() + 5000).toISOString());
    await problemOf(await adminPost('/comments/00000000-0000-4000-8000-000000000000/dismiss-reports'), 404);
  });
});

describe('POST /consultations/{id}/decision/preview', () => {
  freshPortal();

  const decision = {
    outcome: 'amended',
    summary: { ar: '<p>عُدّلت المسودة</p>', en: '<p>The draft was amended</p>' },
    changes: [{ sectionId: 'art-1', description: { ar: 'توضيح التعريفات', en: 'Definitions clarified' } }],
    responses: [{ theme: { ar: 'الوضوح', en: 'Clarity' }, response: { ar: 'وُضّحت', en: 'Clarified' } }],
    documentUrl: 'https://portal.example.jo/documents/final.pdf',
  };

  test('refused like publishing while upcoming or open (409), unknown (404), invalid (400), and nothing is written', async () => {
    const before = dbFingerprint(t.db);
    for (const id of ['open-c', 'upcoming-c']) {
      assert.match((await problemOf(await adminPost(`/consultations/${id}/decision/preview`, decision), 409)).detail!, /upcoming|open/);
    }
    await problemOf(await adminPost('/consultations/nope/decision/preview', decision), 404);
    const invalid = await problemOf(await adminPost('/consultations/closed-c/decision/preview', { ...decision, outcome: 'maybe', feedback: {} }), 400);
    assert.deepEqual(invalid.errors, [{ field: 'feedback', code: 'computed' }]);
    const bad = await problemOf(await adminPost('/consultations/closed-c/decision/preview', { ...decision, changes: [{ sectionId: 'art-9', description: { en: 'x' } }] }), 400);
    assert.deepEqual(bad.errors, [{ field: 'changes.0.sectionId', code: 'invalid' }]);
    assert.equal(dbFingerprint(t.db), before);
  });

  test('exactly what publishing then publishes, with the portal’s figures and clock; saved nowhere, audited nowhere', async () => {
    // open-c closes 20 days after T0: a day later it is closed, with its 45 published comments
    const later = new Date(T0.getTime() + 21 * DAY);
    t.setNow(later);
    try {
      const before = dbFingerprint(t.db);
      const preview = S.Decision.parse(await json(await adminPost('/consultations/open-c/decision/preview', decision)));
      assert.equal(preview.publishedAt, later.toISOString());
      assert.deepEqual(preview.feedback, {
        comments: 45,
        participants: 45,
        byStakeholderType: { individual: 9, private_sector: 9, civil_society: 9, academia: 9, government: 9 },
      });
      assert.equal(dbFingerprint(t.db), before, 'nothing saved, no audit entry');
      await problemOf(await t.app.request(`${HOST}/v1/consultations/open-c/decision`), 404);
      const published = S.Decision.parse(await json(await adminPost('/consultations/open-c/decision', decision), 201));
      assert.deepEqual(published, preview);
      assert.match((await problemOf(await adminPost('/consultations/open-c/decision/preview', decision), 409)).detail!, /already/);
    } finally {
      t.setNow(T0);
    }
  });
});

describe('an existing database (schema 3, as `npm start` left it) opens and gains what the console needs', () => {
  test('migrated in place: its comments and reports are listed, counted and dismissed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sharek-migrate-'));
    const path = join(dir, 'portal.sqlite');
    try {
      const old = new Database(path);
      for (const sql of migrations.slice(0, 3)) old.exec(sql);
      old.pragma('user_version = 3');
      seedIfEmpty(old, fixtureSeed(T0));
      const id = (old.prepare("SELECT id FROM comments WHERE status = 'published' ORDER BY created_at LIMIT 1").pluck().get() as string);
      old
        .prepare('INSERT INTO reports (comment_id, reason, participant, created_at, client_address, counted) VALUES (?, ?, ?, ?, ?, 1)')
        .run(id, 'off_topic', randomUUID(), T0.toISOString(), '192.0.2.9');
      old.close();

      const db = openDatabase(path);
      try {
        assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
        const app = createApi({ db, origins: [], adminToken: 'x', now: () => T0 });
        const get = (p: string) => app.request(`${HOST}/admin/v1${p}`, { headers: adminHeaders('x') });
        const reported = M.AdminCommentList.parse(await json(await get('/comments?reported=true')));
        assert.deepEqual(
          reported.items.map((c) => [c.id, c.reporters, c.reportReasons, c.moderatedBy]),
          [[id, 1, { off_topic: 1 }, undefined]],
        );
        const res = await app.request(`${HOST}/admin/v1/comments/${id}/dismiss-reports`, { method: 'POST', headers: adminHeaders('x') });
        assert.equal(M.AdminComment.parse(await json(res)).reporters, 0);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
