/**
 * The portal's settings, from the environment (README, "Running it in
 * production", lists every one), and the rules of production mode.
 *
 * Production mode is on whenever NODE_ENV=production, whatever started the
 * portal (`npm start`, `npm run serve`, `node portal/main.ts`, startPortal).
 * It refuses to start on unsafe settings, saying every problem at once:
 * SHAREK_ADMIN_TOKEN (the shared development moderator) set, no moderator
 * with their own credential, no public URL (or one that is not https), the
 * development sign-in issuer on. It never seeds demo content and never
 * prints a secret.
 */
import { CREDENTIAL_BYTES } from './moderators.js';
import type { RateLimitsInput, WriteKind } from './limits.js';
import { DEFAULT_RETENTION_DAYS } from './retention.js';
import { isLoopback, oidcSettingsFrom, type OidcSettings } from './sign-in.js';

export interface Settings {
  production: boolean;
  port: number;
  /** The interface to listen on; 127.0.0.1 unless HOST says otherwise. */
  host: string;
  dbPath: string;
  origins: string[];
  publicUrl?: string;
  adminToken?: string;
  oidc?: OidcSettings;
  devIssuer: boolean;
  trustProxy: number;
  rateLimits: RateLimitsInput;
  retentionDays: number;
  /** The agency's target for answering an item in the moderation queues, in hours (GET /admin/v1/me). */
  responseTimeHours: number;
}

/** The response time when SHAREK_RESPONSE_HOURS is not set: three days. */
export const DEFAULT_RESPONSE_HOURS = 72;

export const DEFAULT_HOST = '127.0.0.1';

/** Reads the settings; throws an Error naming the first malformed value. */
export function settingsFrom(env: Record<string, string | undefined>): Settings {
  const production = isProduction(env);
  const oidc = oidcSettingsFrom(env);
  const devIssuer = flag(env, 'SHAREK_DEV_ISSUER') ?? (!production && !oidc);
  if (devIssuer && oidc) throw new Error('SHAREK_DEV_ISSUER=1 and SHAREK_OIDC_ISSUER cannot both be on: choose one issuer');
  const rateLimits: RateLimitsInput = {};
  for (const kind of ['comments', 'votes', 'reports'] as WriteKind[]) {
    const perParticipant = count(env, `SHAREK_${kind.toUpperCase()}_PER_PARTICIPANT`);
    const perAddress = count(env, `SHAREK_${kind.toUpperCase()}_PER_ADDRESS`);
    rateLimits[kind] = { ...(perParticipant !== undefined ? { perParticipant } : {}), ...(perAddress !== undefined ? { perAddress } : {}) };
  }
  return {
    production,
    port: number(env, 'PORT', 0, 65535) ?? 8080,
    host: env.HOST || DEFAULT_HOST,
    dbPath: env.SHAREK_DB || '.data/portal.sqlite',
    origins: (env.SHAREK_ORIGINS ?? '').split(','),
    ...(env.SHAREK_PUBLIC_URL ? { publicUrl: env.SHAREK_PUBLIC_URL } : {}),
    ...(env.SHAREK_ADMIN_TOKEN ? { adminToken: env.SHAREK_ADMIN_TOKEN } : {}),
    ...(oidc ? { oidc } : {}),
    devIssuer,
    // `true` (the old on/off form) is one proxy.
    trustProxy: env.SHAREK_TRUST_PROXY === 'true' ? 1 : (number(env, 'SHAREK_TRUST_PROXY', 0, 10) ?? 0),
    rateLimits,
    retentionDays: number(env, 'SHAREK_ADDRESS_RETENTION_DAYS', 1, 3650) ?? DEFAULT_RETENTION_DAYS,
    responseTimeHours: number(env, 'SHAREK_RESPONSE_HOURS', 1, 8760) ?? DEFAULT_RESPONSE_HOURS,
  };
}

export const isProduction = (env: Record<string, string | undefined>) => env.NODE_ENV === 'production';

export interface ProductionCheck {
  publicUrl?: string | undefined;
  adminToken?: string | undefined;
  devIssuer?: boolean | undefined;
  /** Moderators with a valid credential of their own, in the database. */
  moderators: number;
}

/** Every reason production mode refuses these settings; empty when it may start. */
export function productionProblems(s: ProductionCheck): string[] {
  const problems: string[] = [];
  if (s.adminToken !== undefined) {
    const strength = s.adminToken.length < Math.ceil((CREDENTIAL_BYTES * 4) / 3) ? 'short, and ' : '';
    problems.push(
      `SHAREK_ADMIN_TOKEN is set (${strength}one credential shared by everyone, with no name in the audit log): unset it and give each ` +
        'moderator their own with `npm run portal -- moderator add <name>`',
    );
  }
  if (s.moderators === 0) {
    problems.push('no moderator has a credential: create one with `npm run portal -- moderator add <name>` (same SHAREK_DB)');
  }
  if (!s.publicUrl) {
    problems.push("SHAREK_PUBLIC_URL is not set: the portal's public https address, e.g. https://portal.example.jo");
  } else {
    const url = safeUrl(s.publicUrl);
    if (!url || (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))) {
      problems.push(`SHAREK_PUBLIC_URL must be an https URL, not "${s.publicUrl}"`);
    }
  }
  if (s.devIssuer) problems.push('SHAREK_DEV_ISSUER is on: it signs anyone in as anyone; set SHAREK_OIDC_ISSUER, SHAREK_OIDC_AUDIENCE and SHAREK_OIDC_JWKS_URL instead');
  return problems;
}

function safeUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

function flag(env: Record<string, string | undefined>, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new Error(`${name} must be 1 or 0, not "${raw}"`);
}

function number(env: Record<string, string | undefined>, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}

const count = (env: Record<string, string | undefined>, name: string) => number(env, name, 1, 1_000_000);
