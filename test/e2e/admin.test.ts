// End to end: the moderation console at /admin/ on the portal `npm start` runs, with the
// built script, same-origin with the admin API (which sends no CORS headers); and the
// citizens' pages never load the console's code or its messages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { portalAndChromium, watchPage } from './setup.js';

const TOKEN = 'e2e-admin-token';
const e2e = portalAndChromium('admin', { adminToken: TOKEN });

/** Code strings, not functions: tsx would inject __name into functions given to the page. */
const inConsole = (selector: string) => `document.querySelector('sharek-moderation')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;

async function waitFor(page: Page, selector: string) {
  await page.waitForFunction(`!!${inConsole(selector)}`, { timeout: 15_000 });
}

test('/admin/ serves the console in Arabic; a moderator signs in and sees the queue, same-origin', async () => {
  const page = await e2e.browser.newPage();
  const { problems } = watchPage(page);
  const chunks: string[] = [];
  page.on('request', (r) => void (r.url().includes('/dist/chunks/') && chunks.push(new URL(r.url()).pathname)));
  const res = await page.goto(`${e2e.portal.url}/admin/`);
  assert.equal(res?.status(), 200);
  assert.match(res!.headers()['content-security-policy'] ?? '', /frame-ancestors 'self'/);
  await waitFor(page, '#credential');
  assert.equal(await page.evaluate(`${inConsole('[part~=heading]')}.textContent.trim()`), 'الإشراف على المشاركات');
  assert.equal(await page.evaluate(`document.querySelector('sharek-moderation').getAttribute('dir')`), 'rtl');
  await page.evaluate(`${inConsole('#credential')}.focus()`);
  await page.keyboard.type(TOKEN);
  await page.keyboard.press('Enter');
  await waitFor(page, '[part~=session]');
  await waitFor(page, 'tbody tr');
  assert.match(await page.evaluate(`${inConsole('[part~=session] span')}.textContent`) as string, /development/);
  // The seed has a comment awaiting moderation; its tab says how many.
  assert.match(await page.evaluate(`${inConsole('#tab-pending')}.textContent`) as string, /بانتظار المراجعة \(\d+\)/);
  assert.ok(chunks.some((c) => /\/moderation-[\w-]{8}\.js$/.test(c)), 'the console chunk');
  assert.ok(chunks.some((c) => /\/ar-moderation-[\w-]{8}\.js$/.test(c)), "the console's Arabic messages");
  assert.deepEqual(problems, []);
  await page.close();
});

test('the English console is at /admin/en/', async () => {
  const page = await e2e.browser.newPage();
  await page.goto(`${e2e.portal.url}/admin/en/`);
  await waitFor(page, '#credential');
  assert.equal(await page.evaluate(`${inConsole('[part~=heading]')}.textContent.trim()`), 'Moderation');
  await page.close();
});

test("the citizens' demo pages load neither the console nor its messages", async () => {
  for (const path of ['/', '/en/', '/have-your-say/']) {
    const page = await e2e.browser.newPage();
    const chunks: string[] = [];
    page.on('request', (r) => void (r.url().includes('/dist/chunks/') && chunks.push(new URL(r.url()).pathname)));
    await page.goto(`${e2e.portal.url}${path}`, { waitUntil: 'networkidle0' });
    // Scrolled through, so every card's inner elements have loaded too.
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 });
    assert.ok(chunks.length > 0, `${path} loaded chunks`);
    assert.deepEqual(chunks.filter((c) => /moderation/.test(c)), [], `${path} loaded the console`);
    await page.close();
  }
});
