// The Arabic messages are a chunk per element (scripts/split-locales.mjs,
// issue 12): a page fetches the shared ones and those of the elements it
// shows, and every element still speaks Arabic from its first render. Run on
// the built script (dist/sharek.js and its chunks), as a webmaster's page
// loads it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { ELEMENT_NAMES } from '../../src/registry.js';
import { portalAndChromium, watchPage } from './setup.js';

const ELEMENTS: readonly string[] = ELEMENT_NAMES;

/** The ids in a generated locale file (one entry per line, each starting with its quoted id). */
const idsIn = (file: string) => [...readFileSync(`src/generated/locales/${file}`, 'utf8').matchAll(/^'([^']+)':/gm)].map((m) => m[1]!);

test('no element folder imports another’s files, so an element shows only its own messages and the shared ones', () => {
  const crossings: string[] = [];
  for (const element of ELEMENTS) {
    for (const file of readdirSync(`src/${element}`).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(`src/${element}/${file}`, 'utf8');
      for (const [, other] of source.matchAll(/from '\.\.\/([\w-]+)\//g)) {
        if (ELEMENTS.includes(other!) && other !== element) crossings.push(`src/${element}/${file} imports src/${other}/`);
      }
    }
  }
  assert.deepEqual(crossings, []);
});

test('the split loses no message and puts none in two chunks', () => {
  const translated = [...readFileSync('locales/ar.xlf', 'utf8').matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]!);
  const split = ['ar.ts', ...ELEMENTS.map((e) => `ar-${e}.ts`)].flatMap(idsIn);
  assert.equal(new Set(split).size, split.length, 'an id in two chunks');
  assert.deepEqual([...split].sort(), [...translated].sort());
  // Each element has messages of its own, and the shared file is not where they all went.
  for (const element of ELEMENTS) assert.ok(idsIn(`ar-${element}.ts`).length > 0, element);
  // The script finds the element folders as src/<name>/<name>.ts: the same as the registry's names, no more.
  assert.deepEqual(readdirSync('src').filter((name) => existsSync(`src/${name}/${name}.ts`)).sort(), [...ELEMENTS].sort());
  assert.ok(idsIn('ar.ts').length < translated.length / 4, 'most messages belong to one element');
});

const e2e = portalAndChromium('messages');

/** The Arabic message chunks the page fetched: `ar` (shared), `ar-poll`… */
function arabicChunks(page: Page): () => string[] {
  const seen = new Set<string>();
  page.on('request', (r) => {
    const m = /\/dist\/chunks\/(ar(?:-[a-z-]+?)?)-[\w-]{8}\.js$/.exec(new URL(r.url()).pathname);
    if (m) seen.add(m[1]!);
  });
  return () => [...seen].sort();
}

/**
 * The English source of every message (its literal pieces, where it has
 * placeholders), but the shortest: an Arabic page must show none of them (an
 * element rendered before its Arabic arrived would show the English source).
 */
const englishSources = [
  ...new Set(
    [...readFileSync('locales/ar.xlf', 'utf8').matchAll(/<source>(.+?)<\/source>/gs)]
      // A message with placeholders (`Article ${n}`, html inside) is looked for by its literal pieces.
      .flatMap((m) => m[1]!.split(/<[^>]+>/))
      .map((s) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim())
      .filter((s) => /[A-Za-z]{3}/.test(s) && (/\w+ \w+/.test(s) ? s.length >= 8 : s.length >= 6)),
  ),
];

/**
 * The page-side function that reads a shadow root's text, its own names
 * included, less what is marked English: citizens' comments in English
 * carry `lang="en"` (the seed has some), and they are not the widget's words.
 */
const TEXT_OF = `(root) => {
  const texts = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/^en/.test(node.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '')) texts.push(node.data);
  }
  for (const named of root.querySelectorAll('[aria-label]')) texts.push(named.getAttribute('aria-label'));
  return texts.join(' ').replace(/\\s+/g, ' ');
}`;

/** All text in the page's Sharek elements, shadow roots and their names included (nested ones too). */
// (A string, not a function: tsx would name its inner functions with a helper the page does not have.)
const shownText = (page: Page) =>
  page.evaluate(`(() => {
    const textOf = ${TEXT_OF};
    const texts = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        texts.push(textOf(el.shadowRoot));
        walk(el.shadowRoot);
      }
    };
    walk(document);
    return texts.join(' ');
  })()`) as Promise<string>;

/** Scrolls every card into view and waits for its parts, and their answers, to be shown. */
async function showEveryPart(page: Page): Promise<void> {
  await page.evaluate(async () => {
    type Updating = Element & { updateComplete?: Promise<unknown> };
    for (const card of document.querySelectorAll<Updating>('sharek-consultation')) {
      card.scrollIntoView();
      await card.updateComplete;
    }
  });
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('sharek-consultation')].every((card) =>
        [...card.shadowRoot!.querySelectorAll('*')].filter((el) => el.localName.startsWith('sharek-')).every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy=true]')),
      ),
    { timeout: 15_000 },
  );
}

test('a list page fetches the shared Arabic and the list’s, and shows no English', async () => {
  const page = await e2e.browser.newPage();
  const { problems } = watchPage(page);
  const chunks = arabicChunks(page);
  await page.goto(`${e2e.portal.url}/have-your-say/`);
  await page.waitForFunction(() => [...document.querySelectorAll('sharek-consultations')].every((el) => el.shadowRoot?.querySelector('[part~=item], [part~=empty]')), { timeout: 15_000 });
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 });
  assert.deepEqual(chunks(), ['ar', 'ar-consultations']);
  const text = await shownText(page);
  assert.deepEqual(englishSources.filter((s) => text.includes(s)), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a page of cards fetches the Arabic of the parts it shows, each element in Arabic from its first render', async () => {
  const page = await e2e.browser.newPage();
  const { problems } = watchPage(page);
  const chunks = arabicChunks(page);
  // English text in any render, not only the last: a flash of the source language before the Arabic arrived
  // (each shadow root is watched from its creation).
  await page.evaluateOnNewDocument(`(() => {
    const sources = ${JSON.stringify(englishSources)};
    const flashes = (window.flashes = []);
    const textOf = ${TEXT_OF};
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      new MutationObserver(() => {
        const text = textOf(root);
        for (const s of sources) if (text.includes(s) && !flashes.includes(s)) flashes.push(s);
      }).observe(root, { childList: true, subtree: true, characterData: true });
      return root;
    };
  })()`);
  await page.goto(`${e2e.portal.url}/`);
  await page.waitForFunction(() => document.querySelector('sharek-consultation')?.shadowRoot?.querySelector('[part~=title]'), { timeout: 15_000 });
  await showEveryPart(page);
  assert.deepEqual(chunks(), ['ar', 'ar-comment-form', 'ar-comments', 'ar-consultation', 'ar-decision', 'ar-poll']);
  const text = await shownText(page);
  assert.deepEqual(englishSources.filter((s) => text.includes(s)), [], 'English on the Arabic page');
  assert.deepEqual(await page.evaluate('window.flashes'), [], 'English shown while loading');
  assert.deepEqual(problems, []);
  await page.close();
});

test('an English page fetches no Arabic at all', async () => {
  const page = await e2e.browser.newPage();
  const chunks = arabicChunks(page);
  await page.goto(`${e2e.portal.url}/en/`);
  await showEveryPart(page);
  assert.deepEqual(chunks(), []);
  await page.close();
});

test('a card whose Arabic messages cannot be fetched still shows, in the source English, and breaks nothing', async () => {
  const page = await e2e.browser.newPage();
  const uncaught: string[] = [];
  page.on('pageerror', (e) => uncaught.push(String(e)));
  await page.setRequestInterception(true);
  page.on('request', (r) => void (/\/ar-consultation-[\w-]{8}\.js$/.test(new URL(r.url()).pathname) ? r.abort('failed') : r.continue()));
  await page.goto(`${e2e.portal.url}/`);
  // The header in the portal's Arabic content, the card's own words in English rather than an empty card.
  await page.waitForFunction(() => document.querySelector('sharek-consultation')?.shadowRoot?.querySelector('[part~=title]'), { timeout: 15_000 });
  const title = await page.evaluate(`document.querySelector('sharek-consultation').shadowRoot.querySelector('[part~=title]').textContent.trim()`);
  assert.match(title as string, /[\u0600-\u06ff]/);
  assert.ok(await page.waitForFunction(() => /The draft's articles/.test(document.querySelector('sharek-consultation')!.shadowRoot!.textContent ?? ''), { timeout: 15_000 }));
  assert.deepEqual(uncaught, []);
  await page.close();
});
