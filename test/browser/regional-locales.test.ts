// A regional tag keeps its region: messages come from the language (ar, en), dates and numbers
// from the whole tag, as Chromium's ICU (CLDR) writes them. `ar-JO` gives Levantine month names
// and Arabic-Indic digits, `ar-SA`, `ar-EG` and `ar-u-nu-arab` Arabic-Indic digits, `en-GB`
// day-month order; plain `ar` and `en` keep what they gave before.
import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import './register.js';
import { $$, text } from './helpers.js';
import type { SharekConsultation } from '../../src/consultation/consultation.js';
import { consultation } from './fixtures.js';

const data = consultation('open', {
  opensAt: '2026-11-22T07:00:00Z',
  closesAt: '2027-01-10T07:00:00Z',
  participation: { comments: 1234, participants: 2 },
  documents: [{ title: { ar: 'نص المشروع', en: 'The draft text' }, url: 'https://portal.example/docs/draft.pdf', mediaType: 'application/pdf', sizeBytes: 1100 }],
});

const cases = {
  ar: { dates: ['22 نوفمبر 2026', '10 يناير 2027'], participation: '1,234 تعليقًا · مشاركان', size: '1.1 كيلوبايت', status: 'مفتوحة للتعليق', dir: 'rtl' },
  'ar-JO': { dates: ['٢٢ تشرين الثاني ٢٠٢٦', '١٠ كانون الثاني ٢٠٢٧'], participation: '١٬٢٣٤ تعليقًا · مشاركان', size: '١٫١ كيلوبايت', status: 'مفتوحة للتعليق', dir: 'rtl' },
  'ar-SA': { dates: ['٢٢ نوفمبر ٢٠٢٦', '١٠ يناير ٢٠٢٧'], participation: '١٬٢٣٤ تعليقًا · مشاركان', size: '١٫١ كيلوبايت', status: 'مفتوحة للتعليق', dir: 'rtl' },
  'ar-EG': { dates: ['٢٢ نوفمبر ٢٠٢٦', '١٠ يناير ٢٠٢٧'], participation: '١٬٢٣٤ تعليقًا · مشاركان', size: '١٫١ كيلوبايت', status: 'مفتوحة للتعليق', dir: 'rtl' },
  'ar-u-nu-arab': { dates: ['٢٢ نوفمبر ٢٠٢٦', '١٠ يناير ٢٠٢٧'], participation: '١٬٢٣٤ تعليقًا · مشاركان', size: '١٫١ كيلوبايت', status: 'مفتوحة للتعليق', dir: 'rtl' },
  en: { dates: ['November 22, 2026', 'January 10, 2027'], participation: '1,234 comments · 2 participants', size: '1.1 kB', status: 'Open for comments', dir: 'ltr' },
  'en-GB': { dates: ['22 November 2026', '10 January 2027'], participation: '1,234 comments · 2 participants', size: '1.1 kB', status: 'Open for comments', dir: 'ltr' },
} as const;

describe('regional language tags', () => {
  for (const [lang, want] of Object.entries(cases)) {
    it(`lang="${lang}": messages in its language, dates and numbers in its region's convention`, async () => {
      const el = await fixture<SharekConsultation>(html`<sharek-consultation lang=${lang} participation="none" .data=${data}></sharek-consultation>`);
      await el.updateComplete;
      expect(el.getAttribute('dir')).to.equal(want.dir);
      expect(text(el, '[part~=status]')).to.equal(want.status);
      expect($$(el, '[part~=dates] time').map((t) => t.textContent!.trim())).to.deep.equal(want.dates);
      expect(text(el, '[part~=participation]')).to.equal(want.participation);
      expect(text(el, '[part~=documents] .doc-meta')).to.equal(`(PDF${want.dir === 'rtl' ? '،' : ','} ${want.size})`);
      // The title is the LocalizedText's entry for the language, not a fallback to another.
      expect(text(el, '[part~=title]')).to.equal(data.title[lang.slice(0, 2) as 'ar' | 'en']);
      await expect(el).to.be.accessible();
    });
  }
});
