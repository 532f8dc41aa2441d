/**
 * The feedback report of a closed consultation: JSON checked against its
 * schema, CSV parsed back as a spreadsheet would read it (BOM, CRLF, quoting
 * of Arabic text with commas, quotes and line breaks, formulas made inert),
 * and the CLI writing it to a file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../portal/cli.js';
import { FeedbackReport } from '../../portal/report.js';
import { adminHeaders, DAY, HOST, makeApi, newComment, postJson, problemOf, T0, writer, type TestApi } from './fixture.js';

let t: TestApi;
/** open-c closes 20 days after T0. */
const CLOSED = new Date(T0.getTime() + 21 * DAY);

const admin = (path: string) => t.app.request(`${HOST}/admin/v1${path}`, { headers: adminHeaders() });
const adminPost = (path: string, body?: unknown) =>
  t.app.request(`${HOST}/admin/v1${path}`, { method: 'POST', headers: adminHeaders(), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

async function ok(res: Response, status = 200): Promise<Response> {
  if (res.status !== status) assert.fail(`${res.status}: ${await res.text()}`);
  return res;
}

/** Comments whose text a spreadsheet could misread: each is published (or rejected) while open-c is open. */
const TRICKY = {
  commas: 'أقترح، بعد التشاور، توضيح المادة الأولى, and article 2',
  quotes: 'عبارة "المشاركة الإلكترونية" غير معرّفة',
  lines: 'السطر الأول\nالسطر الثاني\r\nالسطر الثالث',
  formula: '=HYPERLINK("https://evil.example","اضغط هنا")',
  minus: '-1 ضد المادة',
  at: '@SUM(1+1)',
};
const ids: Record<string, string> = {};
let rejectedId = '';
let pendingId = '';

before(async () => {
  t = makeApi();
  for (const [name, body] of Object.entries(TRICKY)) {
    const res = await ok(
      await postJson(
        t,
        '/v1/consultations/open-c/comments',
        newComment({ body, sectionId: 'art-2', stakeholderType: 'civil_society', displayName: name === 'formula' ? '+جمعية' : 'جمعية' }),
        writer(),
      ),
      201,
    );
    ids[name] = ((await res.json()) as { id: string }).id;
    await ok(await adminPost(`/comments/${ids[name]}/approve`));
  }
  await ok(await adminPost(`/comments/${ids.commas}/reply`, { body: 'شكراً لكم، سنأخذ ذلك بالحسبان.' }));
  const hidden = await ok(
    await postJson(t, '/v1/consultations/open-c/comments', newComment({ body: 'SECRET text of a rejected comment', displayName: 'Hidden Name' }), writer()),
    201,
  );
  rejectedId = ((await hidden.json()) as { id: string }).id;
  await ok(await adminPost(`/comments/${rejectedId}/reject`, { reason: 'offensive_language', note: 'internal note' }));
  const waiting = await ok(await postJson(t, '/v1/consultations/open-c/comments', newComment({ body: 'PENDING text never moderated' }), writer()), 201);
  pendingId = ((await waiting.json()) as { id: string }).id;
});
after(() => t.close());

describe('refused until the consultation has closed', () => {
  test('409 while open or upcoming, 404 unknown, 400 for another language', async () => {
    for (const path of ['/consultations/open-c/report', '/consultations/open-c/report.csv', '/consultations/upcoming-c/report.csv']) {
      assert.match((await problemOf(await admin(path), 409)).detail!, /open|upcoming/);
    }
    await problemOf(await admin('/consultations/nope/report'), 404);
    await problemOf(await admin('/consultations/nope/report.csv'), 404);
    await problemOf(await admin('/consultations/decided-c/report.csv?lang=fr'), 400);
    await problemOf(await t.app.request(`${HOST}/admin/v1/consultations/decided-c/report`), 401);
  });
});

describe('once closed', () => {
  before(() => t.setNow(CLOSED));
  after(() => t.setNow(T0));

  test('JSON: every comment with its outcome, published ones in full, the others without their text; counts by article × stakeholder type', async () => {
    const res = await ok(await admin('/consultations/open-c/report'));
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    const report = FeedbackReport.parse(await res.json());
    assert.deepEqual(report.consultation, {
      id: 'open-c',
      title: { ar: 'مسودة تعليمات المشاركة الإلكترونية', en: 'Draft e-participation instructions' },
      status: 'closed',
      opensAt: new Date(T0.getTime() - 10 * DAY).toISOString(),
      closesAt: new Date(T0.getTime() + 20 * DAY).toISOString(),
    });
    assert.equal(report.generatedAt, CLOSED.toISOString());
    assert.equal(report.decision, undefined);
    // 45 + 6 published, 5 + 1 pending, 3 + 1 rejected
    assert.equal(report.comments.length, 61);
    const byId = new Map(report.comments.map((c) => [c.id, c]));
    const commas = byId.get(ids.commas!)!;
    assert.equal(commas.body, TRICKY.commas);
    assert.equal(commas.sectionTitle?.en, 'Article 2');
    assert.equal(commas.sectionNumber, '2');
    assert.equal(commas.displayName, 'جمعية');
    assert.equal(commas.reply?.body, 'شكراً لكم، سنأخذ ذلك بالحسبان.');
    const rejected = byId.get(rejectedId)!;
    assert.deepEqual(
      { status: rejected.status, reason: rejected.rejectionReason, body: rejected.body, name: rejected.displayName },
      { status: 'rejected', reason: 'offensive_language', body: undefined, name: undefined },
    );
    assert.equal(byId.get(pendingId)!.status, 'pending');
    assert.equal(byId.get(pendingId)!.body, undefined);
    const text = JSON.stringify(report);
    for (const never of ['SECRET', 'Hidden Name', 'internal note', 'PENDING', 'REJECTED comment']) assert.ok(!text.includes(never), never);

    const { byArticle, total } = report.counts;
    assert.equal(total, 51);
    assert.deepEqual(
      byArticle.map((a) => [a.sectionId, a.number, a.title.en, a.total]),
      [
        [null, null, 'The draft as a whole', 30],
        ['art-1', '1', 'Article 1', 15],
        ['art-2', '2', 'Article 2', 6],
        ['art-3', '3', 'Article 3', 0],
        ['art-4', '4', 'Article 4', 0],
        ['art-5', '5', 'Article 5', 0],
      ],
    );
    assert.deepEqual(byArticle[2]!.byStakeholderType, { individual: 0, private_sector: 0, civil_society: 6, academia: 0, government: 0 });
    for (const a of byArticle) assert.equal(Object.values(a.byStakeholderType).reduce((x, y) => x + y, 0), a.total);
  });

  test('a decided consultation’s report carries its decision', async () => {
    const report = FeedbackReport.parse(await (await ok(await admin('/consultations/decided-c/report'))).json());
    assert.equal(report.consultation.status, 'decided');
    assert.equal(report.decision?.outcome, 'amended');
    assert.equal(report.decision?.documentUrl, `${HOST}/api/documents/final.pdf`);
    assert.equal(report.counts.total, 1);
  });

  test('CSV: UTF-8 with BOM, CRLF, every cell read back as written, formulas inert, an Arabic header by default', async () => {
    const res = await ok(await admin('/consultations/open-c/report.csv'));
    assert.equal(res.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('Content-Disposition'), 'attachment; filename="open-c-feedback-report.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
    const rows = parseCsv(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.slice(3)));
    assert.deepEqual(rows[0], [
      'رقم التعليق',
      'المادة',
      'فئة المشارك',
      'الاسم',
      'تاريخ الإرسال (UTC)',
      'الحالة',
      'سبب الرفض',
      'تاريخ المراجعة (UTC)',
      'التعليق',
      'رد الجهة',
      'تاريخ الرد (UTC)',
    ]);
    assert.equal(rows.length, 62, 'a header and one row per comment');
    assert.ok(rows.every((r) => r.length === 11));
    const row = (id: string) => rows.find((r) => r[0] === id)!;
    assert.deepEqual(row(ids.commas!).slice(1, 11), [
      'المادة 2: المادة 2',
      'المجتمع المدني',
      'جمعية',
      '2025-03-01 09:00',
      'منشور',
      '',
      '2025-03-01 09:00',
      TRICKY.commas,
      'شكراً لكم، سنأخذ ذلك بالحسبان.',
      '2025-03-01 09:00',
    ]);
    assert.equal(row(ids.quotes!)[8], TRICKY.quotes);
    assert.equal(row(ids.lines!)[8], TRICKY.lines);
    // cells a spreadsheet would run as formulas start with '
    assert.equal(row(ids.formula!)[8], `'${TRICKY.formula}`);
    assert.equal(row(ids.formula!)[3], "'+جمعية");
    assert.equal(row(ids.minus!)[8], `'${TRICKY.minus}`);
    assert.equal(row(ids.at!)[8], `'${TRICKY.at}`);
    assert.deepEqual(row(rejectedId).slice(3, 9), ['', '2025-03-01 09:00', 'مرفوض', 'يتضمن لغة غير لائقة أو مسيئة', '2025-03-01 09:00', '']);
    assert.deepEqual(row(pendingId).slice(5, 9), ['لم تتم مراجعته', '', '', '']);
    const text = new TextDecoder().decode(bytes);
    for (const never of ['SECRET', 'Hidden Name', 'internal note', 'PENDING']) assert.ok(!text.includes(never), never);
  });

  test('CSV with ?lang=en: an English header and labels', async () => {
    const rows = parseCsv((await (await ok(await admin('/consultations/open-c/report.csv?lang=en'))).text()).replace(/^\uFEFF/, ''));
    assert.equal(rows[0]![0], 'Comment ID');
    assert.equal(rows[0]![8], 'Comment');
    const commas = rows.find((r) => r[0] === ids.commas)!;
    assert.deepEqual(commas.slice(1, 3), ['Article 2: Article 2', 'Civil society']);
    assert.equal(rows.find((r) => r[0] === rejectedId)![6], 'Inappropriate or offensive language');
    // the policy's own label where it has one
    t.db.prepare("UPDATE policy_versions SET report_reasons = ?").run(JSON.stringify([{ code: 'offensive_language', label: { en: 'Rude' } }]));
    const relabelled = parseCsv((await (await ok(await admin('/consultations/open-c/report.csv?lang=en'))).text()).replace(/^\uFEFF/, ''));
    assert.equal(relabelled.find((r) => r[0] === rejectedId)![6], 'Rude');
  });
});

describe('npm run portal -- report', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sharek-report-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (now: Date, ...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: { SHAREK_DB: t.dbPath }, now: () => now });
    return { status, out: out.join('\n'), err: err.join('\n') };
  };

  test('writes the CSV to a file, with the BOM; JSON on asking; refused while open', () => {
    const file = join(dir, 'report.csv');
    const done = cli(CLOSED, 'report', 'open-c', '--out', file);
    assert.equal(done.status, 0, done.err);
    assert.match(done.out, /61 comments, 51 published/);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    assert.equal(rows.length, 62);
    assert.equal(rows.find((r) => r[0] === ids.lines)![8], TRICKY.lines);

    const json = join(dir, 'report.json');
    assert.equal(cli(CLOSED, 'report', 'open-c', '--format', 'json', '--lang', 'en', '--out', json).status, 0);
    const report = FeedbackReport.parse(JSON.parse(readFileSync(json, 'utf8')));
    assert.equal(report.counts.total, 51);

    const english = cli(CLOSED, 'report', 'decided-c', '--lang', 'en');
    assert.equal(english.status, 0, english.err);
    assert.match(english.out, /^\uFEFFComment ID,Article,/);

    const open = cli(T0, 'report', 'open-c', '--out', join(dir, 'no.csv'));
    assert.equal(open.status, 1);
    assert.match(open.err, /open/);
    assert.equal(cli(CLOSED, 'report', 'open-c', '--format', 'xlsx').status, 2);
    assert.equal(cli(CLOSED, 'report').status, 2);
  });
});

/** RFC 4180 as a spreadsheet reads it: quoted cells may hold commas, doubled quotes and line breaks; rows end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') {
      assert.equal(cell, '', `a quote inside an unquoted cell at ${i}`);
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      assert.fail(`a bare line break outside quotes at ${i}`);
    } else cell += ch;
  }
  assert.equal(quoted, false, 'every quote is closed');
  assert.deepEqual([row, cell], [[], ''], 'the last row ends with CRLF');
  return rows;
}
