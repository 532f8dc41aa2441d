// When Sharek cannot show a consultation on a ministry's page, the citizen is
// still sent somewhere that works, and the webmaster is told why:
// - the page's own content inside the element (a link to the consultation on
//   the portal, the GOV.UK progressive-enhancement habit) shows before the
//   script runs, if it never runs, and again when the element cannot load;
// - a site the portal does not allow (not in SHAREK_ORIGINS) gets a link to
//   the portal instead of a "Try again" that can never work, and the console
//   says exactly what to add.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { portalAndChromium, startHostSite, watchPage } from './setup.js';

const OPEN = 'e-participation-instructions';
const FALLBACK = 'Read the draft and comment on the portal';

let portalUrl = '';
/** A host page: the script and the API from `portal` (the real one unless given), an element with `inner` inside. */
const hostPage = (inner: string, { script = `${portalUrl}/dist/sharek.js`, api = `${portalUrl}/api` } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ministry</title>
<meta name="sharek-api" content="${api}">
<script type="module" src="${script}"></script>
<style>sharek-consultation:not(:defined) { display: block; min-block-size: 40rem; }</style>
</head><body><main><h1>Have your say</h1>
<sharek-consultation consultation="${OPEN}">${inner}</sharek-consultation>
</main></body></html>`;

const fallbackLink = () => `\n  <a id="fallback" href="${portalUrl}/consultations/${OPEN}">${FALLBACK}</a>\n`;

const pages: Record<string, () => string> = {
  '/with-fallback': () => hostPage(fallbackLink()),
  '/bare': () => hostPage('\n'),
  '/script-missing': () => hostPage(fallbackLink(), { script: `${portalUrl}/dist/no-such-file.js` }),
  // A closed port: the portal is unreachable, for the page and for its embed check.
  '/portal-down': () => hostPage(fallbackLink(), { api: 'http://127.0.0.1:9/api' }),
};
const serve = (path: string) => pages[path]?.();
const allowed = await startHostSite(serve);
const refused = await startHostSite(serve);
const env = portalAndChromium('fallback', { origins: [allowed.url] });
after(() => Promise.all([allowed.close(), refused.close()]));

/** Opens a page and watches it; `portalUrl` is known once the portal has started. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  portalUrl = env.portal.url;
  const page = await env.browser.newPage();
  const { problems } = watchPage(page);
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** Waits until the card shows `selector` in its shadow root, then says what it shows. */
async function cardState(page: Page, selector: string) {
  await page.waitForFunction((s) => document.querySelector('sharek-consultation')?.shadowRoot?.querySelector(s), { timeout: 15_000 }, selector);
  return page.evaluate(() => {
    const root = document.querySelector('sharek-consultation')!.shadowRoot!;
    const link = document.getElementById('fallback');
    return {
      error: root.querySelector('[part~=error]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      retry: !!root.querySelector('[part~=retry]'),
      title: root.querySelector('[part~=title]')?.textContent?.trim() ?? '',
      portalLinks: [...root.querySelectorAll<HTMLAnchorElement>('[part~=fallback] a')].map((a) => a.href),
      fallbackVisible: link ? link.checkVisibility() && link.getBoundingClientRect().width > 0 : null,
    };
  });
}

describe('the page’s own fallback content', () => {
  test('shows while the script has not run, and is hidden once the card has rendered', async () => {
    portalUrl = env.portal.url;
    const page = await env.browser.newPage();
    const { problems } = watchPage(page);
    // Hold the script back, as a slow network would, to see the page before the element is defined.
    await page.setRequestInterception(true);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    page.on('request', (request) => {
      if (request.url().endsWith('/dist/sharek.js')) void held.then(() => request.continue());
      else void request.continue();
    });
    // The page is parsed while its module script waits: look then.
    const loaded = page.goto(`${allowed.url}/with-fallback`, { waitUntil: 'load' });
    await page.waitForSelector('#fallback');
    assert.equal(await page.evaluate(() => customElements.get('sharek-consultation')), undefined);
    assert.equal(await page.evaluate(() => document.getElementById('fallback')!.checkVisibility()), true, 'visible before the element is defined');
    release();
    await loaded;
    const state = await cardState(page, '[part~=title]');
    assert.match(state.title, /Draft Instructions for E-Participation/);
    assert.equal(state.fallbackVisible, false, 'the fallback link is hidden while the card shows the consultation');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('stays visible when the script never loads', async () => {
    const { page, problems } = await open(`${allowed.url}/script-missing`);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await page.evaluate(() => customElements.get('sharek-consultation')), undefined);
    const box = await page.evaluate(() => {
      const link = document.getElementById('fallback')!;
      return { visible: link.checkVisibility(), width: link.getBoundingClientRect().width, text: link.textContent };
    });
    assert.equal(box.visible, true);
    assert.ok(box.width > 0);
    assert.equal(box.text, FALLBACK);
    // The one failure is the missing script itself (the browser's console line for it names no file).
    assert.deepEqual(problems.filter((p) => !p.includes('no-such-file.js') && !p.includes('Failed to load resource')), []);
    await page.close();
  });

  test('shows again, with "Try again", when the portal cannot be reached', async () => {
    const { page } = await open(`${allowed.url}/portal-down`);
    const state = await cardState(page, '[part~=error]');
    assert.match(state.error, /couldn't reach the consultation portal/);
    assert.equal(state.retry, true, 'a network failure can pass: Try again is offered');
    assert.equal(state.fallbackVisible, true, 'the page’s link to the portal shows in the error state');
    await page.close();
  });
});

describe('a site the portal does not allow', () => {
  test('the citizen gets a link to the portal, not a retry that cannot work; the console says what to add', async () => {
    const { page, problems } = await open(`${refused.url}/bare`);
    const state = await cardState(page, '[part~=error]');
    assert.match(state.error, /can't be shown on this site/);
    assert.equal(state.retry, false, 'no Try again: the portal will refuse this origin every time');
    assert.deepEqual(state.portalLinks, [`${portalUrl}/`]);
    const advice = problems.filter((p) => p.includes('SHAREK_ORIGINS'));
    assert.equal(advice.length, 1, `one console line naming SHAREK_ORIGINS, got:\n${problems.join('\n')}`);
    assert.ok(advice[0]!.includes(`add ${refused.url} to SHAREK_ORIGINS`), advice[0]);
    assert.ok(!problems.some((p) => p.includes(`${allowed.url} `) || p.endsWith(allowed.url)), `the allowed origins are never revealed:\n${problems.join('\n')}`);
    await page.close();
  });

  test('with fallback content, that content is the way to the portal', async () => {
    const { page } = await open(`${refused.url}/with-fallback`);
    const state = await cardState(page, '[part~=error]');
    assert.equal(state.retry, false);
    assert.equal(state.fallbackVisible, true);
    assert.deepEqual(state.portalLinks, [], 'the page’s own link replaces the generic one');
    await page.close();
  });

  test('the allowed site, the same page: the card', async () => {
    const { page, problems } = await open(`${allowed.url}/bare`);
    const state = await cardState(page, '[part~=title]');
    assert.match(state.title, /Draft Instructions/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
