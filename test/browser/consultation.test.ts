import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import './register.js';
import type { SharekConsultation } from '../../src/consultation/consultation.js';
import type { Consultation } from '../../src/api/schemas.js';
import { consultation } from './fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element, selector: string) => shadow(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function card(data: Consultation, lang: 'ar' | 'en') {
  const el = await fixture<SharekConsultation>(html`<sharek-consultation lang=${lang} .data=${data}></sharek-consultation>`);
  await el.updateComplete;
  return el;
}

/** Replaces window.fetch for one test, counting the portal requests. */
function spyFetch(override?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> | undefined) {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = (input, init) => {
    calls.push(String(input));
    return override?.(input, init) ?? original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

const expected = {
  ar: { upcoming: 'قادمة', open: 'مفتوحة للتعليق', closed: 'مغلقة', decided: 'نُشر القرار', dir: 'rtl', when: { upcoming: 'تبدأ', open: 'تنتهي', closed: 'أُغلقت', decided: 'أُغلقت' } },
  en: { upcoming: 'Upcoming', open: 'Open for comments', closed: 'Closed', decided: 'Decision published', dir: 'ltr', when: { upcoming: 'Opens', open: 'Closes', closed: 'Closed', decided: 'Closed' } },
} as const;

for (const lang of ['ar', 'en'] as const) {
  describe(`<sharek-consultation> in ${lang}`, () => {
    for (const status of ['upcoming', 'open', 'closed', 'decided'] as const) {
      it(`shows a ${status} consultation with its status and dates, accessibly`, async () => {
        const el = await card(consultation(status), lang);
        expect(el.getAttribute('dir')).to.equal(expected[lang].dir);
        expect(text(el, '[part~=title]')).to.equal(consultation().title[lang]);
        expect(text(el, '[part~=status]')).to.equal(expected[lang][status]);
        expect(text(el, '.when')).to.match(new RegExp(`^${expected[lang].when[status]} `));
        expect(shadow(el).querySelectorAll('[part~=dates] time').length).to.equal(2);
        await expect(el).to.be.accessible();
      });
    }

    it('lists the articles collapsed, each with a link to itself, and the documents with type and size', async () => {
      const el = await card(consultation('open'), lang);
      const articles = shadow(el).querySelectorAll('details[part~=article]');
      expect(articles.length).to.equal(2);
      expect([...articles].every((d) => !(d as HTMLDetailsElement).open)).to.equal(true);
      expect(articles[0]!.querySelector('.article-actions a')!.getAttribute('href')).to.equal('#sharek-fixture-consultation-art-1');
      const docs = shadow(el).querySelectorAll('[part~=documents] li');
      expect(docs.length).to.equal(2);
      expect(docs[0]!.textContent).to.contain('PDF');
      expect(docs[0]!.querySelector('a')!.getAttribute('href')).to.equal('https://portal.example/docs/draft.pdf');
      expect(shadow(el).querySelector('[part~=impact] a')!.getAttribute('href')).to.equal('https://portal.example/docs/impact.pdf');
      expect(shadow(el).querySelector('[part~=portal-link]')!.getAttribute('href')).to.equal(consultation().portalUrl);
    });

    it('writes counts with the plural form and digits of the language', async () => {
      const el = await card(consultation('open', { participation: { comments: 12, participants: 2 } }), lang);
      const n = (v: number) => new Intl.NumberFormat(lang).format(v);
      expect(text(el, '[part~=participation]')).to.equal(lang === 'ar' ? `${n(12)} تعليقًا · مشاركان` : '12 comments · 2 participants');
      el.data = consultation('open', { participation: { comments: 1, participants: 5 } });
      await el.updateComplete;
      expect(text(el, '[part~=participation]')).to.equal(lang === 'ar' ? `تعليق واحد · ${n(5)} مشاركين` : '1 comment · 5 participants');
    });

    it('shows a loading state that holds the card’s place, then an error with a retry that works', async () => {
      let fail = true;
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const spy = spyFetch(() => (fail ? gate.then(() => Promise.reject(new TypeError('Failed to fetch'))) : undefined));
      try {
        const el = await fixture<SharekConsultation>(html`<sharek-consultation lang=${lang} api="/api" consultation="e-participation-instructions"></sharek-consultation>`);
        expect(shadow(el).querySelector('[part~=loading]')).to.exist;
        expect(el.getBoundingClientRect().height).to.be.greaterThan(300);
        await expect(el).to.be.accessible();
        release();
        await waitUntil(() => shadow(el).querySelector('[part~=error]'), 'no error state');
        expect(text(el, '[part~=error] p')).to.equal(
          lang === 'ar'
            ? 'تعذّر الوصول إلى بوابة الاستشارات. تحقّق من اتصالك بالإنترنت ثم أعد المحاولة.'
            : "We couldn't reach the consultation portal. Check your connection and try again.",
        );
        await expect(el).to.be.accessible();
        fail = false;
        shadow(el).querySelector<HTMLButtonElement>('[part~=retry]')!.click();
        await waitUntil(() => shadow(el).querySelector('[part~=title]'), 'retry did not load the consultation');
        expect(text(el, '[part~=title]')).to.not.equal('');
      } finally {
        spy.restore();
      }
    });
  });
}

describe('<sharek-consultation> and the portal', () => {
  it('loads the seeded consultation from the reference portal', async () => {
    const el = await fixture<SharekConsultation>(html`<sharek-consultation lang="en" api="/api" consultation="e-participation-instructions"></sharek-consultation>`);
    await waitUntil(() => shadow(el).querySelector('[part~=title]'), 'the consultation did not load');
    expect(text(el, '[part~=title]')).to.contain('E-Participation');
    expect(shadow(el).querySelectorAll('details[part~=article]').length).to.be.greaterThanOrEqual(5);
    await expect(el).to.be.accessible();
  });

  it('makes one request for two cards showing the same consultation', async () => {
    const spy = spyFetch();
    try {
      const el = await fixture(html`<div>
        <sharek-consultation api="/api" consultation="digital-services-quality-policy"></sharek-consultation>
        <sharek-consultation api="/api" consultation="digital-services-quality-policy"></sharek-consultation>
      </div>`);
      const cards = [...el.querySelectorAll('sharek-consultation')];
      await waitUntil(() => cards.every((c) => shadow(c).querySelector('[part~=title]')), 'cards did not load');
      expect(spy.calls.filter((u) => u.endsWith('/v1/consultations/digital-services-quality-policy')).length).to.equal(1);
    } finally {
      spy.restore();
    }
  });

  it('paints the title first, then builds the article bodies, polls, form and comments; updateComplete waits for all', async () => {
    const el = document.createElement('sharek-consultation');
    el.lang = 'en';
    el.api = '/api';
    el.data = consultation('open', { pollIds: ['poll-priorities'] });
    document.body.append(el);
    try {
      // The card's first render ran in a microtask; its own frame callback was queued before this one.
      await new Promise((r) => requestAnimationFrame(r));
      expect(text(el, '[part~=title]')).to.equal(consultation().title.en);
      expect(shadow(el).querySelector('sharek-comment-form'), 'form before the first paint').to.equal(null);
      expect(shadow(el).querySelector('sharek-poll'), 'poll before the first paint').to.equal(null);
      expect(text(el, '#article-art-1 .rich'), 'article body before the first paint').to.equal('');
      await el.updateComplete;
      expect(shadow(el).querySelector('sharek-comment-form')).to.not.equal(null);
      expect(shadow(el).querySelector('sharek-comments')).to.not.equal(null);
      expect(shadow(el).querySelector('sharek-poll[poll=poll-priorities]')).to.not.equal(null);
      expect(text(el, '#article-art-1 .rich')).to.not.equal('');
    } finally {
      el.remove();
    }
  });

  it('in a hidden tab, which paints no frames, builds the whole card at once', async () => {
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = () => 0; // no frames, as in a background tab
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    const el = document.createElement('sharek-consultation');
    try {
      el.lang = 'en';
      el.api = '/api';
      el.data = consultation('open');
      document.body.append(el);
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('updateComplete waited for a frame')), 2000));
      await Promise.race([el.updateComplete, timeout]);
      expect(shadow(el).querySelector('sharek-comment-form')).to.not.equal(null);
    } finally {
      el.remove();
      delete (document as { visibilityState?: string }).visibilityState;
      window.requestAnimationFrame = raf;
    }
  });

  it('makes no request when the page gives the data', async () => {
    const spy = spyFetch();
    try {
      const el = await card(consultation('open'), 'ar');
      expect(text(el, '[part~=title]')).to.equal(consultation().title.ar);
      expect(spy.calls.length).to.equal(0);
    } finally {
      spy.restore();
    }
  });

  it('says a consultation was not found, with a message for a citizen, and reports the error', async () => {
    const errors: Event[] = [];
    document.addEventListener('sharek-error', (e) => errors.push(e), { once: true });
    const el = await fixture<SharekConsultation>(html`<sharek-consultation lang="en" api="/api" consultation="no-such-consultation"></sharek-consultation>`);
    await waitUntil(() => shadow(el).querySelector('[part~=error]'));
    expect(text(el, '[part~=error] p')).to.equal('This was not found on the consultation portal. It may have been removed.');
    expect(errors.length).to.equal(1);
  });

  it('shows an error, not a half-rendered card, when the answer breaks the contract', async () => {
    const spy = spyFetch(() => Promise.resolve(new Response(JSON.stringify({ ...consultation(), sections: 'oops' }), { headers: { 'Content-Type': 'application/json' } })));
    try {
      const el = await fixture<SharekConsultation>(html`<sharek-consultation lang="en" api="/api" consultation="broken"></sharek-consultation>`);
      await waitUntil(() => shadow(el).querySelector('[part~=error]'));
      expect(shadow(el).querySelector('[part~=title]')).to.equal(null);
      expect(text(el, '[part~=error] p')).to.contain("couldn't read");
    } finally {
      spy.restore();
    }
  });

  it('uses <meta name="sharek-api"> when the element has no api attribute', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'sharek-api', content: '/api' });
    document.head.append(meta);
    try {
      const el = await fixture<SharekConsultation>(html`<sharek-consultation consultation="e-participation-instructions"></sharek-consultation>`);
      await waitUntil(() => shadow(el).querySelector('[part~=title]'), 'did not load through the meta default');
    } finally {
      meta.remove();
    }
  });
});

describe('sanitising portal HTML', () => {
  it('removes scripts, event handlers and script URLs from the summary and articles', async () => {
    const hostile = '<p>ok</p><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><a href="javascript:window.__pwned=1">click</a><svg><animate onbegin="window.__pwned=1"/></svg>';
    const data = consultation('open', {
      summary: { en: hostile },
      sections: [{ id: 'art-1', number: '1', title: { en: 'T' }, body: { en: hostile } }],
    });
    const el = await card(data, 'en');
    (shadow(el).querySelector('details') as HTMLDetailsElement).open = true;
    await new Promise((r) => setTimeout(r, 50));
    const root = shadow(el);
    expect(root.querySelector('[part~=summary]')!.textContent).to.contain('ok');
    expect(root.querySelectorAll('script, img, svg').length).to.equal(0);
    expect([...root.querySelectorAll('a')].some((a) => /^javascript:/i.test(a.getAttribute('href') ?? ''))).to.equal(false);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
