// The embed-snippet builder (/builder/) in Chromium, on the real portal: the
// options change the snippet, and the preview shows the real elements with
// the chosen consultation, language, parts and look.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { portalAndChromium } from './setup.js';

const e2e = portalAndChromium('builder');

interface Watched {
  page: Page;
  problems: string[];
}

/** Opens the builder and waits until it has the portal's list; records errors and CSP violations. */
async function openBuilder(query = ''): Promise<Watched> {
  const page = await e2e.browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    // A decision is 404 until one is published (the contract says so); the favicon is the browser's.
    if (r.status() >= 400 && path !== '/favicon.ico' && !(r.status() === 404 && path.endsWith('/decision'))) {
      problems.push(`${r.status()} ${r.url()}`);
    }
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${e2e.portal.url}/builder/${query}`);
  await page.waitForSelector('html[data-ready]', { timeout: 10_000 });
  return { page, problems };
}

const snippet = (page: Page) => page.$eval('#snippet', (t) => (t as HTMLTextAreaElement).value);

/** An element as the snippet writes it: its start tag, the fallback link to the portal inside it, its end tag. */
const inSnippet = (tag: string, attrs: string) => `<${tag} ${attrs}>\n  <a href="[^"]+">[^<]+</a>\n</${tag}>`;

/** Sets a radio by name and value, as a person would (a click). */
async function choose(page: Page, name: string, value: string): Promise<void> {
  await page.click(`input[name=${name}][value=${value}]`);
}

/** Waits for the preview's first `tag` to show a part, and gives its text. */
async function previewPart(page: Page, tag: string, part: string, match?: RegExp): Promise<string> {
  const handle = await page.waitForFunction(
    (t: string, p: string, source: string | null) => {
      const text = document.querySelector(`#preview ${t}`)?.shadowRoot?.querySelector(`[part~="${p}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
      return text && (!source || new RegExp(source).test(text)) ? text : null;
    },
    { timeout: 10_000 },
    tag,
    part,
    match?.source ?? null,
  );
  return (await handle.jsonValue()) as string;
}

test('the builder lists the portal’s consultations and starts with an open one, in Arabic, full card', async () => {
  const { page, problems } = await openBuilder();
  const options = await page.$$eval('#consultation option', (os) => os.map((o) => (o as HTMLOptionElement).value));
  const list = (await (await fetch(`${e2e.portal.url}/api/v1/consultations?limit=100`)).json()) as { items: { id: string }[] };
  assert.deepEqual(options, list.items.map((c) => c.id));
  assert.equal(await page.$eval('#consultation', (s) => (s as HTMLSelectElement).value), 'e-participation-instructions');
  const text = await snippet(page);
  assert.match(text, new RegExp(`<meta name="sharek-api" content="${e2e.portal.url}/api">`));
  assert.match(text, new RegExp(`<script type="module" src="${e2e.portal.url}/dist/sharek.js"></script>`));
  assert.match(text, new RegExp(inSnippet('sharek-consultation', 'consultation="e-participation-instructions" lang="ar"')));
  // Inside it, a link to take part on the portal: what a reader sees before the script runs or if it cannot load.
  assert.match(text, new RegExp(`<a href="${e2e.portal.url}/consultations/e-participation-instructions">اقرأ الاستشارة وشارك برأيك على بوابة الاستشارات</a>`));
  assert.match(text, /sharek-consultation:not\(:defined\) \{ display: block; min-block-size: 40rem; \}/);
  assert.doesNotMatch(text, /style=/);
  assert.match(await previewPart(page, 'sharek-consultation', 'title'), /مشروع تعليمات المشاركة الإلكترونية/);
  assert.equal(await page.$eval('#preview sharek-consultation', (el) => el.getAttribute('dir')), 'rtl');
  assert.deepEqual(problems, []);
  await page.close();
});

test('choosing a consultation and a language changes the snippet and the preview', async () => {
  const { page, problems } = await openBuilder();
  await page.select('#consultation', 'open-data-policy-2024');
  await choose(page, 'lang', 'en');
  const text = await snippet(page);
  assert.match(text, new RegExp(inSnippet('sharek-consultation', 'consultation="open-data-policy-2024" lang="en"')));
  assert.doesNotMatch(text, /e-participation-instructions/);
  assert.match(await previewPart(page, 'sharek-consultation', 'title', /Open Government Data/), /Open Government Data/);
  assert.equal(await previewPart(page, 'sharek-consultation', 'status'), 'Decision published');
  assert.equal(await page.$eval('#preview sharek-consultation', (el) => el.getAttribute('dir')), 'ltr');
  // The choice is kept in the address, to share or reload.
  const reloaded = await openBuilder(new URL(page.url()).search);
  assert.equal(await snippet(reloaded.page), text);
  await reloaded.page.close();
  assert.deepEqual(problems, []);
  await page.close();
});

test('each choice of parts gives its elements, in the snippet and in the preview', async () => {
  const { page, problems } = await openBuilder();
  await choose(page, 'lang', 'en');

  await choose(page, 'show', 'participate');
  let text = await snippet(page);
  assert.match(text, new RegExp(`${inSnippet('sharek-comment-form', 'consultation="e-participation-instructions" lang="en"')}\n${inSnippet('sharek-comments', 'consultation="e-participation-instructions" lang="en"')}`));
  assert.doesNotMatch(text, /<sharek-consultation/);
  assert.match(await previewPart(page, 'sharek-comment-form', 'heading'), /Comment on the draft/);
  await previewPart(page, 'sharek-comments', 'heading');

  await choose(page, 'show', 'form');
  text = await snippet(page);
  assert.match(text, /<sharek-comment-form consultation="e-participation-instructions" lang="en">/);
  assert.doesNotMatch(text, /<sharek-comments /);
  assert.equal(await page.$$eval('#preview > *', (els) => els.map((e) => e.localName).join()), 'sharek-comment-form');

  await choose(page, 'show', 'comments');
  assert.match(await snippet(page), new RegExp(`^${inSnippet('sharek-comments', 'consultation="e-participation-instructions" lang="en"')}$`, 'm'));
  await previewPart(page, 'sharek-comments', 'heading');

  await choose(page, 'show', 'polls');
  await page.waitForFunction(() => (document.querySelector('#snippet') as HTMLTextAreaElement).value.includes('<sharek-poll'));
  text = await snippet(page);
  const polls = [...text.matchAll(new RegExp(inSnippet('sharek-poll', 'poll="([^"]+)" lang="en"'), 'g'))].map((m) => m[1]);
  const consultation = (await (await fetch(`${e2e.portal.url}/api/v1/consultations/e-participation-instructions`)).json()) as { pollIds: string[] };
  assert.deepEqual(polls, consultation.pollIds);
  assert.equal(await page.$$eval('#preview sharek-poll', (els) => els.length), consultation.pollIds.length);
  await previewPart(page, 'sharek-poll', 'poll');

  await page.select('#consultation', 'open-data-policy-2024');
  await choose(page, 'show', 'decision');
  assert.match(await snippet(page), new RegExp(inSnippet('sharek-decision', 'consultation="open-data-policy-2024" lang="en"')));
  await previewPart(page, 'sharek-decision', 'outcome');
  assert.deepEqual(problems, []);
  await page.close();
});

test('"the card only" shows the card without polls, comments, form or comment buttons (participation="none")', async () => {
  const { page, problems } = await openBuilder();
  await choose(page, 'show', 'card');
  const text = await snippet(page);
  assert.match(text, /<sharek-consultation consultation="e-participation-instructions" participation="none" lang="ar">/);
  assert.doesNotMatch(text, /::part/);
  await previewPart(page, 'sharek-consultation', 'title');
  const present = await page.$eval('#preview sharek-consultation', (el) =>
    ['participate', 'polls', 'summary'].map((p) => !!el.shadowRoot!.querySelector(`[part~="${p}"]`)).concat(!!el.shadowRoot!.querySelector('.article-actions button')),
  );
  assert.deepEqual(present, [false, false, true, false]);
  await choose(page, 'show', 'full');
  assert.doesNotMatch(await snippet(page), /participation=/);
  // The card renders its parts as the reader nears them: bring the preview into view.
  await page.$eval('#preview sharek-consultation', (el) => el.scrollIntoView());
  await page.waitForFunction(() => document.querySelector('#preview sharek-consultation')?.shadowRoot?.querySelector('[part~="participate"]'));
  assert.deepEqual(problems, []);
  await page.close();
});

/** The WCAG 2 contrast of two #rrggbb colours, worked out here (not by the page's code). */
function contrastOf(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('an accent colour too light for white button text: a warning on the field, announced, and the nearest colour that passes', async () => {
  const { page, problems } = await openBuilder();
  await previewPart(page, 'sharek-consultation', 'title');
  // A code string: tsx would wrap a function's inner names in a helper the page does not have.
  const field = () =>
    page.evaluate(`(() => {
      const input = document.querySelector('#accent');
      const described = (input.getAttribute('aria-describedby') || '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
      const use = document.querySelector('#use-suggested');
      return {
        value: input.value,
        described: described.join(' '),
        announced: document.querySelector('#accent-check[aria-live=polite]')?.textContent?.replace(/\\s+/g, ' ').trim() ?? '',
        use: use.hidden ? '' : use.textContent.trim(),
        focused: document.activeElement?.id,
      };
    })()`) as Promise<{ value: string; described: string; announced: string; use: string; focused?: string }>;
  // Sharek's own green passes: no warning, nothing to use instead.
  let now = await field();
  assert.doesNotMatch(now.described, /Warning/);
  assert.equal(now.use, '');

  await page.$eval('#accent', (input) => {
    (input as HTMLInputElement).value = '#3cb371';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  now = await field();
  assert.match(now.described, /^Warning: white button text on #3cb371 has a contrast of 2\.67:1, below the 4\.5:1/);
  assert.equal(now.announced, now.described, 'the warning is in a polite live region');
  const suggested = /^Use (#[0-9a-f]{6})$/.exec(now.use)?.[1];
  assert.ok(suggested, `a colour to use instead: "${now.use}"`);
  assert.ok(contrastOf(suggested, '#ffffff') >= 4.5, `${suggested} passes 4.5:1 (${contrastOf(suggested, '#ffffff').toFixed(2)})`);
  // The nearest: darker, but not by much (same hue, less lightness).
  assert.ok(contrastOf(suggested, '#ffffff') < 4.8, `${suggested} is the nearest that passes, not any dark colour`);
  assert.match(now.described, new RegExp(`nearest colour that passes is ${suggested}`));

  await page.click('#use-suggested');
  now = await field();
  assert.equal(now.value, suggested);
  assert.equal(now.use, '', 'nothing more to use once it passes');
  assert.doesNotMatch(now.described, /Warning/);
  assert.equal(now.focused, 'accent', 'focus goes back to the colour field, not to the page');
  assert.match(await snippet(page), new RegExp(`--sharek-accent: ${suggested}`));
  assert.deepEqual(problems, []);
  await page.close();
});

test('accent colour and corner radius: a style attribute in the snippet, the same look in the preview (no CSP violation)', async () => {
  const { page, problems } = await openBuilder();
  await previewPart(page, 'sharek-consultation', 'title');
  // Mark the element shown, to see below that a new look restyles it rather than making a new one.
  await page.$eval('#preview sharek-consultation', (el) => void ((el as unknown as { marked: boolean }).marked = true));
  await page.$eval('#accent', (input) => {
    (input as HTMLInputElement).value = '#8a1538';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.$eval('#radius', (input) => {
    (input as HTMLInputElement).value = '2';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.match(await snippet(page), new RegExp(inSnippet('sharek-consultation', 'consultation="e-participation-instructions" lang="ar" style="--sharek-accent: #8a1538; --sharek-radius: 2px"')));
  assert.equal(await page.$eval('#radius-value', (o) => o.textContent), '2px');
  const look = await page.$eval('#preview sharek-consultation', (el) => {
    const card = el.shadowRoot!.querySelector('[part~=card]')!;
    const status = el.shadowRoot!.querySelector('[part~=status]')!;
    return { radius: getComputedStyle(card).borderTopLeftRadius, badge: getComputedStyle(status).borderTopColor };
  });
  assert.deepEqual(look, { radius: '2px', badge: 'rgb(138, 21, 56)' });
  // A new look restyles the same elements: nothing is loaded again.
  assert.equal(await page.$eval('#preview sharek-consultation', (el) => (el as unknown as { marked?: boolean }).marked), true);
  await page.click('#reset-look');
  assert.doesNotMatch(await snippet(page), /style=/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Copy puts the snippet on the clipboard, and without a clipboard selects it for the person to copy', async () => {
  await e2e.browser.defaultBrowserContext().overridePermissions(e2e.portal.url, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  const { page, problems } = await openBuilder();
  const text = await snippet(page);
  await page.click('#copy');
  await page.waitForFunction(() => document.querySelector('#copy-status')?.textContent?.startsWith('Copied'), { timeout: 5000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);

  // No Clipboard API: the text is selected, and the status says what to do.
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
  await page.click('#copy');
  await page.waitForFunction(() => document.querySelector('#copy-status')?.textContent);
  const selected = await page.$eval('#snippet', (t) => {
    const area = t as HTMLTextAreaElement;
    return document.activeElement === area && area.selectionStart === 0 && area.selectionEnd === area.value.length;
  });
  assert.equal(selected, true);
  assert.match((await page.$eval('#copy-status', (p) => p.textContent)) ?? '', /Copied|press Ctrl\+C/);
  assert.deepEqual(problems, []);
  await page.close();
});
