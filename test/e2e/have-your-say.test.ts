// The demo's "have your say" pages: an agency's consultations listed by
// <sharek-consultations>, each linking to the page that embeds its card.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { portalAndChromium } from './setup.js';

const e2e = portalAndChromium('list');

/** Titles and links of each list on the page, in order, once all have loaded. */
async function lists(page: Page): Promise<{ status: string; items: { title: string; href: string | null }[]; empty: string | null }[]> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('sharek-consultations')].every((el) =>
        el.shadowRoot?.querySelector('[part~=item], [part~=empty], [part~=error]'),
      ),
    { timeout: 10_000 },
  );
  return page.$$eval('sharek-consultations', (els) =>
    els.map((el) => ({
      status: el.getAttribute('status') ?? '',
      items: [...el.shadowRoot!.querySelectorAll('[part~=item]')].map((item) => ({
        title: item.querySelector('[part~=title]')!.textContent!.trim(),
        href: item.querySelector('a[part~=link]')?.getAttribute('href') ?? null,
      })),
      empty: el.shadowRoot!.querySelector('[part~=empty]')?.textContent?.trim() ?? null,
    })),
  );
}

test('the Arabic "have your say" page lists the ministry’s consultations by status, linking to each one’s page', async () => {
  const page = await e2e.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${e2e.portal.url}/have-your-say/`);
  const shown = await lists(page);
  assert.deepEqual(
    shown.map((l) => l.status),
    ['open', 'upcoming', 'decided'],
  );
  assert.deepEqual(shown[0]!.items, [{ title: 'مشروع تعليمات المشاركة الإلكترونية لسنة 2025', href: '/consultations/e-participation-instructions' }]);
  assert.equal(shown[1]!.items[0]!.href, '/consultations/digital-services-quality-policy');
  assert.equal(shown[2]!.items[0]!.href, '/consultations/open-data-policy-2024');
  // The link opens the page that embeds the card.
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate(() => document.querySelector('sharek-consultations')!.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~=link]')!.click()),
  ]);
  assert.equal(new URL(page.url()).pathname, '/consultations/e-participation-instructions');
  await page.waitForFunction(() => document.querySelector('sharek-consultation')?.shadowRoot?.querySelector('[part~=title]'), { timeout: 10_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the English page lists the same in English, linking to the English pages', async () => {
  const page = await e2e.browser.newPage();
  await page.goto(`${e2e.portal.url}/en/have-your-say/`);
  const shown = await lists(page);
  assert.equal(shown[0]!.items[0]!.title, 'Draft Instructions for E-Participation, 2025');
  assert.equal(shown[0]!.items[0]!.href, '/consultations/e-participation-instructions?lang=en');
  assert.equal(await page.$eval('sharek-consultations', (el) => el.getAttribute('dir')), 'ltr');
  await page.close();
});
