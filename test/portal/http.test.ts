/** The API's HTTP conventions: caching, CORS, errors, limits, documents. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Hono } from 'hono';
import * as S from '../../src/api/schemas.js';
import { createApi } from '../../portal/app.js';
import { ADMIN_TOKEN, ALLOWED_ORIGIN, HOST, makeApi, type TestApi } from './fixture.js';

let t: TestApi;
before(() => {
  t = makeApi();
});
after(() => t.close());

const req = (path: string, init?: RequestInit) => t.app.request(HOST + path, init);

async function assertProblem(res: Response, status: number) {
  assert.equal(res.status, status);
  assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
  const body = await res.json();
  const parsed = S.Problem.safeParse(body);
  assert.ok(parsed.success, JSON.stringify(body));
  assert.equal(parsed.data.status, status);
  return parsed.data;
}

const READS = [
  '/v1/consultations',
  '/v1/consultations/open-c',
  '/v1/consultations/open-c/comments',
  '/v1/polls/poll-always',
  '/v1/consultations/decided-c/decision',
  '/v1/policy',
  '/v1/openapi.json',
];

describe('caching', () => {
  for (const path of READS) {
    test(`${path}: strong ETag, Cache-Control, then 304 on If-None-Match`, async () => {
      const first = await req(path);
      assert.equal(first.status, 200);
      const etag = first.headers.get('ETag');
      assert.match(etag ?? '', /^"[A-Za-z0-9_-]{20,}"$/, 'strong, quoted');
      assert.equal(first.headers.get('Cache-Control'), 'public, max-age=30, stale-while-revalidate=300');

      const again = await req(path);
      assert.equal(again.headers.get('ETag'), etag, 'same content, same ETag');

      const revalidated = await req(path, { headers: { 'If-None-Match': etag! } });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.headers.get('ETag'), etag);
      assert.equal(await revalidated.text(), '');

      const weak = await req(path, { headers: { 'If-None-Match': `"other", W/${etag}` } });
      assert.equal(weak.status, 304, 'If-None-Match compares weakly and takes a list');

      const stale = await req(path, { headers: { 'If-None-Match': '"something-else"' } });
      assert.equal(stale.status, 200);
    });
  }

  test('a change in the data changes the ETag', async () => {
    const before = (await req('/v1/consultations/open-c')).headers.get('ETag');
    const p = makeApi();
    try {
      p.db.prepare("UPDATE comments SET status = 'published' WHERE status = 'pending'").run();
      const changed = await p.app.request(HOST + '/v1/consultations/open-c');
      assert.notEqual(changed.headers.get('ETag'), before);
    } finally {
      p.close();
    }
  });

  test('errors are not cached', async () => {
    const res = await req('/v1/consultations/nope');
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    assert.equal(res.headers.get('ETag'), null);
  });
});

describe('CORS', () => {
  test('a listed origin is allowed, with the exposed headers and Vary: Origin', async () => {
    const res = await req('/v1/consultations/open-c', { headers: { Origin: ALLOWED_ORIGIN } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
    assert.match(res.headers.get('Access-Control-Expose-Headers')!, /ETag/);
    assert.match(res.headers.get('Access-Control-Expose-Headers')!, /Retry-After/);
    assert.equal(res.headers.get('Access-Control-Allow-Credentials'), null, 'no credentials');
    assert.match(res.headers.get('Vary')!, /Origin/);
  });

  test('an unlisted origin gets no Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://evil.example', `${ALLOWED_ORIGIN}.evil.example`, 'null', ALLOWED_ORIGIN.replace('https', 'http')]) {
      const res = await req('/v1/consultations/open-c', { headers: { Origin: origin } });
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), null, origin);
      assert.match(res.headers.get('Vary')!, /Origin/);
    }
  });

  test('preflight from a listed origin allows the contract headers', async () => {
    const res = await req('/v1/consultations/open-c/comments', {
      method: 'OPTIONS',
      headers: {
        Origin: ALLOWED_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key, sharek-participant',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
    const allowed = res.headers.get('Access-Control-Allow-Headers')!.toLowerCase();
    for (const h of ['authorization', 'content-type', 'idempotency-key', 'sharek-participant', 'if-none-match']) {
      assert.ok(allowed.includes(h), h);
    }
    assert.match(res.headers.get('Access-Control-Allow-Methods')!, /POST/);
    assert.equal(res.headers.get('Access-Control-Allow-Credentials'), null);
  });

  test('preflight from an unlisted origin is refused with 403', async () => {
    const res = await req('/v1/consultations/open-c', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    await assertProblem(res, 403);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), null);
  });

  test('origins added after start are honoured (the portal learns its own port late)', async () => {
    const late = 'http://localhost:4567';
    assert.equal((await req('/v1/policy', { headers: { Origin: late } })).headers.get('Access-Control-Allow-Origin'), null);
    t.origins.push(late);
    try {
      assert.equal((await req('/v1/policy', { headers: { Origin: late } })).headers.get('Access-Control-Allow-Origin'), late);
    } finally {
      t.origins.pop();
    }
  });

  test('errors carry CORS headers too, so the widget can read them', async () => {
    const res = await req('/v1/consultations/nope', { headers: { Origin: ALLOWED_ORIGIN } });
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), ALLOWED_ORIGIN);
  });
});

describe('malformed ids are 4xx problems, never 5xx', () => {
  const bad = ['..%2F..', '%3Cscript%3E', 'x'.repeat(200), '%00', 'a%20b', '%E2%80%AE', "'%20OR%201=1--", '%F0%9F%98%80'];
  const routes = ['/v1/consultations/ID', '/v1/consultations/ID/comments', '/v1/consultations/ID/decision', '/v1/polls/ID'];
  for (const route of routes) {
    test(route, async () => {
      for (const id of bad) {
        const res = await req(route.replace('ID', id));
        assert.ok(res.status >= 400 && res.status < 500, `${id}: ${res.status}`);
        await assertProblem(res, res.status);
      }
    });
  }

  test('a bad percent-encoding is not a 5xx either', async () => {
    const res = await req('/v1/consultations/%E0%A4%A');
    assert.ok(res.status >= 400 && res.status < 500, String(res.status));
  });
});

describe('errors', () => {
  test('unknown routes are a 404 problem', async () => {
    for (const path of ['/v1/nope', '/v2/consultations', '/', '/v1/consultations/open-c/nope']) {
      await assertProblem(await req(path), 404);
    }
  });

  test('a known path with another method is 405 with Allow', async () => {
    const res = await req('/v1/consultations/open-c', { method: 'DELETE' });
    await assertProblem(res, 405);
    assert.match(res.headers.get('Allow')!, /GET/);
  });

  test('Allow is what the registered routes take: each listed method answers, others are 405', async () => {
    const paths: [string, string][] = [
      ['/v1/consultations', 'GET, HEAD'],
      ['/v1/consultations/open-c', 'GET, HEAD'],
      ['/v1/consultations/open-c/comments', 'GET, HEAD, POST'],
      ['/v1/comments/x/reports', 'POST'],
      ['/v1/polls/poll-always', 'GET, HEAD'],
      ['/v1/polls/poll-always/votes', 'POST'],
      ['/v1/consultations/decided-c/decision', 'GET, HEAD'],
      ['/v1/policy', 'GET, HEAD'],
      ['/v1/openapi.json', 'GET, HEAD'],
      ['/v1/embed-check', 'GET, HEAD, OPTIONS'],
      ['/documents/draft.pdf', 'GET, HEAD'],
      ['/admin/v1/comments', 'GET, HEAD'],
      ['/admin/v1/comments/x/approve', 'POST'],
      ['/admin/v1/comments/x/reject', 'POST'],
      ['/admin/v1/comments/x/reply', 'POST'],
      ['/admin/v1/reports', 'GET, HEAD'],
      ['/admin/v1/consultations/x/decision', 'POST'],
    ];
    const headers = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
    for (const [path, allow] of paths) {
      const res = await req(path, { method: 'PUT', headers });
      await assertProblem(res, 405);
      assert.equal(res.headers.get('Allow'), allow, path);
      for (const method of allow.split(', ')) {
        assert.notEqual((await req(path, { method, headers, ...(method === 'POST' ? { body: '{}' } : {}) })).status, 405, `${method} ${path}`);
      }
    }
  });

  test('HEAD answers like GET without a body', async () => {
    const res = await req('/v1/consultations/open-c', { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.ok(res.headers.get('ETag'));
    assert.equal(await res.text(), '');
  });

  test('a body over 64 KB is 413, before anything reads it', async () => {
    const big = JSON.stringify({ body: 'x'.repeat(65 * 1024), stakeholderType: 'individual', policyVersion: '2024-1' });
    const res = await req('/v1/consultations/open-c/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    });
    await assertProblem(res, 413);
  });

  test('a body that is not JSON is 415', async () => {
    const res = await req('/v1/consultations/open-c/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    await assertProblem(res, 415);
  });

  test('an unexpected failure is a 500 problem that leaks nothing', async () => {
    const logged: unknown[] = [];
    // A closed database makes every query throw.
    const p = makeApi();
    try {
      const app = createApi({ db: p.db, origins: [], logError: (e) => logged.push(e) });
      p.db.close();
      const res = await app.request(HOST + '/v1/consultations/open-c');
      const problem = await assertProblem(res, 500);
      assert.doesNotMatch(JSON.stringify(problem), /database|sqlite|\.ts|at /i);
      assert.equal(logged.length, 1, 'the error is logged on the server');
    } finally {
      p.close();
    }
  });

  test('answers that would break the contract are a 500, not a bad 200', async () => {
    const p = makeApi();
    try {
      const logged: unknown[] = [];
      const app = createApi({ db: p.db, origins: [], logError: (e) => logged.push(e) });
      p.db.prepare("UPDATE consultations SET title = '{}' WHERE id = 'open-c'").run();
      await assertProblem(await app.request(HOST + '/v1/consultations/open-c'), 500);
      assert.equal(logged.length, 1);
    } finally {
      p.close();
    }
  });

  test('the app mounts under /api like main.ts does', async () => {
    const site = new Hono().route('/api', t.app);
    const res = await site.request(HOST + '/api/v1/consultations/open-c');
    assert.equal(res.status, 200);
    await assertProblem(await site.request(HOST + '/api/v1/nope'), 404);
  });
});

describe('GET /documents/:file', () => {
  test('serves a document with its content type and an ETag', async () => {
    const res = await req('/documents/draft.pdf');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), 'application/pdf');
    assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.match(await res.text(), /^%PDF/);
    const etag = res.headers.get('ETag')!;
    assert.equal((await req('/documents/draft.pdf', { headers: { 'If-None-Match': etag } })).status, 304);
    assert.equal((await req('/documents/notes.txt')).headers.get('Content-Type'), 'text/plain; charset=utf-8');
  });

  test('refuses anything outside the documents folder', async () => {
    for (const path of ['..%2Fsecret.txt', '..', '%2E%2E%2Fsecret.txt', '.hidden', '..%5Csecret.txt', 'missing.pdf', '%00']) {
      const res = await req(`/documents/${path}`);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(await res.text(), /outside the documents folder/);
    }
    // A second segment never reaches the route at all.
    assert.equal((await req('/documents/../secret.txt')).status, 404);
  });
});
