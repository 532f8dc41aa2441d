/**
 * The whole site as one Hono app: the API at `/api` (app.ts), the built
 * widget at `/dist`, the demo pages at `/`, each consultation's own page at
 * `/consultations/{id}`, and in development the sign-in issuer at
 * `/dev-issuer` (dev-issuer.ts).
 *
 * Every HTML page is sent with a Content-Security-Policy that also stops
 * other sites from framing it (`frame-ancestors 'self'`, and
 * `X-Frame-Options` for older browsers), `<base>` from moving its links,
 * forms from posting elsewhere and plugins from loading; every answer carries
 * HSTS when the portal's public URL is https.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { fileURLToPath } from 'node:url';
import { Id, type LocalizedText } from '../src/api/schemas.js';
import { createApi, type ApiOptions } from './app.js';
import { DEV_ISSUER_PATH } from './dev-issuer.js';
import { fileResponse, safeJoin } from './static.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/** What every page's policy adds: no framing by other sites, no `<base>`, forms post here only, no plugins. */
export const PAGE_LOCKDOWN = "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/** For every HTML page the portal serves. The demo and the widget load only same-origin files. */
const htmlSecurityHeaders: Record<string, string> = {
  'Content-Security-Policy': `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; ${PAGE_LOCKDOWN}`,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** HSTS for a year, sent when the public URL is https. */
export const HSTS = 'max-age=31536000';

/**
 * The strict-CSP demo (`/csp/`): what a ministry with a strict policy sends, with the
 * Trusted Types policies Sharek really uses (see src/shared/sanitize.ts and the README).
 */
export const STRICT_CSP =
  `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; ${PAGE_LOCKDOWN}; ` +
  "require-trusted-types-for 'script'; trusted-types lit-html sharek";

/** The API's options (app.ts; `origins` is read on every request, see startPortal), and where the pages are. */
export interface SiteOptions extends Omit<ApiOptions, 'documentsDir'> {
  /** Holds `dist/` and `demo/`; the repository root by default. */
  rootDir?: string;
  /** The development sign-in issuer's routes, mounted at `/dev-issuer` (never in production). */
  devIssuer?: Hono;
  /** Send HSTS (the public URL is https). */
  hsts?: boolean;
}

/** The whole site as a Hono app, without listening, so tests can call `request()`. */
export function createSite(options: SiteOptions): Hono {
  const { rootDir = repoRoot, devIssuer, hsts, ...api } = options;
  const distDir = `${rootDir}/dist`;
  const demoDir = `${rootDir}/demo`;
  const site = new Hono();

  if (hsts) {
    site.use('*', async (c, next) => {
      await next();
      c.res.headers.set('Strict-Transport-Security', HSTS);
    });
  }
  if (devIssuer) site.route(DEV_ISSUER_PATH, devIssuer);

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
    // `/en` is a folder: send the browser to `/en/` so relative links resolve. One leading slash,
    // always: `//en/` would be a protocol-relative URL, a redirect to the host `en`.
    const index = safeJoin(demoDir, `${urlPath}/index.html`);
    if (index && !urlPath.endsWith('/') && (await fileResponse(index, c.req.raw))) {
      return new Response(null, { status: 301, headers: { Location: `/${urlPath.replace(/^[/\\]+/, '')}/` } });
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

