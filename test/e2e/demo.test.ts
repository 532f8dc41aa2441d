// End to end: the real portal on a temporary database, the built script, the
// demo pages, in Chromium, as a citizen would open them.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startPortal, type RunningPortal } from '../../portal/main.js';
// @ts-expect-error: a plain .mjs helper shared with the test scripts
import { CHROME_ARGS, requireChrome } from '../../scripts/setup.mjs';

let portal: RunningPortal;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'sharek-e2e-'));

before(async () => {
  assert.ok(existsSync('dist/sharek.js'), 'dist/sharek.js is missing: npm test builds it first');
  portal = await startPortal({ port: 0, dbPath: join(dir, 'portal.sqlite') });
  browser = await puppeteer.launch({ executablePath: requireChrome(), headless: true, args: CHROME_ARGS });
});

after(async () => {
  await browser?.close();
  await portal?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Text of a part inside the first card's shadow root, once it is there. */
async function cardText(page: Page, part: string): Promise<string> {
  const handle = await page.waitForFunction(
    (p) => document.querySelector('sharek-consultation')?.shadowRoot?.querySelector(`[part~="${p}"]`)?.textContent?.trim(),
    { timeout: 10_000 },
    part,
  );
  return (await handle.jsonValue()) as string;
}

test('the Arabic demo page shows the seeded consultation from the portal, right to left', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${portal.url}/`);
  const title = await cardText(page, 'title');
  assert.match(title, /مشروع تعليمات المشاركة الإلكترونية/);
  assert.equal(await cardText(page, 'status'), 'مفتوحة للتعليق');
  const dir = await page.$eval('sharek-consultation', (el) => el.getAttribute('dir'));
  assert.equal(dir, 'rtl');
  const articles = await page.$eval('sharek-consultation', (el) => el.shadowRoot!.querySelectorAll('details[part~=article]').length);
  assert.ok(articles >= 5, `expected at least 5 articles, saw ${articles}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the English demo page shows the same consultation in English, left to right', async () => {
  const page = await browser.newPage();
  await page.goto(`${portal.url}/en/`);
  assert.match(await cardText(page, 'title'), /Draft Instructions for E-Participation/);
  assert.equal(await cardText(page, 'status'), 'Open for comments');
  assert.equal(await page.$eval('sharek-consultation', (el) => el.getAttribute('dir')), 'ltr');
  await page.close();
});

test('the portal serves its OpenAPI document generated from the schemas', async () => {
  const res = await fetch(`${portal.url}/api/v1/openapi.json`);
  assert.equal(res.status, 200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
  assert.match(doc.openapi, /^3\.1/);
  assert.ok(doc.paths['/v1/consultations/{id}']);
});
