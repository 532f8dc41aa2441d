import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import './register.js';
import { $, spyFetch, text } from './helpers.js';
import type { SharekCommentForm } from '../../src/comment-form/comment-form.js';
import type { SharekCommentSubmittedEvent, SharekSignInRequiredEvent } from '../../src/shared/events.js';
import type { Consultation } from '../../src/api/schemas.js';
import { consultation } from './fixtures.js';

const problem = (status: number, body: object = {}, headers: Record<string, string> = {}) =>
  Promise.resolve(
    new Response(JSON.stringify({ type: 'about:blank', title: 'Problem', status, ...body }), {
      status,
      headers: { 'Content-Type': 'application/problem+json', ...headers },
    }),
  );
const created = (id = 'c-1', status = 'pending') =>
  Promise.resolve(new Response(JSON.stringify({ id, status }), { status: 201, headers: { 'Content-Type': 'application/json' } }));

/** How many drafts this browser keeps. */
const drafts = () => Object.keys(localStorage).filter((k) => k.startsWith('sharek:draft:')).length;

let n = 0;
/** A form on a fresh consultation id (so drafts do not leak between tests), rendered from data. */
async function form(lang: 'ar' | 'en' = 'en', patch: Partial<Consultation> = {}, status: Consultation['status'] = 'open') {
  const data = consultation(status, { id: `form-test-${++n}`, ...patch });
  const el = await fixture<SharekCommentForm>(
    html`<sharek-comment-form lang=${lang} api="/api" consultation=${data.id} .data=${data} .retryDelays=${[5, 5, 5, 5, 5]}></sharek-comment-form>`,
  );
  if (status === 'open') await waitUntil(() => el.shadowRoot!.querySelector('#policy'), 'the policy did not load');
  return el;
}

async function fill(el: SharekCommentForm, body: string, { accept = true, as = 'academia' } = {}) {
  const textarea = $<HTMLTextAreaElement>(el, '#body')!;
  textarea.value = body;
  textarea.dispatchEvent(new Event('input'));
  $<HTMLInputElement>(el, `#as-${as}`)!.click();
  if (accept) $<HTMLInputElement>(el, '#policy')!.click();
  await el.updateComplete;
}

const submit = async (el: SharekCommentForm) => {
  $<HTMLButtonElement>(el, '[part=submit]')!.click();
  await el.updateComplete;
};

describe('<sharek-comment-form>', () => {
  afterEach(() => localStorage.clear());

  for (const lang of ['ar', 'en'] as const) {
    it(`is an accessible form in ${lang}: comment, article, who, and the policy with its version`, async () => {
      const el = await form(lang);
      expect(el.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      expect($(el, 'label[for=policy]')!.textContent).to.contain('2024.1');
      expect(el.shadowRoot!.querySelectorAll('.rules li').length).to.be.greaterThan(3);
      expect(el.shadowRoot!.querySelectorAll('#section option').length).to.equal(3);
      expect(el.shadowRoot!.querySelectorAll('input[name=stakeholderType]').length).to.equal(5);
      await expect(el).to.be.accessible();
    });

    it(`shows every problem at its field and in a focused summary, in ${lang}`, async () => {
      const el = await form(lang);
      await submit(el);
      await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part=error-summary]'), 'summary not focused');
      expect(el.shadowRoot!.querySelectorAll('[part=error-summary] li').length).to.equal(3);
      expect($(el, '#body')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#body')!.getAttribute('aria-describedby')).to.contain('body-error');
      expect($(el, '#policy')!.getAttribute('aria-describedby')).to.equal('policy-error');
      expect($(el, '#policy-error')!.textContent).to.contain(lang === 'ar' ? 'سياسة الاستخدام' : 'usage policy');
      await expect(el).to.be.accessible();
    });

    it(`warns about personal data, quoting it, and lets the person edit or send, in ${lang}`, async () => {
      const net = spyFetch((_url, init) => (init.method === 'POST' ? created() : undefined));
      try {
        const el = await form(lang);
        await fill(el, 'أرجو التواصل معي على 0791234567 لمناقشة المادة 3');
        await submit(el);
        await waitUntil(() => el.shadowRoot!.querySelector('[part=warning]'));
        expect(text(el, '[part=warning] li')).to.contain('0791234567');
        expect(net.calls.filter((c) => c.method === 'POST').length).to.equal(0);
        await expect(el).to.be.accessible();
        [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=warning] button')].at(-1)!.click();
        await waitUntil(() => el.shadowRoot!.querySelector('[part=confirmation]'), 'send anyway did not send');
        expect(net.calls.filter((c) => c.method === 'POST').length).to.equal(1);
      } finally {
        net.restore();
      }
    });
  }

  for (const lang of ['ar', 'en'] as const) {
    it(`is accessible while sending, in ${lang}`, async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const net = spyFetch((_url, init) => (init.method === 'POST' ? held.then(() => created()) : undefined));
      try {
        const el = await form(lang);
        await fill(el, 'A comment sent on a slow connection.');
        await submit(el);
        await waitUntil(() => $(el, '[part=submit]')!.getAttribute('aria-disabled') === 'true', 'not sending');
        expect(text(el, '[part=progress]')).to.equal(lang === 'ar' ? 'جارٍ إرسال تعليقك…' : 'Sending your comment…');
        await expect(el).to.be.accessible();
        release();
        await waitUntil(() => el.shadowRoot!.querySelector('[part=confirmation]'));
      } finally {
        net.restore();
      }
    });

    it(`says clearly when the consultation cannot be loaded, with a retry, in ${lang}`, async () => {
      const el = await fixture<SharekCommentForm>(html`<sharek-comment-form lang=${lang} api="/api" consultation="no-such-consultation"></sharek-comment-form>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'no error state');
      expect(el.shadowRoot!.querySelector('[part=error] button')).to.exist;
      await expect(el).to.be.accessible();
    });
  }

  it('counts characters against the limit, visibly at every change, and speaks the count only near the limit and over it', async () => {
    const el = await form('en', { commenting: { ...consultation().commenting, maxLength: 100 } });
    const textarea = $<HTMLTextAreaElement>(el, '#body')!;
    const live = el.shadowRoot!.querySelector('[aria-live=polite]')!;
    const spoken: string[] = [];
    new MutationObserver(() => spoken.push(live.textContent!.trim())).observe(live, { childList: true, subtree: true, characterData: true });
    const type = async (length: number) => {
      textarea.value = 'x'.repeat(length);
      textarea.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };
    // Typing well under the limit, pausing between words as people do: the count shows, nothing is said.
    for (const length of [10, 30, 50, 70]) await type(length);
    await new Promise((r) => setTimeout(r, 1500));
    expect(text(el, '#body-count')).to.equal('You have 30 characters remaining');
    expect(spoken.filter(Boolean)).to.deep.equal([]);
    // 75 % and 90 % of the limit, and over it: said once each, whatever is typed in between.
    for (const length of [75, 80, 89, 90, 95, 100, 103, 104]) await type(length);
    expect(text(el, '#body-count')).to.equal('You have 4 characters too many');
    expect(spoken.filter(Boolean)).to.deep.equal([
      'You have 25 characters remaining',
      'You have 10 characters remaining',
      'You have 3 characters too many',
    ]);
    // Back under the limit is said too; the field itself tells its count to whoever reaches it.
    await type(99);
    expect(live.textContent!.trim()).to.equal('You have 1 character remaining');
    expect($(el, '#body')!.getAttribute('aria-describedby')).to.contain('body-count');
  });

  it('keeps the draft through a reload and gives it back', async () => {
    const data = consultation('open', { id: 'draft-kept' });
    const first = await fixture<SharekCommentForm>(html`<sharek-comment-form api="/api" consultation="draft-kept" section="art-2" .data=${data}></sharek-comment-form>`);
    await waitUntil(() => first.shadowRoot!.querySelector('#policy'));
    await fill(first, 'A comment I do not want to lose', { accept: false, as: 'civil_society' });
    first.remove();
    const again = await fixture<SharekCommentForm>(html`<sharek-comment-form api="/api" consultation="draft-kept" section="art-2" .data=${data}></sharek-comment-form>`);
    await waitUntil(() => again.shadowRoot!.querySelector('#policy'));
    expect($<HTMLTextAreaElement>(again, '#body')!.value).to.equal('A comment I do not want to lose');
    expect($<HTMLInputElement>(again, '#as-civil_society')!.checked).to.equal(true);
    expect($<HTMLSelectElement>(again, '#section')!.value).to.equal('art-2');
  });

  it('retries on network failure with the same Idempotency-Key, keeps the draft, then sends once', async () => {
    let online = false;
    const net = spyFetch((_url, init) => (init.method === 'POST' ? (online ? created('c-42') : Promise.reject(new TypeError('Failed to fetch'))) : undefined));
    try {
      const el = await form('en');
      await fill(el, 'Article 4 should give agencies thirty days, not fourteen.');
      await submit(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[part=progress].error'), 'did not give up', { timeout: 5000 });
      expect(net.calls.filter((c) => c.method === 'POST').length).to.equal(6);
      const keys = new Set(net.calls.filter((c) => c.method === 'POST').map((p) => (p.init.headers as Record<string, string>)['Idempotency-Key']));
      expect(keys.size).to.equal(1);
      expect(text(el, '[part=progress]')).to.contain('nothing is lost');
      await expect(el).to.be.accessible();
      expect(drafts()).to.equal(1);
      online = true;
      const submitted = oneEvent(el, 'sharek-comment-submitted') as Promise<SharekCommentSubmittedEvent>;
      await submit(el);
      const event = await submitted;
      expect(event.commentId).to.equal('c-42');
      expect(event.status).to.equal('pending');
      expect(new Set(net.calls.filter((c) => c.method === 'POST').map((p) => (p.init.headers as Record<string, string>)['Idempotency-Key'])).size).to.equal(1);
      expect(drafts()).to.equal(0);
    } finally {
      net.restore();
    }
  });

  it('waits as long as Retry-After says on 429, and says so', async () => {
    let calls = 0;
    const net = spyFetch((_url, init) => (init.method === 'POST' ? (++calls === 1 ? problem(429, {}, { 'Retry-After': '1' }) : created()) : undefined));
    try {
      const el = await form('en');
      await fill(el, 'A short comment.');
      await submit(el);
      await waitUntil(() => text(el, '[part=progress]').includes('receiving many comments'), 'no wait message');
      await waitUntil(() => el.shadowRoot!.querySelector('[part=confirmation]'), 'not sent after waiting', { timeout: 3000 });
      expect(calls).to.equal(2);
    } finally {
      net.restore();
    }
  });

  it('shows the portal’s field errors at their fields (400)', async () => {
    const net = spyFetch((_url, init) => (init.method === 'POST' ? problem(400, { errors: [{ field: 'body', code: 'too_long' }] }) : undefined));
    try {
      const el = await form('en');
      await fill(el, 'A comment the portal finds too long.');
      await submit(el);
      await waitUntil(() => el.shadowRoot!.querySelector('#body-error'));
      expect(text(el, '#body-error')).to.contain('too long');
      expect(text(el, '[part=error-summary]')).to.contain('too long');
    } finally {
      net.restore();
    }
  });

  it('asks the host page for a token on 401 and sends again with it', async () => {
    const net = spyFetch((_url, init) =>
      init.method === 'POST' ? ((init.headers as Record<string, string>).Authorization === 'Bearer host-token' ? created() : problem(401)) : undefined,
    );
    try {
      const el = await form('en');
      el.addEventListener('sharek-sign-in-required', (e) => (e as SharekSignInRequiredEvent).provideToken('host-token'));
      await fill(el, 'A comment from a signed-in person.');
      await submit(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[part=confirmation]'), 'not sent with the token');
      expect(net.calls.filter((c) => c.method === 'POST').length).to.equal(2);
    } finally {
      net.restore();
    }
  });

  it('offers the portal’s sign-in when nobody answers the 401, keeping the draft', async () => {
    const net = spyFetch((_url, init) => (init.method === 'POST' ? problem(401) : undefined));
    try {
      const el = await form('ar', { commenting: { ...consultation().commenting, signInUrl: 'https://portal.example/sign-in' } });
      await fill(el, 'تعليق يحتاج إلى تسجيل الدخول.');
      await submit(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[part=progress] a'));
      expect($(el, '[part=progress] a')!.getAttribute('href')).to.equal('https://portal.example/sign-in');
      expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal('تعليق يحتاج إلى تسجيل الدخول.');
      await expect(el).to.be.accessible();
    } finally {
      net.restore();
    }
  });

  it('says the consultation is closed on 403, keeping the draft', async () => {
    const net = spyFetch((_url, init) => (init.method === 'POST' ? problem(403) : undefined));
    try {
      const el = await form('en');
      await fill(el, 'Sent just after closing.');
      await submit(el);
      await waitUntil(() => text(el, '[part=progress]').includes('no longer taking comments'));
      expect(drafts()).to.equal(1);
    } finally {
      net.restore();
    }
  });

  it('shows the new policy and asks again when it changed (409)', async () => {
    const net = spyFetch((_url, init) => (init.method === 'POST' ? problem(409, { type: 'https://sharek.example/problems/policy-changed' }) : undefined));
    try {
      const el = await form('en');
      await fill(el, 'A comment under an old policy.');
      await submit(el);
      await waitUntil(() => el.shadowRoot!.querySelector('#policy-error'));
      expect($<HTMLInputElement>(el, '#policy')!.checked).to.equal(false);
      expect(text(el, '#policy-error')).to.contain('changed');
    } finally {
      net.restore();
    }
  });

  for (const lang of ['ar', 'en'] as const) {
    it(`shows no form for a closed or upcoming consultation, with a sentence saying why and when (${lang})`, async () => {
      const closed = await form(lang, {}, 'closed');
      expect(closed.shadowRoot!.querySelector('form')).to.equal(null);
      expect(text(closed, '[part=closed]')).to.contain(lang === 'ar' ? 'انتهى استقبال التعليقات' : 'Comments closed on');
      await expect(closed).to.be.accessible();
      const upcoming = await form(lang, {}, 'upcoming');
      expect(upcoming.shadowRoot!.querySelector('form')).to.equal(null);
      expect(text(upcoming, '[part=closed]')).to.contain(lang === 'ar' ? 'يبدأ استقبال التعليقات' : 'Comments open on');
      await expect(upcoming).to.be.accessible();
    });

    it(`says it was received and awaits moderation, in ${lang}, and the state is accessible`, async () => {
      const net = spyFetch((_url, init) => (init.method === 'POST' ? created('c-7', 'pending') : undefined));
      try {
        const el = await form(lang);
        await fill(el, 'A clear, brief comment on the draft.');
        await submit(el);
        await waitUntil(() => el.shadowRoot!.querySelector('[part=confirmation]'));
        expect(text(el, '[part=confirmation]')).to.contain(lang === 'ar' ? 'بانتظار المراجعة' : 'awaiting moderation');
        await expect(el).to.be.accessible();
      } finally {
        net.restore();
      }
    });
  }

  it('takes its heading level from heading-level, like every element: h2 by default, the blocks inside one below', async () => {
    const el = await form('en');
    expect(el.shadowRoot!.querySelector('h2[part=heading]')).to.exist;
    expect(el.shadowRoot!.querySelector('[part=policy] h3')).to.exist;
    el.headingLevel = 4;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h4[part=heading]')).to.exist;
    expect(el.shadowRoot!.querySelector('[part=policy] h5')).to.exist;
    el.setAttribute('heading-level', '1');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2[part=heading]'), 'the page keeps its h1').to.exist;
  });

  it('still takes the deprecated retryDelay: five retries, each waiting twice as long as the one before', () => {
    const el = document.createElement('sharek-comment-form');
    el.retryDelay = 300;
    expect(el.retryDelays).to.deep.equal([300, 600, 1200, 2400, 4800]);
    expect(el.retryDelay).to.equal(300);
  });
});
