/**
 * The reference portal as one Node process: the site (site.ts) on a
 * database file, listening on HOST (127.0.0.1 by default) and PORT.
 *
 *   node --import tsx portal/main.ts        (what `npm start` and `npm run serve` run)
 *
 * Settings come from the environment (settings.ts; the README's "Running it
 * in production" lists them). In development it seeds a new database with
 * the demo content, runs the development sign-in issuer at `/dev-issuer`
 * unless a real one is configured, and accepts SHAREK_ADMIN_TOKEN as the
 * moderator "development". With NODE_ENV=production it does none of these,
 * refuses to start on unsafe settings, and prints no secret.
 *
 * Prints `Sharek portal on http://localhost:<port> …` once it listens, with
 * the real port even when PORT=0 asked for any free one, and which sites may
 * embed; later, a line for each origin it refuses (once each, see cors.ts).
 */
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { originOf } from './cors.js';
import { openDatabase, seedIfEmpty } from './db.js';
import { DEV_ISSUER_PATH, devIssuer } from './dev-issuer.js';
import { isEntryPoint } from './entry.js';
import { activeModerators } from './moderators.js';
import { DEFAULT_RETENTION_DAYS, scheduleRetention } from './retention.js';
import type { SeedData } from './seed-types.js';
import { DEFAULT_HOST, isProduction, productionProblems, settingsFrom } from './settings.js';
import { oidcVerifier, type OidcSettings } from './sign-in.js';
import { createSite, type SiteOptions } from './site.js';

export { STRICT_CSP, createSite, type SiteOptions } from './site.js';

/** The site's options (see SiteOptions and ApiOptions), but a database file instead of a database. */
export interface PortalOptions extends Omit<SiteOptions, 'db' | 'origins' | 'devIssuer' | 'hsts' | 'verifyToken' | 'publicUrl'> {
  /** 8080 by default; 0 picks a free port. */
  port?: number;
  /** The interface to listen on: 127.0.0.1 by default (a reverse proxy on the same machine faces the world). */
  hostname?: string;
  dbPath: string;
  /** Embedding origins besides the portal's own (SHAREK_ORIGINS); normalised, garbage dropped with a warning. */
  origins?: string[];
  /** The public base (SHAREK_PUBLIC_URL); `http://localhost:<port>` when not given (development). */
  publicUrl?: string;
  /** The development moderator's token; in development a random one is made when not given (never printed). Refused in production. */
  adminToken?: string;
  /** Production mode (NODE_ENV=production by default): see settings.ts. */
  production?: boolean;
  /** A real OpenID Connect issuer for sign-in (sign-in.ts). */
  oidc?: OidcSettings;
  /** Run the development issuer at `/dev-issuer` and accept its tokens: by default in development without `oidc`, as `npm start`; refused in production. */
  devIssuer?: boolean;
  /** Days client addresses are kept (retention.ts); 30 by default. */
  retentionDays?: number;
  /** Seed content for a new database (development only); portal/seed-data.ts by default. */
  seed?: (now: Date) => SeedData;
}

export interface RunningPortal {
  url: string;
  port: number;
  dbPath: string;
  /** The development moderator's token; empty in production, where there is none. */
  adminToken: string;
  /** The embedding origins it allows besides its own (SHAREK_ORIGINS, normalised). */
  embeddingOrigins: readonly string[];
  /** True when this start wrote the seed into a new database. */
  seeded: boolean;
  production: boolean;
  /** A token from the development issuer for `name` (when it runs), as the demo's sign-in gets one. */
  signIn?: (name: string) => Promise<string>;
  close(): Promise<void>;
}

export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const {
    port: wanted = 8080,
    hostname = DEFAULT_HOST,
    dbPath,
    origins: configured = [],
    seed: seedOf,
    production = isProduction(process.env),
    oidc,
    devIssuer: withDevIssuer = !production && !oidc,
    retentionDays = DEFAULT_RETENTION_DAYS,
    publicUrl,
    ...site
  } = options;
  const now = options.now ?? (() => new Date());
  const db = openDatabase(dbPath);
  let seeded = false;
  try {
    if (production) {
      const problems = productionProblems({ publicUrl, adminToken: options.adminToken, devIssuer: withDevIssuer, moderators: activeModerators(db) });
      if (problems.length) throw new Error(`Production mode (NODE_ENV=production) refuses to start:\n  - ${problems.join('\n  - ')}`);
    } else {
      const seed = seedOf ?? (await import('./seed-data.js')).seedData;
      seeded = seedIfEmpty(db, seed(now()));
    }
  } catch (error) {
    db.close();
    throw error;
  }

  const embeddingOrigins = normaliseOrigins(configured, options.log ?? ((line) => console.warn(line)));
  const origins = [...embeddingOrigins];
  if (publicUrl) origins.push(new URL(publicUrl).origin);
  const adminToken = production ? '' : (options.adminToken ?? randomBytes(32).toString('base64url'));
  // The public base, once known: configured, or this server's own address (port 0 is known only after listening).
  let base = publicUrl?.replace(/\/+$/, '') ?? '';
  const issuer = withDevIssuer ? await devIssuer(() => `${base}${DEV_ISSUER_PATH}`, now) : undefined;
  const verifyToken = issuer?.verifyToken ?? (oidc ? oidcVerifier(oidc) : undefined);
  const app = createSite({
    ...site,
    db,
    origins,
    now,
    publicUrl: () => base,
    hsts: publicUrl?.startsWith('https:') ?? false,
    ...(adminToken ? { adminToken } : {}),
    ...(verifyToken ? { verifyToken } : {}),
    ...(issuer ? { devIssuer: issuer.app } : {}),
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: wanted, hostname }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  if (!base) base = url;
  // The portal's own pages call the API too; their origin is known only now (port 0).
  origins.push(`http://localhost:${port}`, `http://127.0.0.1:${port}`);
  const stopRetention = scheduleRetention(db, now, retentionDays, options.logError ?? ((e) => console.error(e)));

  return {
    url,
    port,
    dbPath,
    adminToken,
    embeddingOrigins,
    seeded,
    production,
    ...(issuer ? { signIn: issuer.token } : {}),
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopRetention();
        server.close((err) => {
          db.close();
          if (err) reject(err);
          else resolve();
        });
        // Keep-alive connections would hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

/** What start prints about who may embed (never a secret: CORS tells each origin anyway). */
export function embeddingNotice(origins: readonly string[]): string {
  return origins.length
    ? `Sites allowed to embed (SHAREK_ORIGINS): ${origins.join(', ')}; and the portal's own origin`
    : "Only the portal's own origin may embed; set SHAREK_ORIGINS (comma-separated) to let other sites embed";
}

/** `https://a.gov.jo/` and `https://a.gov.jo` are the same origin; garbage is dropped with a warning. */
function normaliseOrigins(list: string[], warn: (line: string) => void): string[] {
  const out: string[] = [];
  for (const entry of list.map((s) => s.trim()).filter(Boolean)) {
    // Only http(s): any other URL's origin is "null", which would let sandboxed frames in.
    const origin = originOf(entry);
    if (origin === null) warn(`SHAREK_ORIGINS: ignoring "${entry}", not an http(s) origin`);
    else if (!out.includes(origin)) out.push(origin);
  }
  return out;
}

async function main(): Promise<void> {
  const s = settingsFrom(process.env);
  const portal = await startPortal({
    port: s.port,
    hostname: s.host,
    dbPath: s.dbPath,
    origins: s.origins,
    production: s.production,
    devIssuer: s.devIssuer,
    retentionDays: s.retentionDays,
    responseTimeHours: s.responseTimeHours,
    rateLimits: s.rateLimits,
    trustProxy: s.trustProxy,
    ...(s.publicUrl ? { publicUrl: s.publicUrl } : {}),
    ...(s.adminToken ? { adminToken: s.adminToken } : {}),
    ...(s.oidc ? { oidc: s.oidc } : {}),
  });
  const where = s.host === DEFAULT_HOST ? portal.url : `http://${s.host.includes(':') ? `[${s.host}]` : s.host}:${portal.port}`;
  const at = (path: string) => `${where}${path}`;
  console.log(
    [
      `Sharek portal on ${where} (${s.production ? 'production mode' : 'with the demo'}, database ${s.dbPath})`,
      ...(s.production ? [] : [`  demo pages   ${at('/')} (Arabic), ${at('/en/')}, ${at('/have-your-say/')}, ${at('/builder/')}, ${at('/react/')}, ${at('/csp/')}`]),
      `  the script   ${at('/dist/sharek.js')} (its chunks under /dist/chunks/)`,
      `  the API      ${at('/api')} (contract: ${at('/api/v1/openapi.json')})`,
      `  portal pages ${at('/consultations/{id}')}`,
      `  moderation   ${at('/admin/')} (the console for moderators; English at /admin/en/)`,
    ].join('\n'),
  );
  console.log(embeddingNotice(portal.embeddingOrigins));
  if (portal.seeded) console.log('Seeded a new database with the demo content.');
  if (s.oidc) console.log(`Sign-in: tokens from ${s.oidc.issuer} for ${s.oidc.audience}`);
  else if (s.devIssuer) console.log(`Sign-in: the development issuer at ${portal.url}${DEV_ISSUER_PATH} (anyone can sign in as anyone; off in production)`);
  else console.log('Sign-in: no issuer configured (SHAREK_OIDC_ISSUER): every bearer token is refused');
  if (!s.production) {
    console.log(
      s.adminToken
        ? 'Moderators: SHAREK_ADMIN_TOKEN signs in as "development", or their own credentials (npm run portal -- moderator add <name>)'
        : 'Moderators: their own credentials (npm run portal -- moderator add <name>), or set SHAREK_ADMIN_TOKEN for a development one',
    );
  }
  const stop = () => {
    portal.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (isEntryPoint(import.meta.url)) {
  main().catch((error: unknown) => {
    // Settings problems are sentences for the operator; anything else keeps its stack.
    console.error(error instanceof Error && /^(Production mode|[A-Z_]+ (must|is)|Sign-in needs)/.test(error.message) ? error.message : error);
    process.exit(1);
  });
}
