/**
 * The development sign-in issuer that `npm start` runs at `/dev-issuer`, so
 * the demo (and anyone scripting against it) can sign in without a real
 * identity provider. It is an OpenID Connect issuer in miniature: a discovery
 * document, a JWKS with one ES256 key made at start (never written
 * anywhere), and a token endpoint that signs a token for whoever asks:
 *
 *   curl -X POST http://localhost:8080/dev-issuer/token -H 'Content-Type: application/json' -d '{"name":"amal"}'
 *
 * The portal verifies its tokens exactly as it verifies a real issuer's
 * (sign-in.ts), with the keys it holds. Anyone who can reach it can sign in as
 * anyone: production mode refuses to start with it on (main.ts).
 */
import { Hono } from 'hono';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { oidcVerifier, type VerifyToken } from './sign-in.js';

/** Where the site mounts it. */
export const DEV_ISSUER_PATH = '/dev-issuer';
/** The audience its tokens are for: the portal that runs it. */
export const DEV_AUDIENCE = 'sharek-portal-development';
/** Tokens last an hour. */
const LIFETIME_S = 3600;

export interface DevIssuer {
  /** Its routes, for the site to mount at DEV_ISSUER_PATH. */
  app: Hono;
  /** Verifies its own tokens (the same checks as a real issuer's). */
  verifyToken: VerifyToken;
  /** A signed token for `name` (tests and scripts). */
  token(name: string): Promise<string>;
}

/** `issuer()` is its URL (the site's public base + DEV_ISSUER_PATH), known once the portal listens. */
export async function devIssuer(issuer: () => string, now: () => Date = () => new Date()): Promise<DevIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const jwks = { keys: [jwk] };

  const token = async (name: string) => {
    const t = Math.floor(now().getTime() / 1000);
    return new SignJWT({ name })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
      .setIssuer(issuer())
      .setAudience(DEV_AUDIENCE)
      .setSubject(`dev:${name}`)
      .setIssuedAt(t)
      .setExpirationTime(t + LIFETIME_S)
      .sign(privateKey);
  };

  const app = new Hono();
  const discovery = () => ({
    issuer: issuer(),
    jwks_uri: `${issuer()}/jwks.json`,
    token_endpoint: `${issuer()}/token`,
    id_token_signing_alg_values_supported: ['ES256'],
    subject_types_supported: ['public'],
    response_types_supported: ['token'],
  });
  app.get('/.well-known/openid-configuration', (c) => c.json(discovery()));
  // The issuer's own address answers too, with the same document, for whoever opens it.
  app.get('/', (c) => c.json(discovery()));
  app.get('/jwks.json', (c) => c.json(jwks));
  /** `{"name": "…"}` (JSON or a form); without a name, a new person each time. */
  app.post('/token', async (c) => {
    let name: unknown;
    const type = c.req.header('Content-Type') ?? '';
    if (/json/i.test(type)) name = ((await c.req.json().catch(() => ({}))) as { name?: unknown }).name;
    else if (/form/i.test(type)) name = (await c.req.parseBody()).name;
    const who = typeof name === 'string' && /^[\p{L}\p{N} ._-]{1,64}$/u.test(name) ? name : `person-${randomUUID().slice(0, 8)}`;
    return c.json(
      { access_token: await token(who), token_type: 'Bearer', expires_in: LIFETIME_S, name: who },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });

  const verifyToken = oidcVerifier(
    { issuer: '', audience: DEV_AUDIENCE, jwksUrl: '' },
    { keys: createLocalJWKSet(jwks), issuer, now },
  );
  return { app, verifyToken, token };
}
