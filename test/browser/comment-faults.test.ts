// Faults during a comment (issue 6), against the real reference portal behind
// /api: offline, 500, 503, a timeout, 429 with Retry-After, the connection cut
// after the portal stored the comment, a reload in the middle. After recovery
// the portal holds exactly one comment with that body and no draft is left in
// this browser; until then the draft is never lost (checked at every attempt).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './register.js';
import { $ } from './helpers.js';
import type { SharekCommentForm } from '../../src/comment-form/comment-form.js';

// The browser tests' portal is started with this admin token (web-test-runner.config.mjs).
const ADMIN = { Authorization: 'Bearer wtr-admin-token' };
const CONSULTATION = 'e-participation-instructions';
/** PortalClient's default timeout: the one a real page has. */
const CLIENT_TIMEOUT = 15_000;

const realFetch = window.fetch;
const realSetTimeout = window.setTimeout;

/** A body nobody else sends, without digits (so no personal-data warning). */
const uniqueBody = (what: string) =>
  `${what}: ${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;

const drafts = () => Object.keys(localStorage).filter((k) => k.startsWith('sharek:draft:'));
const draftBodies = () => drafts().map((k) => (JSON.parse(localStorage.getItem(k)!) as { body: string }).body);

/** How many comments with this body the portal holds, whatever their status. */
async function stored(body: string): Promise<number> {
  const res = await realFetch(`/api/admin/v1/comments?consultation=${CONSULTATION}&limit=500`, { headers: ADMIN });
  expect(res.status).to.equal(200);
  return ((await res.json()) as { items: { body: string }[] }).items.filter((c) => c.body === body).length;
}

interface Attempt {
  at: number;
  key: string | null;
  body: string;
}

let lastSent = '';
const lastBody = async () => lastSent;

type Fault = (attempt: number, forward: () => Promise<Response>, init: RequestInit) => Promise<Response>;

/**
 * Puts `fault` between the page and the portal for comment POSTs to the
 * consultation (everything else goes through). At every attempt made before
 * the page received a 201, it checks that the draft with `body` is in this
 * browser's storage: the draft is never lost while the portal has not answered.
 */
function between(body: string, fault: Fault) {
  const attempts: Attempt[] = [];
  const lost: string[] = [];
  let answered = false;
  window.fetch = (input, init = {}) => {
    const url = String(input);
    if (init.method !== 'POST' || !url.endsWith(`/v1/consultations/${CONSULTATION}/comments`)) return realFetch(input, init);
    const n = attempts.length;
    attempts.push({ at: performance.now(), key: new Headers(init.headers).get('Idempotency-Key'), body: String(init.body) });
    lastSent = String(init.body);
    if (!answered && !draftBodies().includes(body)) lost.push(`attempt ${n + 1}: the draft is not in storage (${JSON.stringify(draftBodies())})`);
    return fault(n, () => realFetch(input, init), init).then((res) => {
      if (res.status === 201) answered = true;
      return res;
    });
  };
  return { attempts, lost };
}

const offline = () => Promise.reject(new TypeError('Failed to fetch'));
const answer = (status: number, body: string, type: string, headers: Record<string, string> = {}) =>
  Promise.resolve(new Response(body, { status, headers: { 'Content-Type': type, ...headers } }));
const problem = (status: number, headers: Record<string, string> = {}) =>
  answer(status, JSON.stringify({ type: 'about:blank', title: 'Problem', status }), 'application/problem+json', headers);
/** A request that never gets an answer: it fails only when the client gives up (its AbortSignal). */
const hang = (init: RequestInit) =>
  new Promise<Response>((_, reject) => {
    const signal = init.signal!;
    const abort = () => reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });

const progress = (form: Element) => $(form, '[part=progress]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A form that retries five times by itself, waiting `retryDelay` ms before each. */
async function newForm(retryDelay: number) {
  const form = await fixture<SharekCommentForm>(
    html`<sharek-comment-form lang="en" api="/api" consultation=${CONSULTATION} .retryDelays=${Array(5).fill(retryDelay)}></sharek-comment-form>`,
  );
  await waitUntil(() => $(form, '#policy'), 'the form did not load', { timeout: 10_000 });
  return form;
}

async function writeAndSend(form: SharekCommentForm, body: string) {
  const textarea = $<HTMLTextAreaElement>(form, '#body')!;
  textarea.value = body;
  textarea.dispatchEvent(new Event('input'));
  $(form, '#as-individual')!.click();
  $(form, '#policy')!.click();
  await form.updateComplete;
  $(form, '[part=submit]')!.click();
}

/** While the form waits to try again, the comment is on screen and in storage. */
async function keptWhileWaiting(form: SharekCommentForm, body: string, says: RegExp) {
  await waitUntil(() => says.test(progress(form)), `the form does not say ${says}: "${progress(form)}"`, { interval: 5, timeout: 10_000 });
  expect($<HTMLTextAreaElement>(form, '#body')!.value).to.equal(body);
  expect(draftBodies()).to.include(body);
}

async function recovered(form: SharekCommentForm, body: string, lost: string[]) {
  await waitUntil(() => $(form, '[part=confirmation]'), `no confirmation: "${progress(form)}"`, { timeout: 20_000 });
  expect(lost).to.deep.equal([]);
  expect(await stored(body), 'comments with this body on the portal').to.equal(1);
  expect(drafts(), 'drafts left in this browser').to.deep.equal([]);
}

describe('faults while sending a comment, against the real portal', function () {
  this.timeout(30_000);

  beforeEach(() => {
    // A new participant each time, so the portal's per-participant limit is not what is tested.
    for (const key of Object.keys(localStorage)) if (key.startsWith('sharek:')) localStorage.removeItem(key);
  });

  afterEach(() => {
    window.fetch = realFetch;
    window.setTimeout = realSetTimeout;
  });

  it('offline three times, then online: sent once, with the same Idempotency-Key every time', async () => {
    const body = uniqueBody('Offline');
    const net = between(body, (n, forward) => (n < 3 ? offline() : forward()));
    const form = await newForm(250);
    await writeAndSend(form, body);
    await keptWhileWaiting(form, body, /Could not reach the portal/);
    await recovered(form, body, net.lost);
    expect(net.attempts.length).to.equal(4);
    expect(new Set(net.attempts.map((a) => a.key)).size).to.equal(1);
    expect(net.attempts[0]!.key).to.match(/^[0-9a-f-]{36}$/);
  });

  it('500 twice, then 201', async () => {
    const body = uniqueBody('Server error');
    const net = between(body, (n, forward) => (n < 2 ? problem(500) : forward()));
    const form = await newForm(250);
    await writeAndSend(form, body);
    await keptWhileWaiting(form, body, /Could not reach the portal|Trying again/);
    await recovered(form, body, net.lost);
    expect(net.attempts.length).to.equal(3);
  });

  it('503 from a proxy (an HTML page) twice, then 201', async () => {
    const body = uniqueBody('Unavailable');
    const net = between(body, (n, forward) => (n < 2 ? answer(503, '<h1>Service Unavailable</h1>', 'text/html') : forward()));
    const form = await newForm(250);
    await writeAndSend(form, body);
    await keptWhileWaiting(form, body, /Trying again/);
    await recovered(form, body, net.lost);
    expect(net.attempts.length).to.equal(3);
  });

  describe('timeouts', () => {
    // The client abandons a request after 15 s. So that the test does not take
    // that long, the page's clock runs that timer faster for the one send that
    // hangs (the next 15 s timer after `shortenNext` is set); the request
    // itself really hangs, and fails only through the client's AbortSignal.
    let shortenNext = false;
    beforeEach(() => {
      window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
        if (ms === CLIENT_TIMEOUT && shortenNext) {
          shortenNext = false;
          ms = 300;
        }
        return realSetTimeout(fn, ms, ...args);
      }) as typeof window.setTimeout;
    });

    it('no answer at all, then 201', async () => {
      const body = uniqueBody('No answer');
      const net = between(body, (n, forward, init) => (n < 1 ? hang(init) : forward()));
      const form = await newForm(250);
      shortenNext = true;
      await writeAndSend(form, body);
      await keptWhileWaiting(form, body, /Could not reach the portal/);
      await recovered(form, body, net.lost);
      expect(net.attempts.length).to.equal(2);
    });

    it('the portal stores the comment but its answer never comes, then 201 for the retry: one comment', async () => {
      const body = uniqueBody('Stored, no answer');
      let storedFirst = false;
      const net = between(body, async (n, forward, init) => {
        if (n > 0) return forward();
        // The request reaches the portal whatever the client does meanwhile; its answer is lost.
        const res = await realFetch(`/api/v1/consultations/${CONSULTATION}/comments`, { ...init, signal: null });
        storedFirst = res.status === 201;
        return hang(init);
      });
      const form = await newForm(500);
      shortenNext = true;
      await writeAndSend(form, body);
      await keptWhileWaiting(form, body, /Could not reach the portal/);
      await recovered(form, body, net.lost);
      expect(storedFirst, 'the portal stored the first send').to.equal(true);
      expect(net.attempts.length).to.equal(2);
    });
  });

  it('429 with Retry-After: 1 waits that second, says so, then sends', async () => {
    const body = uniqueBody('Rate limited');
    let answeredAt = 0;
    const net = between(body, (n, forward) => {
      if (n > 0) return forward();
      answeredAt = performance.now();
      return problem(429, { 'Retry-After': '1' });
    });
    const form = await newForm(5);
    await writeAndSend(form, body);
    await keptWhileWaiting(form, body, /receiving many comments\..* Sending again in 1 second\./);
    await recovered(form, body, net.lost);
    expect(net.attempts.length).to.equal(2);
    expect(net.attempts[1]!.at - answeredAt, 'ms between the 429 and the next attempt').to.be.at.least(950);
  });

  it('the connection is cut after the portal stored the comment, twice: one comment', async () => {
    const body = uniqueBody('Cut after store');
    const net = between(body, async (n, forward) => {
      const res = await forward();
      if (n < 2) throw new TypeError('network error: connection reset');
      return res;
    });
    const form = await newForm(250);
    await writeAndSend(form, body);
    await keptWhileWaiting(form, body, /Could not reach the portal/);
    await recovered(form, body, net.lost);
    expect(net.attempts.length).to.equal(3);
  });

  it('offline longer than the automatic retries: the form says the comment is kept, and sending again later makes one comment', async () => {
    const body = uniqueBody('Long outage');
    let down = true;
    const net = between(body, (_, forward) => (down ? offline() : forward()));
    const form = await newForm(5);
    await writeAndSend(form, body);
    await waitUntil(() => /nothing is lost/.test(progress(form)), `no failure message: "${progress(form)}"`, { timeout: 10_000 });
    expect(net.attempts.length).to.equal(6);
    expect($<HTMLTextAreaElement>(form, '#body')!.value).to.equal(body);
    expect(draftBodies()).to.include(body);
    expect(await stored(body)).to.equal(0);
    down = false;
    $(form, '[part=submit]')!.click();
    await recovered(form, body, net.lost);
  });

  it('coming back online cuts the wait short', async () => {
    const body = uniqueBody('Back online');
    let down = true;
    const net = between(body, (_, forward) => (down ? offline() : forward()));
    const form = await newForm(600_000);
    await writeAndSend(form, body);
    await keptWhileWaiting(form, body, /Trying again in 600 seconds\./);
    down = false;
    dispatchEvent(new Event('online'));
    await recovered(form, body, net.lost);
    expect(net.attempts.length).to.equal(2);
  });

  it('typing while the form waits to try again: what the portal gets is what the form shows, and nothing typed is lost', async () => {
    const body = uniqueBody('Typed while waiting');
    let down = true;
    const net = between(body, (_, forward) => (down ? offline() : forward()));
    const form = await newForm(600_000);
    await writeAndSend(form, body);
    await keptWhileWaiting(form, body, /Trying again in 600 seconds\./);
    const textarea = $<HTMLTextAreaElement>(form, '#body')!;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    await sendKeys({ type: ' and more' });
    await form.updateComplete;
    const shown = textarea.value;
    down = false;
    dispatchEvent(new Event('online'));
    await waitUntil(() => $(form, '[part=confirmation]'), `no confirmation: "${progress(form)}"`, { timeout: 20_000 });
    const sent = JSON.parse(String(net.attempts.length && (await lastBody()))) as { body: string };
    // Either the typing was refused while the send was under way, or it was sent, or it was kept: never dropped.
    if (shown !== body) expect([sent.body, ...draftBodies()], 'the typed text').to.include(shown);
    else expect(sent.body).to.equal(body);
  });

  describe('a reload in the middle', () => {
    it('while the first send is on its way (stored after the reload): the new form has the draft, and both sends make one comment', async () => {
      const body = uniqueBody('Reload while sending');
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const net = between(body, async (n, forward) => {
        if (n === 0) await held; // the first request reaches the portal only after the reload
        return forward();
      });
      const first = await newForm(20);
      await writeAndSend(first, body);
      await waitUntil(() => net.attempts.length === 1, 'the first send did not start');
      first.remove(); // the reload
      const again = await newForm(20);
      expect($<HTMLTextAreaElement>(again, '#body')!.value, 'the draft after the reload').to.equal(body);
      expect($<HTMLInputElement>(again, '#as-individual')!.checked).to.equal(true);
      $(again, '#policy')!.click();
      await again.updateComplete;
      $(again, '[part=submit]')!.click();
      await recovered(again, body, net.lost);
      release();
      await waitUntil(() => first.shadowRoot!.querySelector('[part=confirmation]'), 'the first form never got its answer');
      expect(net.attempts.length).to.equal(2);
      expect(new Set(net.attempts.map((a) => a.key)).size, 'one Idempotency-Key').to.equal(1);
      expect(await stored(body)).to.equal(1);
      expect(drafts()).to.deep.equal([]);
    });

    it('while waiting to retry after a cut answer (stored): the new form sends, the old one retries too, one comment', async () => {
      const body = uniqueBody('Reload while waiting');
      const net = between(body, async (n, forward) => {
        const res = await forward();
        if (n === 0) throw new TypeError('network error: connection reset');
        return res;
      });
      // Its first retry comes 1.5 s after the cut: after the reload, before or after the new form sends.
      const first = await newForm(1500);
      await writeAndSend(first, body);
      await keptWhileWaiting(first, body, /Could not reach the portal/);
      first.remove(); // the reload, during the wait
      const again = await newForm(20);
      expect($<HTMLTextAreaElement>(again, '#body')!.value, 'the draft after the reload').to.equal(body);
      $(again, '#policy')!.click();
      await again.updateComplete;
      $(again, '[part=submit]')!.click();
      await recovered(again, body, net.lost);
      // The removed form still wakes up and retries with the same key: the portal answers as before.
      await waitUntil(() => net.attempts.length === 3, 'the old form did not retry', { timeout: 5000 });
      await waitUntil(() => first.shadowRoot!.querySelector('[part=confirmation]'), 'the old form did not finish');
      expect(await stored(body)).to.equal(1);
      expect(drafts()).to.deep.equal([]);
    });
  });
});
