import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import './register.js';
import type { SharekConsultations } from '../../src/consultations/consultations.js';
import type { ConsultationPage, ConsultationSummary } from '../../src/api/schemas.js';
import type { SharekErrorEvent } from '../../src/shared/events.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<T>(selector)];
const clean = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() ?? '';
const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);
const items = (el: Element) => $$(el, 'article[part~=item]');
const titles = (el: Element) => $$(el, '[part~=title]').map((t) => clean(t.textContent));

const loaded = (el: Element) =>
  waitUntil(() => items(el).length || $(el, '[part~=empty]') || $(el, '[part~=error]'), 'the list did not load', { timeout: 5000 });

/** Replaces window.fetch for one test, recording the portal requests. */
function spyFetch(override?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> | undefined) {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = (input, init) => {
    calls.push(String(input));
    return override?.(input, init) ?? original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

/** What the portal itself answers, to compare with what the element shows. */
async function portalList(query = ''): Promise<ConsultationSummary[]> {
  const res = await fetch(`/api/v1/consultations?limit=100${query}`);
  return ((await res.json()) as ConsultationPage).items;
}

const day = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();

function summary(id: string, status: ConsultationSummary['status'], patch: Partial<ConsultationSummary> = {}): ConsultationSummary {
  const dates = { upcoming: [5, 35], open: [-10, 20], closed: [-40, -3], decided: [-90, -45] }[status];
  return {
    id,
    title: { ar: `استشارة ${id}`, en: `Consultation ${id}` },
    agency: { id: 'modee', name: { ar: 'وزارة الاقتصاد الرقمي والريادة', en: 'Ministry of Digital Economy and Entrepreneurship' } },
    kind: 'policy',
    status,
    opensAt: iso(dates[0]!),
    closesAt: iso(dates[1]!),
    participation: { comments: 12, participants: 2 },
    portalUrl: `https://portal.example/consultations/${id}`,
    ...patch,
  };
}

const expected = {
  ar: {
    dir: 'rtl',
    status: { upcoming: 'قادمة', open: 'مفتوحة للتعليق', closed: 'مغلقة', decided: 'نُشر القرار' },
    when: { upcoming: 'تبدأ', open: 'تنتهي', closed: 'أُغلقت', decided: 'أُغلقت' },
    emptyOpen: 'لا توجد استشارات مفتوحة للتعليق في الوقت الحالي.',
    more: 'عرض مزيد من الاستشارات',
    network: 'تعذّر الوصول إلى بوابة الاستشارات. تحقّق من اتصالك بالإنترنت ثم أعد المحاولة.',
    kind: 'سياسة',
  },
  en: {
    dir: 'ltr',
    status: { upcoming: 'Upcoming', open: 'Open for comments', closed: 'Closed', decided: 'Decision published' },
    when: { upcoming: 'Opens', open: 'Closes', closed: 'Closed', decided: 'Closed' },
    emptyOpen: 'No open consultations at the moment.',
    more: 'Show more consultations',
    network: "We couldn't reach the consultation portal. Check your connection and try again.",
    kind: 'Policy',
  },
} as const;

for (const lang of ['ar', 'en'] as const) {
  describe(`<sharek-consultations> in ${lang}`, () => {
    const e = expected[lang];

    it("lists an agency's open consultations from the portal, with status, time left, counts and the portal link, accessibly", async () => {
      const el = await fixture<SharekConsultations>(html`<sharek-consultations lang=${lang} api="/api" agency="modee" status="open"></sharek-consultations>`);
      await loaded(el);
      const want = await portalList('&agency=modee&status=open');
      expect(want.length).to.be.greaterThan(0);
      expect(el.getAttribute('dir')).to.equal(e.dir);
      expect(titles(el)).to.deep.equal(want.map((c) => c.title[lang]));
      const first = items(el)[0]!;
      expect(clean(first.querySelector('[part~=status]')!.textContent)).to.equal(e.status.open);
      expect(clean(first.querySelector('[part~=when]')!.textContent)).to.match(new RegExp(`^${e.when.open} `));
      expect(clean(first.querySelector('[part~=agency]')!.textContent)).to.equal(want[0]!.agency.name[lang]);
      expect(first.querySelectorAll('[part~=dates] time').length).to.equal(2);
      expect(first.querySelector('[part~=participation]')).to.exist;
      expect(first.querySelector('a[part~=link]')!.getAttribute('href')).to.equal(want[0]!.portalUrl);
      expect(first.querySelector('h3[part~=title]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows a loading state, then an error that is reported, with a retry that works, accessibly', async () => {
      let fail = true;
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const spy = spyFetch(() => (fail ? gate.then(() => Promise.reject(new TypeError('Failed to fetch'))) : undefined));
      const errors: SharekErrorEvent[] = [];
      const onError = (ev: Event) => errors.push(ev as SharekErrorEvent);
      document.addEventListener('sharek-error', onError);
      try {
        const el = await fixture<SharekConsultations>(html`<sharek-consultations lang=${lang} api="/api" status="open"></sharek-consultations>`);
        expect($(el, '[part~=loading]')).to.exist;
        expect($(el, '[part~=loading] [role=status]')).to.exist;
        await expect(el).to.be.accessible();
        release();
        await waitUntil(() => $(el, '[part~=error]'), 'no error state');
        expect(text(el, '[part~=error] p')).to.equal(e.network);
        expect(errors.length).to.equal(1);
        expect(errors[0]!.error.message).to.match(/Failed to fetch|network/i);
        await expect(el).to.be.accessible();
        fail = false;
        $<HTMLButtonElement>(el, '[part~=retry]')!.click();
        await waitUntil(() => items(el).length, 'retry did not load the list');
        expect(items(el).length).to.equal((await portalList('&status=open')).length);
      } finally {
        spy.restore();
        document.removeEventListener('sharek-error', onError);
      }
    });

    it('says so when no consultation matches, accessibly', async () => {
      const el = await fixture<SharekConsultations>(html`<sharek-consultations lang=${lang} api="/api" agency="moenv" status="open"></sharek-consultations>`);
      await loaded(el);
      expect(items(el).length).to.equal(0);
      expect(text(el, '[part~=empty]')).to.equal(e.emptyOpen);
      expect($(el, '[part~=more]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('pages with "Show more", focusing the first new consultation, until the last page, accessibly', async () => {
      const all = await portalList();
      expect(all.length).to.be.greaterThanOrEqual(3);
      const spy = spyFetch();
      try {
        const el = await fixture<SharekConsultations>(html`<sharek-consultations lang=${lang} api="/api" page-size="2"></sharek-consultations>`);
        await loaded(el);
        expect(titles(el)).to.deep.equal(all.slice(0, 2).map((c) => c.title[lang]));
        expect(text(el, '[part~=more]')).to.equal(e.more);
        await expect(el).to.be.accessible();
        for (let shown = 2; shown < all.length; shown += 2) {
          $<HTMLButtonElement>(el, '[part~=more]')!.click();
          await waitUntil(() => items(el).length > shown, 'the next page did not load');
          expect(shadow(el).activeElement).to.equal(items(el)[shown]);
        }
        expect(titles(el)).to.deep.equal(all.map((c) => c.title[lang]));
        expect($(el, '[part~=more]')).to.equal(null);
        const requests = spy.calls.filter((u) => u.includes('/api/v1/consultations?'));
        expect(requests.every((u) => u.includes('limit=2'))).to.equal(true);
        expect(requests.slice(1).every((u) => u.includes('cursor='))).to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        spy.restore();
      }
    });

    it('renders a page given as data with no request, in every status', async () => {
      const spy = spyFetch();
      try {
        const statuses = ['upcoming', 'open', 'closed', 'decided'] as const;
        const data: ConsultationPage = { items: statuses.map((s) => summary(`c-${s}`, s)), nextCursor: null };
        const el = await fixture<SharekConsultations>(html`<sharek-consultations lang=${lang} .data=${data}></sharek-consultations>`);
        expect(spy.calls.length).to.equal(0);
        expect(titles(el)).to.deep.equal(statuses.map((s) => `${lang === 'ar' ? 'استشارة' : 'Consultation'} c-${s}`));
        statuses.forEach((s, i) => {
          const item = items(el)[i]!;
          expect(clean(item.querySelector('[part~=status]')!.textContent)).to.equal(e.status[s]);
          expect(clean(item.querySelector('[part~=when]')!.textContent)).to.match(new RegExp(`^${e.when[s]} `));
          expect(clean(item.querySelector('[part~=kind]')!.textContent)).to.equal(e.kind);
          // Nobody can have taken part before it opens.
          expect(!!item.querySelector('[part~=participation]')).to.equal(s !== 'upcoming');
        });
        const n = (v: number) => new Intl.NumberFormat(lang).format(v);
        expect(clean(items(el)[1]!.querySelector('[part~=participation]')!.textContent)).to.equal(
          lang === 'ar' ? `${n(12)} تعليقًا · مشاركان` : '12 comments · 2 participants',
        );
        expect($(el, '[part~=more]')).to.equal(null);
        await expect(el).to.be.accessible();
        expect(spy.calls.length).to.equal(0);
      } finally {
        spy.restore();
      }
    });
  });
}

describe('<sharek-consultations> filters and links', () => {
  it('filters by status and by agency, as the portal does', async () => {
    for (const [attrs, query] of [
      [{ status: 'upcoming' }, '&status=upcoming'],
      [{ status: 'decided' }, '&status=decided'],
      [{ agency: 'moenv' }, '&agency=moenv'],
      [{ agency: 'modee' }, '&agency=modee'],
      [{}, ''],
    ] as const) {
      const want = await portalList(query);
      expect(want.length, query).to.be.greaterThan(0);
      const el = await fixture<SharekConsultations>(
        html`<sharek-consultations lang="en" api="/api" agency=${'agency' in attrs ? attrs.agency : ''} status=${'status' in attrs ? attrs.status : ''}></sharek-consultations>`,
      );
      await loaded(el);
      expect(titles(el), query).to.deep.equal(want.map((c) => c.title.en));
      if ('status' in attrs) {
        expect(items(el).every((i) => i.classList.contains(attrs.status))).to.equal(true);
      }
      if ('agency' in attrs) {
        expect(want.every((c) => c.agency.id === attrs.agency)).to.equal(true);
      }
    }
    // The four seeded consultations, two agencies, four statuses.
    expect((await portalList()).length).to.be.greaterThanOrEqual(4);
  });

  it('follows a new filter when the attribute changes', async () => {
    const el = await fixture<SharekConsultations>(html`<sharek-consultations lang="en" api="/api" status="open"></sharek-consultations>`);
    await loaded(el);
    const upcoming = await portalList('&status=upcoming');
    el.status = 'upcoming';
    await waitUntil(() => titles(el).join() === upcoming.map((c) => c.title.en).join(), 'the list did not follow the new status');
  });

  it('links each title from the URL template, with the id URL-encoded', async () => {
    const data: ConsultationPage = { items: [summary('e-participation-instructions', 'open'), summary('a b/ج?', 'closed')], nextCursor: null };
    const el = await fixture<SharekConsultations>(
      html`<sharek-consultations lang="en" href-template="/have-your-say/{id}?from=list#{id}" .data=${data}></sharek-consultations>`,
    );
    const links = $$<HTMLAnchorElement>(el, 'a[part~=link]').map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal([
      '/have-your-say/e-participation-instructions?from=list#e-participation-instructions',
      '/have-your-say/a%20b%2F%D8%AC%3F?from=list#a%20b%2F%D8%AC%3F',
    ]);
  });

  it('links from the template to the seeded consultations on the portal', async () => {
    const el = await fixture<SharekConsultations>(
      html`<sharek-consultations lang="ar" api="/api" agency="modee" href-template="/consultations/{id}"></sharek-consultations>`,
    );
    await loaded(el);
    const want = await portalList('&agency=modee');
    expect($$<HTMLAnchorElement>(el, 'a[part~=link]').map((a) => a.getAttribute('href'))).to.deep.equal(
      want.map((c) => `/consultations/${c.id}`),
    );
  });

  it('never links to a script URL, from the template or from the data', async () => {
    const data: ConsultationPage = { items: [summary('x', 'open', { portalUrl: 'javascript:alert(1)' })], nextCursor: null };
    const el = await fixture<SharekConsultations>(html`<sharek-consultations lang="en" .data=${data}></sharek-consultations>`);
    expect($(el, 'a[part~=link]')).to.equal(null);
    expect(text(el, '[part~=title]')).to.equal('Consultation x');
    el.hrefTemplate = 'javascript:go("{id}")';
    await el.updateComplete;
    expect($(el, 'a[part~=link]')).to.equal(null);
  });

  it('uses heading-level for the item headings', async () => {
    const data: ConsultationPage = { items: [summary('x', 'open')], nextCursor: null };
    const el = await fixture<SharekConsultations>(html`<sharek-consultations lang="en" heading-level="2" .data=${data}></sharek-consultations>`);
    expect($(el, 'h2[part~=title]')).to.exist;
    el.headingLevel = 4;
    await el.updateComplete;
    expect($(el, 'h4[part~=title]')).to.exist;
  });

  it('asks the portal for the page after the data’s cursor, with its filters', async () => {
    const page1 = await (await fetch('/api/v1/consultations?limit=1&agency=modee')).json() as ConsultationPage;
    expect(page1.nextCursor).to.be.a('string');
    const spy = spyFetch();
    try {
      const el = await fixture<SharekConsultations>(html`<sharek-consultations lang="en" api="/api" agency="modee" page-size="1" .data=${page1}></sharek-consultations>`);
      expect(spy.calls.length).to.equal(0);
      $<HTMLButtonElement>(el, '[part~=more]')!.click();
      await waitUntil(() => items(el).length === 2, 'the next page did not load');
      expect(spy.calls.length).to.equal(1);
      expect(spy.calls[0]).to.contain(`cursor=${encodeURIComponent(page1.nextCursor!)}`);
      expect(spy.calls[0]).to.contain('agency=modee');
    } finally {
      spy.restore();
    }
  });

  it('keeps the list and offers "Show more" again when the next page fails', async () => {
    let fail = true;
    const spy = spyFetch((input) => (fail && String(input).includes('cursor=') ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    const errors: Event[] = [];
    const onError = (ev: Event) => errors.push(ev);
    document.addEventListener('sharek-error', onError);
    try {
      const el = await fixture<SharekConsultations>(html`<sharek-consultations lang="en" api="/api" page-size="1"></sharek-consultations>`);
      await loaded(el);
      $<HTMLButtonElement>(el, '[part~=more]')!.click();
      await waitUntil(() => $(el, '[part~=error]'), 'no error shown');
      expect(items(el).length).to.equal(1);
      expect(errors.length).to.equal(1);
      expect(shadow(el).activeElement).to.equal($(el, '[part~=more]'));
      await expect(el).to.be.accessible();
      fail = false;
      $<HTMLButtonElement>(el, '[part~=more]')!.click();
      await waitUntil(() => items(el).length === 2, 'the next page did not load on retry');
      expect($(el, '[part~=error]')).to.equal(null);
    } finally {
      spy.restore();
      document.removeEventListener('sharek-error', onError);
    }
  });

  it('shows an error with no portal configured', async () => {
    const el = await fixture<SharekConsultations>(html`<sharek-consultations lang="en"></sharek-consultations>`);
    await loaded(el);
    expect(text(el, '[part~=error] p')).to.equal("This can't be shown: the site has not set the consultation portal's address.");
  });
});
