// Issue 15, finding 9 of the security review, against the running portal in
// Chromium: a consultation whose rich text carries links with every kind of
// `target` (a named window, `_top` with `rel=opener`, `_blank`) is shown
// with `rel="noopener noreferrer"` on each link kept with a target.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedData } from '../../portal/seed-data.js';
import { portalAndChromium } from './setup.js';

const ID = 'e-participation-instructions';
const LINKS =
  '<p>Read <a href="https://modee.gov.jo/a" target="win">the draft</a>, ' +
  '<a href="https://modee.gov.jo/b" target="_top" rel="opener">the law</a>, ' +
  '<a href="https://modee.gov.jo/c" target="_blank" rel="opener nofollow">the study</a>, ' +
  '<a href="https://modee.gov.jo/d" target="_self">the rules</a> and ' +
  '<a href="https://modee.gov.jo/e">the notes</a>.</p>';

const e2e = portalAndChromium('links', {
  seed: (now) => {
    const data = seedData(now);
    const c = data.consultations.find((s) => s.consultation.id === ID)!;
    c.consultation.summary = { ar: LINKS, en: LINKS };
    return data;
  },
});

test('finding 9: every link the sanitiser keeps with a target opens with rel="noopener noreferrer"', async () => {
  const page = await e2e.browser.newPage();
  await page.goto(`${e2e.portal.url}/consultations/${ID}?lang=en`);
  const handle = await page.waitForFunction(
    () => {
      const links = document.querySelector('sharek-consultation')?.shadowRoot?.querySelectorAll('[part~=summary] a');
      return links?.length ? [...links].map((a) => [a.textContent, a.getAttribute('target'), a.getAttribute('rel')]) : null;
    },
    { timeout: 10_000 },
  );
  const links = (await handle.jsonValue()) as [string, string | null, string | null][];
  assert.deepEqual(links, [
    ['the draft', 'win', 'noopener noreferrer'],
    ['the law', '_top', 'noopener noreferrer'],
    ['the study', '_blank', 'noopener noreferrer'],
    ['the rules', '_self', 'noopener noreferrer'],
    ['the notes', null, null],
  ]);
  await page.close();
});
