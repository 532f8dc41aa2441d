// Embedding as a product, end to end in Chromium: the built script inside
// other people's pages. The strict-CSP demo page (served by the portal at
// /csp/) and small ministry-like pages (test/e2e/pages/, served here from a
// second origin, loading the script and the API from the portal's origin
// under the CSP a ministry would write): script placement, two copies, hostile
// global CSS, nothing written globally, no cookies, no third-party requests,
// errors shown inside and reported by event.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startPortal, STRICT_CSP, type RunningPortal } from '../../portal/main.js';
// @ts-expect-error: a plain .mjs helper shared with the test scripts
import { CHROME_ARGS, requireChrome } from '../../scripts/setup.mjs';

const PAGES = new URL('./pages/', import.meta.url);
const OPEN = 'e-participation-instructions';

let portal: RunningPortal;
let site: Server;
/** The ministry's origin, where the test pages are served. */
let siteUrl = '';
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'sharek-embedding-'));

/**
 * The CSP a ministry writes for Sharek loaded from the portal: the portal's
 * origin for the script and the API, Trusted Types with Sharek's two policy
 * names (and the page's own loader policy). `'allow-duplicates'` only where
 * two copies of the script may run.
 */
function ministryCsp(policies = 'lit-html sharek ministry-loader'): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${portal.url}`,
    "style-src 'self'",
    `connect-src ${portal.url}`,
    "img-src 'self'",
    "require-trusted-types-for 'script'",
    `trusted-types ${policies}`,
  ].join('; ');
}

/** The pages' policies by `?csp=`: the ministry's (the default), with duplicates allowed, or missing Sharek's policy. */
const CSP_VARIANTS: Record<string, () => string | undefined> = {
  ministry: () => ministryCsp(),
  'ministry-dupes': () => ministryCsp("lit-html sharek ministry-loader 'allow-duplicates'"),
  'without-sharek': () => ministryCsp('lit-html ministry-loader'),
  'with-dompurify': () => ministryCsp('lit-html dompurify ministry-loader'),
  none: () => undefined,
};

/** Serves test/e2e/pages with `{{PORTAL}}` filled in, under the CSP named by `?csp=` (see CSP_VARIANTS). */
function startSite(): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    // An API that answers nonsense, for the error test.
    if (url.pathname.startsWith('/garbage-api/')) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id": 42, "title": null}');
      return;
    }
    const name = url.pathname.slice(1);
    if (!/^[a-z-]+\.(html|css|js)$/.test(name) || !existsSync(new URL(name, PAGES))) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(new URL(name, PAGES), 'utf8').replaceAll('{{PORTAL}}', portal.url);
    const headers: Record<string, string> = { 'Content-Type': types[extname(name)]!, 'Cache-Control': 'no-store' };
    const csp = CSP_VARIANTS[url.searchParams.get('csp') ?? 'ministry']?.();
    if (name.endsWith('.html') && csp) headers['Content-Security-Policy'] = csp;
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

before(async () => {
  // npm test builds first; a run of this file alone builds when the script is missing.
  if (!existsSync('dist/sharek.js')) execSync('npx rollup -c', { stdio: 'inherit' });
  site = await startSite();
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  portal = await startPortal({ port: 0, dbPath: join(dir, 'portal.sqlite'), origins: [siteUrl] });
  browser = await puppeteer.launch({ executablePath: requireChrome(), headless: true, args: CHROME_ARGS });
});

after(async () => {
  await browser?.close();
  await portal?.close();
  await new Promise((resolve) => site?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  /** `securitypolicyviolation` events, as "directive blocked-uri sample". */
  violations(): Promise<string[]>;
  /** Uncaught exceptions, and console errors about CSP or Trusted Types. */
  errors: string[];
  /** Every console error, for tests that expect none at all. */
  consoleErrors: string[];
}

/** A new page that records CSP violations from its very start, uncaught errors and console errors. */
async function watchedPage(): Promise<Watched> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    Object.defineProperty(document, '__violations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.trim()));
  });
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${String(e)}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    consoleErrors.push(m.text());
    if (/content security policy|trusted ?type/i.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return {
    page,
    errors,
    consoleErrors,
    // Violation events are queued as tasks: give the last ones time to arrive.
    violations: async () => {
      await new Promise((r) => setTimeout(r, 300));
      return page.evaluate(() => [...((document as unknown as { __violations: string[] }).__violations ?? [])]);
    },
  };
}

/** Waits for `selector` inside the shadow root of the element `host` (a selector in the page), and returns its text. */
async function shadowText(page: Page, host: string, selector: string, timeout = 10_000): Promise<string> {
  const handle = await page.waitForFunction(
    (h, s) => {
      const el = document.querySelector(h)?.shadowRoot?.querySelector(s);
      return el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() || ' ' : false;
    },
    { timeout },
    host,
    selector,
  );
  return (await handle.jsonValue()) as string;
}

/** Clicks an element found through a path of shadow roots: `['#open', 'sharek-comment-form', '#policy']`. */
async function clickDeep(page: Page, path: string[]): Promise<void> {
  await page.waitForFunction(
    (p) => {
      let root: Document | ShadowRoot | null | undefined = document;
      let el: Element | null | undefined = null;
      for (const s of p) {
        el = root?.querySelector(s);
        root = el?.shadowRoot;
      }
      return !!el;
    },
    { timeout: 10_000 },
    path,
  );
  await page.evaluate((p) => {
    let root: Document | ShadowRoot | null | undefined = document;
    let el: HTMLElement | null | undefined = null;
    for (const s of p) {
      el = root?.querySelector<HTMLElement>(s);
      root = el?.shadowRoot;
    }
    el!.click();
  }, path);
}

const cardTitle = (page: Page, host = 'sharek-consultation') => shadowText(page, host, '[part~=title]');

describe('the strict-CSP demo page', () => {
  test('is served with the strict policy, and every element works in every state with zero violations', async () => {
    const { page, violations, errors } = await watchedPage();
    const events: string[] = [];
    await page.exposeFunction('__sharekEvent', (e: string) => events.push(e));
    await page.evaluateOnNewDocument(() => {
      for (const type of ['sharek-error', 'sharek-comment-submitted', 'sharek-vote']) {
        document.addEventListener(type, (e) =>
          (window as unknown as { __sharekEvent(s: string): void }).__sharekEvent(`${type} ${(e.composedPath()[0] as Element).id}`),
        );
      }
    });
    const res = await page.goto(`${portal.url}/csp/`);
    assert.equal(res?.headers()['content-security-policy'], STRICT_CSP);
    assert.match(STRICT_CSP, /require-trusted-types-for 'script'; trusted-types lit-html sharek$/);

    // Filled: the open consultation's card with its articles, form, comments and polls.
    assert.match(await cardTitle(page, '#open'), /Draft Instructions for E-Participation/);
    assert.match(await shadowText(page, '#open', '[part~=summary] p'), /Ministry of Digital Economy/);
    const inside = await page.waitForFunction(
      () => {
        const card = document.querySelector('#open')!.shadowRoot!;
        const form = card.querySelector('sharek-comment-form')?.shadowRoot?.querySelector('#policy');
        const comments = card.querySelector('sharek-comments')?.shadowRoot?.querySelector('[part~=comment]');
        const polls = [...card.querySelectorAll('sharek-poll')].filter((p) => p.shadowRoot?.querySelector('[part~=question]'));
        const articles = card.querySelectorAll('details[part~=article] .rich p').length;
        return form && comments && polls.length >= 2 && articles >= 5 ? { polls: polls.length, articles } : false;
      },
      { timeout: 10_000 },
    );
    assert.ok(await inside.jsonValue());
    // The decided consultation, with its decision (portal HTML, sanitised) and its chart.
    assert.match(await cardTitle(page, '#decided'), /Open Government Data/i);
    await page.waitForFunction(
      () =>
        document.querySelector('#decided')!.shadowRoot!.querySelector('sharek-decision')?.shadowRoot?.querySelector('[part~=summary] p') &&
        document.querySelector('#decision')!.shadowRoot!.querySelectorAll('[part~=chart] .fill').length > 0,
      { timeout: 10_000 },
    );
    // The bars' widths are set through the CSSOM, not a style attribute.
    const width = await page.evaluate(() => document.querySelector('#decision')!.shadowRoot!.querySelector<HTMLElement>('[part~=chart] .fill')!.style.getPropertyValue('--share'));
    assert.match(width, /%$/);
    // The poll alone, its results shown from the start.
    assert.match(await shadowText(page, '#poll', '[part~=question]'), /How clear is the text/);
    assert.ok(await shadowText(page, '#poll', '[part~=results]'));
    // The list, the standalone form and comments.
    assert.ok(await shadowText(page, '#list', '[part~=item]'));
    assert.ok(await shadowText(page, '#comments', '[part~=comment]'));
    // The error state.
    assert.match(await shadowText(page, '#missing', '[part~=error]'), /not found/i);

    // The policy text, portal HTML inside the form, shown.
    await page.evaluate(() => {
      const details = document.querySelector('#form')!.shadowRoot!.querySelector<HTMLDetailsElement>('[part=policy] details')!;
      details.open = true;
    });
    assert.ok(await shadowText(page, '#form', '[part=policy] .rich p'));

    // Submitted: a comment through the standalone form.
    await page.waitForFunction(() => document.querySelector('#form')!.shadowRoot!.querySelector('#body'));
    await page.evaluate(() => {
      const root = document.querySelector('#form')!.shadowRoot!;
      const body = root.querySelector<HTMLTextAreaElement>('#body')!;
      body.value = 'Article 3 should say how long a draft stays on the portal after the consultation closes.';
      body.dispatchEvent(new Event('input'));
      root.querySelector<HTMLElement>('#as-civil_society')!.click();
      root.querySelector<HTMLElement>('#policy')!.click();
    });
    await clickDeep(page, ['#form', '[part=submit]']);
    assert.match(await shadowText(page, '#form', '[part=confirmation]'), /awaiting moderation/);

    // Voted: the poll alone, then the card's multiple-choice poll (results shown after the vote).
    await clickDeep(page, ['#poll', 'input[value=opt-clear]']);
    await clickDeep(page, ['#poll', '[part=submit]']);
    assert.match(await shadowText(page, '#poll', '[part~=mine]'), /your choice/);
    await clickDeep(page, ['#open', 'sharek-poll[poll=poll-priorities]', 'input[value=opt-portal]']);
    await clickDeep(page, ['#open', 'sharek-poll[poll=poll-priorities]', 'input[value=opt-sms]']);
    await clickDeep(page, ['#open', 'sharek-poll[poll=poll-priorities]', '[part=submit]']);
    await page.waitForFunction(
      () => document.querySelector('#open')!.shadowRoot!.querySelector('sharek-poll[poll=poll-priorities]')!.shadowRoot!.querySelectorAll('[part~=results] .fill').length === 5,
      { timeout: 10_000 },
    );

    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      events.sort(),
      ['sharek-comment-submitted form', 'sharek-error missing', 'sharek-vote ', 'sharek-vote poll'].sort(),
      'events: the comment, the two votes (the card’s poll has no id), the missing consultation',
    );
    // The page's own counter agrees.
    assert.equal(await page.$eval('#csp-report', (el) => (el as HTMLElement).dataset.violations), '0');
    await page.close();
  });
});

describe('script placement', () => {
  for (const [name, file] of [
    ['in <head>, before the elements', 'head.html'],
    ['at the end of <body>, after the elements', 'body-end.html'],
  ] as const) {
    test(`works ${name}, under a ministry's strict CSP, from the portal's origin`, async () => {
      const { page, violations, errors } = await watchedPage();
      await page.goto(`${siteUrl}/${file}`);
      assert.match(await cardTitle(page), /Draft Instructions for E-Participation/);
      assert.match(await shadowText(page, 'sharek-poll', '[part~=question]'), /How clear/);
      await page.waitForFunction(() => document.querySelector('sharek-consultation')!.shadowRoot!.querySelector('sharek-comment-form')?.shadowRoot?.querySelector('#policy'), {
        timeout: 10_000,
      });
      assert.deepEqual(await violations(), []);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('works when added after the elements are in the page, writing no globals, cookies or third-party requests', async () => {
    const { page, violations, errors } = await watchedPage();
    const requests: string[] = [];
    const cookieHeaders: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => {
      const setCookie = r.headers()['set-cookie'];
      if (setCookie) cookieHeaders.push(`${r.url()}: ${setCookie}`);
    });
    await page.goto(`${siteUrl}/later.html`);
    // The elements are there, not yet defined; the host's own heading and button as they look without Sharek.
    assert.equal(await page.evaluate(() => customElements.get('sharek-consultation')), undefined);
    const before = await page.evaluate(() => Object.keys(window));
    const outside = () =>
      page.evaluate(() =>
        ['#outside-heading', '#outside-text', '#outside-text a', '#outside-button', 'body'].map((sel) => {
          const cs = getComputedStyle(document.querySelector(sel)!);
          // Sizes follow the layout (a scrollbar appears once the widget fills the page); everything else must not move.
          return [sel, Object.fromEntries([...cs].filter((p) => !/(^|-)(width|height|size)$|origin$/.test(p) || p === 'font-size').map((p) => [p, cs.getPropertyValue(p)]))];
        }),
      );
    const lookBefore = await outside();

    await page.evaluate(() => document.dispatchEvent(new Event('load-sharek')));
    assert.match(await cardTitle(page), /Draft Instructions for E-Participation/);
    assert.match(await shadowText(page, 'sharek-poll', '[part~=question]'), /How clear/);
    await page.waitForFunction(() => document.querySelector('sharek-consultation')!.shadowRoot!.querySelector('sharek-comments')?.shadowRoot?.querySelector('[part~=comment]'), {
      timeout: 10_000,
    });

    // Styles do not leak out.
    assert.deepEqual(await outside(), lookBefore);
    // Nothing global but the custom element names (and the libraries' own shared registries, see below).
    // (Puppeteer's own query helpers are left out.)
    const added = (await page.evaluate(() => Object.keys(window)))
      .filter((k) => !before.includes(k) && !/^(puppeteer_+)?__ariaQuerySelector/.test(k))
      .sort();
    assert.deepEqual(added, LIBRARY_GLOBALS);
    // The elements the page shows are defined, with the card's inner ones; an element the page does not have is never loaded.
    for (const tag of ['consultation', 'comments', 'comment-form', 'poll']) {
      assert.ok(await page.evaluate((t) => !!customElements.get(`sharek-${t}`), tag), `sharek-${tag} is defined`);
    }
    assert.equal(await page.evaluate(() => !!customElements.get('sharek-consultations')), false, 'the list, not in the page, is not loaded');
    // No cookies, from the page or from the portal.
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.deepEqual(cookieHeaders, []);
    const cookies = await page.browserContext().cookies();
    assert.deepEqual(cookies, []);
    // Requests only to the page's own origin and the portal's.
    const origins = new Set(requests.map((u) => new URL(u).origin));
    assert.deepEqual([...origins].sort(), [siteUrl, portal.url].sort());
    assert.ok(requests.some((u) => u.startsWith(`${portal.url}/api/v1/consultations/${OPEN}`)));

    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

/**
 * What the single-file build writes on `window` besides the custom element
 * names: the shared registries of the libraries it bundles. Lit keeps its
 * versions and its property metadata on `globalThis` so that every copy of Lit
 * in a page shares them, and zod its configuration; none is Sharek's, none
 * holds data, and removing them would break a host page's own Lit or zod.
 */
const LIBRARY_GLOBALS = ['__zod_globalConfig', 'litElementVersions', 'litHtmlVersions', 'litPropertyMetadata', 'reactiveElementVersions'].sort();

describe('two copies of the script', () => {
  /** Each element rendered once, by one registered class. */
  async function oneSetOfElements(page: Page) {
    assert.match(await cardTitle(page), /Draft Instructions for E-Participation/);
    assert.match(await shadowText(page, 'sharek-poll', '[part~=question]'), /How clear/);
    const shape = await page.evaluate(() => ({
      cards: document.querySelector('sharek-consultation')!.shadowRoot!.querySelectorAll('[part~=card]').length,
      titles: document.querySelector('sharek-consultation')!.shadowRoot!.querySelectorAll('[part~=title]').length,
      polls: document.querySelector('sharek-poll')!.shadowRoot!.querySelectorAll('[part~=question]').length,
      upgraded: [...document.querySelectorAll('sharek-consultation, sharek-poll')].every((el) => el instanceof customElements.get(el.localName)!),
      scripts: performance.getEntriesByType('resource').filter((e) => e.name.includes('/dist/sharek.js')).length,
    }));
    assert.deepEqual(shape, { cards: 1, titles: 1, polls: 1, upgraded: true, scripts: 2 });
  }

  test("do no harm on an ordinary page: no errors, one set of elements", async () => {
    const { page, violations, errors, consoleErrors } = await watchedPage();
    await page.goto(`${siteUrl}/twice.html?csp=none`);
    await oneSetOfElements(page);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  test("do no harm under a strict CSP with trusted-types 'allow-duplicates'", async () => {
    const { page, violations, errors, consoleErrors } = await watchedPage();
    await page.goto(`${siteUrl}/twice.html?csp=ministry-dupes`);
    await oneSetOfElements(page);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  test("without 'allow-duplicates' too: the two copies share their chunks, so one Lit makes one lit-html policy", async () => {
    const { page, violations, errors } = await watchedPage();
    await page.goto(`${siteUrl}/twice.html?csp=ministry`);
    await oneSetOfElements(page);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    // One copy of each chunk however many entries: the chunks are imported by their own URLs.
    const chunks = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/dist/chunks/')));
    assert.equal(new Set(chunks).size, chunks.length, chunks.join('\n'));
    await page.close();
  });
});

describe("a CSP that leaves out Sharek's policy", () => {
  /**
   * The summary's paragraphs, and the violations the page reported. Chromium sanitises by itself
   * (the HTML Sanitizer API, no Trusted Types sink): `dompurify` takes it away before the page's
   * scripts run, as on a browser without it, so the fallback and its policies are what is tested.
   */
  async function summary(csp: string, sanitiser: 'native' | 'dompurify' = 'dompurify') {
    const { page, violations, errors } = await watchedPage();
    if (sanitiser === 'dompurify') await page.evaluateOnNewDocument(() => void delete (Element.prototype as Partial<{ setHTML: unknown }>).setHTML);
    await page.goto(`${siteUrl}/head.html?csp=${csp}`);
    await cardTitle(page);
    await page.waitForFunction(() => document.querySelector('sharek-consultation')!.shadowRoot!.querySelectorAll('details[part~=article] .rich p').length >= 5, {
      timeout: 10_000,
    });
    const shown = await page.evaluate(() => {
      const root = document.querySelector('sharek-consultation')!.shadowRoot!;
      return {
        paragraphs: [...root.querySelectorAll('[part~=summary] > *')].map((el) => el.localName),
        text: root.querySelector('[part~=summary]')!.textContent!.replace(/\s+/g, ' ').trim(),
        links: root.querySelectorAll('[part~=summary] a').length,
      };
    });
    const seen = await violations();
    await page.close();
    return { shown, seen, errors };
  }

  test("falls back to DOMPurify's own policy where the page allows it", async () => {
    const { shown, seen, errors } = await summary('with-dompurify');
    assert.ok(shown.paragraphs.includes('ul'), 'the summary keeps its list');
    assert.ok(shown.links > 0, 'and its link');
    assert.deepEqual(seen, ['trusted-types trusted-types-policy sharek']);
    assert.deepEqual(errors.filter((e) => !/TrustedTypePolicy named 'sharek'/.test(e)), []);
  });

  test('with the browser’s own sanitiser, the policy is not needed: the whole rich text, no violation', async () => {
    const { shown, seen, errors } = await summary('without-sharek', 'native');
    assert.ok(shown.paragraphs.includes('ul'), 'the summary keeps its list');
    assert.ok(shown.links > 0, 'and its link');
    assert.deepEqual(seen, []);
    assert.deepEqual(errors, []);
  });

  test('else shows the rich text as plain paragraphs, reporting the refused policies once, not per text', async () => {
    const { shown, seen, errors } = await summary('without-sharek');
    assert.ok(shown.paragraphs.length > 3 && shown.paragraphs.every((p) => p === 'p'), shown.paragraphs.join());
    assert.match(shown.text, /Ministry of Digital Economy and Entrepreneurship/);
    assert.equal(shown.links, 0);
    // Creating `sharek`, then `dompurify`, then one probe of the parser (two sinks): never more, however many texts.
    assert.ok(seen.length <= 4, seen.join('\n'));
    assert.ok(seen.every((v) => /^(trusted-types|require-trusted-types-for) /.test(v)), seen.join('\n'));
    assert.deepEqual(errors.filter((e) => e.startsWith('uncaught')), []);
  });
});

describe('a host page with hostile global CSS', () => {
  /** The title's and a button's computed look, and whether the widget can be seen. */
  async function look(page: Page) {
    await cardTitle(page);
    await shadowText(page, 'sharek-poll', '[part=submit]');
    return page.evaluate(() => {
      const props = [
        'display', 'visibility', 'opacity', 'color', 'background-color', 'font-family', 'font-size', 'font-weight', 'font-style',
        'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-decoration-line', 'direction', 'box-sizing',
        'border-top-width', 'border-top-style', 'padding-top', 'padding-inline-start',
      ];
      const card = document.querySelector('sharek-consultation')!.shadowRoot!;
      const title = card.querySelector('[part~=title]')!;
      const button = document.querySelector('sharek-poll')!.shadowRoot!.querySelector('[part=submit]')!;
      const box = title.getBoundingClientRect();
      // (No named helper functions in here: the test's compiler would wrap them in a helper the page does not have.)
      const [titleStyle, summaryStyle, buttonStyle] = [title, card.querySelector('[part~=summary] p')!, button].map((el) => {
        const cs = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      });
      return {
        title: titleStyle,
        titleWidth: Math.round(box.width),
        summary: summaryStyle,
        button: buttonStyle,
        visible: box.height > 0 && card.querySelector('[part~=card]')!.getBoundingClientRect().height > 200,
        articlesShown: [...card.querySelectorAll('details[part~=article]')].every((d) => getComputedStyle(d).display !== 'none'),
      };
    });
  }

  test('leaves the widget intact: visible, and its text styled exactly as on a plain page', async () => {
    const plain = await watchedPage();
    await plain.page.setViewport({ width: 1000, height: 800 });
    await plain.page.goto(`${siteUrl}/head.html`);
    const expected = await look(plain.page);
    assert.equal(expected.visible, true);
    assert.equal(expected.articlesShown, true);

    const hostile = await watchedPage();
    await hostile.page.setViewport({ width: 1000, height: 800 });
    await hostile.page.goto(`${siteUrl}/hostile.html`);
    // The hostile sheet really applies to the page around the widget.
    assert.equal(await hostile.page.$eval('h1', (el) => getComputedStyle(el).fontSize), '40px');
    const got = await look(hostile.page);
    assert.deepEqual(got.title, expected.title);
    assert.deepEqual(got.summary, expected.summary);
    assert.deepEqual(got.button, expected.button);
    assert.equal(got.visible, true);
    assert.equal(got.articlesShown, true);
    assert.deepEqual(await hostile.violations(), []);
    assert.deepEqual(hostile.errors, []);
    await plain.page.close();
    await hostile.page.close();
  });
});

describe('errors', () => {
  test('are caught, shown inside the element, and reported through sharek-error', async () => {
    const { page, errors } = await watchedPage();
    const reported: string[] = [];
    await page.exposeFunction('__sharekError', (e: string) => reported.push(e));
    await page.evaluateOnNewDocument(() => {
      addEventListener('sharek-error', (e) => {
        const source = e.composedPath()[0] as Element;
        (window as unknown as { __sharekError(s: string): void }).__sharekError(`${source.id}: ${(e as Event & { error: Error }).error?.message}`);
      });
    });
    await page.goto(`${siteUrl}/errors.html?csp=none`);
    assert.match(await shadowText(page, '#missing', '[part~=error]'), /not found/i);
    assert.ok(await shadowText(page, '#missing-poll', '[part~=error]'));
    assert.ok(await shadowText(page, '#garbage', '[part~=error]'));
    assert.ok(await shadowText(page, '#unreachable', '[part~=error]', 30_000));
    const ids = [...new Set(reported.map((r) => r.split(':')[0]))].sort();
    assert.deepEqual(ids, ['garbage', 'missing', 'missing-poll', 'unreachable'], reported.join('\n'));
    assert.deepEqual(
      errors.filter((e) => e.startsWith('uncaught')),
      [],
    );
    await page.close();
  });
});

describe('the source keeps to the strict CSP', () => {
  const files = (function walk(d: string): string[] {
    return readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.ts') ? [join(d, f)] : []));
  })('src');

  test('only the sanitiser turns strings into HTML, and nothing writes a style attribute', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (file !== join('src', 'shared', 'sanitize.ts')) {
        assert.doesNotMatch(text, /lit\/directives\/unsafe-(html|svg|mathml)/, `${file} imports an unsafe directive`);
      }
      assert.doesNotMatch(text, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe|document\.write/, `${file} writes HTML`);
      assert.doesNotMatch(text, /lit\/directives\/style-map/, `${file}: styleMap writes a style attribute, refused by style-src without 'unsafe-inline'`);
      assert.doesNotMatch(text, /\sstyle=\$\{|\sstyle="|setAttribute\(\s*['"]style/, `${file} writes a style attribute`);
      assert.doesNotMatch(text, /\beval\(|new Function\(/, `${file} evaluates code`);
    }
  });
});
