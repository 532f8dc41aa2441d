import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import './register.js';
import type { SharekDecision } from '../../src/decision/decision.js';
import type { SharekConsultation } from '../../src/consultation/consultation.js';
import type { Decision } from '../../src/api/schemas.js';
import { consultation } from './fixtures.js';

const day = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<T>(selector)];
const text = (el: Element, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const num = (lang: string, n: number) => new Intl.NumberFormat(lang).format(n);
const percent = (lang: string, share: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
const dateIn = (lang: string, at: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', calendar: 'gregory' }).format(new Date(at));

/** A complete, contract-valid decision on the fixture consultation. */
function decision(patch: Partial<Decision> = {}): Decision {
  return {
    consultationId: 'fixture-consultation',
    publishedAt: '2025-03-10T10:00:00+03:00',
    outcome: 'amended',
    summary: { ar: '<p>قررت الوزارة اعتماد <strong>التعليمات</strong> بعد تعديلها.</p>', en: '<p>The ministry adopted the <strong>instructions</strong> with amendments.</p>' },
    changes: [
      { sectionId: 'art-1', description: { ar: 'توضيح تعريف المشارك.', en: 'The definition of a participant is clearer.' } },
      { sectionId: 'art-2', description: { ar: 'توسيع النطاق ليشمل البلديات.', en: 'The scope now includes municipalities.' } },
      { description: { ar: 'إضافة خطة تنفيذ مرحلية.', en: 'A phased implementation plan was added.' } },
    ],
    feedback: { comments: 40, participants: 25, byStakeholderType: { individual: 20, private_sector: 10, civil_society: 6, academia: 3, government: 1 } },
    responses: [
      { theme: { ar: 'الوضوح', en: 'Clarity' }, response: { ar: 'قلتم إن التعريفات غامضة، فوضّحناها.', en: 'You said the definitions were vague; we made them precise.' } },
      { theme: { ar: 'النطاق', en: 'Scope' }, response: { ar: 'طلبتم شمول البلديات، فشملناها.', en: 'You asked to include municipalities; we did.' } },
    ],
    documentUrl: 'https://portal.example/docs/final.pdf',
    ...patch,
  };
}

async function render(data: Decision | null, lang: 'ar' | 'en' = 'en', extra: { closesAt?: string; level?: number } = {}) {
  const el = await fixture<SharekDecision>(
    html`<sharek-decision
      lang=${lang}
      consultation="fixture-consultation"
      heading-level=${extra.level ?? 2}
      closes-at=${extra.closesAt ?? ''}
      .data=${data}
      .consultationData=${consultation('decided')}
    ></sharek-decision>`,
  );
  await el.updateComplete;
  return el;
}

function spyFetch(override?: (url: string) => Promise<Response> | undefined) {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = (input, init) => {
    calls.push(String(input));
    return override?.(String(input)) ?? original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

const expected = {
  ar: {
    dir: 'rtl',
    headline: { adopted: 'القرار: اعتُمد المشروع كما طُرح', amended: 'القرار: اعتُمد المشروع مع تعديلات', withdrawn: 'القرار: سُحب المشروع', postponed: 'القرار: أُرجئ البتّ في المشروع' },
    published: 'نُشر في',
    article: (n: string, title: string) => `المادة ${n}: ${title}`,
    whole: 'المشروع ككل',
    feedback: `${num('ar', 40)} تعليقًا · ${num('ar', 25)} مشاركًا`,
    chart: ['الأفراد', 'القطاع الخاص', 'مؤسسات المجتمع المدني', 'الأوساط الأكاديمية', 'الجهات الحكومية'],
    subheadings: ['ما الذي تغيّر', 'ما سمعناه منكم', 'قلتم — فعلنا'],
    document: 'اطّلع على الوثيقة النهائية',
    pendingClosed: (d: string) => `أُغلقت هذه الاستشارة في ${d}، وسيُنشر القرار هنا.`,
    pendingOpen: (d: string) => `تُغلق هذه الاستشارة في ${d}، وسيُنشر القرار هنا فور اتخاذه.`,
    decision: 'القرار',
  },
  en: {
    dir: 'ltr',
    headline: { adopted: 'Decision: adopted as proposed', amended: 'Decision: adopted with amendments', withdrawn: 'Decision: withdrawn', postponed: 'Decision: postponed' },
    published: 'Published on',
    article: (n: string, title: string) => `Article ${n}: ${title}`,
    whole: 'The draft as a whole',
    feedback: '40 comments · 25 participants',
    chart: ['Individuals', 'Private sector', 'Civil society', 'Academia', 'Government bodies'],
    subheadings: ['What changed', 'What we heard', 'You said — we did'],
    document: 'Read the final document',
    pendingClosed: (d: string) => `This consultation closed on ${d}. The decision will be published here.`,
    pendingOpen: (d: string) => `This consultation closes on ${d}. The decision will be published here once it is made.`,
    decision: 'Decision',
  },
} as const;

for (const lang of ['ar', 'en'] as const) {
  const t = expected[lang];
  describe(`<sharek-decision> in ${lang}`, () => {
    it('renders every field of the decision, accessibly', async () => {
      const d = decision();
      const el = await render(d, lang);
      expect(el.getAttribute('dir')).to.equal(t.dir);
      const region = $(el, 'section[part~=decision]')!;
      expect(region.getAttribute('aria-labelledby')).to.equal('decision-heading');
      // Outcome as the headline.
      expect($(el, 'h2#decision-heading')).to.exist;
      expect(text(el, '[part~=heading]')).to.equal(t.headline.amended);
      // Date published.
      expect(text(el, '[part~=published]')).to.equal(`${t.published} ${dateIn(lang, d.publishedAt)}`);
      expect($(el, '[part~=published] time')!.getAttribute('datetime')).to.equal(d.publishedAt);
      // Summary, sanitised portal HTML.
      expect($(el, '[part~=summary] strong')).to.exist;
      expect(text(el, '[part~=summary]')).to.equal(d.summary[lang]!.replace(/<[^>]+>/g, ''));
      // What changed, article by article, linking to the article in the card.
      const changes = $$(el, '[part~=change]');
      expect(changes.length).to.equal(3);
      const links = $$<HTMLAnchorElement>(el, '[part~=article-link]');
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#sharek-fixture-consultation-art-1', '#sharek-fixture-consultation-art-2']);
      expect(links[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(t.article('1', consultation().sections[0]!.title[lang]!));
      expect(changes[0]!.querySelector('.description')!.textContent).to.equal(d.changes[0]!.description[lang]);
      expect(changes[2]!.querySelector('a')).to.equal(null);
      expect(changes[2]!.textContent).to.contain(t.whole);
      // What was heard: the counts, and the chart as a list with text, bars hidden.
      expect(text(el, '[part~=feedback]')).to.equal(t.feedback);
      const rows = $$(el, '[part~=chart] li');
      expect(rows.map((r) => r.querySelector('.label')!.textContent)).to.deep.equal(t.chart);
      expect(rows[0]!.querySelector('.numbers')!.textContent).to.equal(`${num(lang, 20)} (${percent(lang, 0.5)})`);
      expect(rows[1]!.querySelector('.numbers')!.textContent).to.equal(`${num(lang, 10)} (${percent(lang, 0.25)})`);
      expect(rows.every((r) => r.querySelector('[part~=bar]')!.getAttribute('aria-hidden') === 'true')).to.equal(true);
      expect($(el, '[part~=chart]')!.getAttribute('aria-labelledby')).to.equal('chart-label');
      // You said — we did.
      expect($$(el, '[part~=responses] dt').map((e) => e.textContent)).to.deep.equal(d.responses.map((r) => r.theme[lang]));
      expect($$(el, '[part~=responses] dd').map((e) => e.textContent)).to.deep.equal(d.responses.map((r) => r.response[lang]));
      // The final document.
      expect($(el, '[part~=document]')!.getAttribute('href')).to.equal(d.documentUrl);
      expect(text(el, '[part~=document]')).to.equal(t.document);
      // Sub-headings one level below.
      expect($$(el, 'h3').map((h) => h.textContent)).to.deep.equal(t.subheadings);
      await expect(el).to.be.accessible();
    });

    for (const outcome of ['adopted', 'amended', 'withdrawn', 'postponed'] as const) {
      it(`says the outcome "${outcome}" as the headline`, async () => {
        const el = await render(decision({ outcome }), lang);
        expect(text(el, 'h2')).to.equal(t.headline[outcome]);
        expect($(el, 'section')!.classList.contains(outcome)).to.equal(true);
      });
    }

    it('before a decision: says when the consultation closed and that the decision will be published here', async () => {
      const closesAt = iso(-3);
      const el = await render(null, lang, { closesAt });
      expect(text(el, '[part~=heading]')).to.equal(t.decision);
      expect(text(el, 'p[part~=pending]')).to.equal(t.pendingClosed(dateIn(lang, closesAt)));
      expect($(el, 'p[part~=pending] time')!.getAttribute('datetime')).to.equal(closesAt);
      await expect(el).to.be.accessible();
    });

    it('before a decision on a consultation still open: says when it closes', async () => {
      const closesAt = iso(12);
      const el = await render(null, lang, { closesAt });
      expect(text(el, 'p[part~=pending]')).to.equal(t.pendingOpen(dateIn(lang, closesAt)));
      await expect(el).to.be.accessible();
    });

    it('shows a loading state, then an error with a retry that works', async () => {
      let fail = true;
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const spy = spyFetch(() => (fail ? gate.then(() => Promise.reject(new TypeError('Failed to fetch'))) : undefined));
      try {
        const el = await fixture<SharekDecision>(html`<sharek-decision lang=${lang} api="/api" consultation="open-data-policy-2024"></sharek-decision>`);
        expect($(el, '[part~=loading]')).to.exist;
        await expect(el).to.be.accessible();
        release();
        await waitUntil(() => $(el, '[part~=error]'), 'no error state');
        expect($(el, '[part~=error]')!.getAttribute('role')).to.equal('alert');
        await expect(el).to.be.accessible();
        fail = false;
        $(el, '[part~=retry]')!.click();
        await waitUntil(() => $(el, '[part~=outcome]'), 'retry did not load the decision');
      } finally {
        spy.restore();
      }
    });
  });
}

describe('<sharek-decision> details', () => {
  it('takes its heading level from heading-level, the sub-headings one below', async () => {
    const el = await render(decision(), 'en', { level: 3 });
    expect($(el, 'h3#decision-heading')).to.exist;
    expect($$(el, 'h4').length).to.equal(3);
    el.headingLevel = 6;
    await el.updateComplete;
    expect($(el, 'h6#decision-heading')).to.exist;
    expect($$(el, 'h6').length).to.equal(4);
    el.setAttribute('heading-level', 'x');
    await el.updateComplete;
    expect($(el, 'h2#decision-heading')).to.exist;
  });

  it('links a change to an article it has no title for by the description', async () => {
    const el = await fixture<SharekDecision>(html`<sharek-decision lang="en" .data=${decision()}></sharek-decision>`);
    const link = $(el, '[part~=article-link]')!;
    expect(link.textContent).to.equal('See the article in the draft');
    expect(link.getAttribute('href')).to.equal('#sharek-fixture-consultation-art-1');
    expect(shadow(el).getElementById(link.getAttribute('aria-describedby')!)!.textContent).to.equal('The definition of a participant is clearer.');
    await expect(el).to.be.accessible();
  });

  it('leaves out what the decision does not have', async () => {
    const el = await render(decision({ changes: [], responses: [], documentUrl: undefined, feedback: { comments: 0, participants: 0, byStakeholderType: {} } }));
    expect($(el, '[part~=changes]')).to.equal(null);
    expect($(el, '[part~=responses]')).to.equal(null);
    expect($(el, '[part~=document]')).to.equal(null);
    expect($(el, '[part~=chart]')).to.equal(null);
    expect(text(el, '[part~=feedback]')).to.equal('0 comments · 0 participants');
    await expect(el).to.be.accessible();
  });

  it('opens the article in the card when a change is followed', async () => {
    const page = await fixture(html`<div>
      <sharek-decision lang="en" .data=${decision()} .consultationData=${consultation('decided')}></sharek-decision>
      <sharek-consultation lang="en" .data=${consultation('decided')}></sharek-consultation>
    </div>`);
    const el = page.querySelector('sharek-decision')!;
    const card = page.querySelector<SharekConsultation>('sharek-consultation')!;
    await card.updateComplete;
    try {
      $(el, '[part~=article-link]')!.click();
      await waitUntil(() => shadow(card).querySelector<HTMLDetailsElement>('#article-art-1')?.open, 'the article did not open');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('sanitises the summary', async () => {
    const hostile = '<p>ok</p><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><a href="javascript:window.__pwned=1">x</a>';
    const el = await render(decision({ summary: { en: hostile } }));
    await new Promise((r) => setTimeout(r, 50));
    expect(text(el, '[part~=summary]')).to.contain('ok');
    expect($$(el, 'script, img').length).to.equal(0);
    expect($$(el, 'a').some((a) => /^javascript:/i.test(a.getAttribute('href') ?? ''))).to.equal(false);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('makes no request when the page gives the data, or says there is none yet', async () => {
    const spy = spyFetch();
    try {
      await render(decision());
      const pending = await render(null, 'en', { closesAt: iso(-1) });
      expect(text(pending, 'p[part~=pending]')).to.match(/^This consultation closed on /);
      expect(spy.calls.length).to.equal(0);
    } finally {
      spy.restore();
    }
  });
});

describe('<sharek-decision> and the portal', () => {
  const load = async (id: string, lang: 'ar' | 'en' = 'en') => {
    const el = await fixture<SharekDecision>(html`<sharek-decision lang=${lang} api="/api" consultation=${id}></sharek-decision>`);
    await waitUntil(() => $(el, '[part~=heading]') || $(el, '[part~=error]'), `${id} did not load`);
    return el;
  };

  for (const lang of ['ar', 'en'] as const) {
    it(`reads the seeded decision with every field (${lang})`, async () => {
      const el = await load('open-data-policy-2024', lang);
      expect(text(el, '[part~=heading]')).to.equal(expected[lang].headline.amended);
      expect($(el, '[part~=published] time')).to.exist;
      expect($$(el, '[part~=summary] li').length).to.equal(4);
      expect($$(el, '[part~=change]').length).to.equal(5);
      const links = $$<HTMLAnchorElement>(el, '[part~=article-link]');
      expect(links.length).to.equal(4);
      expect(links[0]!.getAttribute('href')).to.equal('#sharek-open-data-policy-2024-odp-2');
      expect(links[0]!.textContent).to.match(lang === 'ar' ? /^المادة / : /^Article /);
      expect(text(el, '[part~=feedback]')).to.contain(num(lang, 186));
      expect($$(el, '[part~=chart] li').length).to.equal(5);
      expect($$(el, '[part~=responses] dt').length).to.equal(5);
      expect($(el, '[part~=document]')!.getAttribute('href')).to.match(/open-data-policy-2024-final\.pdf$/);
      await expect(el).to.be.accessible();
    });

    it(`says the decision is pending for the closed, undecided consultation, with its closing date (${lang})`, async () => {
      const el = await load('plastic-bags-reduction-regulation', lang);
      await waitUntil(() => $(el, 'p[part~=pending]'));
      const consultationData = await (await fetch('/api/v1/consultations/plastic-bags-reduction-regulation')).json();
      expect(text(el, 'p[part~=pending]')).to.equal(expected[lang].pendingClosed(dateIn(lang, consultationData.closesAt)));
      await expect(el).to.be.accessible();
    });
  }

  it('given the card’s consultation, asks the portal only for the decision', async () => {
    const c = await (await fetch('/api/v1/consultations/open-data-policy-2024')).json();
    const spy = spyFetch();
    try {
      const el = await fixture<SharekDecision>(html`<sharek-decision lang="en" api="/api" .consultationData=${c}></sharek-decision>`);
      await waitUntil(() => $(el, '[part~=outcome]'), 'the decision did not load');
      expect(spy.calls.map((u) => new URL(u).pathname)).to.deep.equal(['/api/v1/consultations/open-data-policy-2024/decision']);
      expect(text(el, '[part~=article-link]')).to.equal(`Article ${c.sections.find((s: { id: string }) => s.id === 'odp-2').number}: ${c.sections.find((s: { id: string }) => s.id === 'odp-2').title.en}`);
    } finally {
      spy.restore();
    }
  });

  it('says when an open consultation closes', async () => {
    const el = await load('e-participation-instructions');
    expect(text(el, 'p[part~=pending]')).to.match(/^This consultation closes on .+\. The decision will be published here once it is made\.$/);
  });

  it('says a consultation was not found and reports the error', async () => {
    const errors: Event[] = [];
    document.addEventListener('sharek-error', (e) => errors.push(e), { once: true });
    const el = await load('no-such-consultation');
    expect(text(el, '[part~=error] p')).to.equal('This was not found on the consultation portal. It may have been removed.');
    expect(errors.length).to.equal(1);
  });
});
