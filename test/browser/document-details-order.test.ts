// A document's details, "(PDF، 1.1 كيلوبايت، الإنجليزية)", must display in reading order in
// Arabic: the type first (rightmost), then the size's number beside its unit, then the
// language. Without isolation the Latin "PDF" and the number join one left-to-right run and PDF
// lands between the number and its unit. Checked on what is drawn (Range rects), not on markup.
import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import './register.js';
import { shadow } from './helpers.js';
import type { SharekConsultation } from '../../src/consultation/consultation.js';
import { consultation } from './fixtures.js';

const doc = (lang?: string) => ({
  title: { ar: 'نص المشروع', en: 'The draft text' },
  url: 'https://portal.example/docs/draft.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 1100,
  ...(lang ? { lang } : {}),
});

/** The horizontal centre of the first occurrence of `needle` in `root`'s text, as drawn. */
function centreOf(root: Element, needle: string): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    const rects = [...range.getClientRects()];
    // One run each: a part split across runs is itself out of order.
    expect(rects.length, `"${needle}" is drawn in ${rects.length} pieces`).to.equal(1);
    return rects[0]!.left + rects[0]!.width / 2;
  }
  throw new Error(`"${needle}" is not in ${JSON.stringify(root.textContent)}`);
}

/** "1.1" and "كيلوبايت" (or "١٫١" in ar-JO) as Intl writes them for this locale. */
function sizeParts(locale: string) {
  const parts = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }).formatToParts(1.1);
  const number = parts.filter((p) => ['integer', 'decimal', 'fraction'].includes(p.type)).map((p) => p.value).join('');
  const unit = parts.find((p) => p.type === 'unit')!.value;
  return { number, unit };
}

for (const lang of ['ar', 'ar-JO', 'en'] as const) {
  describe(`document details in ${lang}`, () => {
    it('display the type, the size (number beside its unit) and the language in reading order', async () => {
      const el = await fixture<SharekConsultation>(
        html`<sharek-consultation lang=${lang} .data=${consultation('open', { documents: [doc(), doc(lang.startsWith('ar') ? 'en' : 'ar')] })}></sharek-consultation>`,
      );
      await el.updateComplete;
      const metas = shadow(el).querySelectorAll('[part~=documents] li .doc-meta');
      expect(metas.length).to.equal(2);
      const { number, unit } = sizeParts(lang);
      const language = new Intl.DisplayNames(lang, { type: 'language' }).of(lang.startsWith('ar') ? 'en' : 'ar')!;
      const rtl = lang.startsWith('ar');
      for (const [i, meta] of [...metas].entries()) {
        const order = ['PDF', number, unit, ...(i === 1 ? [language] : [])];
        const xs = order.map((part) => centreOf(meta, part));
        // Reading order is right to left in Arabic, left to right in English.
        const drawn = [...order].sort((a, b) => (rtl ? xs[order.indexOf(b)]! - xs[order.indexOf(a)]! : xs[order.indexOf(a)]! - xs[order.indexOf(b)]!));
        expect(drawn, `${lang}: ${JSON.stringify(meta.textContent)}`).to.deep.equal(order);
      }
      await expect(el).to.be.accessible();
    });
  });
}
