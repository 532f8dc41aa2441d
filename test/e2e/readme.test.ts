// The README works as written: every HTML snippet runs against the reference
// portal (what `npm start` serves) on a ministry's own origin with no 404 and
// no console error, every address it tells a reader to open answers, and its
// "keeping the page still" rules hold each element's room exactly: the room
// before the script runs is the room the element keeps while it loads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { portalAndChromium, startHostSite, watchPage } from './setup.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** The portal address the README's snippets use, replaced by the running portal's. */
const EXAMPLE_PORTAL = 'https://portal.example.jo';
const OPEN = 'e-participation-instructions';

const blocks = (lang: string) => [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const htmlSnippets = blocks('html').filter((b) => b.includes('<sharek-'));
/** The host rules for undefined elements (the "keeping the page still" block). */
const hostRules = blocks('css').find((b) => b.includes(':not(:defined)'))!;

let portalUrl = '';
const live = (text: string) => text.replaceAll(EXAMPLE_PORTAL, portalUrl);

/** A ministry's page around one README snippet; a snippet without the script gets the first snippet's head, as the README says to add it once. */
function snippetPage(snippet: string): string {
  const head = /<script/.test(snippet) ? '' : htmlSnippets[0]!.split('\n').filter((l) => /<meta|<script/.test(l)).join('\n');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>وزارة</title>
${live(head)}<style>${hostRules}</style></head><body><main><h1>شارك برأيك</h1>
${live(snippet)}
</main></body></html>`;
}

/** Every element, for the room each holds: in `api` mode `hang`, requests never answer, so each stays in its loading state. */
function roomPage(api: string): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>room</title>
<meta name="sharek-api" content="${api}">
<script type="module" src="${portalUrl}/dist/sharek.js"></script>
<style>body { margin: 0; } main > * { margin: 0; } ${hostRules}</style></head><body><main>
<sharek-consultation consultation="${OPEN}"></sharek-consultation>
<sharek-consultations agency="modee"></sharek-consultations>
<sharek-comments consultation="${OPEN}"></sharek-comments>
<sharek-comment-form consultation="${OPEN}"></sharek-comment-form>
<sharek-poll poll="poll-priorities"></sharek-poll>
<sharek-decision consultation="open-data-policy-2024"></sharek-decision>
</main></body></html>`;
}

const site = await startHostSite((path) => {
  const n = /^\/snippet-(\d+)$/.exec(path);
  if (n) return htmlSnippets[Number(n[1])] === undefined ? undefined : snippetPage(htmlSnippets[Number(n[1])]!);
  if (path === '/room-loading') return roomPage(`${site.url}/hang/api`);
  return undefined;
}, { hang: (path) => path.startsWith('/hang/') });
const ADMIN_TOKEN = 'readme-admin-token';
/** A decided seed consultation: the one the admin examples' `<id>` stands for (its report is ready). */
const DECIDED = 'open-data-policy-2024';
const env = portalAndChromium('readme', { origins: [site.url], adminToken: ADMIN_TOKEN });
after(() => site.close());

async function newPage(width = 390): Promise<{ page: Page; problems: string[] }> {
  portalUrl = env.portal.url;
  const page = await env.browser.newPage();
  await page.setViewport({ width, height: 844 });
  return { page, ...watchPage(page) };
}

/**
 * In the page: the elements still loading (defined but unrendered, or showing a loading placeholder), at any depth.
 * A string, so tsx's name helpers never reach the browser.
 */
const STILL_LOADING = `(() => {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('sharek-') && !el.hasUpdated) out.push(el.localName + ' (not rendered)');
      if (el.matches('[part~=loading], p.loading, [aria-busy=true]')) out.push(el.localName + '.' + el.className);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
})()`;

describe('the README’s snippets, run on a ministry’s origin against the portal', () => {
  test('there are snippets to run, with the script the README names', () => {
    assert.ok(htmlSnippets.length >= 2, 'the embedding and the list snippets');
    assert.match(htmlSnippets[0]!, /<script type="module" src="https:\/\/portal\.example\.jo\/dist\/sharek\.js"><\/script>/);
  });

  for (const [i, snippet] of htmlSnippets.entries()) {
    const name = /<(sharek-[a-z-]+)/.exec(snippet)![1];
    test(`snippet ${i + 1} (${name}) renders with no 404 and no console error`, async () => {
      const { page, problems } = await newPage();
      await page.goto(`${site.url}/snippet-${i}`, { waitUntil: 'load' });
      await page.waitForFunction(`${STILL_LOADING}.length === 0`, { timeout: 20_000, polling: 50 }).catch(async (e) => {
        throw new Error(`${(e as Error).message}; still loading: ${((await page.evaluate(STILL_LOADING)) as string[]).join(', ')}; ${problems.join('; ')}`);
      });
      const errors = await page.evaluate(() =>
        [...document.querySelectorAll('*')].filter((el) => el.shadowRoot?.querySelector('[part~=error]')).map((el) => el.localName),
      );
      assert.deepEqual(errors, [], 'no element shows an error');
      const defined = await page.evaluate((n) => !!customElements.get(n), name!);
      assert.equal(defined, true);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});

describe('the addresses the README tells a reader to open', () => {
  test('each answers 200 on the portal', async () => {
    portalUrl = env.portal.url;
    const urls = new Set<string>();
    // An address on a line that sends a moderator's credential is opened with one, as the line says.
    const credentialed = new Set<string>();
    for (const line of README.split('\n')) {
      for (const m of line.matchAll(/http:\/\/localhost:8080(\/[^\s`),:]*)?/g)) {
        const path = (m[1] ?? '/').replace('<id>', DECIDED);
        urls.add(path);
        if (/Authorization: Bearer/.test(line)) credentialed.add(path);
      }
    }
    // The paths `npm start` serves, as the "Two commands" section lists them.
    const served = README.slice(README.indexOf('`npm start` serves'), README.indexOf('Other scripts:'));
    for (const m of served.matchAll(/`(\/[^`\s]*)`/g)) urls.add(m[1]!.replace('{id}', OPEN));
    // Every URL in the snippets, on the portal.
    for (const snippet of htmlSnippets) for (const m of snippet.matchAll(/https:\/\/portal\.example\.jo(\/[^"\s]*)/g)) urls.add(m[1]!);
    assert.ok(urls.size >= 10, [...urls].join(' '));
    const failed: string[] = [];
    for (const path of urls) {
      const headers: Record<string, string> = credentialed.has(path) ? { Authorization: `Bearer ${ADMIN_TOKEN}` } : {};
      const res = await fetch(env.portal.url + path, { redirect: 'follow', headers });
      if (res.status !== 200) failed.push(`${res.status} ${path}`);
    }
    assert.deepEqual(failed, []);
  });
});

describe('the README’s rules for keeping the page still', () => {
  test('each element holds, while it loads, exactly the room its rule gave it before the script ran', async () => {
    const { page } = await newPage();
    await page.setRequestInterception(true);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    page.on('request', (request) => void (request.url().endsWith('/dist/sharek.js') ? held.then(() => request.continue()) : request.continue()));
    const loaded = page.goto(`${site.url}/room-loading`, { waitUntil: 'load' });
    await page.waitForSelector('sharek-decision');
    const heights = () =>
      page.evaluate(() => Object.fromEntries([...document.querySelectorAll('main > *')].map((el) => [el.localName, Math.round(el.getBoundingClientRect().height)])));
    const before = await heights();
    assert.equal(await page.evaluate(() => customElements.get('sharek-poll')), undefined, 'measured before the script ran');
    release();
    await loaded;
    await page.waitForFunction(() => [...document.querySelectorAll('main > *')].every((el) => (el as unknown as { hasUpdated: boolean }).hasUpdated));
    const whileLoading = await heights();
    for (const [name, height] of Object.entries(before)) assert.ok(height > 0, `${name} has a rule`);
    assert.deepEqual(whileLoading, before);
    await page.close();
  });
});
