/**
 * Hostile input (issue 6, "Portal robustness"): malformed JSON, wrong content
 * types, oversized and non-UTF-8 bodies, unknown fields, invalid ids,
 * cursors and limits, SQL-looking strings. Every refusal must be a 4xx
 * problem+json, never a 5xx, and must leave the database exactly as it was.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as S from '../../src/api/schemas.js';
import { startPortal, type RunningPortal } from '../../portal/main.js';
import { adminHeaders, dbFingerprint, fixtureSeed, HOST, makeApi, newComment, writer, type TestApi } from './fixture.js';

let t: TestApi;
let publishedId: string;
let pendingId: string;
before(() => {
  t = makeApi();
  publishedId = (t.db.prepare("SELECT id FROM comments WHERE status = 'published' LIMIT 1").get() as { id: string }).id;
  pendingId = (t.db.prepare("SELECT id FROM comments WHERE status = 'pending' LIMIT 1").get() as { id: string }).id;
});
after(() => t.close());

/** Each write route with headers that would be accepted, so only the body is on trial. */
const routes = () => [
  { path: '/v1/consultations/open-c/comments', headers: writer() },
  { path: `/v1/comments/${publishedId}/reports`, headers: writer() },
  { path: '/v1/polls/poll-always/votes', headers: writer() },
  { path: `/admin/v1/comments/${pendingId}/reject`, headers: adminHeaders() },
  { path: `/admin/v1/comments/${pendingId}/reply`, headers: adminHeaders() },
  { path: '/admin/v1/consultations/closed-c/decision', headers: adminHeaders() },
];

/** Asserts a 4xx problem+json (optionally a given status), whatever the input. */
async function refused(res: Response, what: string, status?: number): Promise<S.Problem> {
  const text = await res.text();
  assert.ok(res.status >= 400 && res.status < 500, `${what}: ${res.status} ${text}`);
  if (status !== undefined) assert.equal(res.status, status, `${what}: ${text}`);
  assert.equal(res.headers.get('Content-Type'), 'application/problem+json', what);
  const problem = S.Problem.safeParse(JSON.parse(text));
  assert.ok(problem.success, `${what}: ${text}`);
  return problem.data;
}

const send = (path: string, headers: Record<string, string>, body: BodyInit) =>
  t.app.request(HOST + path, { method: 'POST', headers, body });

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('hostile bodies on every write route: 4xx problem, database unchanged', () => {
  const cases: [string, BodyInit, number][] = [
    ['truncated JSON', '{"body": "x', 400],
    ['JavaScript, not JSON', "{body: 'x'}", 400],
    ['trailing garbage', '{"a": 1}}', 400],
    ['empty body', '', 400],
    ['JSON null', 'null', 400],
    ['JSON array', '[{"body": "x"}]', 400],
    ['JSON number', '42', 400],
    ['JSON string', '"body"', 400],
    ['invalid UTF-8 byte', bytes('{"body": "', [0xff, 0xfe], '", "reason": "other"}'), 400],
    ['overlong UTF-8 slash', bytes('{"body": "', [0xc0, 0xaf], '"}'), 400],
    ['UTF-8-encoded surrogate (CESU)', bytes('{"body": "', [0xed, 0xa0, 0x80], '"}'), 400],
    ['truncated multi-byte character', bytes('{"body": "ش', [0xd8], '"}'), 400],
    ['UTF-16 with a BOM', Buffer.from('\ufeff{"body": "x"}', 'utf16le'), 400],
    ['escaped lone surrogate', '{"body": "\\ud800", "reason": "other", "optionIds": ["yes"]}', 400],
    ['wrong types everywhere', JSON.stringify({ body: {}, stakeholderType: 1, policyVersion: [], reason: 2, optionIds: {}, outcome: null }), 400],
    ['prototype keys do not supply fields', '{"__proto__": {"body": "x", "reason": "other", "optionIds": ["yes"]}}', 400],
    ['20 000 levels of nesting', `{"body": ${'['.repeat(20000)}${']'.repeat(20000)}}`, 400],
    ['over 64 KB', JSON.stringify(newComment({ body: 'x'.repeat(70_000) })), 413],
    ['a megabyte of Arabic', JSON.stringify(newComment({ body: 'ش'.repeat(500_000) })), 413],
  ];

  test('each case on each route', async () => {
    const before = dbFingerprint(t.db);
    for (const [what, body, status] of cases) {
      for (const { path, headers } of routes()) await refused(await send(path, headers, body), `${what} → ${path}`, status);
    }
    assert.equal(dbFingerprint(t.db), before);
  });

  test('wrong content types are 415', async () => {
    const before = dbFingerprint(t.db);
    const body = JSON.stringify({ ...newComment(), reason: 'other', optionIds: ['yes'] });
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/jsonx',
      'application/json; charset=iso-8859-1',
      'application/json; charset=utf-16',
      'text/json',
    ]) {
      for (const { path, headers } of routes()) await refused(await send(path, { ...headers, 'Content-Type': type }, body), `${type} → ${path}`, 415);
    }
    for (const { path, headers } of routes()) {
      const { 'Content-Type': _, ...without } = headers;
      await refused(await send(path, without, body), `no content type → ${path}`, 415);
    }
    assert.equal(dbFingerprint(t.db), before);
  });

  test('application/json with charset=utf-8 and +json types are fine', async () => {
    for (const type of ['application/json; charset=UTF-8', 'application/merge-patch+json', 'application/json;charset="utf-8"']) {
      const res = await send('/v1/consultations/open-c/comments', { ...writer(), 'Content-Type': type }, JSON.stringify(newComment()));
      assert.equal(res.status, 201, type);
    }
  });
});

describe('hostile headers and paths', () => {
  test('malformed identity headers and ids: 4xx, nothing written', async () => {
    const before = dbFingerprint(t.db);
    const body = JSON.stringify({ ...newComment(), reason: 'other', optionIds: ['yes'] });
    const sqlish = ["' OR 1=1--", '1; DROP TABLE comments', 'x'.repeat(300)];
    for (const { path, headers } of routes().slice(0, 3)) {
      for (const value of sqlish) {
        await refused(await send(path, { ...headers, 'Sharek-Participant': value }, body), `participant ${value}`, 400);
        if (path.includes('/reports')) continue; // reports take no idempotency key
        await refused(await send(path, { ...headers, 'Idempotency-Key': value }, body), `key ${value}`, 400);
      }
      await refused(await send(path, { ...headers, Authorization: 'Bearer' }, body), 'empty bearer', 401);
      await refused(await send(path, { ...headers, Authorization: 'Bearer a b' }, body), 'bearer with a space', 401);
    }
    const badIds = ['%27%20OR%20%271%27%3D%271', '..%2F..%2Fetc', 'x'.repeat(65), '%FF%FE', '%00', '%E0%A4%A', 'a%20b'];
    for (const id of badIds) {
      for (const path of [`/v1/consultations/${id}/comments`, `/v1/comments/${id}/reports`, `/v1/polls/${id}/votes`]) {
        await refused(await send(path, writer(), body), path);
      }
      for (const path of [`/admin/v1/comments/${id}/approve`, `/admin/v1/consultations/${id}/decision`]) {
        await refused(await send(path, adminHeaders(), body), path);
      }
    }
    assert.equal(dbFingerprint(t.db), before);
  });

  test('invalid cursors and huge limits on every list', async () => {
    const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const queries = [
      'limit=99999999999999999999',
      'limit=1e3',
      'limit=0x10',
      'limit=%00',
      'limit=%FF',
      'limit=-0',
      `cursor=${encodeURIComponent("'; DROP TABLE comments;--")}`,
      `cursor=${cursor(['2025-01-01T00:00:00.000Z', "x' OR '1'='1"])}`,
      `cursor=${cursor(['2025-01-01', 'id'])}`,
      `cursor=${cursor({ 0: 'a', 1: 'b', length: 2 })}`,
      `cursor=${cursor(['2025-01-01T00:00:00.000Z', 'id', 'extra'])}`,
      `cursor=${'A'.repeat(5000)}`,
      'cursor=%FF%FE',
    ];
    const before = dbFingerprint(t.db);
    for (const list of ['/v1/consultations', '/v1/consultations/open-c/comments']) {
      for (const q of queries) await refused(await t.app.request(`${HOST}${list}?${q}`), `${list}?${q}`, 400);
    }
    for (const q of ['limit=99999999999999999999', 'status=%27%20OR%201%3D1', 'consultation=%FF']) {
      await refused(await t.app.request(`${HOST}/admin/v1/comments?${q}`, { headers: adminHeaders() }), q, 400);
    }
    assert.equal(dbFingerprint(t.db), before);
  });
});

describe('SQL-looking and odd text is stored and served verbatim', () => {
  test('comments, display names and replies', async () => {
    const p = makeApi();
    try {
      p.db.prepare("UPDATE consultations SET moderation = 'post' WHERE id = 'open-c'").run();
      const texts = [
        "Robert'); DROP TABLE comments;--",
        '" OR ""="',
        "%' UNION SELECT version, text, rules FROM policy_versions --",
        '<script>alert(1)</script> <img src=x onerror=alert(1)>',
        'NUL\u0000inside',
        'emoji 😀 and RLO \u202e and ZWJ \u200d',
      ];
      for (const body of texts) {
        const res = await p.app.request(`${HOST}/v1/consultations/open-c/comments`, {
          method: 'POST',
          headers: writer(),
          body: JSON.stringify(newComment({ body, displayName: body.slice(0, 80) })),
        });
        const { id } = S.CommentAccepted.parse(await res.json());
        await p.app.request(`${HOST}/admin/v1/comments/${id}/reply`, { method: 'POST', headers: adminHeaders(), body: JSON.stringify({ body }) });
      }
      const page = S.CommentPage.parse(await (await p.app.request(`${HOST}/v1/consultations/open-c/comments?limit=${texts.length}`)).json());
      // All sent at the same instant, so listed in id order: compare as sets.
      const sorted = (list: (string | undefined)[]) => [...list].sort();
      assert.deepEqual(sorted(page.items.map((c) => c.body)), sorted(texts));
      assert.deepEqual(sorted(page.items.map((c) => c.author.displayName)), sorted(texts.map((s) => s.slice(0, 80))));
      assert.deepEqual(sorted(page.items.map((c) => c.reply?.body)), sorted(texts));
      for (const c of page.items) assert.equal(c.reply?.body, c.body);
      for (const table of ['comments', 'policy_versions', 'consultations']) {
        assert.ok((p.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n > 0, table);
      }
    } finally {
      p.close();
    }
  });
});

describe('over the wire', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sharek-robust-test-'));
  let portal: RunningPortal;
  before(async () => {
    portal = await startPortal({ port: 0, dbPath: join(dir, 'p.sqlite'), seed: fixtureSeed, rootDir: dir, logError: () => {} });
  });
  after(async () => {
    await portal.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const url = () => `${portal.url}/api/v1/consultations/open-c/comments`;

  test('a streamed body without Content-Length is cut at 64 KB: 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(url(), { method: 'POST', headers: writer(), body, duplex: 'half' } as RequestInit);
    await refused(res, 'chunked megabyte', 413);
  });

  test('non-UTF-8 bytes over a real socket: 400', async () => {
    const res = await fetch(url(), { method: 'POST', headers: writer(), body: bytes('{"body": "', [0x80, 0x81], '"}') });
    await refused(res, 'bad bytes', 400);
  });

  test('a client that hangs up mid-body does not hurt the portal', async () => {
    await new Promise<void>((resolve, reject) => {
      const socket = connect(portal.port, '127.0.0.1', () => {
        socket.write(
          `POST /api/v1/consultations/open-c/comments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
            `Idempotency-Key: ${randomUUID()}\r\nSharek-Participant: ${randomUUID()}\r\nContent-Length: 1000\r\n\r\n{"body": "half`,
        );
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    // A fresh connection (agent: false): the portal still answers.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(`${portal.url}/api/v1/policy`, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    });
    assert.equal(status, 200);
  });
});
