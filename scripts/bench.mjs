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

  const { SIZE_BUDGET_GZIP_KB, ISSUE_GOAL_GZIP_KB, gzipSize } = await import('./size-budget.mjs');
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
    cpSync('dist/sharek.js', join(site, 'dist/sharek.js'));
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

    await section('Sizes', () => sizes({ gzipSize, SIZE_BUDGET_GZIP_KB, ISSUE_GOAL_GZIP_KB }));

    // One portal on a fresh seeded database for the page measurements.
    const pagesPortal = await startPortal('pages', { dbPath: join(tmp, 'pages.sqlite'), rootDir: site });
    const api = (path) => fetchJson(`${pagesPortal.url}/api${path}`);
    const demoHtml = readFileSync('demo/index.html', 'utf8');
    const ids = [...demoHtml.matchAll(/<sharek-consultation consultation="([^"]+)"><\/sharek-consultation>/g)].map((m) => m[1]);
    const consultations = await Promise.all(ids.map((id) => api(`/v1/consultations/${id}`)));
    writeFileSync(join(site, 'demo/bench/static.html'), staticPage(demoHtml, consultations));
    writeFileSync(join(site, 'demo/bench/unreserved.html'), unreservedPage(demoHtml));
    writeFileSync(join(site, 'demo/bench/card.html'), cardPage('e-participation-instructions'));
    writeFileSync(join(site, 'demo/bench/comments.html'), commentsPage('e-participation-instructions'));

    await section('Time to content and layout shift', () =>
      timeToContent(browser, pagesPortal.url, pick(consultations[0].title, 'ar')),
    );
    await section('Layout shift on every demo page', () => shiftByPage(browser, pagesPortal.url));
    await section('Requests for a card with two polls', () => requests(browser, pagesPortal.url, consultations[0]));
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

async function sizes({ gzipSize, SIZE_BUDGET_GZIP_KB, ISSUE_GOAL_GZIP_KB }) {
  const { rollup } = await import('rollup');
  const { default: resolve } = await import('@rollup/plugin-node-resolve');
  const { default: terser } = await import('@rollup/plugin-terser');
  const { minify } = await import('terser');
  const { default: minifyCss } = await import('./minify-css.mjs');
  // The same minifiers and settings as the single-file build (rollup.config.mjs).
  const terserOptions = { format: { comments: false }, ecma: 2022, module: true, compress: { passes: 2 } };
  const brotli = (b) =>
    brotliCompressSync(b, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
  const onwarn = () => {};

  const measure = (code) => {
    const b = Buffer.from(code);
    return { min: b.length, gz: gzipSize(b), br: brotli(b) };
  };

  // The whole single file's modules, as rollup renders them (for the breakdown below).
  const modules = [];
  const bundle = await rollup({
    input: 'dist/esm/sharek.js',
    onwarn,
    cache: true,
    plugins: [
      minifyCss(),
      resolve({ browser: true }),
      {
        name: 'module-sizes',
        generateBundle(_o, out) {
          for (const chunk of Object.values(out)) {
            if (chunk.type !== 'chunk') continue;
            for (const [id, m] of Object.entries(chunk.modules)) if (m.code) modules.push({ id, code: m.code });
          }
        },
      },
    ],
  });
  await bundle.generate({ format: 'es' });
  // Every module, parsed once: the per-element bundles below reuse it.
  const cache = bundle.cache;
  await bundle.close();

  /** One entry of dist/esm bundled with everything it imports, minified: the real cost of importing it. */
  async function bundled(input) {
    const bundle = await rollup({ input, onwarn, cache, plugins: [minifyCss(), resolve({ browser: true }), terser(terserOptions)] });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    return output.filter((o) => o.type === 'chunk').map((o) => o.code).join('\n');
  }

  const single = measure(readFileSync('dist/sharek.js'));
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const entries = Object.entries(pkg.exports)
    .map(([name, target]) => [name, typeof target === 'string' ? target : target.default])
    .filter(([, file]) => file.startsWith('./dist/esm/') && file.endsWith('.js'));
  // The package's root and define.js export every element: the same modules as dist/sharek.js.
  const perElement = entries.filter(([name]) => name !== '.' && name !== './define.js');
  const bundles = await Promise.all(perElement.map(([, file]) => bundled(file)));
  const rows = [
    ['`dist/sharek.js` (as built: every element, both languages)', single],
    ...perElement.map(([name, file], i) => [`\`sharek${name.slice(1)}\` → ${file.slice(2)} + dependencies`, measure(bundles[i])]),
  ];
  // dist/esm itself: many small unminified files, dependencies left as imports, for bundlers to minify.
  const esmFiles = listFiles('dist/esm').filter((f) => f.endsWith('.js'));
  const esmTotal = esmFiles.reduce((n, f) => n + statSync(f).size, 0);

  const kb = (n) => (n / 1024).toFixed(1);
  const sizeTable = {
    title: 'Build outputs (minified; gzip -9; brotli q11; 1 KB = 1024 bytes)',
    head: ['Output', 'Minified KB', 'gzip KB', 'brotli KB'],
    rows: rows.map(([name, s]) => [name, kb(s.min), kb(s.gz), kb(s.br)]),
    note:
      `\`sharek\` and \`sharek/define.js\` hold every element, the same modules as dist/sharek.js. ` +
      `Per-element entries export the class without registering a tag (as \`sharek/consultation.js\` does for bundlers); ` +
      `each is bundled here with rollup + node-resolve + esbuild's CSS minifier + terser, the settings of the single-file build. ` +
      `\`dist/esm/\` as shipped: ${esmFiles.length} unminified files, ${kb(esmTotal)} KB, dependencies left as imports.`,
  };

  const budget = SIZE_BUDGET_GZIP_KB * 1024;
  const goal = ISSUE_GOAL_GZIP_KB * 1024;
  const budgetTable = {
    title: 'Budget',
    head: ['', 'gzip KB', 'dist/sharek.js', 'Verdict'],
    rows: [
      [`Issue's goal`, String(ISSUE_GOAL_GZIP_KB), kb(single.gz), single.gz <= goal ? 'met' : `NOT met: ${kb(single.gz - goal)} KB over (${((single.gz / goal) * 100).toFixed(0)}%)`],
      ['Test budget (scripts/size-budget.mjs)', String(SIZE_BUDGET_GZIP_KB), kb(single.gz), single.gz <= budget ? `within, ${kb(budget - single.gz)} KB left` : 'OVER: test/e2e/size.test.ts fails'],
    ],
    note: `gzip bytes of dist/sharek.js: ${single.gz}.`,
  };

  // What the single file is made of: from the bundle of dist/esm/sharek.js above (the
  // same modules the single file is built from), take each module's code, group it, and
  // minify and compress each group alone. Groups compressed alone do not share a
  // dictionary, so their gzip sum is more than the whole; the shares are of minified bytes.
  const groups = new Map();
  for (const m of modules) {
    const g = groupOf(m.id);
    if (!groups.has(g)) groups.set(g, { modules: 0, code: [] });
    groups.get(g).modules++;
    groups.get(g).code.push(m.code);
  }
  const measured = [];
  for (const [name, g] of groups) {
    // Top-level names are mangled but nothing is dropped: the code need not run, only weigh what it weighs.
    const { code } = await minify(g.code.join('\n'), {
      module: true,
      ecma: 2022,
      format: { comments: false },
      compress: { passes: 2, unused: false, toplevel: false },
      mangle: { toplevel: true },
    });
    measured.push({ name, modules: g.modules, ...measure(code ?? '') });
  }
  measured.sort((a, b) => b.min - a.min);
  const sumMin = measured.reduce((n, g) => n + g.min, 0);
  const breakdown = {
    title: 'dist/sharek.js by dependency and source folder (approximate)',
    head: ['Part', 'Modules', 'Minified KB', 'Share', 'gzip KB alone', 'brotli KB alone'],
    rows: measured.map((g) => [g.name, String(g.modules), kb(g.min), `${((g.min / sumMin) * 100).toFixed(0)}%`, kb(g.gz), kb(g.br)]),
    note:
      `Each part minified and compressed on its own, from rollup's per-module output of the same modules; ` +
      `parts sum to ${kb(sumMin)} KB minified against ${kb(single.min)} KB for the real file. ` +
      `Compressed alone, parts lose the shared dictionary, so their gzip sum (${kb(measured.reduce((n, g) => n + g.gz, 0))} KB) is more than the file's ${kb(single.gz)} KB.`,
  };
  return [budgetTable, sizeTable, breakdown];
}

function groupOf(id) {
  const path = id.replaceAll('\\', '/');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0 && !path.includes('/dist/esm/node_modules/')) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    if (['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(name)) return '`lit` (lit-html, lit-element, @lit/reactive-element)';
    return `\`${name}\``;
  }
  if (path.includes('/dist/esm/node_modules/tslib')) return '`tslib` (decorator helpers)';
  const rel = relative(join(root, 'dist/esm'), path).replaceAll('\\', '/');
  if (rel.startsWith('generated/locales/')) return '`src/generated/locales/` (Arabic messages)';
  if (/\.styles\.js$/.test(rel) || rel === 'shared/styles.js') return 'CSS of all elements (`src/*/*.styles.ts`, `src/shared/styles.ts`)';
  const dir = rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : '';
  return dir ? `\`src/${dir}/\` (code)` : '`src/*.ts` (entry files)';
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
  const widget = [];
  const statik = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order so neither page always runs on the warmer machine.
    const pair = i % 2 ? ['static', 'widget'] : ['widget', 'static'];
    for (const which of pair) {
      if (which === 'widget') widget.push(await load(demo, null, { settle: true }));
      else statik.push(await load(plain, null, { settle: false }));
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
  const clsOf = (runs) => median(runs.map((r) => r.cls));
  const range = (xs) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;

  const ttcTable = {
    title: `Time to content, headless Chromium, ${RUNS} cold runs each (fresh browser context per run), ms from navigation start`,
    head: ['Page', 'Title painted (median)', 'Range', 'Title in DOM', 'Next frame', 'First contentful paint', 'sharek.js loaded', 'API answered'],
    rows: [
      ['Demo page `/`, card from the portal', ms(ttcW), range(widget.map((r) => r.ttc)), ms(median(widget.map((r) => r.inDom))), ms(median(widget.map((r) => r.nextFrame))), ms(median(widget.map((r) => r.fcp))), ms(median(widget.map((r) => r.scriptLoaded))), ms(median(widget.map((r) => r.apiAnswered)))],
      ['Same content as static HTML, same server', ms(ttcS), range(statik.map((r) => r.ttc)), ms(median(statik.map((r) => r.inDom))), ms(median(statik.map((r) => r.nextFrame))), ms(median(statik.map((r) => r.fcp))), '–', '–'],
    ],
    note:
      `Ratio widget / static: **${ratio.toFixed(2)}×** (goal ≤ 1.3×: ${ratio <= 1.3 ? 'met' : 'NOT met'}). ` +
      `"Title in DOM": the first card's title text in its shadow root (\`[part~=title]\`) with a layout box, checked every animation frame ` +
      `by a script installed before the page's own (the static page: its \`<h2>\`); "Title painted": a task queued from that frame's ` +
      `animation callback, which runs once the frame's rendering (paint included) has ended its task; "Next frame": the next ` +
      `animation callback, later still when work runs between frames (the card builds its polls, form and comments there). ` +
      `Medians of each column separately. Loopback, no throttling; the reference portal serves dist/sharek.js uncompressed.`,
    figures: { ttcWidget: ttcW, ttcStatic: ttcS, ratio },
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
  const budget = find('Budget');
  if (budget) out.push(['dist/sharek.js ≤ 30 KB gzip (issue)', `${budget.rows[0][2]} KB`, budget.rows[0][3]]);
  const ttc = find('Time to content');
  if (ttc?.figures) {
    const { ttcWidget, ttcStatic, ratio } = ttc.figures;
    out.push(['Time to content ≤ 1.3× static HTML', `${ratio.toFixed(2)}× (${ms(ttcWidget)} vs ${ms(ttcStatic)} ms)`, ratio <= 1.3 ? 'met' : 'NOT met']);
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
