// The React 19 example (demo/react/, built by `npm run build`) in Chromium,
// on the real portal: React passes the consultation it fetched as a property,
// and Sharek's events reach React's state.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { startPortal, type RunningPortal } from '../../portal/main.js';
import { seedData } from '../../portal/seed-data.js';
import { portalAndChromium } from './setup.js';

const ID = 'e-participation-instructions';
const ADMIN_TOKEN = 'react-e2e-admin-token';

const e2e = portalAndChromium('react', { adminToken: ADMIN_TOKEN });

before(() => {
  assert.ok(existsSync('demo/react/dist/app.js'), 'demo/react/dist/app.js is missing: npm test builds it first (npm run build)');
});

interface Watched {
  page: Page;
  requests: string[];
  problems: string[];
}

/** A new page that records every request, failed answer, page error and console error (CSP violations included). */
async function open(url: string): Promise<Watched> {
  const page = await e2e.browser.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    // The browser's favicon is not the page's; a decision is 404 until one is published (the contract says so).
    const expected = path === '/favicon.ico' || (r.status() === 404 && path.endsWith('/decision'));
    if (r.status() >= 400 && !expected) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    // Failed loads are checked by their answers above.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  await page.goto(url);
  return { page, requests, problems };
}

/** Text of a part in the card's shadow root, once there. */
async function cardPart(page: Page, part: string): Promise<string> {
  const handle = await page.waitForFunction(
    (p) => document.querySelector('sharek-consultation')?.shadowRoot?.querySelector(`[part~="${p}"]`)?.textContent?.replace(/\s+/g, ' ').trim(),
    { timeout: 10_000 },
    part,
  );
  return (await handle.jsonValue()) as string;
}

/** Fills and sends a comment form found by `path` (a list of selectors, one per shadow root). */
async function sendComment(page: Page, path: string[], body: string): Promise<void> {
  await page.waitForFunction(
    (p: string[]) => {
      let root: Document | ShadowRoot | null | undefined = document;
      for (const s of p) root = root?.querySelector(s)?.shadowRoot;
      return !!root?.querySelector('#policy');
    },
    { timeout: 10_000 },
    path,
  );
  await page.evaluate(
    (p: string[], text: string) => {
      let root: Document | ShadowRoot = document;
      for (const s of p) root = root.querySelector(s)!.shadowRoot!;
      const area = root.querySelector<HTMLTextAreaElement>('#body')!;
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      root.querySelector<HTMLInputElement>('#as-academia')!.click();
      root.querySelector<HTMLInputElement>('#policy')!.click();
    },
    path,
    body,
  );
  // Let Lit render the accepted state before sending.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  await page.evaluate((p: string[]) => {
    let root: Document | ShadowRoot = document;
    for (const s of p) root = root.querySelector(s)!.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[part~=submit]')!.click();
  }, path);
}

async function heard(page: Page, kind: string, count = 1): Promise<string[]> {
  await page.waitForFunction((k: string, n: number) => document.querySelectorAll(`#heard li[data-kind="${k}"]`).length >= n, { timeout: 15_000 }, kind, count);
  return page.$$eval(`#heard li[data-kind="${kind}"]`, (lis) => lis.map((li) => li.textContent ?? ''));
}

async function pendingBodies(p: RunningPortal, token: string): Promise<string[]> {
  const res = await fetch(`${p.url}/api/admin/v1/comments?status=pending&consultation=${ID}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  return ((await res.json()) as { items: { body: string }[] }).items.map((c) => c.body);
}

test('the React page renders the card from the data React fetched: the element makes no request for it', async () => {
  const { page, requests, problems } = await open(`${e2e.portal.url}/react/`);
  assert.match(await cardPart(page, 'title'), /Draft Instructions for E-Participation/);
  assert.equal(await cardPart(page, 'status'), 'Open for comments');
  // The form on its own has its data too: its heading is there without asking the e2e.portal.
  await page.waitForFunction(() => document.querySelector('sharek-comment-form')?.shadowRoot?.querySelector('[part~=heading]'), { timeout: 10_000 });
  // React set `data` as a property, not an attribute.
  assert.equal(await page.$eval('sharek-consultation', (el) => el.hasAttribute('data')), false);
  assert.equal(await page.$eval('sharek-consultation', (el) => (el as unknown as { data?: { id: string } }).data?.id), ID);
  // One request for the consultation: the page's own. The card and the form asked nothing.
  const asked = requests.filter((r) => r === `GET /api/v1/consultations/${ID}`);
  assert.equal(asked.length, 1, `requests: ${requests.join(', ')}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('React props drive the elements: the language and the article of the form', async () => {
  const { page, problems } = await open(`${e2e.portal.url}/react/`);
  await cardPart(page, 'title');
  await page.click('input[name=lang][value=ar]');
  await page.waitForFunction(() => document.querySelector('sharek-consultation')?.getAttribute('dir') === 'rtl', { timeout: 5000 });
  assert.equal(await cardPart(page, 'status'), 'مفتوحة للتعليق');
  assert.equal(await page.$eval('sharek-comment-form', (el) => el.getAttribute('dir')), 'rtl');
  await page.select('#article', 'art-2');
  const heading = await page.waitForFunction(
    () => {
      const h = document.querySelector('sharek-comment-form')?.shadowRoot?.querySelector('[part~=heading]')?.textContent?.trim();
      return h && /2|٢/.test(h) ? h : null;
    },
    { timeout: 5000 },
  );
  assert.match((await heading.jsonValue()) as string, /المادة/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a comment sent from the form, and one from the card, each reach React’s UI and the portal', async () => {
  const { page, problems } = await open(`${e2e.portal.url}/react/`);
  await cardPart(page, 'title');
  assert.ok(await page.$('#heard-empty'));

  const fromForm = `React example, from the form ${Date.now()}: the definitions are clear.`;
  await sendComment(page, ['sharek-comment-form'], fromForm);
  const [first] = await heard(page, 'comment', 1);
  assert.match(first!, /received by the portal \(pending\), sent from the form/);

  const fromCard = `React example, from the card ${Date.now()}: please publish the replies.`;
  await sendComment(page, ['sharek-consultation', 'sharek-comment-form'], fromCard);
  const both = await heard(page, 'comment', 2);
  assert.match(both[1]!, /received by the portal \(pending\), sent from the card/);

  const pending = await pendingBodies(e2e.portal, ADMIN_TOKEN);
  assert.ok(pending.includes(fromForm), 'the form’s comment is in the moderation queue');
  assert.ok(pending.includes(fromCard), 'the card’s comment is in the moderation queue');
  assert.deepEqual(problems, []);
  await page.close();
});

test('when the consultation closes while the page is open, the status change reaches React’s state', async () => {
  // A portal whose consultation closes a few seconds from now.
  const closing = await startPortal({
    port: 0,
    dbPath: join(e2e.dir, 'closing.sqlite'),
    seed: (now) => {
      const data = seedData(now);
      const c = data.consultations.find((s) => s.consultation.id === ID)!;
      c.consultation.closesAt = new Date(Date.now() + 6000).toISOString();
      for (const poll of c.polls) poll.closesAt = c.consultation.closesAt;
      return data;
    },
  });
  try {
    const { page, problems } = await open(`${closing.url}/react/`);
    assert.equal(await cardPart(page, 'status'), 'Open for comments');
    assert.equal(await page.$eval('[data-testid=status]', (el) => el.textContent), 'open');
    const [change] = await heard(page, 'status', 1);
    assert.match(change!, /Status changed from open to closed/);
    assert.equal(await page.$eval('[data-testid=status]', (el) => el.textContent), 'closed');
    assert.equal(await cardPart(page, 'status'), 'Closed');
    // The form on its own follows the clock too: it no longer offers to send.
    await page.waitForFunction(() => document.querySelector('sharek-comment-form')?.shadowRoot?.querySelector('[part~=closed]'), { timeout: 5000 });
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await closing.close();
  }
});
