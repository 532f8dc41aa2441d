// Each comment is read in its own language (WCAG 3.1.2): an Arabic comment on an English page
// is Arabic to the browser and the screen reader (`:lang(ar)`, right to left), an English one on
// an Arabic page English, and the agency's reply likewise; a comment with no letters takes the
// page's language. The portal's Comment has no language, so it comes from the script.
import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import './register.js';
import type { Comment } from '../../src/api/schemas.js';
import type { SharekComments } from '../../src/comments/comments.js';
import { $$ } from './helpers.js';
import { consultation } from './fixtures.js';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

const ARABIC = 'أقترح أن تنشر الجهات الحكومية تقرير الملاحظات خلال ثلاثين يومًا من إغلاق الاستشارة.';
const ENGLISH = 'Please publish the feedback report within thirty days of the consultation closing.';
// Mostly Arabic that opens with a Latin word: `dir="auto"` would make it left to right.
const ARABIC_FIRST_WORD_LATIN = 'API مفتوحة للبيانات الحكومية ستساعد الشركات الناشئة كثيرًا.';
const NO_LETTERS = '+1 👍 100%';

const items: Comment[] = [
  { id: 'c-ar', sectionId: 'art-1', body: ARABIC, author: { stakeholderType: 'individual' }, createdAt: hoursAgo(1), reply: { body: ENGLISH, createdAt: hoursAgo(0.5) } },
  { id: 'c-en', sectionId: 'art-2', body: ENGLISH, author: { displayName: 'ICT company', stakeholderType: 'private_sector' }, createdAt: hoursAgo(2), reply: { body: ARABIC, createdAt: hoursAgo(1.5) } },
  { id: 'c-mixed', body: ARABIC_FIRST_WORD_LATIN, author: { stakeholderType: 'academia' }, createdAt: hoursAgo(3) },
  { id: 'c-none', body: NO_LETTERS, author: { stakeholderType: 'individual' }, createdAt: hoursAgo(4) },
];

async function list(lang: string) {
  const el = await fixture<SharekComments>(
    html`<sharek-comments lang=${lang} consultation="fixture-consultation" .data=${{ items, nextCursor: null }} .sections=${consultation().sections}></sharek-comments>`,
  );
  await el.updateComplete;
  return el;
}

/** The language and direction the browser gives a comment's text (`:lang()` looks through the shadow root to the page). */
function reading(el: SharekComments, id: string, selector: '.body' | '.reply-body') {
  const node = $$(el, `#comment-${id} ${selector}`)[0]!;
  return { ar: node.matches(':lang(ar)'), en: node.matches(':lang(en)'), direction: getComputedStyle(node).direction };
}

describe('each comment in its own language', () => {
  it('on an English page (lang="en-GB"): Arabic comments and replies are Arabic and right to left', async () => {
    const el = await list('en-GB');
    expect(reading(el, 'c-ar', '.body')).to.deep.equal({ ar: true, en: false, direction: 'rtl' });
    expect(reading(el, 'c-ar', '.reply-body')).to.deep.equal({ ar: false, en: true, direction: 'ltr' });
    expect(reading(el, 'c-en', '.body')).to.deep.equal({ ar: false, en: true, direction: 'ltr' });
    expect(reading(el, 'c-en', '.reply-body')).to.deep.equal({ ar: true, en: false, direction: 'rtl' });
    expect(reading(el, 'c-mixed', '.body')).to.deep.equal({ ar: true, en: false, direction: 'rtl' });
    // No letters: the page's language, as before.
    expect(reading(el, 'c-none', '.body')).to.deep.equal({ ar: false, en: true, direction: 'ltr' });
    // An English comment keeps the page's own tag: only another language is marked.
    expect($$(el, '#comment-c-en .body')[0]!.hasAttribute('lang')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('on an Arabic page: English comments and replies are English and left to right', async () => {
    const el = await list('ar');
    expect(reading(el, 'c-ar', '.body')).to.deep.equal({ ar: true, en: false, direction: 'rtl' });
    expect(reading(el, 'c-ar', '.reply-body')).to.deep.equal({ ar: false, en: true, direction: 'ltr' });
    expect(reading(el, 'c-en', '.body')).to.deep.equal({ ar: false, en: true, direction: 'ltr' });
    expect(reading(el, 'c-en', '.reply-body')).to.deep.equal({ ar: true, en: false, direction: 'rtl' });
    expect(reading(el, 'c-mixed', '.body')).to.deep.equal({ ar: true, en: false, direction: 'rtl' });
    expect(reading(el, 'c-none', '.body')).to.deep.equal({ ar: true, en: false, direction: 'ltr' });
    // The display name too.
    expect($$(el, '#comment-c-en .name')[0]!.matches(':lang(en)')).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
