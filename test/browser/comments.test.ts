import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import './register.js';
import { $, $$, clean, shadow, spyFetch, text } from './helpers.js';
import type { SharekComments } from '../../src/comments/comments.js';
import type { Comment, CommentPage } from '../../src/api/schemas.js';
import type { SharekCommentReportedEvent } from '../../src/shared/events.js';
import { consultation } from './fixtures.js';

const ID = 'e-participation-instructions';
const comments = (el: Element) => $$(el, 'article[part~=comment]');
const dialogOf = (el: Element) => $<HTMLDialogElement>(el, 'dialog')!;

const loaded = (el: Element) =>
  waitUntil(() => comments(el).length || $(el, '[part~=empty]') || $(el, '[part~=error]'), 'the comments did not load', { timeout: 5000 });

/** The seeded comments, straight from the portal, to compare with what the element shows. */
async function portalComments(query = ''): Promise<Comment[]> {
  const res = await fetch(`/api/v1/consultations/${ID}/comments?limit=100${query}`);
  return ((await res.json()) as CommentPage).items;
}

const isReport = (input: RequestInfo | URL, init?: RequestInit) => init?.method === 'POST' && /\/v1\/comments\/[^/]+\/reports$/.test(String(input));

function problem(status: number, headers: Record<string, string> = {}) {
  return Promise.resolve(
    new Response(JSON.stringify({ type: 'about:blank', title: 'error', status }), {
      status,
      headers: { 'Content-Type': 'application/problem+json', ...headers },
    }),
  );
}

/** Forget what this browser reported, and who it is, so each test reports afresh. */
function forgetReports() {
  for (const key of Object.keys(localStorage)) if (key.startsWith('sharek:reported:')) localStorage.removeItem(key);
  localStorage.removeItem('sharek:participant');
}

const day = 86_400_000;
const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();

function fixtureComments(): CommentPage {
  return {
    items: [
      {
        id: 'c-3',
        sectionId: 'art-1',
        body: 'تعليق على التعريفات.\nسطر ثانٍ.',
        author: { displayName: 'سامي', stakeholderType: 'individual' },
        createdAt: iso(1),
        reply: { body: 'Thank you, we will consider it.', createdAt: iso(0.5) },
      },
      { id: 'c-2', body: 'A comment on the whole draft.', author: { stakeholderType: 'academia' }, createdAt: iso(2) },
      { id: 'c-1', sectionId: 'art-2', body: 'On scope.', author: { displayName: 'NGO', stakeholderType: 'civil_society' }, createdAt: iso(3) },
    ],
    nextCursor: null,
  };
}

const policy = {
  version: '2024.1',
  updatedAt: new Date().toISOString(),
  text: { en: '<p>Policy</p>', ar: '<p>السياسة</p>' },
  rules: [{ en: 'Be kind', ar: 'كن لطيفًا' }],
  reportReasons: [
    { code: 'offensive_language' as const, label: { ar: 'يتضمن لغة غير لائقة أو مسيئة', en: 'Inappropriate or offensive language' } },
    { code: 'spam_or_advertising' as const, label: { ar: 'رسائل مزعجة أو ترويج تجاري', en: 'Spam or commercial promotion' } },
    { code: 'other' as const, label: { ar: 'سبب آخر', en: 'Another reason' } },
  ],
};

const expected = {
  ar: {
    dir: 'rtl',
    heading: 'التعليقات المنشورة',
    stakeholders: ['فرد', 'القطاع الخاص', 'المجتمع المدني', 'جهة أكاديمية', 'جهة حكومية'],
    reply: 'ردّ الجهة الحكومية',
    empty: 'لا توجد تعليقات منشورة بعد. تظهر التعليقات هنا بعد أن يراجعها المشرفون.',
    more: 'عرض مزيد من التعليقات',
    dialogTitle: 'الإبلاغ عن هذا التعليق',
    reasonError: 'اختر سبب الإبلاغ.',
    thanks: 'شكرًا لك. سيراجع المشرفون هذا التعليق.',
    reported: 'تم الإبلاغ',
    network: 'تعذّر إرسال بلاغك. تحقّق من اتصالك بالإنترنت ثم أعد المحاولة.',
    gone: 'لم يعد هذا التعليق منشورًا، ولذلك لا يمكن الإبلاغ عنه.',
    loadError: 'تعذّر الوصول إلى بوابة الاستشارات. تحقّق من اتصالك بالإنترنت ثم أعد المحاولة.',
  },
  en: {
    dir: 'ltr',
    heading: 'Published comments',
    stakeholders: ['Individual', 'Private sector', 'Civil society', 'Academia', 'Government'],
    reply: 'Reply from the agency',
    empty: 'No published comments yet. Comments appear here once the moderators have reviewed them.',
    more: 'Show more comments',
    dialogTitle: 'Report this comment',
    reasonError: 'Choose a reason for your report.',
    thanks: 'Thank you. The moderators will review this comment.',
    reported: 'Reported',
    network: "We couldn't send your report. Check your connection and try again.",
    gone: 'This comment is no longer published, so it cannot be reported.',
    loadError: "We couldn't reach the consultation portal. Check your connection and try again.",
  },
} as const;

async function portalList(lang: 'ar' | 'en', attrs: { section?: string; pageSize?: number } = {}) {
  const el = await fixture<SharekComments>(
    html`<sharek-comments lang=${lang} api="/api" consultation=${ID} section=${attrs.section ?? ''} page-size=${attrs.pageSize ?? 20}></sharek-comments>`,
  );
  await loaded(el);
  return el;
}

async function dataList(lang: 'ar' | 'en', data: CommentPage = fixtureComments()) {
  const el = await fixture<SharekComments>(
    html`<sharek-comments lang=${lang} api="/api" consultation="fixture-consultation" .data=${data} .sections=${consultation().sections} .policy=${policy}></sharek-comments>`,
  );
  await el.updateComplete;
  return el;
}

/** Opens the report dialog on the `index`th comment and waits for its reasons. */
async function openReport(el: SharekComments, index = 0) {
  const button = comments(el)[index]!.querySelector<HTMLButtonElement>('[part~=report]')!;
  button.focus();
  button.click();
  const dialog = dialogOf(el);
  await waitUntil(() => dialog.open && dialog.querySelector('input[type=radio]'), 'the dialog did not open with its reasons');
  return { button, dialog };
}

for (const lang of ['ar', 'en'] as const) {
  const t = expected[lang];
  const dateText = (isoDate: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', calendar: 'gregory' }).format(new Date(isoDate));

  describe(`<sharek-comments> in ${lang}`, () => {
    beforeEach(forgetReports);

    it('shows the published comments from the portal, newest first, with stakeholder type, article and date, accessibly', async () => {
      const el = await portalList(lang);
      expect(el.getAttribute('dir')).to.equal(t.dir);
      expect(text(el, '[part~=heading]')).to.equal(t.heading);
      const seeded = await portalComments();
      const shown = comments(el);
      expect(shown.length).to.equal(Math.min(20, seeded.length));
      expect(shown.length).to.be.greaterThanOrEqual(10);
      const times = shown.map((a) => a.querySelector('[part~=meta] time')!.getAttribute('datetime')!);
      expect(times).to.deep.equal([...times].sort().reverse());
      expect(times).to.deep.equal(seeded.slice(0, shown.length).map((c) => c.createdAt));
      for (const [i, a] of shown.entries()) {
        const c = seeded[i]!;
        expect(clean(a.querySelector('[part~=body]')!.textContent)).to.equal(clean(c.body));
        expect(t.stakeholders).to.include(clean(a.querySelector('[part~=stakeholder]')!.textContent));
        if (c.author.displayName) expect(clean(a.querySelector('[part~=author]')!.textContent)).to.contain(c.author.displayName);
        const link = a.querySelector('[part~=meta] a');
        if (c.sectionId) expect(link!.getAttribute('href')).to.equal(`#sharek-${ID}-${c.sectionId}`);
        else expect(link).to.equal(null);
      }
      await expect(el).to.be.accessible();
    });

    it('writes dates in the locale in <time datetime>, and lets each text read in its own direction', async () => {
      const el = await portalList(lang);
      for (const time of $$(el, 'time')) {
        expect(time.textContent!.trim()).to.equal(dateText(time.getAttribute('datetime')!));
      }
      const texts = $$(el, '[part~=body], .reply-body');
      expect(texts.length).to.be.greaterThan(10);
      // Each text's direction comes from its dominant script (test/browser/comment-language.test.ts).
      expect(texts.every((p) => ['rtl', 'ltr', 'auto'].includes(p.getAttribute('dir')!))).to.equal(true);
      expect(getComputedStyle(texts[0]!).whiteSpace).to.equal('pre-line');
      // Arabic and English comments each take their own direction.
      const english = texts.find((p) => /^The draft is a welcome step/.test(p.textContent!.trim()))!;
      const arabic = texts.find((p) => /^المسودة خطوة مهمة/.test(p.textContent!.trim()))!;
      expect(getComputedStyle(english).direction).to.equal('ltr');
      expect(getComputedStyle(arabic).direction).to.equal('rtl');
    });

    it("shows the agency's reply under its comment, labelled", async () => {
      const el = await portalList(lang, { section: 'art-4' });
      const shown = comments(el);
      expect(shown.length).to.be.greaterThanOrEqual(2);
      const answered = shown.find((a) => /^مدة الثلاثين يوماً/.test(clean(a.querySelector('[part~=body]')!.textContent)))!;
      const reply = answered.querySelector('[part~=reply]')!;
      expect(reply).to.exist;
      // After the comment's text, inside the same comment, with its own labelled heading and date.
      expect(answered.querySelector('[part~=body]')!.compareDocumentPosition(reply) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      const heading = reply.querySelector('.reply-heading')!;
      // Seen: "Reply from the agency"; heard, whose comment it answers too (test/browser/comment-names.test.ts).
      expect(clean(heading.textContent).startsWith(`${t.reply} (`)).to.equal(true);
      expect(clean([...heading.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''))).to.equal(t.reply);
      expect(/^H\d$/.test(heading.tagName)).to.equal(true);
      expect(clean(reply.querySelector('.reply-body')!.textContent)).to.match(/^شكراً على ملاحظتك/);
      expect(reply.querySelector('time')).to.exist;
      const unanswered = shown.find((a) => /^Thirty days is reasonable/.test(clean(a.querySelector('[part~=body]')!.textContent)))!;
      expect(unanswered.querySelector('[part~=reply]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('pages with "Show more comments", appending and moving focus to the first new comment', async () => {
      const el = await portalList(lang, { pageSize: 3 });
      expect(comments(el).length).to.equal(3);
      const seen: string[] = [];
      for (let round = 0; round < 20; round++) {
        const more = $<HTMLButtonElement>(el, '[part~=more]');
        if (!more) break;
        expect(text(el, '[part~=more]')).to.equal(t.more);
        const before = comments(el).length;
        more.focus();
        more.click();
        await waitUntil(() => comments(el).length > before, 'no more comments were loaded');
        await el.updateComplete;
        expect(shadow(el).activeElement).to.equal(comments(el)[before]);
        if (round === 0) await expect(el).to.be.accessible();
      }
      seen.push(...comments(el).map((a) => a.id));
      expect(new Set(seen).size).to.equal(seen.length);
      const all = await portalComments();
      expect(seen).to.deep.equal(all.map((c) => `comment-${c.id}`));
      expect($(el, '[part~=more]')).to.equal(null);
      // The whole list is loaded: the count is exact.
      expect(text(el, '[part~=count]')).to.contain(new Intl.NumberFormat(lang).format(all.length));
    });

    it('filters by article and back to all comments', async () => {
      const el = await portalList(lang);
      await waitUntil(() => $(el, 'select[part~=filter]'), 'no filter');
      const select = $<HTMLSelectElement>(el, 'select[part~=filter]')!;
      const label = shadow(el).querySelector(`label[for=${select.id}]`);
      expect(label).to.exist;
      const options = [...select.options];
      expect(options[0]!.value).to.equal('');
      expect(options.slice(1).map((o) => o.value)).to.include.members(['art-1', 'art-4', 'art-7']);
      select.value = 'art-7';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => !$(el, '[part~=loading]') && comments(el).length && comments(el).every((a) => a.querySelector('[part~=meta] a')?.getAttribute('href') === `#sharek-${ID}-art-7`), 'the list was not filtered');
      const art7 = await portalComments('&section=art-7');
      expect(comments(el).map((a) => a.id)).to.deep.equal(art7.map((c) => `comment-${c.id}`));
      await expect(el).to.be.accessible();
      select.value = '';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => !$(el, '[part~=loading]') && comments(el).length > art7.length, 'the filter was not cleared');
    });

    it('shows a loading state, then an error with a retry that works, and fires sharek-error', async () => {
      let fail = true;
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const errors: Event[] = [];
      const onError = (e: Event) => errors.push(e);
      document.addEventListener('sharek-error', onError);
      const spy = spyFetch((input) => (fail && String(input).includes('/comments') ? gate.then(() => Promise.reject(new TypeError('Failed to fetch'))) : undefined));
      try {
        const el = await fixture<SharekComments>(html`<sharek-comments lang=${lang} api="/api" consultation=${ID}></sharek-comments>`);
        expect($(el, '[part~=loading]')).to.exist;
        expect($(el, '[part~=comments]')!.getAttribute('aria-busy')).to.equal('true');
        await expect(el).to.be.accessible();
        release();
        await waitUntil(() => $(el, '[part~=error]'), 'no error state');
        expect(text(el, '[part~=error] p')).to.equal(t.loadError);
        expect(errors.length).to.equal(1);
        await expect(el).to.be.accessible();
        fail = false;
        $<HTMLButtonElement>(el, '[part~=retry]')!.click();
        await waitUntil(() => comments(el).length, 'retry did not load the comments');
      } finally {
        spy.restore();
        document.removeEventListener('sharek-error', onError);
      }
    });

    it('says so when no comment is published yet', async () => {
      const el = await fixture<SharekComments>(html`<sharek-comments lang=${lang} api="/api" consultation="digital-services-quality-policy"></sharek-comments>`);
      await loaded(el);
      expect(text(el, '[part~=empty]')).to.equal(t.empty);
      expect($(el, '[part~=list]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('renders the comments given as data without a request, with article links from the sections', async () => {
      const spy = spyFetch();
      try {
        const el = await dataList(lang);
        expect(spy.calls.length).to.equal(0);
        expect(comments(el).map((a) => a.id)).to.deep.equal(['comment-c-3', 'comment-c-2', 'comment-c-1']);
        expect(comments(el)[0]!.querySelector('[part~=meta] a')!.getAttribute('href')).to.equal('#sharek-fixture-consultation-art-1');
        expect(clean(comments(el)[0]!.querySelector('[part~=meta] a')!.textContent)).to.contain(new Intl.NumberFormat(lang).format(1));
        expect(comments(el)[1]!.querySelector('[part~=meta] a')).to.equal(null);
        expect(clean(comments(el)[2]!.querySelector('[part~=stakeholder]')!.textContent)).to.equal(t.stakeholders[2]);
        expect($(el, '[part~=more]')).to.equal(null);
        await expect(el).to.be.accessible();
      } finally {
        spy.restore();
      }
    });

    it('opens an accessible modal report dialog; Escape closes it and returns focus', async () => {
      const el = await portalList(lang);
      const { button, dialog } = await openReport(el, 1);
      expect(dialog.matches(':modal')).to.equal(true);
      const title = shadow(el).getElementById(dialog.getAttribute('aria-labelledby')!)!;
      expect(clean(title.textContent)).to.equal(t.dialogTitle);
      expect(dialog.contains(shadow(el).activeElement)).to.equal(true);
      // The reasons are the policy's, in the locale, as a labelled radio group.
      const group = dialog.querySelector('[role=radiogroup]')!;
      expect(clean(shadow(el).getElementById(group.getAttribute('aria-labelledby')!)!.textContent)).to.not.equal('');
      const seededPolicy = await (await fetch('/api/v1/policy')).json();
      const labels = [...group.querySelectorAll('label')].map((l) => clean(l.textContent));
      expect(labels).to.deep.equal(seededPolicy.reportReasons.map((r: { label: Record<string, string> }) => r.label[lang]));
      expect(dialog.querySelector('textarea')!.getAttribute('maxlength')).to.equal('1000');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
      await el.updateComplete;
      expect(shadow(el).activeElement).to.equal(button);
      // Cancel closes it too, and focus goes back again.
      await openReport(el, 1);
      dialog.querySelector<HTMLButtonElement>('[part~=cancel]')!.click();
      await waitUntil(() => !dialog.open);
      expect(shadow(el).activeElement).to.equal(button);
    });

    it('ties the "choose a reason" error to the radio group and moves focus to it', async () => {
      const spy = spyFetch();
      try {
        const el = await dataList(lang);
        const { dialog } = await openReport(el);
        dialog.querySelector<HTMLButtonElement>('[part~=send]')!.click();
        await el.updateComplete;
        const group = dialog.querySelector('[role=radiogroup]')!;
        expect(group.getAttribute('aria-invalid')).to.equal('true');
        const error = shadow(el).getElementById(group.getAttribute('aria-describedby')!)!;
        expect(clean(error.textContent)).to.equal(t.reasonError);
        expect(group.contains(shadow(el).activeElement)).to.equal(true);
        expect((shadow(el).activeElement as HTMLInputElement).type).to.equal('radio');
        expect(dialog.open).to.equal(true);
        expect(spy.calls.filter((c) => isReport(c.url, c.init)).length).to.equal(0);
        await expect(el).to.be.accessible();
      } finally {
        spy.restore();
      }
    });

    it('sends a report to the portal, confirms politely, marks the comment reported and remembers it', async () => {
      const el = await portalList(lang);
      const events: SharekCommentReportedEvent[] = [];
      const onReported = (e: Event) => events.push(e as SharekCommentReportedEvent);
      document.addEventListener('sharek-comment-reported', onReported);
      const spy = spyFetch();
      try {
        const article = comments(el)[2]!;
        const commentId = article.id.replace(/^comment-/, '');
        const { button, dialog } = await openReport(el, 2);
        const radio = dialog.querySelector<HTMLInputElement>('input[value=off_topic]')!;
        radio.click();
        const note = dialog.querySelector<HTMLTextAreaElement>('textarea')!;
        note.value = lang === 'ar' ? 'لا علاقة له بالمشروع.' : 'Not about the draft.';
        note.dispatchEvent(new Event('input'));
        dialog.querySelector<HTMLButtonElement>('[part~=send]')!.click();
        await waitUntil(() => !dialog.open || $(el, 'dialog [part~=error]'), 'the report was not answered', { timeout: 5000 });
        expect(text(el, 'dialog [part~=error]'), 'the portal refused the report').to.equal('');
        await waitUntil(() => text(el, '[part~=announcement]') === t.thanks, 'no confirmation was announced');
        expect($(el, '[part~=announcement]')!.getAttribute('role')).to.equal('status');
        expect(shadow(el).activeElement).to.equal(button);
        expect(clean(button.textContent)).to.equal(t.reported);
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        expect(clean(article.querySelector('.reported-note')!.textContent)).to.equal(t.thanks);
        expect(events.length).to.equal(1);
        expect(events[0]!.commentId).to.equal(commentId);
        expect(events[0]!.reason).to.equal('off_topic');
        expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
        const sent = spy.calls.find((c) => isReport(c.url, c.init))!;
        const headers = sent.init!.headers as Record<string, string>;
        expect(headers['Sharek-Participant']).to.match(/^[0-9a-f-]{36}$/);
        expect(headers['Idempotency-Key']).to.match(/^[0-9a-f-]{36}$/);
        expect(JSON.parse(sent.init!.body as string)).to.deep.equal({ reason: 'off_topic', note: note.value });
        await expect(el).to.be.accessible();
        // Opening it again does nothing: the comment is reported.
        button.click();
        await el.updateComplete;
        expect(dialog.open).to.equal(false);
        // After a reload, the comment is still shown as reported.
        const again = await portalList(lang);
        const same = comments(again).find((a) => a.id === article.id)!;
        expect(clean(same.querySelector('[part~=report]')!.textContent)).to.equal(t.reported);
        expect(same.querySelector('.reported-note')).to.exist;
        await expect(again).to.be.accessible();
      } finally {
        spy.restore();
        document.removeEventListener('sharek-comment-reported', onReported);
      }
    });

    it('keeps the dialog open with the choice when the network fails, and sends the same report on retry', async () => {
      let fail = true;
      const spy = spyFetch((input, init) =>
        isReport(input, init) ? (fail ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(new Response(null, { status: 202 }))) : undefined,
      );
      try {
        const el = await dataList(lang);
        const { dialog } = await openReport(el);
        dialog.querySelector<HTMLInputElement>('input[value=spam_or_advertising]')!.click();
        dialog.querySelector<HTMLButtonElement>('[part~=send]')!.click();
        await waitUntil(() => $(el, 'dialog [part~=error]'), 'no error was shown');
        expect(text(el, 'dialog [part~=error]')).to.equal(t.network);
        expect($(el, 'dialog [role=alert]')!.contains($(el, 'dialog [part~=error]'))).to.equal(true);
        expect(dialog.open).to.equal(true);
        expect(dialog.querySelector<HTMLInputElement>('input[value=spam_or_advertising]')!.checked).to.equal(true);
        await expect(el).to.be.accessible();
        fail = false;
        dialog.querySelector<HTMLButtonElement>('[part~=send]')!.click();
        await waitUntil(() => !dialog.open, 'the retry did not send');
        const sent = spy.calls.filter((c) => isReport(c.url, c.init));
        expect(sent.length).to.equal(2);
        const key = (i: number) => (sent[i]!.init!.headers as Record<string, string>)['Idempotency-Key'];
        expect(key(0)).to.equal(key(1));
        await waitUntil(() => text(el, '[part~=announcement]') === t.thanks);
        await expect(el).to.be.accessible();
      } finally {
        spy.restore();
      }
    });

    it('says a comment that is no longer published cannot be reported (404)', async () => {
      const spy = spyFetch((input, init) => (isReport(input, init) ? problem(404) : undefined));
      try {
        const el = await dataList(lang);
        const { dialog } = await openReport(el);
        dialog.querySelector<HTMLInputElement>('input[type=radio]')!.click();
        dialog.querySelector<HTMLButtonElement>('[part~=send]')!.click();
        await waitUntil(() => $(el, 'dialog [part~=error]'));
        expect(text(el, 'dialog [part~=error]')).to.equal(t.gone);
        expect(dialog.querySelector('[part~=send]')).to.equal(null);
        await expect(el).to.be.accessible();
      } finally {
        spy.restore();
      }
    });

    it('asks to wait as long as Retry-After says when the portal answers 429', async () => {
      const spy = spyFetch((input, init) => (isReport(input, init) ? problem(429, { 'Retry-After': '30' }) : undefined));
      try {
        const el = await dataList(lang);
        const { dialog } = await openReport(el);
        dialog.querySelector<HTMLInputElement>('input[type=radio]')!.click();
        dialog.querySelector<HTMLButtonElement>('[part~=send]')!.click();
        await waitUntil(() => $(el, 'dialog [part~=error]'));
        expect(text(el, 'dialog [part~=error]')).to.contain(new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(30, 'second'));
        expect(dialog.open).to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        spy.restore();
      }
    });
  });
}

describe('comment text is never HTML', () => {
  it('shows markup in a comment and its reply as literal text and runs nothing', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"> and <script>window.__pwned=1</script><b>bold</b>';
    const data: CommentPage = {
      items: [
        {
          id: 'hostile',
          body: hostile,
          author: { displayName: '<img src=x onerror="window.__pwned=1">', stakeholderType: 'individual' },
          createdAt: iso(1),
          reply: { body: hostile, createdAt: iso(0.5) },
        },
      ],
      nextCursor: null,
    };
    const spy = spyFetch();
    try {
      const el = await fixture<SharekComments>(html`<sharek-comments lang="en" .data=${data}></sharek-comments>`);
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect($(el, '[part~=body]')!.textContent).to.equal(hostile);
      expect($(el, '.reply-body')!.textContent).to.equal(hostile);
      expect($(el, '[part~=author] .name')!.textContent).to.equal(data.items[0]!.author.displayName);
      expect($$(el, 'img, script, b').length).to.equal(0);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(spy.calls.length).to.equal(0);
    } finally {
      spy.restore();
    }
  });
});

describe('<sharek-comments> properties', () => {
  it('asks the portal for the next page after the data given, with the same section', async () => {
    const first = await portalComments('&section=art-4');
    const page = await (await fetch(`/api/v1/consultations/${ID}/comments?limit=1&section=art-4`)).json();
    const el = await fixture<SharekComments>(html`<sharek-comments lang="en" api="/api" consultation=${ID} section="art-4" .data=${page}></sharek-comments>`);
    await el.updateComplete;
    expect(comments(el).length).to.equal(1);
    $<HTMLButtonElement>(el, '[part~=more]')!.click();
    await waitUntil(() => comments(el).length === 2, 'the second page did not load');
    expect(comments(el).map((a) => a.id)).to.deep.equal(first.slice(0, 2).map((c) => `comment-${c.id}`));
  });

  it('fits the host page’s outline with heading-level', async () => {
    const el = await fixture<SharekComments>(
      html`<sharek-comments lang="en" heading-level="3" .data=${fixtureComments()} .sections=${consultation().sections}></sharek-comments>`,
    );
    await el.updateComplete;
    expect($(el, '[part~=heading]')!.tagName).to.equal('H3');
    expect($$(el, '[part~=author]').every((h) => h.tagName === 'H4')).to.equal(true);
    expect($(el, '.reply-heading')!.tagName).to.equal('H5');
  });

  it('when the reasons cannot be loaded, the dialog says so like every load error (sharek-error, "Try again") and the retry brings them', async () => {
    let fail = true;
    const spy = spyFetch((input) => (/\/v1\/policy$/.test(String(input)) && fail ? problem(503) : undefined));
    const errors: Event[] = [];
    const onError = (e: Event) => errors.push(e);
    document.addEventListener('sharek-error', onError);
    try {
      const el = await fixture<SharekComments>(html`<sharek-comments lang="en" api="/api" consultation=${ID} .data=${fixtureComments()}></sharek-comments>`);
      await el.updateComplete;
      comments(el)[0]!.querySelector<HTMLButtonElement>('[part~=report]')!.click();
      const dialog = dialogOf(el);
      await waitUntil(() => dialog.querySelector('[part~=retry]'), 'no error with a retry in the dialog');
      expect(clean(dialog.querySelector('[part~=error] p')!.textContent)).to.equal('The consultation portal is busy or having trouble. Please try again in a moment.');
      expect(errors.length).to.equal(1);
      fail = false;
      dialog.querySelector<HTMLButtonElement>('[part~=retry]')!.click();
      await waitUntil(() => dialog.querySelector('input[type=radio]'), 'the retry did not bring the reasons');
      await expect(el).to.be.accessible();
    } finally {
      spy.restore();
      document.removeEventListener('sharek-error', onError);
    }
  });

  it('fires sharek-error and says so when no portal is configured', async () => {
    const el = await fixture<SharekComments>(html`<sharek-comments lang="en" consultation=${ID}></sharek-comments>`);
    await waitUntil(() => $(el, '[part~=error]'));
    expect(text(el, '[part~=error] p')).to.contain("the site has not set the consultation portal's address");
  });
});
