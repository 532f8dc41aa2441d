// What a screen reader hears while a comment is sent with retries (issue 13,
// finding 3), against the real portal behind /api with the network failing in
// between: every change of text in a live region is counted. The wait is said
// once, and again only when it changes (not reached, then the portal busy);
// the countdown that ticks every second is on screen, outside any live region.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import './register.js';
import { $, clean, shadow } from './helpers.js';
import type { SharekCommentForm } from '../../src/comment-form/comment-form.js';

const CONSULTATION = 'e-participation-instructions';
const realFetch = window.fetch;

const LIVE = '[role=status], [role=alert], [aria-live]:not([aria-live=off])';

/** Every text a live region of `root` takes, in order, from now on (what a screen reader would say). */
function listen(root: ShadowRoot) {
  const said: string[] = [];
  const shown = new Set<string>();
  const last = new Map<Element, string>();
  const regions = () => [...root.querySelectorAll(LIVE)].filter((r) => !r.parentElement?.closest(LIVE));
  for (const region of regions()) last.set(region, clean(region.textContent));
  const observer = new MutationObserver(() => {
    for (const region of regions()) {
      const text = clean(region.textContent);
      if (last.get(region) === text) continue;
      last.set(region, text);
      if (text) said.push(text);
    }
    const countdown = root.querySelector('.countdown');
    if (countdown) {
      expect(countdown.closest(LIVE), 'the countdown is in a live region').to.equal(null);
      shown.add(clean(countdown.textContent));
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  return { said, shown, stop: () => observer.disconnect() };
}

/** Comment POSTs to the consultation go through `fault` (the attempt's number, and the real request); the rest to the portal. */
function between(fault: (attempt: number, forward: () => Promise<Response>) => Promise<Response>) {
  let attempts = 0;
  window.fetch = (input, init = {}) => {
    if (init.method !== 'POST' || !String(input).endsWith(`/v1/consultations/${CONSULTATION}/comments`)) return realFetch(input, init);
    return fault(attempts++, () => realFetch(input, init));
  };
  return { attempts: () => attempts };
}

const offline = () => Promise.reject(new TypeError('Failed to fetch'));
const busy = (seconds: number) =>
  Promise.resolve(
    new Response(JSON.stringify({ type: 'about:blank', title: 'Too many requests', status: 429 }), {
      status: 429,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': String(seconds) },
    }),
  );

const uniqueBody = () => `Announcements: ${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;

async function sendWithRetries(lang: 'ar' | 'en', retryDelays: number[]) {
  const form = await fixture<SharekCommentForm>(
    html`<sharek-comment-form lang=${lang} api="/api" consultation=${CONSULTATION} .retryDelays=${retryDelays}></sharek-comment-form>`,
  );
  await waitUntil(() => $(form, '#policy'), 'the form did not load', { timeout: 10_000 });
  const textarea = $<HTMLTextAreaElement>(form, '#body')!;
  textarea.value = uniqueBody();
  textarea.dispatchEvent(new Event('input'));
  $(form, '#as-individual')!.click();
  $(form, '#policy')!.click();
  await form.updateComplete;
  const heard = listen(shadow(form));
  $(form, '[part=submit]')!.click();
  return { form, heard };
}

const T = {
  en: {
    sending: 'Sending your comment…',
    unreachable: 'Could not reach the portal. Your comment is saved on this device and will be sent again by itself.',
    busy: 'The portal is receiving many comments. Your comment is saved on this device and will be sent again by itself.',
    countdown: ['Trying again in 3 seconds.', 'Trying again in 2 seconds.', 'Trying again in 1 second.'],
    busyCountdown: 'Sending again in 2 seconds.',
    notSent: /^Your comment was not sent /,
    thanks: /^Thank you for your comment/,
  },
  ar: {
    sending: 'جارٍ إرسال تعليقك…',
    unreachable: 'تعذّر الوصول إلى البوابة. تعليقك محفوظ على هذا الجهاز، وسيُعاد إرساله تلقائيًا.',
    busy: 'تستقبل البوابة عددًا كبيرًا من التعليقات. تعليقك محفوظ على هذا الجهاز، وسيُعاد إرساله تلقائيًا.',
    countdown: ['ستُعاد المحاولة بعد 3 ثوانٍ.', 'ستُعاد المحاولة بعد ثانيتين.', 'ستُعاد المحاولة بعد ثانية واحدة.'],
    busyCountdown: 'سيُعاد الإرسال بعد ثانيتين.',
    notSent: /^لم يُرسَل تعليقك /,
    thanks: /^شكرًا لك على تعليقك/,
  },
};

describe('what a screen reader hears while a comment is sent with retries', function () {
  this.timeout(40_000);

  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('sharek:')) localStorage.removeItem(key);
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  for (const lang of ['ar', 'en'] as const) {
    const t = T[lang];

    it(`network off for two waits of 3 s: three announcements, not one a second; the countdown is shown, in ${lang}`, async () => {
      between(() => offline());
      const { form, heard } = await sendWithRetries(lang, [3000, 3000]);
      await waitUntil(() => $(form, '[part=progress].error'), 'the send did not fail', { timeout: 20_000 });
      await form.updateComplete;
      heard.stop();
      // Sending; not reached, and it will be tried again (said once for both waits); not sent.
      expect(heard.said.length, `heard: ${JSON.stringify(heard.said)}`).to.equal(3);
      expect(heard.said[0]).to.equal(t.sending);
      expect(heard.said[1]).to.equal(t.unreachable);
      expect(heard.said[2]).to.match(t.notSent);
      for (const tick of t.countdown) expect([...heard.shown], 'the countdown on screen').to.include(tick);
      await expect(form).to.be.accessible();
    });

    it(`not reached, then the portal busy, then sent: each change said once, in ${lang}`, async () => {
      const net = between((n, forward) => (n === 0 ? offline() : n === 1 ? busy(2) : forward()));
      const { form, heard } = await sendWithRetries(lang, [3000, 3000, 3000]);
      // Waiting out the 429 (the countdown shows its seconds).
      await waitUntil(() => net.attempts() === 2 && /\d|ثانيتين/.test(clean($(form, '[part=progress]')?.textContent)), 'no wait after the 429', { timeout: 20_000 });
      await expect(form).to.be.accessible();
      await waitUntil(() => $(form, '[part=confirmation]'), 'not sent', { timeout: 20_000 });
      await form.updateComplete;
      heard.stop();
      expect(heard.said.length, `heard: ${JSON.stringify(heard.said)}`).to.equal(4);
      expect(heard.said.slice(0, 3)).to.deep.equal([t.sending, t.unreachable, t.busy]);
      expect([...heard.shown], 'the countdown on screen').to.include(t.busyCountdown);
      expect(heard.said[3]).to.match(t.thanks);
      await expect(form).to.be.accessible();
    });
  }
});
