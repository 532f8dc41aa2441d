/**
 * Sign-in (sign-in.ts): a bearer token is a person only when it is a JWT the
 * configured issuer signed for this portal, checked against the issuer's
 * real JWKS served over HTTP. Everything else is 401; an unreachable JWKS is
 * 503. And the development issuer that `npm start` runs.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import * as S from '../../src/api/schemas.js';
import { createApi } from '../../portal/app.js';
import { DEV_AUDIENCE } from '../../portal/dev-issuer.js';
import { oidcVerifier, SignInUnavailable } from '../../portal/sign-in.js';
import { AUDIENCE, HOST, ISSUER, makeApi, postJson, TEST_JWKS, tokenFor, writer } from './fixture.js';
import { anonymous, freshAddress, post, startLive, type Live } from './live-portal.js';

let live: Live;
before(async () => {
  live = await startLive();
});
after(() => live.close());

const vote = (token: string) =>
  post(live.portal, '/v1/polls/poll-always/votes', { optionIds: ['yes'] }, anonymous(freshAddress(), { Authorization: `Bearer ${token}` }));
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const claims = () => ({ iss: ISSUER, aud: AUDIENCE, sub: 'mallory', exp: Math.floor(Date.now() / 1000) + 600 });

describe('the portal verifies bearer tokens against the issuer’s JWKS', () => {
  test('a token the issuer signed for this portal is a person (201), the keys fetched once and cached', async () => {
    assert.equal((await vote(await tokenFor('amal'))).status, 201);
    assert.equal((await vote(await tokenFor('amal'))).status, 409, 'the same person again: already voted');
    const fetches = live.jwksFetches();
    for (let i = 0; i < 5; i++) await vote(await tokenFor(`p${i}`));
    assert.equal(live.jwksFetches(), fetches, 'cached');
  });

  test('wrong signature, wrong audience, wrong issuer, expired, alg none, HS256 with the public key: all 401', async () => {
    const other = await generateKeyPair('RS256');
    const publicJwk = JSON.stringify(TEST_JWKS.keys[0]);
    const hs256 = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'test-key-1' }).sign(new TextEncoder().encode(publicJwk));
    const cases: [string, string][] = [
      ['wrong signature (another key, the issuer’s kid)', await tokenFor('mallory', { key: other.privateKey })],
      ['wrong audience', await tokenFor('mallory', { audience: 'another-portal' })],
      ['wrong issuer', await tokenFor('mallory', { issuer: 'https://sso.evil.example' })],
      ['expired', await tokenFor('mallory', { expiresIn: -120 })],
      ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
      ['HS256 keyed with the public key', hs256],
      ['not a JWT', 'mallory'],
      ['a tampered payload', (await tokenFor('amal')).replace(/\.[^.]+\./, `.${b64({ ...claims(), sub: 'amal' })}.`)],
    ];
    for (const [what, token] of cases) {
      const res = await vote(token);
      assert.equal(res.status, 401, what);
      assert.match(res.headers.get('WWW-Authenticate') ?? '', /error="invalid_token"/, what);
    }
  });

  test('a read with a token that does not verify is anonymous, never a 401 or someone else', async () => {
    const res = await fetch(`${live.portal.url}/api/v1/polls/poll-after-vote`, { headers: { Authorization: 'Bearer nobody' } });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as S.Poll).myVote, undefined);
  });

  test('with no issuer configured every token is refused, never trusted', async () => {
    const t = makeApi();
    try {
      const app = createApi({ db: t.db, origins: [], publicUrl: HOST });
      const headers = { ...writer(), Authorization: `Bearer ${await tokenFor('amal')}` };
      const res = await app.request(`${HOST}/v1/polls/poll-always/votes`, { method: 'POST', headers, body: JSON.stringify({ optionIds: ['yes'] }) });
      assert.equal(res.status, 401);
      // The fixture's API, with the issuer, takes the same token.
      assert.equal((await postJson(t, '/v1/polls/poll-always/votes', { optionIds: ['yes'] }, headers)).status, 201);
    } finally {
      t.close();
    }
  });
});

describe('the verifier itself', () => {
  test('fetches the keys again when the issuer rotates them (an unknown kid), and says so when it cannot reach them', async () => {
    const next = await generateKeyPair('ES256');
    const jwks = { keys: [...TEST_JWKS.keys] as unknown[] };
    let up = true;
    let fetches = 0;
    const server = createServer((_req, res) => {
      fetches++;
      if (up) res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(jwks));
      else res.writeHead(503).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    try {
      const verify = oidcVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl }, { cooldownMs: 0 });
      assert.ok(await verify(await tokenFor('amal')));
      const rotated = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key-2' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject('amal')
        .setExpirationTime('10m')
        .sign(next.privateKey);
      assert.equal(await verify(rotated), null, 'not yet published');
      jwks.keys.push({ ...(await exportJWK(next.publicKey)), kid: 'test-key-2', alg: 'ES256', use: 'sig' });
      const person = await verify(rotated);
      assert.ok(person, 'the new key is fetched');
      assert.deepEqual(person, await verify(await tokenFor('amal')), 'the same person, whichever key signed');
      assert.ok(fetches >= 3);

      const cold = oidcVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl }, { cooldownMs: 0 });
      up = false;
      await assert.rejects(cold(await tokenFor('amal')), SignInUnavailable);
    } finally {
      server.close();
    }
  });

  test('the portal answers 503 with Retry-After while the JWKS cannot be reached', async () => {
    const down = await startLive({ oidc: { issuer: ISSUER, audience: AUDIENCE, jwksUrl: 'http://127.0.0.1:9/jwks.json' } });
    try {
      const res = await post(down.portal, '/v1/polls/poll-always/votes', { optionIds: ['yes'] }, anonymous(freshAddress(), { Authorization: `Bearer ${await tokenFor('amal')}` }));
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('Retry-After'), '30');
    } finally {
      await down.close();
    }
  });
});

describe('the development issuer (npm start)', () => {
  test('signs tokens the portal takes, publishes discovery and keys, and is only where it was asked for', async () => {
    const dev = await startLive({ devIssuer: true, oidc: undefined });
    try {
      const base = `${dev.portal.url}/dev-issuer`;
      const discovery = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
      assert.equal(discovery.issuer, base);
      const keys = (await (await fetch(discovery.jwks_uri)).json()) as { keys: { kty: string; d?: string }[] };
      assert.equal(keys.keys.length, 1);
      assert.equal(keys.keys[0]!.d, undefined, 'no private key in the JWKS');
      const issued = (await (await fetch(`${base}/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"amal"}' })).json()) as {
        access_token: string;
      };
      const payload = JSON.parse(Buffer.from(issued.access_token.split('.')[1]!, 'base64url').toString()) as { aud: string; iss: string };
      assert.deepEqual([payload.aud, payload.iss], [DEV_AUDIENCE, base]);
      const res = await post(dev.portal, '/v1/polls/poll-always/votes', { optionIds: ['no'] }, anonymous(freshAddress(), { Authorization: `Bearer ${issued.access_token}` }));
      assert.equal(res.status, 201);
      assert.equal((await vote(issued.access_token)).status, 401, 'another portal does not take its tokens');
      assert.equal((await fetch(`${live.portal.url}/dev-issuer/jwks.json`)).status, 404, 'not run unless asked for');
    } finally {
      await dev.close();
    }
  });
});
