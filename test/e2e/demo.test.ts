// End to end: the real portal on a temporary database, the built script, the
// demo pages, in Chromium, as a citizen would open them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { portalAndChromium } from './setup.js';

const e2e = portalAndChromium('e2e');

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
  const page = await e2e.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${e2e.portal.url}/`);
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
  const page = await e2e.browser.newPage();
  await page.goto(`${e2e.portal.url}/en/`);
  assert.match(await cardText(page, 'title'), /Draft Instructions for E-Participation/);
  assert.equal(await cardText(page, 'status'), 'Open for comments');
  assert.equal(await page.$eval('sharek-consultation', (el) => el.getAttribute('dir')), 'ltr');
  await page.close();
});

test('the portal serves its OpenAPI document generated from the schemas', async () => {
  const res = await fetch(`${e2e.portal.url}/api/v1/openapi.json`);
  assert.equal(res.status, 200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
  assert.match(doc.openapi, /^3\.1/);
  assert.ok(doc.paths['/v1/consultations/{id}']);
});
