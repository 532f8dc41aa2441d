// Frameworks set `lang` on custom elements as a property (React 19 does for any
// prop the element has): the element, and the elements inside it, follow it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './register.js';
import type { SharekConsultation } from '../../src/consultation/consultation.js';
import { consultation } from './fixtures.js';

const part = (root: Element | null | undefined, p: string) => root?.shadowRoot?.querySelector(`[part~=${p}]`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('lang set as a property', () => {
  it('renders in that language, reflects it, and the elements inside follow when it changes', async () => {
    const el = await fixture<SharekConsultation>(html`<sharek-consultation .data=${consultation('open')} .lang=${'en'}></sharek-consultation>`);
    await el.updateComplete;
    expect(el.getAttribute('lang')).to.equal('en');
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(part(el, 'status')).to.equal('Open for comments');
    const form = el.shadowRoot!.querySelector('sharek-comment-form')!;
    await waitUntil(() => form.getAttribute('dir') === 'ltr', 'the inner form is not in English');

    el.lang = 'ar';
    await el.updateComplete;
    expect(el.getAttribute('lang')).to.equal('ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(part(el, 'status')).to.equal('مفتوحة للتعليق');
    await waitUntil(() => form.getAttribute('dir') === 'rtl', 'the inner form did not follow the card into Arabic');
    const comments = el.shadowRoot!.querySelector('sharek-comments')!;
    await waitUntil(() => comments.getAttribute('dir') === 'rtl', 'the inner comment list did not follow the card into Arabic');
  });
});
