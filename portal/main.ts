/**
 * The reference portal as one Node process: the API at `/api`, the built
 * widget at `/dist`, the demo pages at `/`, and each consultation's own page
 * at `/consultations/{id}`.
 *
 *   node --import tsx portal/main.ts
 *
 * Environment: PORT (8080), SHAREK_DB (.data/portal.sqlite), SHAREK_ORIGINS
 * (comma-separated embedding origins), SHAREK_ADMIN_TOKEN (a development
 * token is made and printed when unset), SHAREK_PUBLIC_URL (the public base
 * behind a proxy; else each request's own origin), SHAREK_TRUST_PROXY=1 (take
 * the client address from X-Forwarded-For, for the per-address rate limit),
 * SHAREK_COMMENTS_PER_PARTICIPANT and SHAREK_COMMENTS_PER_ADDRESS (comment
 * rate limits per 10 minutes; 5 and 20).
 *
 * Prints `Sharek portal on http://localhost:<port> …` once it listens, with
 * the real port even when PORT=0 asked for any free one, and which sites may
 * embed; later, a line for each origin it refuses (once each, see cors.ts).
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Id, type LocalizedText } from '../src/api/schemas.js';
import { createApi, type ApiOptions } from './app.js';
import { originOf } from './cors.js';
import { isEntryPoint } from './entry.js';
import { openDatabase, seedIfEmpty } from './db.js';
import type { SeedData } from './seed-types.js';
import { fileResponse, safeJoin } from './static.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/** For every HTML page the portal serves. The demo and the widget load only same-origin files. */
const htmlSecurityHeaders: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * The strict-CSP demo (`/csp/`): what a ministry with a strict policy sends, with the
 * Trusted Types policies Sharek really uses (see src/shared/sanitize.ts and the README).
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html sharek";

/** The API's options (app.ts; `origins` is read on every request, see startPortal), and where the pages are. */
export interface SiteOptions extends Omit<ApiOptions, 'documentsDir'> {
  /** Holds `dist/` and `demo/`; the repository root by default. */
  rootDir?: string;
}

/** The whole site as a Hono app, without listening, so tests can call `request()`. */
export function createSite(options: SiteOptions): Hono {
  const { rootDir = repoRoot, ...api } = options;
  const distDir = `${rootDir}/dist`;
  const demoDir = `${rootDir}/demo`;
  const site = new Hono();

  // Text over 1 KB goes compressed where the browser accepts it (the built script is precompressed, see /dist).
  site.use('*', compress({ threshold: 1024 }));

  // `/api` itself is no resource: send a person who opens it to the contract.
  site.get('/api', (c) => c.redirect('/api/v1/openapi.json'));

  site.route('/api', createApi(api));

  site.get('/dist/*', async (c) => {
    const path = safeJoin(distDir, rawPath(c.req.raw).slice('/dist/'.length));
    // no-cache: the build changes under a running demo; ETags keep it cheap.
    // Any site may load the widget: a module script from another origin is fetched with CORS.
    // Chunks are named by their content: cached for good. The entry keeps its name: revalidated (ETag), as the build changes under a running demo.
    const immutable = /^\/dist\/chunks\/[\w.-]+-[\w-]{8}\.js$/.test(rawPath(c.req.raw));
    const res = path
      ? await fileResponse(path, c.req.raw, {
          cacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          headers: { 'Access-Control-Allow-Origin': '*' },
          precompressed: true,
        })
      : null;
    return res ?? notFoundPage();
  });

  const titleOf = options.db.prepare('SELECT title FROM consultations WHERE id = ?');
  site.get('/consultations/:id', (c) => {
    const id = c.req.param('id');
    const row = Id.safeParse(id).success ? (titleOf.get(id) as { title: string } | undefined) : undefined;
    if (!row) return notFoundPage();
    const lang = c.req.query('lang') === 'en' ? 'en' : 'ar';
    const title = JSON.parse(row.title) as LocalizedText;
    return htmlResponse(consultationPage(id, lang, title[lang] ?? Object.values(title)[0] ?? id));
  });

  // Everything else is a demo file: `/` is demo/index.html, `/en/` demo/en/index.html.
  site.get('*', async (c) => {
    const urlPath = rawPath(c.req.raw);
    const path = safeJoin(demoDir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
    if (!path) return notFoundPage();
    const res = await fileResponse(path, c.req.raw, {
      cacheControl: 'no-cache',
      ...(path.endsWith('.html')
        ? { headers: urlPath.startsWith('/csp/') ? { ...htmlSecurityHeaders, 'Content-Security-Policy': STRICT_CSP } : htmlSecurityHeaders }
        : {}),
    });
    if (res) return res;
    // `/en` is a folder: send the browser to `/en/` so relative links resolve.
    const index = safeJoin(demoDir, `${urlPath}/index.html`);
    if (index && !urlPath.endsWith('/') && (await fileResponse(index, c.req.raw))) {
      return new Response(null, { status: 301, headers: { Location: `${urlPath}/` } });
    }
    return notFoundPage();
  });

  return site;
}

/** The path as sent, still percent-encoded, for safeJoin to decode exactly once. */
function rawPath(request: Request): string {
  return new URL(request.url).pathname;
}

function htmlResponse(html: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', ...htmlSecurityHeaders },
  });
}

function notFoundPage(): Response {
  return htmlResponse(
    '<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>غير موجود</title>' +
      '<p>الصفحة غير موجودة. <span lang="en" dir="ltr">Page not found.</span></p></html>',
    404,
  );
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The consultation's own page on the portal: the element, server-rendered around it. */
function consultationPage(id: string, lang: 'ar' | 'en', title: string): string {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const other = lang === 'ar' ? { href: '?lang=en', label: 'English', lang: 'en' } : { href: '?', label: 'العربية', lang: 'ar' };
  const portalName = lang === 'ar' ? 'بوابة المشاركة الإلكترونية' : 'E-participation portal';
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${portalName}</title>
<style>
  body { margin: 0; font-family: system-ui, "Noto Sans Arabic", "DejaVu Sans", sans-serif; background: #f5f6f7; color: #1c1f23; }
  header, main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  header { display: flex; justify-content: space-between; align-items: center; }
</style>
<script type="module" src="/dist/sharek.js"></script>
</head>
<body>
<header>
  <strong>${portalName}</strong>
  <a href="${other.href}" lang="${other.lang}" hreflang="${other.lang}">${other.label}</a>
</header>
<main>
  <sharek-consultation consultation="${escapeHtml(id)}" api="/api" lang="${lang}"></sharek-consultation>
</main>
</body>
</html>
`;
}

/** The site's options (see SiteOptions and ApiOptions), but a database file instead of a database. */
export interface PortalOptions extends Omit<SiteOptions, 'db' | 'origins'> {
  /** 8080 by default; 0 picks a free port. */
  port?: number;
  hostname?: string;
  dbPath: string;
  /** Embedding origins besides the portal's own (SHAREK_ORIGINS); normalised, garbage dropped with a warning. */
  origins?: string[];
  /** For the admin routes; a random one is made when not given. */
  adminToken?: string;
  /** Seed content for a new database; portal/seed-data.ts by default. */
  seed?: (now: Date) => SeedData;
}

export interface RunningPortal {
  url: string;
  port: number;
  dbPath: string;
  adminToken: string;
  /** The embedding origins it allows besides its own (SHAREK_ORIGINS, normalised). */
  embeddingOrigins: readonly string[];
  /** True when this start wrote the seed into a new database. */
  seeded: boolean;
  close(): Promise<void>;
}

export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const { port: wanted = 8080, hostname, dbPath, origins: configured = [], seed: seedOf, ...site } = options;
  const now = options.now ?? (() => new Date());
  const db = openDatabase(dbPath);
  let seeded: boolean;
  try {
    const seed = seedOf ?? (await import('./seed-data.js')).seedData;
    seeded = seedIfEmpty(db, seed(now()));
  } catch (error) {
    db.close();
    throw error;
  }

  const embeddingOrigins = normaliseOrigins(configured, options.log ?? ((line) => console.warn(line)));
  const origins = [...embeddingOrigins];
  if (options.publicUrl) origins.push(new URL(options.publicUrl).origin);
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  const app = createSite({ ...site, db, origins, adminToken, now });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: wanted, ...(hostname ? { hostname } : {}) }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  // The portal's own pages call the API too; their origin is known only now (port 0).
  origins.push(`http://localhost:${port}`, `http://127.0.0.1:${port}`);

  return {
    url: `http://localhost:${port}`,
    port,
    dbPath,
    adminToken,
    embeddingOrigins,
    seeded,
    close: () =>
      new Promise<void>((resolve, reject) => {
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
  const env = process.env;
  const port = env.PORT ? Number(env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const dbPath = env.SHAREK_DB || '.data/portal.sqlite';
  const adminToken = env.SHAREK_ADMIN_TOKEN || undefined;
  const perParticipant = countFromEnv('SHAREK_COMMENTS_PER_PARTICIPANT');
  const perAddress = countFromEnv('SHAREK_COMMENTS_PER_ADDRESS');
  const portal = await startPortal({
    port,
    dbPath,
    origins: (env.SHAREK_ORIGINS ?? '').split(','),
    ...(env.SHAREK_PUBLIC_URL ? { publicUrl: env.SHAREK_PUBLIC_URL } : {}),
    ...(adminToken ? { adminToken } : {}),
    rateLimits: {
      ...(perParticipant !== undefined ? { perParticipant } : {}),
      ...(perAddress !== undefined ? { perAddress } : {}),
    },
    trustProxy: env.SHAREK_TRUST_PROXY === '1' || env.SHAREK_TRUST_PROXY === 'true',
  });
  const at = (path: string) => `${portal.url}${path}`;
  console.log(
    [
      `Sharek portal on ${portal.url} (database ${dbPath})`,
      `  demo pages   ${at('/')} (Arabic), ${at('/en/')}, ${at('/have-your-say/')}, ${at('/builder/')}, ${at('/react/')}, ${at('/csp/')}`,
      `  the script   ${at('/dist/sharek.js')} (its chunks under /dist/chunks/)`,
      `  the API      ${at('/api')} (contract: ${at('/api/v1/openapi.json')})`,
      `  portal pages ${at('/consultations/{id}')}`,
    ].join('\n'),
  );
  console.log(embeddingNotice(portal.embeddingOrigins));
  if (portal.seeded) console.log('Seeded a new database.');
  if (!adminToken) console.log(`SHAREK_ADMIN_TOKEN not set; development admin token: ${portal.adminToken}`);
  const stop = () => {
    portal.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function countFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of comments, not "${raw}"`);
  return n;
}

if (isEntryPoint(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
