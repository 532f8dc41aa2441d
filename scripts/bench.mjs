// npm run bench: how heavy Sharek is, how fast it shows content, how much it
// shifts the host page, how many requests it makes, and what the reference
// portal sustains on this machine. It prints tables and writes BENCHMARKS.md.
//
// Benchmarks print numbers; they assert nothing about time (the size budget is
// a test: test/e2e/size.test.ts). Every load goes to a portal bound to
// 127.0.0.1, bounded in count and in time, on temporary databases.
//
// The portal runs in a child process (this script, forked with
// SHAREK_BENCH_PORTAL set), so the load generator does not share its thread.
import { fork, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));

// ---------------------------------------------------------------- main

async function main() {
  process.chdir(root);
  const { ensureDependencies, requireChrome, CHROME_ARGS } = await import('./setup.mjs');
  ensureDependencies();
  const chromePath = requireChrome();
  ensureBuild();

  const { CHUNK_BUDGETS_KB, chunkName, gzipSize } = await import('./size-budget.mjs');
  const { default: puppeteer } = await import('puppeteer-core');

  const started = Date.now();
  // A hard stop: whatever hangs, the bench ends, and its children with it.
  const watchdog = setTimeout(() => {
    console.error('\nbench: still running after 10 minutes; stopping.');
    cleanup();
    process.exit(1);
  }, 10 * 60_000);
  watchdog.unref();

  const tmp = mkdtempSync(join(os.tmpdir(), 'sharek-bench-'));
  const children = new Set();
  let browser;
  const cleanup = () => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  // --only=<word>: run the sections whose title has <word> (for working on one); BENCHMARKS.md is then left alone.
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).toLowerCase();
  const report = { sections: [], failed: [] };
  const section = async (title, fn) => {
    if (only && !title.toLowerCase().includes(only)) return;
    console.log(`\n== ${title}`);
    const t0 = Date.now();
    const cpu0 = process.cpuUsage();
    try {
      const blocks = await fn();
      report.sections.push({ title, blocks });
      for (const block of blocks) console.log(renderText(block));
    } catch (error) {
      console.error(`   FAILED: ${error?.stack ?? error}`);
      report.failed.push(title);
      report.sections.push({ title, blocks: [{ note: `Failed: ${String(error?.message ?? error)}` }] });
    }
    const cpu = process.cpuUsage(cpu0);
    console.log(`   (${((Date.now() - t0) / 1000).toFixed(1)} s, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU in this process)`);
  };

  const startPortal = (name, options = {}) => startChildPortal(children, { name, ...options });

  try {
    // The demo pages and the bench's own pages, served by the portal from a temporary root.
    const site = join(tmp, 'site');
    mkdirSync(join(site, 'dist'), { recursive: true });
    // The script, its chunks and their compressed twins: what the portal serves from /dist/.
    cpSync('dist', join(site, 'dist'), { recursive: true, filter: (src) => !/dist[\\/](esm|sharek-wordpress\.zip)/.test(src) });
    cpSync('demo', join(site, 'demo'), { recursive: true });
    mkdirSync(join(site, 'demo/bench'), { recursive: true });

    browser = await puppeteer.launch({
      executablePath: chromePath,
      headless: true,
      args: CHROME_ARGS,
      defaultViewport: { width: 1280, height: 800 },
    });
    const machine = {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      chromium: await browser.version(),
      date: new Date().toISOString(),
      loadStart: os.loadavg()[0],
    };
    console.log('Machine:', Object.entries(machine).map(([k, v]) => `${k} ${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(1) : v}`).join(' · '));

    await section('Sizes', () => sizes({ gzipSize, CHUNK_BUDGETS_KB, chunkName }));

    // One portal on a fresh seeded database for the page measurements.
    const pagesPortal = await startPortal('pages', { dbPath: join(tmp, 'pages.sqlite'), rootDir: site });
    const api = (path) => fetchJson(`${pagesPortal.url}/api${path}`);
    const demoHtml = readFileSync('demo/index.html', 'utf8');
    const ids = [...demoHtml.matchAll(/<sharek-consultation consultation="([^"]+)"><\/sharek-consultation>/g)].map((m) => m[1]);
    const consultations = await Promise.all(ids.map((id) => api(`/v1/consultations/${id}`)));
    writeFileSync(join(site, 'demo/bench/static.html'), staticPage(demoHtml, consultations));
    writeFileSync(join(site, 'demo/bench/unreserved.html'), unreservedPage(demoHtml));
    writeFileSync(join(site, 'demo/bench/handwritten.html'), handwrittenPage(demoHtml));
    writeFileSync(join(site, 'demo/bench/handwritten.js'), HANDWRITTEN_JS);
    writeFileSync(join(site, 'demo/bench/card.html'), cardPage('e-participation-instructions'));
    writeFileSync(join(site, 'demo/bench/comments.html'), commentsPage('e-participation-instructions'));

    await section('Time to content and layout shift', () =>
      timeToContent(browser, pagesPortal.url, pick(consultations[0].title, 'ar')),
    );
    await section('What each page loads', () => pageLoads(browser, pagesPortal.url, pick(consultations[0].title, 'ar'), gzipSize));
    await section('Layout shift on every demo page', () => shiftByPage(browser, pagesPortal.url));
    await section('Lighthouse, mobile', () => lighthouseRuns(browser, pagesPortal.url));
    await section('Requests for a card with two polls', () => requests(browser, pagesPortal.url, consultations[0]));
    await section('Floors', () => floors(browser, { gzipSize, chunkName }));
    await pagesPortal.close();

    await section('Portal throughput', async () => {
      const dbPath = join(tmp, 'load.sqlite');
      // Many participants from one address (the load generator): the per-address limit is raised, nothing else.
      const portal = await startPortal('load', { dbPath, rootDir: site, rateLimits: { perAddress: 1_000_000, perParticipant: 1_000_000 } });
      try {
        return await throughput(portal.url, dbPath);
      } finally {
        await portal.close();
      }
    });

    await section('10,000 published comments', async () => {
      const dbPath = join(tmp, 'many.sqlite');
      const inserted = await manyComments(dbPath, 'e-participation-instructions', 10_000);
      const portal = await startPortal('many', { dbPath, rootDir: site });
      try {
        return await commentsAtScale(browser, portal.url, inserted);
      } finally {
        await portal.close();
      }
    });

    const took = (Date.now() - started) / 1000;
    console.log(`\nbench took ${took.toFixed(0)} s`);
    if (only) {
      console.log('\n--only: BENCHMARKS.md was not written.');
    } else if (report.failed.length) {
      console.error(`\nFailed: ${report.failed.join(', ')}. BENCHMARKS.md was not written.`);
      process.exitCode = 1;
    } else {
      writeFileSync('BENCHMARKS.md', renderMarkdown(machine, report, took));
      console.log('Wrote BENCHMARKS.md');
    }
  } finally {
    await browser?.close().catch(() => {});
    for (const child of children) child.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

// ---------------------------------------------------------------- build

/** Builds when dist/ is missing or older than anything it is built from. */
function ensureBuild() {
  const outputs = ['dist/sharek.js', 'dist/esm/index.js', 'dist/esm/sharek.js'];
  const sources = ['src', 'rollup.config.mjs', 'tsconfig.build.json', 'package-lock.json'];
  const oldestOutput = Math.min(...outputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : -Infinity)));
  const newestSource = Math.max(...sources.map(newestMtime));
  if (oldestOutput >= newestSource) return;
  console.log(oldestOutput === -Infinity ? 'dist/ is missing: building…' : 'dist/ is older than src/: building…');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('bench: the build failed.');
    process.exit(1);
  }
}

function newestMtime(path) {
  if (!existsSync(path)) return -Infinity;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

// ---------------------------------------------------------------- child portal

/** Starts the portal in a child process on 127.0.0.1; resolves with its URL and a close(). */
function startChildPortal(children, { name, dbPath, rootDir, rateLimits }) {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, SHAREK_BENCH_PORTAL: JSON.stringify({ dbPath, rootDir, rateLimits }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then(() => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`portal "${name}" did not start within 30 s`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`portal "${name}" exited (${code}) before listening`));
    });
    child.once('message', ({ url }) => {
      clearTimeout(timer);
      resolve({
        url,
        close: async () => {
          if (child.connected) child.disconnect();
          const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(kill);
        },
      });
    });
  });
}

async function fetchJson(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return res.json();
}

// ---------------------------------------------------------------- 1. sizes

async function sizes({ gzipSize, CHUNK_BUDGETS_KB, chunkName }) {
  const brotli = (b) => brotliCompressSync(b, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
  const kb = (n) => (n / 1024).toFixed(1);
  const files = ['dist/sharek.js', ...listFiles('dist/chunks').filter((f) => f.endsWith('.js')).sort()];
  const rows = files.map((file) => {
    const bytes = readFileSync(file);
    const name = chunkName(relative('dist', file).replaceAll('\\', '/'));
    const gz = gzipSize(bytes);
    const budget = CHUNK_BUDGETS_KB[name];
    return [`\`${relative('dist', file).replaceAll('\\', '/')}\``, kb(bytes.length), kb(gz), kb(brotli(bytes)), budget === undefined ? 'none' : `${budget} (${gz <= budget * 1024 ? 'within' : 'OVER'})`];
  });
  const esmFiles = listFiles('dist/esm').filter((f) => f.endsWith('.js'));
  const esmTotal = esmFiles.reduce((n, f) => n + statSync(f).size, 0);
  return [
    {
      title: 'The script and its chunks (minified; gzip -9; brotli q11, as the portal serves them; 1 KB = 1024 bytes)',
      head: ['File', 'Minified KB', 'gzip KB', 'brotli KB', 'Budget KB gzip (test/e2e/size.test.ts)'],
      rows,
      note:
        `A page loads \`sharek.js\` and, from it, only the chunks of the elements it has (see "What each page loads"). ` +
        `\`dompurify\` only where the browser has no HTML Sanitizer API; the Arabic messages only for Arabic elements: \`ar\` (shared) and \`ar-<element>\` for each element shown. ` +
        `\`dist/esm/\` as shipped for bundlers: ${esmFiles.length} unminified files, ${kb(esmTotal)} KB, dependencies left as imports.`,
    },
  ];
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

// ---------------------------------------------------------------- pages

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);
const pick = (localized, lang) => localized[lang] ?? Object.values(localized)[0] ?? '';

/**
 * The demo page with each card replaced by the same content as plain HTML, and
 * no script: what a ministry would publish without the widget.
 */
function staticPage(demoHtml, consultations) {
  const byId = new Map(consultations.map((c) => [c.id, c]));
  const date = (iso) => new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'Asia/Amman' }).format(new Date(iso));
  let first = true;
  const card = (c) => {
    const titleAttr = first ? ' data-bench-title' : '';
    first = false;
    return `<article class="static-card">
  <p class="meta">${escapeHtml(pick(c.agency.name, 'ar'))}</p>
  <h2${titleAttr}>${escapeHtml(pick(c.title, 'ar'))}</h2>
  <p class="dates">من ${escapeHtml(date(c.opensAt))} إلى ${escapeHtml(date(c.closesAt))}</p>
  <div class="summary">${pick(c.summary, 'ar')}</div>
  ${c.sections.length ? `<section><h3>مواد المشروع</h3>${c.sections
      .map((s) => `<details><summary>المادة ${escapeHtml(s.number)} ${escapeHtml(pick(s.title, 'ar'))}</summary><div>${pick(s.body, 'ar')}</div></details>`)
      .join('\n')}</section>` : ''}
  ${c.documents.length ? `<section><h3>الوثائق</h3><ul>${c.documents.map((d) => `<li><a href="${escapeHtml(d.url)}">${escapeHtml(pick(d.title, 'ar'))}</a></li>`).join('')}</ul></section>` : ''}
</article>`;
  };
  return demoHtml
    .replace(/\s*<script type="module" src="\/dist\/sharek\.js"><\/script>/, '')
    .replace('</head>', '  <style>.static-card{margin-block:1.5rem;padding:1rem;background:#fff;border:1px solid #c9d1d6;border-radius:8px}</style>\n  </head>')
    .replace(/<sharek-consultation consultation="([^"]+)"><\/sharek-consultation>/g, (_m, id) => card(byId.get(id)));
}

/**
 * The same demo page with a hand-written embed instead of Sharek (issue 12's yardstick): a module
 * script that fetches each consultation and writes its title with textContent, nothing else.
 */
function handwrittenPage(demoHtml) {
  let first = true;
  return demoHtml
    .replace(/<script type="module" src="\/dist\/sharek\.js"><\/script>/, '<script type="module" src="/bench/handwritten.js"></script>')
    .replace(/<sharek-consultation consultation="([^"]+)"><\/sharek-consultation>/g, (_m, id) => {
      const attr = first ? ' data-bench-title' : '';
      first = false;
      return `<article class="static-card" data-consultation="${escapeHtml(id)}" style="display:block;min-block-size:40rem"><h2${attr}></h2></article>`;
    });
}

const HANDWRITTEN_JS = `for (const card of document.querySelectorAll('[data-consultation]')) {
  fetch('/api/v1/consultations/' + encodeURIComponent(card.dataset.consultation), { headers: { Accept: 'application/json' } })
    .then((r) => r.json())
    .then((c) => { card.querySelector('h2').textContent = c.title.ar ?? Object.values(c.title)[0]; });
}
`;

/** Undoes demo.css's host rule that holds the cards' room before the script has defined them (README, "Embedding"). */
const NO_RESERVE_CSS = 'sharek-consultation:not(:defined) { min-block-size: 0; }';

/** The demo page as a webmaster who skipped that rule would have it. */
function unreservedPage(demoHtml) {
  return demoHtml.replace('</head>', `  <style>${NO_RESERVE_CSS}</style>\n  </head>`);
}

const benchHead = (title) => `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="sharek-api" content="/api">
<link rel="stylesheet" href="/demo.css">
<script type="module" src="/dist/sharek.js"></script>
</head>`;

function cardPage(id) {
  return `${benchHead('bench: one card')}
<body><main><h1>بطاقة واحدة</h1>
<div id="slot"><sharek-consultation consultation="${escapeHtml(id)}"></sharek-consultation></div>
</main></body></html>
`;
}

function commentsPage(id) {
  return `${benchHead('bench: comments')}
<body><main><h1>التعليقات المنشورة</h1>
<sharek-comments consultation="${escapeHtml(id)}"></sharek-comments>
</main></body></html>
`;
}

// ---------------------------------------------------------------- what each page loads

/**
 * The JavaScript each page fetches, chunk by chunk: as transferred (brotli from
 * the portal) and as gzip -9 of the same files (the goals' unit); for the card
 * page, what had arrived when the first card's title was painted, and all of it
 * once every part of every card has rendered (scrolled to the end).
 */
async function pageLoads(browser, base, expectedTitle, gzipSize) {
  const kb = (n) => (n / 1024).toFixed(1);
  const gzipOf = (url) => {
    const path = new URL(url).pathname.replace(/^\/dist\//, 'dist/');
    return existsSync(path) ? gzipSize(readFileSync(path)) : 0;
  };
  async function load(path, { scroll = false, title = false } = {}) {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      await page.evaluateOnNewDocument(probe, title ? expectedTitle : '\u0000');
      await page.goto(base + path, { waitUntil: 'load', timeout: 20_000 });
      if (title) await page.waitForFunction(() => window.__bench.ttc !== null, { timeout: 15_000, polling: 50 });
      await waitSettled(page).catch(() => undefined);
      if (scroll) {
        // Every card's parts render as the reader nears them: go through the page to the end.
        for (let y = 0; y < 40; y++) {
          const more = await page.evaluate(() => {
            window.scrollBy(0, innerHeight);
            return innerHeight + scrollY < document.documentElement.scrollHeight;
          });
          await new Promise((r) => setTimeout(r, 150));
          if (!more) break;
        }
        await waitSettled(page).catch(() => undefined);
        await new Promise((r) => setTimeout(r, 500));
      }
      return await page.evaluate(() => ({
        ttc: window.__bench.ttc,
        scripts: performance
          .getEntriesByType('resource')
          .filter((e) => /\/dist\/.*\.js(\?|$)/.test(e.name))
          .map((e) => ({ name: e.name, transferred: e.encodedBodySize, end: e.responseEnd })),
      }));
    } finally {
      await context.close();
    }
  }
  const short = (url) => new URL(url).pathname.replace(/^\/dist\//, '');
  const sum = (list, f) => list.reduce((n, x) => n + f(x), 0);
  const row = (label, list, goal) => {
    const gz = sum(list, (x) => gzipOf(x.name));
    return [label, String(list.length), kb(sum(list, (x) => x.transferred)), kb(gz), goal ? `≤ ${goal} KB: ${gz <= goal * 1024 ? 'met' : `NOT met (${kb(gz - goal * 1024)} KB over)`}` : '', list.map((x) => short(x.name)).join(', ')];
  };
  const card = await load('/', { title: true });
  const beforeTitle = card.scripts.filter((x) => x.end <= card.ttc);
  const list = await load('/have-your-say/');
  const whole = await load('/', { scroll: true });
  const english = await load('/en/', { scroll: true });
  return [
    {
      title: 'What each page loads: JavaScript from /dist/, on a phone viewport (390×844), one cold load each',
      head: ['Page and moment', 'Files', 'KB as transferred (brotli)', 'KB gzip -9', 'Goal (gzip)', 'Files'],
      rows: [
        row(`\`/\` (three cards), when the first card's title is painted (${ms(card.ttc)} ms)`, beforeTitle, 20),
        row('`/have-your-say/` (only `<sharek-consultations>`), in all', list.scripts, 20),
        row('`/` every part of every card rendered (scrolled to the end), current Chromium: no DOMPurify', whole.scripts, 50),
        row('`/en/` the same in English: no Arabic messages', english.scripts, 50),
      ],
      note:
        'The goals are issue 12\'s. The core chunk holds zod/mini and the contract (every answer is validated before it is shown), ' +
        'the client, the base class and the shared styles: every element needs it before it can show anything.',
    },
  ];
}

// ---------------------------------------------------------------- Lighthouse

/**
 * Lighthouse 12 (pinned: 13 needs Node 22) with its mobile defaults (simulated
 * slow 4G, 4× slower CPU, a phone's screen), three runs per page, medians, in
 * the bench's own Chromium (a new tab for each run, on its debugging port).
 */
async function lighthouseRuns(browser, base) {
  const { default: lighthouse } = await import('lighthouse');
  const port = Number(new URL(browser.wsEndpoint()).port);
  const pages = ['/', '/en/', '/have-your-say/'];
  const rows = [];
  const longTasks = [];
  for (const path of pages) {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const result = await lighthouse(base + path, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
      const lhr = result.lhr;
      runs.push({
        performance: lhr.categories.performance.score * 100,
        accessibility: lhr.categories.accessibility.score * 100,
        bestPractices: lhr.categories['best-practices'].score * 100,
        tbt: lhr.audits['total-blocking-time'].numericValue,
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
        bootup: lhr.audits['bootup-time']?.numericValue ?? null,
        longTasks: lhr.audits['long-tasks']?.details?.items ?? [],
        fcp: lhr.audits['first-contentful-paint'].numericValue,
      });
    }
    // Where the blocking time goes: the long tasks of the run with the median TBT.
    const middle = [...runs].sort((a, b) => a.tbt - b.tbt)[1];
    longTasks.push(...middle.longTasks.map((t) => ({ path, ...t, afterFcp: t.startTime >= middle.fcp })));
    const m = (k) => median(runs.map((r) => r[k]));
    const verdict = m('performance') >= 95 && m('tbt') <= 200 && m('cls') <= 0.01 && m('accessibility') === 100 && m('bestPractices') === 100;
    rows.push([
      `\`${path}\``,
      m('performance').toFixed(0),
      m('tbt').toFixed(0),
      (m('lcp') / 1000).toFixed(2),
      m('cls').toFixed(3),
      m('accessibility').toFixed(0),
      m('bestPractices').toFixed(0),
      verdict ? 'met' : 'NOT met',
    ]);
  }
  return [
    {
      title: 'Lighthouse 12.2.3, mobile defaults (simulated slow 4G, 4× CPU), median of 3 runs per page',
      head: ['Page', 'Performance (≥ 95)', 'Total Blocking Time ms (≤ 200)', 'LCP s', 'CLS (≤ 0.01)', 'Accessibility (100)', 'Best Practices (100)', 'Goals'],
      rows,
    },
    {
      title: 'Where the blocking time goes: the long tasks of the run with the median TBT on each page (simulated 4× CPU)',
      head: ['Page', 'Starts at ms', 'Takes ms', 'Blocks ms (over 50, after FCP)', 'Attributed to'],
      rows: longTasks
        .sort((a, b) => a.path.localeCompare(b.path) || a.startTime - b.startTime)
        .map((t) => [`\`${t.path}\``, t.startTime.toFixed(0), t.duration.toFixed(0), t.afterFcp ? Math.max(0, t.duration - 50).toFixed(0) : '– (before FCP)', (t.url ?? '').replace(/^https?:\/\/[^/]+/, '') || 'Unattributable']),
      note:
        'Lighthouse names the script that ran longest in each task; a task attributed to a chunk holds its evaluation and the renders it started, ' +
        '"Unattributable" the browser\'s own work (layout, style, ICU data). TBT sums the blocking part of the tasks after the first contentful paint.',
    },
  ];
}

// ---------------------------------------------------------------- floors

/**
 * What no change to Sharek's own code can go below, with its stack (issue 12
 * asks for the measurement when a goal proves out of reach): the bytes every
 * element needs before it shows anything, and the main-thread time of the
 * browser's first date or number format in a page (ICU loading its data),
 * which any widget showing a date in the reader's language pays once.
 */
async function floors(browser, { gzipSize, chunkName }) {
  const kb = (n) => (n / 1024).toFixed(1);
  const chunk = (name) => listFiles('dist/chunks').find((f) => f.endsWith('.js') && chunkName(relative('dist', f).replaceAll('\\', '/')) === name);
  const gz = (name) => gzipSize(readFileSync(name === 'sharek' ? 'dist/sharek.js' : chunk(name)));
  const before = ['sharek', 'loader', 'lit', 'core'];
  const bytes = before.map(gz);
  const total = bytes.reduce((a, b) => a + b, 0);

  // The first Intl format in a fresh page (a new browser context: its own renderer process), then in a page
  // where a worker used Intl first: ICU's data is the process's, so the main thread then pays almost nothing.
  const first = async (language, warmInWorker) => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.goto('about:blank'); // a fresh renderer, nothing of Sharek's or the host's run
      return await page.evaluate(
        `(async () => {
          if (${warmInWorker}) {
            const source = "new Intl.NumberFormat('${language}').format(0); new Intl.DateTimeFormat('${language}', { dateStyle: 'long' }).format(0); postMessage(0);";
            const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
            await new Promise((resolve) => (worker.onmessage = resolve));
          }
          const t0 = performance.now();
          new Intl.NumberFormat('${language}').format(1234);
          const t1 = performance.now();
          new Intl.DateTimeFormat('${language}', { dateStyle: 'long' }).format(0);
          return [t1 - t0, performance.now() - t1];
        })()`,
      );
    } finally {
      await context.close();
    }
  };
  const runs = 7;
  const intlRows = [];
  const figures = {};
  for (const [language, warm] of [['ar', false], ['en', false], ['ar', true]]) {
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await first(language, warm));
    const number = median(times.map((t) => t[0]));
    const date = median(times.map((t) => t[1]));
    const both = number + date;
    if (!warm) figures[language] = both;
    intlRows.push([
      warm ? `\`${language}\`, after a worker used Intl` : `\`${language}\``,
      number.toFixed(1),
      date.toFixed(1),
      (4 * both).toFixed(0),
      Math.max(0, 4 * both - 50).toFixed(0),
    ]);
  }
  return [
    {
      title: 'Bytes every element needs before it shows anything (gzip -9)',
      head: ['Chunk', 'KB gzip'],
      rows: [...before.map((name, i) => [`\`${name}\``, kb(bytes[i])]), ['**All four**', `**${kb(total)}**`]],
      note:
        `The entry, the loader, Lit and the core (zod/mini and the contract every answer is validated against, the client, the base class, ` +
        `the shared styles). Issue 12's goals of 20 KB before the first title and 20 KB for a list page are below this floor before any element's ` +
        `own code or messages: reaching them means leaving Lit or zod, which DESIGN.md chose.`,
    },
    {
      title: `The browser's first number and date format in a page, ms on the main thread (median of ${runs} fresh pages)`,
      head: ['Language', 'First Intl.NumberFormat', 'Then the first Intl.DateTimeFormat', 'Both at Lighthouse\'s 4× CPU', 'Blocking time they add at 4× (over 50 ms)'],
      rows: intlRows,
      note:
        `Every card shows its dates and counts in the reader's language, so it makes one of each. The first in a page loads ICU's data, ` +
        `on the main thread, in one task that cannot be split: ${figures.ar.toFixed(0)} ms here in Arabic, about ${(4 * figures.ar).toFixed(0)} ms in ` +
        `Lighthouse's simulated phone, ${Math.max(0, 4 * figures.ar - 50).toFixed(0)} ms of its 200 ms blocking-time budget. The hand-written embed and ` +
        `the static page format nothing. A worker that formats first takes the cost off the main thread (ICU's data is the process's), ` +
        `but a worker needs \`worker-src\` to allow \`blob:\` (the demo pages' \`default-src 'self'\` does not; a ministry's strict policy would not).`,
    },
  ];
}

// ---------------------------------------------------------------- layout shift, page by page

/** The demo pages a webmaster copies from, each with the host rules the README gives. */
const DEMO_PAGES = ['/', '/en/', '/have-your-say/', '/en/have-your-say/', '/csp/', '/react/', '/builder/'];

/** Cumulative layout shift of each demo page, loaded cold until every element has settled, on a phone and on a desktop. */
async function shiftByPage(browser, base) {
  const viewports = [
    ['390×844 (phone)', { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
    ['1280×800 (desktop)', { width: 1280, height: 800 }],
  ];
  const rows = [];
  const worst = [];
  for (const path of DEMO_PAGES) {
    const row = [`\`${path}\``];
    let met = true;
    for (const [, viewport] of viewports) {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const context = await browser.createBrowserContext();
        try {
          const page = await context.newPage();
          await page.setViewport(viewport);
          await page.evaluateOnNewDocument(probe, '\u0000');
          await page.goto(base + path, { waitUntil: 'load', timeout: 20_000 });
          await waitSettled(page).catch(() => undefined);
          await new Promise((r) => setTimeout(r, 500));
          runs.push(await page.evaluate(() => ({ cls: window.__bench.cls, shifts: window.__bench.shifts })));
        } finally {
          await context.close();
        }
      }
      const cls = median(runs.map((r) => r.cls));
      if (cls > 0.01) met = false;
      row.push(cls.toFixed(4));
      const w = [...runs].sort((a, b) => b.cls - a.cls)[0];
      if (w.cls > 0.01) worst.push(`${path} at ${viewport.width} px, CLS ${w.cls.toFixed(4)}: ${w.shifts.slice(0, 3).map((x) => `${x.value.toFixed(4)} at ${Math.round(x.at)} ms (${x.sources.join('; ')})`).join(' · ')}`);
    }
    row.push(met ? 'met' : 'NOT met');
    rows.push(row);
  }
  return [
    {
      title: 'Cumulative layout shift of each demo page with the README\'s host rules, 3 cold loads each until every element has settled (median; goal ≤ 0.01)',
      head: ['Page', ...viewports.map(([name]) => name), 'Goal'],
      rows,
      note: worst.length ? `Where it shifts: ${worst.join('\n')}` : 'No run of any page shifted more than 0.01.',
    },
  ];
}

// ---------------------------------------------------------------- in-page helpers

/**
 * Installed before any page script (CDP runs it regardless of the page's CSP):
 * records when the first consultation's title is on screen, and layout shifts.
 */
function probe(expectedTitle) {
  const bench = (window.__bench = { ttc: null, inDom: null, nextFrame: null, fcp: null, cls: 0, shifts: [] });
  // The first Intl formatter in a page loads ICU data: how long it took, and when.
  bench.intl = null;
  for (const name of ['NumberFormat', 'DateTimeFormat', 'RelativeTimeFormat', 'PluralRules']) {
    const Real = Intl[name];
    Intl[name] = new Proxy(Real, {
      construct(target, args) {
        const at = performance.now();
        const made = new target(...args);
        bench.intl ??= { at, took: performance.now() - at };
        return made;
      },
    });
  }
  bench.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ at: e.startTime, took: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const titleElement = () =>
    document.querySelector('sharek-consultation')?.shadowRoot?.querySelector('[part~="title"]') ??
    document.querySelector('[data-bench-title]');
  const check = () => {
    const el = titleElement();
    if (el && el.textContent.includes(expectedTitle) && el.getBoundingClientRect().height > 0) {
      // In the DOM with a box in this frame. A task queued now runs once this frame's paint is
      // committed (rendering ends the task that runs animation callbacks): that is "painted".
      // The next frame's callback is later still, after any work queued behind the paint.
      bench.inDom = performance.now();
      setTimeout(() => (bench.ttc = performance.now()));
      requestAnimationFrame(() => (bench.nextFrame = performance.now()));
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  const describe = (node) => {
    if (!node || !node.nodeName) return 'a node inside a shadow root';
    const parts = [];
    for (let n = node; n; n = n.parentNode ?? n.host) {
      if (n.nodeType === 1) parts.unshift(n.localName + (n.getAttribute('part') ? `[part=${n.getAttribute('part')}]` : n.id ? `#${n.id}` : ''));
      if (parts.length >= 4) break;
    }
    return parts.join(' > ');
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      bench.cls += e.value;
      bench.shifts.push({
        value: e.value,
        at: e.startTime,
        sources: (e.sources ?? []).map(
          (s) => `${describe(s.node)} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}, h ${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)}`,
        ),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
}

/** True when no Sharek element on the page, at any depth, is still loading. */
function settled() {
  const hosts = [];
  const walk = (rootNode) => {
    for (const el of rootNode.querySelectorAll('*')) {
      if (el.localName.startsWith('sharek-')) hosts.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  if (!hosts.length) return false;
  return hosts.every(
    (h) => h.shadowRoot && h.shadowRoot.childElementCount > 0 && !h.shadowRoot.querySelector('[part~="loading"], [aria-busy="true"]'),
  );
}

/** Every node in the document, shadow roots included. */
function countNodes() {
  let n = 0;
  const walk = (node) => {
    n++;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(document);
  return n;
}

async function waitSettled(page, timeout = 15_000) {
  await page.waitForFunction(settled, { timeout, polling: 50 });
  await page.waitForNetworkIdle({ idleTime: 300, timeout });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x == null ? '–' : x.toFixed(0));

// ---------------------------------------------------------------- 2–3. time to content, CLS

const RUNS = 7;

async function timeToContent(browser, base, expectedTitle) {
  /** One cold load in a fresh browser context (empty HTTP and code caches). */
  async function load(url, viewport, { settle }) {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      if (viewport) await page.setViewport(viewport);
      await page.evaluateOnNewDocument(probe, expectedTitle);
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
      await page.waitForFunction(() => window.__bench.ttc !== null && window.__bench.nextFrame !== null, { timeout: 15_000, polling: 50 });
      if (settle) await waitSettled(page);
      else await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 });
      // Shifts can follow the last response by a frame or two.
      await new Promise((r) => setTimeout(r, 500));
      return await page.evaluate(() => {
        const res = (match) => performance.getEntriesByType('resource').find((e) => match.test(e.name));
        const script = res(/\/dist\/sharek\.js$/);
        const apiCall = res(/\/api\/v1\/consultations\/[^/?]+$/);
        return {
          ...window.__bench,
          scriptLoaded: script ? script.responseEnd : null,
          apiStarted: apiCall ? apiCall.startTime : null,
          apiAnswered: apiCall ? apiCall.responseEnd : null,
          domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
        };
      });
    } finally {
      await context.close();
    }
  }

  const demo = `${base}/`;
  const plain = `${base}/bench/static.html`;
  // One pair first, not counted: the portal's and Chromium's first requests are slower than any after.
  await load(demo, null, { settle: true });
  await load(plain, null, { settle: false });
  const handwritten = `${base}/bench/handwritten.html`;
  await load(handwritten, null, { settle: false });
  const widget = [];
  const statik = [];
  const byHand = [];
  for (let i = 0; i < RUNS; i++) {
    // Rotate the order so no page always runs on the warmer machine.
    const order = [['widget', 'static', 'hand'], ['static', 'hand', 'widget'], ['hand', 'widget', 'static']][i % 3];
    for (const which of order) {
      if (which === 'widget') widget.push(await load(demo, null, { settle: true }));
      else if (which === 'static') statik.push(await load(plain, null, { settle: false }));
      else byHand.push(await load(handwritten, null, { settle: false }));
    }
  }
  // Layout shift with the whole page in view, so shifts below the widget count too.
  const tall = [];
  for (let i = 0; i < 3; i++) tall.push(await load(demo, { width: 1280, height: 4000 }, { settle: true }));
  const mobile = [];
  for (let i = 0; i < 3; i++) mobile.push(await load(demo, { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, { settle: true }));
  const unreserved = [];
  for (let i = 0; i < 3; i++) unreserved.push(await load(`${base}/bench/unreserved.html`, null, { settle: true }));

  const ttcW = median(widget.map((r) => r.ttc));
  const ttcS = median(statik.map((r) => r.ttc));
  const ratio = ttcW / ttcS;
  const ttcH = median(byHand.map((r) => r.ttc));
  const ratioHand = ttcW / ttcH;
  const clsOf = (runs) => median(runs.map((r) => r.cls));
  const range = (xs) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;

  const ttcTable = {
    title: `Time to content, headless Chromium, ${RUNS} cold runs each (fresh browser context per run), ms from navigation start`,
    head: ['Page', 'Title painted (median)', 'Range', 'Title in DOM', 'Next frame', 'First contentful paint', 'sharek.js loaded', 'API answered'],
    rows: [
      ['Demo page `/`, card from the portal', ms(ttcW), range(widget.map((r) => r.ttc)), ms(median(widget.map((r) => r.inDom))), ms(median(widget.map((r) => r.nextFrame))), ms(median(widget.map((r) => r.fcp))), ms(median(widget.map((r) => r.scriptLoaded))), ms(median(widget.map((r) => r.apiAnswered)))],
      ['The same titles from a hand-written embed (a module script that fetches each consultation and sets the title with textContent)', ms(ttcH), range(byHand.map((r) => r.ttc)), ms(median(byHand.map((r) => r.inDom))), ms(median(byHand.map((r) => r.nextFrame))), ms(median(byHand.map((r) => r.fcp))), '–', ms(median(byHand.map((r) => r.apiAnswered)))],
      ['Same content as static HTML, same server', ms(ttcS), range(statik.map((r) => r.ttc)), ms(median(statik.map((r) => r.inDom))), ms(median(statik.map((r) => r.nextFrame))), ms(median(statik.map((r) => r.fcp))), '–', '–'],
    ],
    note:
      `Ratio widget / hand-written embed: **${ratioHand.toFixed(2)}×** (issue 12's goal ≤ 1.3×: ${ratioHand <= 1.3 ? 'met' : 'NOT met'}); ` +
      `widget / static HTML: ${ratio.toFixed(2)}×. ` +
      `"Title in DOM": the first card's title text in its shadow root (\`[part~=title]\`) with a layout box, checked every animation frame ` +
      `by a script installed before the page's own (the static page: its \`<h2>\`); "Title painted": a task queued from that frame's ` +
      `animation callback, which runs once the frame's rendering (paint included) has ended its task; "Next frame": the next ` +
      `animation callback, later still when work runs between frames (the card builds its polls, form and comments there). ` +
      `Medians of each column separately. Loopback, no throttling; the portal serves the script's files brotli-compressed.`,
    figures: { ttcWidget: ttcW, ttcStatic: ttcS, ratio, ttcHand: ttcH, ratioHand },
  };
  const col = (runs, f) => {
    const xs = runs.map(f).filter((x) => x != null);
    return xs.length ? ms(median(xs)) : '–';
  };
  const busyBefore = (r) => r.longTasks.filter((t) => t.at < r.inDom).reduce((sum, t) => sum + t.took, 0);
  const stepsTable = {
    title: 'Where the time to content goes (medians of the same runs, ms from navigation start)',
    head: ['Step', 'Demo page (widget)', 'Static page'],
    rows: [
      ['HTML parsed (DOMContentLoaded ended; a module script runs just before it ends)', col(widget, (r) => r.domContentLoaded), col(statik, (r) => r.domContentLoaded)],
      ['dist/sharek.js received', col(widget, (r) => r.scriptLoaded), '–'],
      ['First consultation request sent (after the script has run and the card has rendered its placeholder)', col(widget, (r) => r.apiStarted), '–'],
      ['Its answer received', col(widget, (r) => r.apiAnswered), '–'],
      ['First Intl formatter made, at', col(widget, (r) => r.intl?.at), col(statik, (r) => r.intl?.at)],
      ['… and how long making it took (ICU data loading)', col(widget, (r) => r.intl?.took), col(statik, (r) => r.intl?.took)],
      ['Title in DOM', col(widget, (r) => r.inDom), col(statik, (r) => r.inDom)],
      ['Title painted', col(widget, (r) => r.ttc), col(statik, (r) => r.ttc)],
      ['Main thread in long tasks (over 50 ms) before the title, in all', col(widget, busyBefore), col(statik, busyBefore)],
    ],
    note:
      'The static page has no script, so it has nothing to run, ask or format: its title is painted with the first frame. ' +
      'The widget runs its script once the HTML is parsed and the stylesheet is in, asks the portal, makes its first Intl ' +
      'formatter (while the answer is on its way) and renders. Medians of each row separately; "–": not applicable or not seen.',
  };
  const clsTable = {
    title: 'Cumulative layout shift of the demo page while the three cards load (goal ≤ 0.01)',
    head: ['Viewport', 'Runs', 'CLS (median)', 'Max', 'Goal'],
    rows: [
      ['1280×800 (desktop)', String(widget.length), clsOf(widget).toFixed(4), Math.max(...widget.map((r) => r.cls)).toFixed(4), clsOf(widget) <= 0.01 ? 'met' : 'NOT met'],
      ['390×844 (phone)', String(mobile.length), clsOf(mobile).toFixed(4), Math.max(...mobile.map((r) => r.cls)).toFixed(4), clsOf(mobile) <= 0.01 ? 'met' : 'NOT met'],
      ['1280×4000 (stress: the whole page in view, so shifts below the first card count)', String(tall.length), clsOf(tall).toFixed(4), Math.max(...tall.map((r) => r.cls)).toFixed(4), clsOf(tall) <= 0.01 ? 'met' : 'NOT met'],
      [`1280×800, demo page without its host rule for undefined cards (\`${NO_RESERVE_CSS}\`)`, String(unreserved.length), clsOf(unreserved).toFixed(4), Math.max(...unreserved.map((r) => r.cls)).toFixed(4), clsOf(unreserved) <= 0.01 ? 'met' : 'NOT met'],
      ['Static page, 1280×800 (reference)', String(statik.length), clsOf(statik).toFixed(4), Math.max(...statik.map((r) => r.cls)).toFixed(4), ''],
    ],
    note:
      `Layout-shift entries without recent input, summed (PerformanceObserver, buffered) until every Sharek element on the page ` +
      `has loaded and the network is idle, plus 500 ms. The page has a masthead, heading and lead above the first card, and two more ` +
      `cards, a heading and a footer below it.` +
      [
        ['desktop', widget],
        ['phone', mobile],
        ['desktop without the host rule', unreserved],
      ]
        .map(([name, runs]) => {
          const w = [...runs].sort((a, b) => b.cls - a.cls)[0];
          if (!w || w.cls === 0) return '';
          const shifts = [...w.shifts].sort((a, b) => b.value - a.value).slice(0, 3);
          return `\n\nWorst ${name} run (CLS ${w.cls.toFixed(4)}), largest shifts: ` +
            shifts.map((s) => `${s.value.toFixed(4)} at ${s.at.toFixed(0)} ms (${s.sources.slice(0, 3).join('; ') || 'no source'})`).join(' · ') + '.';
        })
        .join(''),
  };
  return [ttcTable, stepsTable, clsTable];
}

// ---------------------------------------------------------------- 4. requests

async function requests(browser, base, consultation) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    let log = [];
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (!url.pathname.startsWith('/api/')) return;
      const headers = res.request().headers();
      log.push({
        method: res.request().method(),
        path: url.pathname + url.search,
        status: res.status(),
        conditional: 'if-none-match' in headers,
        fromCache: res.fromCache(),
      });
    });
    await page.goto(`${base}/bench/card.html`, { waitUntil: 'load' });
    await waitSettled(page);
    const cold = log;
    log = [];
    // A second view in the same page: a new card, as when a single-page app shows it again.
    await page.evaluate(() => {
      const old = document.querySelector('sharek-consultation');
      const again = document.createElement('sharek-consultation');
      again.setAttribute('consultation', old.getAttribute('consultation'));
      old.remove();
      document.querySelector('#slot').append(again);
    });
    await page.waitForFunction(() => document.querySelector('sharek-consultation')?.shadowRoot?.querySelector('[part~="title"]'), { timeout: 15_000 });
    await waitSettled(page);
    const warm = log;

    const summary = (entries) => {
      const by = (s) => entries.filter((e) => e.status === s && !e.fromCache).length;
      return {
        total: entries.length,
        ok: by(200),
        notModified: by(304),
        other: entries.filter((e) => ![200, 304].includes(e.status)).length,
        cache: entries.filter((e) => e.fromCache).length,
        conditional: entries.filter((e) => e.conditional).length,
      };
    };
    const c = summary(cold);
    const w = summary(warm);
    const list = (entries) =>
      entries.map((e) => `${e.method} ${e.path.replace('/api', '')} → ${e.status}${e.conditional ? ' (If-None-Match)' : ''}${e.fromCache ? ' (HTTP cache)' : ''}`);
    return [
      {
        title: `API requests for one card with ${consultation.pollIds.length} polls (\`${consultation.id}\`)`,
        head: ['View', 'Requests', '200', '304', 'Other', 'With If-None-Match', 'From HTTP cache'],
        rows: [
          ['Cold (first view, empty cache)', String(c.total), String(c.ok), String(c.notModified), String(c.other), String(c.conditional), String(c.cache)],
          ['Warm (card removed and added again in the same page)', String(w.total), String(w.ok), String(w.notModified), String(w.other), String(w.conditional), String(w.cache)],
        ],
        note:
          `Cold: ${list(cold).join('; ')}.\n\nWarm: ${list(warm).join('; ')}.` +
          (w.notModified === w.total && w.total > 0 ? '' : '\n\n**Not every warm request was revalidated to a 304.**'),
      },
    ];
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- 5. throughput

async function throughput(base, dbPath) {
  const { default: autocannon } = await import('autocannon');
  const path = '/api/v1/consultations/e-participation-instructions';
  const first = await fetch(base + path);
  const etag = first.headers.get('ETag');
  const consultation = await first.json();
  if (!etag) throw new Error('the consultation answer has no ETag');

  /** Bounded in time: autocannon's own duration, and a stop() should it overrun. */
  const run = (options, limitSeconds) =>
    new Promise((resolve, reject) => {
      const instance = autocannon({ connections: 10, timeout: 10, ...options }, (err, result) => (err ? reject(err) : resolve(result)));
      const guard = setTimeout(() => instance.stop(), limitSeconds * 1000);
      instance.on('done', () => clearTimeout(guard));
    });

  await run({ url: base + path, duration: 1 }, 5); // warm-up, not counted
  const plain = await run({ url: base + path, duration: 5 }, 10);
  const revalidated = await run({ url: base + path, duration: 5, headers: { 'If-None-Match': etag } }, 10);

  const { default: Database } = await import('better-sqlite3');
  const countComments = () => {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return {
        n: db.prepare("SELECT count(*) AS n FROM comments WHERE idempotency_key IS NOT NULL AND body LIKE 'bench %'").get().n,
        mode: db.pragma('journal_mode', { simple: true }),
      };
    } finally {
      db.close();
    }
  };
  const before = countComments();
  const POSTS = 2000;
  let n = 0;
  const posts = await run(
    {
      url: base,
      amount: POSTS,
      requests: [
        {
          method: 'POST',
          path: `${path}/comments`,
          setupRequest: (req) => ({
            ...req,
            headers: {
              'Content-Type': 'application/json',
              Accept: 'application/json',
              'Idempotency-Key': randomUUID(),
              'Sharek-Participant': randomUUID(),
            },
            body: JSON.stringify({
              body: `bench ${++n}: تعليق تجريبي على مشروع التعليمات لقياس سرعة الحفظ. A benchmark comment on the draft.`,
              stakeholderType: 'individual',
              policyVersion: consultation.commenting.policyVersion,
            }),
          }),
        },
      ],
    },
    60,
  );
  const after = countComments();
  const stored = after.n - before.n;

  const row = (name, r) => [
    name,
    (r.requests.total / r.duration).toFixed(0),
    String(r.requests.p50),
    String(r.latency.p50),
    String(r.latency.p99),
    statusSummary(r),
    String(r.errors + r.timeouts),
  ];
  const created = posts.statusCodeStats?.['201']?.count ?? 0;
  return [
    {
      title: 'Portal throughput on 127.0.0.1 (autocannon, 10 connections; the portal alone in a child process)',
      head: ['Request', 'Requests/s (overall)', 'Per-second median', 'Latency p50 ms', 'p99 ms', 'Status codes', 'Errors'],
      rows: [
        row('GET consultation, 5 s', plain),
        row('GET consultation with If-None-Match, 5 s', revalidated),
        row(`POST comment, ${POSTS} (distinct participants and keys)`, posts),
      ],
      note:
        `The consultation answer is ${(Buffer.byteLength(JSON.stringify(consultation)) / 1024).toFixed(1)} KB of JSON; a 304 has no body. ` +
        `POSTs: SQLite journal_mode=${after.mode}, synchronous=FULL (each 201 is on disk), one IMMEDIATE transaction per comment; ` +
        `${created} answered 201 and ${stored} rows were stored${created === stored ? ' (equal)' : ' (NOT equal)'}; ` +
        `${posts.duration.toFixed(1)} s in all. The per-address rate limit was raised for the load generator's one address.`,
    },
  ];
}

function statusSummary(r) {
  return Object.entries(r.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}×${count}`)
    .join(', ');
}

// ---------------------------------------------------------------- 6. 10,000 comments

/** A seeded database with `count` published comments on one consultation, written directly in one transaction. */
async function manyComments(dbPath, consultationId, count) {
  const { tsImport } = await import('tsx/esm/api');
  const { openDatabase, seedIfEmpty } = await tsImport('../portal/db.ts', import.meta.url);
  const { seedData } = await tsImport('../portal/seed-data.ts', import.meta.url);
  const now = new Date();
  const db = openDatabase(dbPath);
  try {
    seedIfEmpty(db, seedData(now));
    const { policy_version: policyVersion } = db.prepare('SELECT policy_version FROM consultations WHERE id = ?').get(consultationId);
    const sections = db.prepare('SELECT id FROM sections WHERE consultation_id = ? ORDER BY position').all(consultationId).map((r) => r.id);
    const types = ['individual', 'private_sector', 'civil_society', 'academia', 'government'];
    const insert = db.prepare(`
      INSERT INTO comments (id, consultation_id, section_id, body, display_name, stakeholder_type, policy_version, status,
        participant, created_at, moderated_at, reply_body, reply_created_at, idempotency_key, accepted_status)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?, ?, 'pending')`);
    const t0 = performance.now();
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const created = new Date(now.getTime() - 3_600_000 - i * 60_000).toISOString();
        const body =
          i % 2
            ? `تعليق رقم ${i + 1}: أقترح توضيح المدة التي تُنشر خلالها الملاحظات، وبيان الجهة المسؤولة عن الرد عليها. `.repeat(1 + (i % 3))
            : `Comment ${i + 1}: please say how long the agency has to reply, and publish the replies next to the comments. `.repeat(1 + (i % 3));
        insert.run(
          randomUUID(),
          consultationId,
          i % 3 === 0 ? null : sections[i % sections.length],
          body.trim(),
          i % 4 === 0 ? `مشارك ${i + 1}` : null,
          types[i % types.length],
          policyVersion,
          randomUUID(),
          created,
          created,
          i % 10 === 0 ? 'شكراً لملاحظتك، سننظر فيها عند إعداد الصيغة النهائية.' : null,
          i % 10 === 0 ? created : null,
          randomUUID(),
        );
      }
    })();
    const insertMs = performance.now() - t0;
    const total = db.prepare("SELECT count(*) AS n FROM comments WHERE consultation_id = ? AND status = 'published'").get(consultationId).n;
    return { count, total, insertMs };
  } finally {
    db.close();
  }
}

async function commentsAtScale(browser, base, inserted) {
  const url = `${base}/bench/comments.html`;
  const firstPage = () => {
    const list = () => document.querySelector('sharek-comments')?.shadowRoot?.querySelectorAll('[part~="comment"]').length ?? 0;
    return new Promise((resolve) => {
      const api = () => performance.getEntriesByType('resource').find((e) => /\/comments\?limit=/.test(e.name))?.responseEnd ?? null;
      const check = () => (list() > 0 ? resolve({ t: performance.now(), api: api() }) : requestAnimationFrame(check));
      check();
    });
  };
  const shown = () => document.querySelector('sharek-comments').shadowRoot.querySelectorAll('[part~="comment"]').length;

  const times = [];
  let nodes;
  for (let i = 0; i < 6; i++) {
    const context = await browser.createBrowserContext();
    // (rAF polling, as for the card; the first comment is in the DOM, painted in that frame.)
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
      const first = await page.evaluate(firstPage);
      if (i > 0) times.push(first); // the first run warms the portal, not counted
      if (i < 5) continue;
      // The last run also pages twice and counts what is in the DOM.
      await waitSettled(page);
      const heap = async () => ((await page.metrics()).JSHeapUsedSize / 2 ** 20).toFixed(1);
      nodes = [{ step: 'First page', comments: await page.evaluate(shown), nodes: await page.evaluate(countNodes), heap: await heap(), ms: null }];
      for (const step of ['After "Show more comments" once', 'After "Show more comments" twice']) {
        const before = await page.evaluate(shown);
        const t0 = await page.evaluate(() => performance.now());
        await page.evaluate(() => document.querySelector('sharek-comments').shadowRoot.querySelector('[part~="more"]').click());
        await page.waitForFunction((n) => document.querySelector('sharek-comments').shadowRoot.querySelectorAll('[part~="comment"]').length > n, { timeout: 15_000, polling: 'raf' }, before);
        const t1 = await page.evaluate(() => performance.now());
        await waitSettled(page);
        nodes.push({ step, comments: await page.evaluate(shown), nodes: await page.evaluate(countNodes), heap: await heap(), ms: t1 - t0 });
      }
    } finally {
      await context.close();
    }
  }
  const perComment = (nodes[2].nodes - nodes[0].nodes) / (nodes[2].comments - nodes[0].comments);
  const fixed = nodes[0].nodes - perComment * nodes[0].comments;
  const growsWithTotal = nodes[0].comments >= inserted.total;
  return [
    {
      title: `${inserted.total.toLocaleString('en')} published comments on one consultation: \`<sharek-comments>\` alone on a page`,
      head: ['Step', 'Comments in the DOM', 'DOM nodes (shadow roots included)', 'JS heap MB', 'Time ms'],
      rows: [
        [
          'Time to first page (median of 5 cold runs, from navigation start to the first comment in the DOM)',
          '',
          '',
          '',
          `${ms(median(times.map((x) => x.t)))} (${ms(Math.min(...times.map((x) => x.t)))}–${ms(Math.max(...times.map((x) => x.t)))}); its API answer at ${ms(median(times.map((x) => x.api ?? NaN)))}`,
        ],
        ...nodes.map((s) => [s.step, String(s.comments), String(s.nodes), s.heap, s.ms == null ? '' : `${ms(s.ms)} (click to next page shown)`]),
      ],
      note:
        `${inserted.count.toLocaleString('en')} comments written straight into SQLite in one transaction (${ms(inserted.insertMs)} ms). ` +
        `The list shows one page (20) at a time and grows only when the reader asks for more: about ${perComment.toFixed(0)} nodes per comment ` +
        `on top of ${fixed.toFixed(0)} for the page and the element, so the DOM is bounded by the pages shown, not by the ` +
        `${inserted.total.toLocaleString('en')} comments stored` +
        (growsWithTotal ? ' — **but the first page holds every comment: not paged.**' : ` (all of them would be about ${Math.round(fixed + perComment * inserted.total).toLocaleString('en')} nodes).`),
      figures: { firstNodes: nodes[0].nodes, perComment: Math.round(perComment), bounded: !growsWithTotal && nodes[0].comments <= 100 },
    },
  ];
}

// ---------------------------------------------------------------- output

function renderText(block) {
  const out = [];
  if (block.title) out.push(`-- ${block.title}`);
  if (block.head) {
    const rows = [block.head, ...block.rows].map((r) => r.map((c) => String(c).replaceAll('`', '').replaceAll('**', '')));
    const widths = block.head.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
    const line = (r) => '   ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    out.push(line(rows[0]), '   ' + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line));
  }
  if (block.note) out.push(...block.note.replaceAll('`', '').replaceAll('**', '').split('\n\n').map((p) => `   ${p}`));
  return out.join('\n');
}

function renderMarkdown(machine, report, took) {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.mjs); run it again to refresh. Benchmarks print numbers and assert nothing about time;',
    'the size budget is a test (test/e2e/size.test.ts, budget in scripts/size-budget.mjs). Every load targets a portal on 127.0.0.1,',
    'bounded in count and time, on temporary databases. Timings are from one machine on one day: compare runs on the same machine.',
    '',
    '| Machine | |',
    '| --- | --- |',
    `| CPU | ${machine.cpu}, ${machine.cores} cores |`,
    `| Memory | ${machine.memory} |`,
    `| OS | ${machine.os} |`,
    `| Node | ${machine.node} |`,
    `| Chromium | ${machine.chromium} (headless) |`,
    `| Date | ${machine.date} |`,
    `| Bench took | ${took.toFixed(0)} s |`,
    `| Load average (1 min) | ${machine.loadStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end` +
      // The end figure includes the bench's own browser, portals and load generator; only the start says whether other work was running.
      (machine.loadStart > machine.cores
        ? ` (more than ${machine.cores} cores at the start: other work competed for the CPU; times are slower and noisier)`
        : ' (the end figure counts the bench\'s own browser, portals and load generator)') +
      ' |',
    '',
  ];
  const goals = summaryOfGoals(report);
  if (goals.length) lines.push('## Goals', '', '| Goal | Measured | |', '| --- | --- | --- |', ...goals.map((g) => `| ${g.join(' | ')} |`), '');
  for (const s of report.sections) {
    lines.push(`## ${s.title}`, '');
    for (const b of s.blocks) {
      if (b.title) lines.push(`### ${b.title}`, '');
      if (b.head) {
        lines.push(`| ${b.head.join(' | ')} |`, `| ${b.head.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`);
        for (const r of b.rows) lines.push(`| ${r.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`);
        lines.push('');
      }
      if (b.note) lines.push(b.note, '');
    }
  }
  return lines.join('\n');
}

/** The issue's goals next to the figures, from the tables already made. */
function summaryOfGoals(report) {
  const find = (prefix) => report.sections.flatMap((s) => s.blocks).find((b) => b.title?.startsWith(prefix));
  const out = [];
  const loads = find('What each page loads');
  if (loads) for (const r of loads.rows.slice(0, 3)) out.push([`JavaScript, ${r[0]}`, `${r[3]} KB gzip (${r[2]} KB as transferred)`, r[4]]);
  const lh = find('Lighthouse');
  if (lh) for (const r of lh.rows) out.push([`Lighthouse mobile ${r[0]}: Performance ≥ 95, TBT ≤ 200 ms, CLS ≤ 0.01, A11y and BP 100`, `${r[1]}; ${r[2]} ms; ${r[4]}; ${r[5]}; ${r[6]}`, r[7]]);
  const pages = find('Cumulative layout shift of each demo page');
  if (pages) for (const r of pages.rows) out.push([`CLS ≤ 0.01 on ${r[0]} (phone; desktop)`, `${r[1]}; ${r[2]}`, r[3]]);
  const ttc = find('Time to content');
  if (ttc?.figures) {
    const { ttcWidget, ttcStatic, ratio, ttcHand, ratioHand } = ttc.figures;
    out.push(['Time to the title ≤ 1.3× a hand-written embed', `${ratioHand.toFixed(2)}× (${ms(ttcWidget)} vs ${ms(ttcHand)} ms)`, ratioHand <= 1.3 ? 'met' : 'NOT met']);
    out.push(['… and against static HTML (reported)', `${ratio.toFixed(2)}× (${ms(ttcWidget)} vs ${ms(ttcStatic)} ms)`, '']);
  }
  const cls = find('Cumulative layout shift');
  if (cls) for (const r of cls.rows.slice(0, 2)) out.push([`CLS ≤ 0.01, ${r[0]}`, r[2], r[4]]);
  const many = report.sections.find((s) => s.title.startsWith('10,000'))?.blocks[0];
  if (many?.figures) {
    const { firstNodes, perComment, bounded } = many.figures;
    out.push(['10,000 comments: DOM bounded (paged)', `${firstNodes} nodes for the first 20; about ${perComment} more per comment shown`, bounded ? 'met' : 'NOT met']);
  }
  const req = find('API requests');
  if (req) out.push(['Warm view revalidates (304s)', `${req.rows[1][3]} of ${req.rows[1][1]} answered 304`, req.rows[1][3] === req.rows[1][1] && req.rows[1][1] !== '0' ? 'met' : 'NOT met']);
  return out;
}

// ---------------------------------------------------------------- child mode or main
// (last, so every const above is initialised before main() runs)

if (process.env.SHAREK_BENCH_PORTAL) {
  const config = JSON.parse(process.env.SHAREK_BENCH_PORTAL);
  const { tsImport } = await import('tsx/esm/api');
  const { startPortal } = await tsImport('../portal/main.ts', import.meta.url);
  const portal = await startPortal({
    port: 0,
    hostname: '127.0.0.1',
    dbPath: config.dbPath,
    rootDir: config.rootDir,
    adminToken: 'bench-admin-token',
    ...(config.rateLimits ? { rateLimits: config.rateLimits } : {}),
    logError: (error) => console.error('[portal]', error),
  });
  process.send({ url: `http://127.0.0.1:${portal.port}` });
  // The parent going away, by design or by crash, stops the portal.
  process.on('disconnect', () => {
    portal.close().finally(() => process.exit(0));
  });
} else {
  await main();
}
