/**
 * Who may embed, explained: `GET /v1/embed-check` answers any origin whether
 * it is allowed (by the same rule as CORS, never disclosing the list), and a
 * refused origin is logged once, with what to do about it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as S from '../../src/api/schemas.js';
import { MAX_NOTICED_ORIGINS } from '../../portal/cors.js';
import { embeddingNotice, startPortal } from '../../portal/main.js';
import { openApiDocument } from '../../portal/openapi.js';
import { ALLOWED_ORIGIN, fixtureSeed, HOST, makeApi, type TestApi } from './fixture.js';

let t: TestApi;
before(() => {
  t = makeApi();
});
after(() => t.close());

const req = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  Promise.resolve(t.app.request(HOST + path, { method, headers }));

async function check(headers: Record<string, string>): Promise<{ res: Response; allowed: boolean; text: string }> {
  const res = await req('/v1/embed-check', headers);
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return { res, allowed: S.EmbedCheck.parse(JSON.parse(text)).allowed, text };
}

describe('GET /v1/embed-check', () => {
  test('a listed origin is allowed, an unlisted one is not; both can read the answer', async () => {
    for (const [origin, allowed] of [
      [ALLOWED_ORIGIN, true],
      ['https://evil.example', false],
      [`${ALLOWED_ORIGIN}.evil.example`, false],
      [ALLOWED_ORIGIN.replace('https', 'http'), false],
      ['null', false],
    ] as const) {
      const { res, allowed: answer, text } = await check({ Origin: origin });
      assert.equal(answer, allowed, origin);
      assert.deepEqual(JSON.parse(text), { allowed }, 'nothing but the answer');
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*', 'any origin may read it');
      assert.equal(res.headers.get('Access-Control-Allow-Credentials'), null);
      assert.equal(res.headers.get('Cache-Control'), 'no-store');
      assert.match(res.headers.get('Vary') ?? '', /Origin/);
      assert.match(res.headers.get('Content-Type')!, /^application\/json/);
      assert.ok(!text.includes(ALLOWED_ORIGIN), 'never the list');
    }
  });

  test('a request that is not cross-origin is allowed: no Origin, same-origin fetch, the portal’s own origin', async () => {
    assert.equal((await check({})).allowed, true);
    assert.equal((await check({ Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'same-origin' })).allowed, true);
    assert.equal((await check({ Origin: HOST })).allowed, true);
  });

  test('the same rule as CORS, origins added later included', async () => {
    const late = 'http://localhost:4567';
    const origins = [ALLOWED_ORIGIN, 'https://evil.example', late, HOST, 'null'];
    const agree = async () => {
      for (const origin of origins) {
        const cors = (await req('/v1/policy', { Origin: origin })).headers.get('Access-Control-Allow-Origin') === origin;
        assert.equal((await check({ Origin: origin })).allowed, cors, origin);
      }
    };
    await agree();
    assert.equal((await check({ Origin: late })).allowed, false);
    t.origins.push(late);
    try {
      assert.equal((await check({ Origin: late })).allowed, true);
      await agree();
    } finally {
      t.origins.pop();
    }
  });

  test('a preflight from any origin is answered; other methods are 405', async () => {
    const res = await req('/v1/embed-check', { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' }, 'OPTIONS');
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('Access-Control-Allow-Origin'), '*');
    assert.match(res.headers.get('Access-Control-Allow-Headers')!, /Sharek-Participant/);
    const post = await req('/v1/embed-check', { 'Content-Type': 'application/json' }, 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('Allow'), 'GET, HEAD, OPTIONS');
  });

  test('in the OpenAPI document, with its schema', () => {
    const doc = openApiDocument() as {
      paths: Record<string, { get?: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    const ok = doc.paths['/v1/embed-check']?.get?.responses['200'];
    assert.deepEqual(ok?.content['application/json']?.schema, { $ref: '#/components/schemas/EmbedCheck' });
    assert.deepEqual(doc.components.schemas.EmbedCheck?.required, ['allowed']);
  });
});

describe('a refused origin is logged', () => {
  test('once per origin, with what to do; never an allowed or same-origin request, nor embed-check', async () => {
    const p = makeApi();
    try {
      const refused = 'https://refused.example';
      await p.app.request(HOST + '/v1/policy', { headers: { Origin: refused } });
      await p.app.request(HOST + '/v1/consultations', { headers: { Origin: refused } });
      await p.app.request(HOST + '/v1/policy', { method: 'OPTIONS', headers: { Origin: refused, 'Access-Control-Request-Method': 'GET' } });
      assert.deepEqual(p.logged, [`[sharek portal] refused origin ${refused}: add it to SHAREK_ORIGINS to let it embed`]);

      await p.app.request(HOST + '/v1/policy', { headers: { Origin: ALLOWED_ORIGIN } });
      await p.app.request(HOST + '/v1/policy', { headers: { Origin: HOST } });
      await p.app.request(HOST + '/v1/policy', { headers: { Origin: 'https://x.example', 'Sec-Fetch-Site': 'same-origin' } });
      await p.app.request(HOST + '/v1/policy');
      await p.app.request(HOST + '/v1/embed-check', { headers: { Origin: 'https://asking.example' } });
      assert.equal(p.logged.length, 1);

      await p.app.request(HOST + '/v1/policy', { headers: { Origin: 'null' } });
      assert.equal(p.logged.length, 2);
      assert.match(p.logged[1]!, /^\[sharek portal\] refused origin "null": not an http\(s\) origin/);
    } finally {
      p.close();
    }
  });

  test('a flood of made-up origins is bounded', async () => {
    const p = makeApi();
    try {
      for (let i = 0; i < MAX_NOTICED_ORIGINS + 50; i++) {
        await p.app.request(HOST + '/v1/policy', { method: 'HEAD', headers: { Origin: `https://o${i}.example` } });
      }
      assert.equal(p.logged.length, MAX_NOTICED_ORIGINS + 1);
      assert.match(p.logged.at(-1)!, /more than \d+ origins refused; the others are not logged/);
    } finally {
      p.close();
    }
  });
});

describe('the running portal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sharek-embedding-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('/api/v1/embed-check knows the portal’s own origin and the configured ones', async () => {
    const logged: string[] = [];
    const portal = await startPortal({
      port: 0,
      dbPath: join(dir, 'portal.sqlite'),
      origins: [`${ALLOWED_ORIGIN}/`, 'ftp://files.example', 'not a url'],
      seed: fixtureSeed,
      rootDir: dir,
      log: (line) => logged.push(line),
    });
    try {
      assert.deepEqual(portal.embeddingOrigins, [ALLOWED_ORIGIN], 'normalised; only http(s) origins');
      assert.deepEqual(logged.splice(0), [
        'SHAREK_ORIGINS: ignoring "ftp://files.example", not an http(s) origin',
        'SHAREK_ORIGINS: ignoring "not a url", not an http(s) origin',
      ]);
      const allowed = async (origin: string) =>
        ((await (await fetch(`${portal.url}/api/v1/embed-check`, { headers: { Origin: origin } })).json()) as S.EmbedCheck).allowed;
      assert.equal(await allowed(ALLOWED_ORIGIN), true);
      assert.equal(await allowed(portal.url), true);
      assert.equal(await allowed(`http://127.0.0.1:${portal.port}`), true);
      assert.equal(await allowed('https://evil.example'), false);
      assert.equal(await allowed('null'), false, 'a non-http(s) entry does not let sandboxed frames in');
      await fetch(`${portal.url}/api/v1/policy`, { headers: { Origin: 'https://evil.example' } });
      assert.deepEqual(logged, ['[sharek portal] refused origin https://evil.example: add it to SHAREK_ORIGINS to let it embed']);
    } finally {
      await portal.close();
    }
  });

  test('start says which origins may embed', () => {
    assert.match(embeddingNotice([]), /^Only the portal's own origin may embed; set SHAREK_ORIGINS/);
    assert.equal(
      embeddingNotice(['https://a.gov.jo', 'https://b.gov.jo']),
      "Sites allowed to embed (SHAREK_ORIGINS): https://a.gov.jo, https://b.gov.jo; and the portal's own origin",
    );
  });
});
