// `calendar` on the card reaches every element inside it: the poll, the comments, the decision
// and the comment form's closed notice show Hijri dates like the card's header. An element alone
// takes the calendar named in the page's language tag (`-u-ca-`), the standard place for it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import './register.js';
import type { SharekConsultation } from '../../src/consultation/consultation.js';
import type { SharekElement } from '../../src/shared/base.js';

/** Decided, with a closed poll, published comments, a decision and a closed comment form (portal/seed-data.ts). */
const DECIDED = 'open-data-policy-2024';
const INNER = ['sharek-poll', 'sharek-comments', 'sharek-decision', 'sharek-comment-form'];

const times = (root: ParentNode) => [...root.querySelectorAll('time')];
const expected = (lang: string, calendar: string, iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', calendar }).format(new Date(iso));

/** Every date in `el`'s shadow root, with what it should say in `calendar`. */
function dates(el: Element, lang: string, calendar: string) {
  return times(el.shadowRoot!).map((t) => ({ shown: t.textContent!.trim(), wanted: expected(lang, calendar, t.getAttribute('datetime')!) }));
}

async function innerWithDates(card: SharekConsultation): Promise<Record<string, SharekElement>> {
  const found: Record<string, SharekElement> = {};
  await waitUntil(
    () => {
      for (const tag of INNER) {
        const el = card.shadowRoot!.querySelector<SharekElement>(tag);
        if (el && times(el.shadowRoot ?? document.createDocumentFragment()).length) found[tag] = el;
      }
      return Object.keys(found).length === INNER.length;
    },
    `not every inner element showed a date: ${INNER.filter((t) => !found[t]).join(', ')}`,
    { timeout: 15_000 },
  );
  return found;
}

for (const lang of ['ar', 'en'] as const) {
  describe(`calendar in ${lang}`, () => {
    it('set on the card, reaches its poll, comments, decision and form, and follows a change', async () => {
      const card = await fixture<SharekConsultation>(
        html`<sharek-consultation lang=${lang} api="/api" consultation=${DECIDED} calendar="islamic-umalqura"></sharek-consultation>`,
      );
      const inner = await innerWithDates(card);
      for (const el of [card, ...Object.values(inner)]) {
        const shown = dates(el, lang, 'islamic-umalqura');
        expect(shown.length, `${el.localName} shows no date`).to.be.greaterThan(0);
        for (const d of shown) expect(d.shown, `a date in ${el.localName}`).to.equal(d.wanted);
      }

      card.calendar = 'gregory';
      await waitUntil(
        () => [card, ...Object.values(inner)].every((el) => dates(el, lang, 'gregory').every((d) => d.shown === d.wanted)),
        'the inner elements did not follow the card back to the Gregorian calendar',
        { timeout: 5_000 },
      );
      await expect(card).to.be.accessible();
    });
  });
}

describe('calendar from the language tag', () => {
  it('an element alone follows lang="ar-SA-u-ca-islamic-umalqura" on the page; its own calendar wins', async () => {
    const holder = await fixture<HTMLElement>(
      html`<div lang="ar-SA-u-ca-islamic-umalqura">
        <sharek-comments api="/api" consultation=${DECIDED}></sharek-comments>
        <sharek-comments api="/api" consultation=${DECIDED} calendar="gregory"></sharek-comments>
      </div>`,
    );
    const [byTag, own] = [...holder.querySelectorAll('sharek-comments')];
    await waitUntil(() => times(byTag!.shadowRoot!).length > 0 && times(own!.shadowRoot!).length > 0, 'the comments did not load', { timeout: 15_000 });
    for (const d of dates(byTag!, 'ar-SA', 'islamic-umalqura')) expect(d.shown).to.equal(d.wanted);
    for (const d of dates(own!, 'ar-SA', 'gregory')) expect(d.shown).to.equal(d.wanted);
    // Saudi Arabia's digits: Arabic-Indic.
    expect(dates(own!, 'ar-SA', 'gregory')[0]!.shown).to.match(/^[٠-٩]+ /);
  });
});
