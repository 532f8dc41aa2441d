/** The real portal process in-process: listening on a free port, over HTTP. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as S from '../../src/api/schemas.js';
import { startPortal, type RunningPortal } from '../../portal/main.js';
import { ALLOWED_ORIGIN, fixtureSeed } from './fixture.js';
import { standInSite } from './live-portal.js';

const dir = mkdtempSync(join(tmpdir(), 'sharek-server-test-'));
const dbPath = join(dir, 'data', 'portal.sqlite');
/** A stand-in for the repository's dist/ and demo/, so the test does not need a build. */
const rootDir = standInSite(dir);
writeFileSync(join(rootDir, 'demo', 'demo.css'), 'body { margin: 0 }\n');
writeFileSync(join(rootDir, 'secret.txt'), 'outside demo\n');

let portal: RunningPortal;
before(async () => {
  portal = await startPortal({ port: 0, dbPath, origins: [ALLOWED_ORIGIN], seed: fixtureSeed, rootDir, logError: () => {} });
});
after(async () => {
  await portal?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(portal.url + path, { ...init, redirect: 'manual' });

describe('startPortal', () => {
  test('listens on the port it reports and seeded the new database file', () => {
    assert.ok(portal.port > 0);
    assert.equal(portal.url, `http://localhost:${portal.port}`);
    assert.equal(portal.seeded, true);
    assert.ok(portal.adminToken.length >= 32, 'a development admin token is made');
  });

  test('the API over HTTP, with absolute URLs on the request origin', async () => {
    const res = await get('/api/v1/consultations/open-c');
    const body: unknown = await res.json();
    assert.equal(res.status, 200, JSON.stringify(body));
    const parsed = S.Consultation.safeParse(body);
    assert.ok(parsed.success, JSON.stringify(parsed.error));
    assert.equal(parsed.data.portalUrl, `${portal.url}/consultations/open-c`);
    assert.ok(res.headers.get('ETag'));
    const again = await get('/api/v1/consultations/open-c', { headers: { 'If-None-Match': res.headers.get('ETag')! } });
    assert.equal(again.status, 304);
  });

  test('the policy and a poll over HTTP', async () => {
    assert.ok(S.UsagePolicy.safeParse(await (await get('/api/v1/policy')).json()).success);
    assert.ok(S.Poll.safeParse(await (await get('/api/v1/polls/poll-always')).json()).success);
  });

  test('CORS: the configured origin and the portal’s own are allowed, others not', async () => {
    for (const origin of [ALLOWED_ORIGIN, portal.url, `http://127.0.0.1:${portal.port}`]) {
      const res = await get('/api/v1/policy', { headers: { Origin: origin } });
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), origin);
    }
    const res = await get('/api/v1/policy', { headers: { Origin: 'https://evil.example' } });
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), null);
    const preflight = await get('/api/v1/policy', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(preflight.status, 403);
  });

  test('malformed ids over the wire are 4xx', async () => {
    for (const id of ['..%2F..', '%3Cscript%3E', 'x'.repeat(200)]) {
      const res = await get(`/api/v1/consultations/${id}`);
      assert.ok(res.status >= 400 && res.status < 500, `${id}: ${res.status}`);
      assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
    }
    const res = await get('/api/v1/nope');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
  });

  test('a large body over the wire is 413', async () => {
    const res = await get('/api/v1/consultations/open-c/comments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'x'.repeat(70_000) }),
    });
    assert.equal(res.status, 413);
  });
});

describe('the site around the API', () => {
  test('/dist/ serves the widget as JavaScript', async () => {
    const res = await get('/dist/sharek.js');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
    assert.equal((await get('/dist/missing.js')).status, 404);
  });

  test('/ and /en/ are the demo pages, with security headers', async () => {
    const ar = await get('/');
    assert.equal(ar.status, 200);
    assert.match(ar.headers.get('Content-Type')!, /^text\/html/);
    assert.match(await ar.text(), /dir="rtl"/);
    assert.match(ar.headers.get('Content-Security-Policy')!, /default-src 'self'/);
    assert.equal(ar.headers.get('X-Content-Type-Options'), 'nosniff');
    const en = await get('/en/');
    assert.equal(en.status, 200);
    assert.match(await en.text(), /lang="en"/);
    const redirect = await get('/en');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('Location'), '/en/');
    const css = await get('/demo.css');
    assert.equal(css.headers.get('Content-Type'), 'text/css; charset=utf-8');
  });

  test('no path escapes the demo or dist folders', async () => {
    for (const path of ['/..%2Fsecret.txt', '/%2E%2E/secret.txt', '/dist/..%2F..%2Fsecret.txt', '/dist/%2E%2E%2Fdemo%2Findex.html', '/.%2e/secret.txt']) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(await res.text(), /outside demo/);
    }
  });

  test('/consultations/{id} is the portal’s own page embedding the element', async () => {
    const res = await get('/consultations/open-c');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /<sharek-consultation consultation="open-c" api="\/api"/);
    assert.match(html, /<script type="module" src="\/dist\/sharek.js"><\/script>/);
    assert.match(html, /مسودة تعليمات المشاركة الإلكترونية/);
    assert.match(res.headers.get('Content-Security-Policy')!, /default-src 'self'/);
    const en = await (await get('/consultations/open-c?lang=en')).text();
    assert.match(en, /<html lang="en" dir="ltr">/);
    assert.equal((await get('/consultations/nope')).status, 404);
    assert.equal((await get('/consultations/%3Cscript%3E')).status, 404);
  });
});

test('a restart on the same file keeps the data and does not seed again', async () => {
  const second = await startPortal({ port: 0, dbPath, origins: [], seed: fixtureSeed, rootDir });
  try {
    assert.equal(second.seeded, false);
    const list = (await (await fetch(`${second.url}/api/v1/consultations?limit=100`)).json()) as S.ConsultationPage;
    assert.equal(list.items.length, 4);
  } finally {
    await second.close();
  }
});
