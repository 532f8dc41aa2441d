/**
 * Who is signed in: a bearer token is a person only when it is a JWT that an
 * OpenID Connect issuer signed for this portal. The issuer, the audience
 * (this portal's client id) and the issuer's JWKS URL are configured
 * (SHAREK_OIDC_ISSUER, SHAREK_OIDC_AUDIENCE, SHAREK_OIDC_JWKS_URL); the keys
 * are fetched from the JWKS URL, cached, and fetched again when a token names
 * a key the cache does not have (the issuer rotated its keys), at most once
 * per 30 seconds. Verification is jose's: signature by one of the issuer's
 * keys with an asymmetric algorithm (never `none`, never HMAC), `iss`, `aud`,
 * `exp` (with 30 s of clock skew) and `nbf`, and a `sub`.
 *
 * Without an issuer, `refuseTokens`: every token is refused (401), never
 * trusted. The development issuer (dev-issuer.ts) is an issuer like any
 * other, whose keys the portal holds itself.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { createHash } from 'node:crypto';

export interface OidcSettings {
  /** The issuer identifier, exactly as the tokens' `iss` says it (e.g. `https://sso.gov.jo/realms/citizens`). */
  issuer: string;
  /** This portal's client id at the issuer, which tokens must name in `aud`. */
  audience: string;
  /** Where the issuer publishes its signing keys (its discovery document's `jwks_uri`). */
  jwksUrl: string;
}

/** A verified person: `subject` is what votes, comments and reports are counted by (`oidc:<sha256 of iss and sub>`). */
export interface SignedIn {
  subject: string;
}

/**
 * Verifies a bearer token: the person, or null when the token is not valid
 * (→ 401). Throws SignInUnavailable when the issuer's keys cannot be fetched (→ 503).
 */
export type VerifyToken = (token: string) => Promise<SignedIn | null>;

/** The issuer's keys could not be fetched: the token may be fine, but nobody can tell now. */
export class SignInUnavailable extends Error {}

/** Asymmetric algorithms only: `none` and the HMAC family (a shared secret the issuer would have to give out) are refused. */
export const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Clock skew allowed between the issuer and the portal on `exp` and `nbf`. */
const CLOCK_TOLERANCE_S = 30;

/** With no issuer configured: no token is anyone. */
export const refuseTokens: VerifyToken = async () => null;

export interface VerifierOptions {
  /** The keys, instead of fetching them from `jwksUrl` (the development issuer holds its own). */
  keys?: JWTVerifyGetKey;
  /** The issuer identifier, read on each verification (the development issuer knows it only once the portal listens). */
  issuer?: () => string;
  /** The clock; tests move it. */
  now?: () => Date;
  /** After a fetch of the keys, no other for this long (30 s); tests shorten it to see a rotation at once. */
  cooldownMs?: number;
}

export function oidcVerifier(settings: OidcSettings, options: VerifierOptions = {}): VerifyToken {
  const keys =
    options.keys ??
    createRemoteJWKSet(new URL(settings.jwksUrl), {
      // Keys are kept 10 minutes; an unknown `kid` fetches again (rotation), at most every 30 s.
      cacheMaxAge: 10 * 60 * 1000,
      cooldownDuration: options.cooldownMs ?? 30 * 1000,
      timeoutDuration: 5000,
    });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer?.() ?? settings.issuer,
        audience: settings.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: CLOCK_TOLERANCE_S,
        ...(options.now ? { currentDate: options.now() } : {}),
      });
      if (typeof payload.sub !== 'string' || payload.sub === '') return null;
      return { subject: `oidc:${sha256(`${payload.iss}\n${payload.sub}`)}` };
    } catch (error) {
      // The keys could not be fetched (timeout, network, not 200, not a JWKS): not the token's fault.
      const generic = error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC';
      if (generic || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
        throw new SignInUnavailable((error as Error).message);
      }
      return null;
    }
  };
}

/** Settings from the environment: all three or none; anything between is a mistake worth stopping for. */
export function oidcSettingsFrom(env: Record<string, string | undefined>): OidcSettings | undefined {
  const issuer = env.SHAREK_OIDC_ISSUER || undefined;
  const audience = env.SHAREK_OIDC_AUDIENCE || undefined;
  const jwksUrl = env.SHAREK_OIDC_JWKS_URL || undefined;
  if (!issuer && !audience && !jwksUrl) return undefined;
  if (!issuer || !audience || !jwksUrl) {
    throw new Error('Sign-in needs all of SHAREK_OIDC_ISSUER, SHAREK_OIDC_AUDIENCE and SHAREK_OIDC_JWKS_URL');
  }
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    throw new Error(`SHAREK_OIDC_JWKS_URL must be a URL, not "${jwksUrl}"`);
  }
  if (url.protocol !== 'https:' && !isLoopback(url.hostname)) {
    throw new Error('SHAREK_OIDC_JWKS_URL must be https (keys fetched in the clear could be replaced on the way)');
  }
  return { issuer, audience, jwksUrl };
}

export const isLoopback = (hostname: string) => hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
