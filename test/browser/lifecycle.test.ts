// The consultation's life while a page stays open: it closes, the form goes, the draft stays.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import './register.js';
import type { SharekConsultation } from '../../src/consultation/consultation.js';
import type { SharekCommentForm } from '../../src/comment-form/comment-form.js';
import type { SharekStatusChangeEvent } from '../../src/shared/events.js';
import { consultation } from './fixtures.js';

describe('a consultation that closes while the page is open', () => {
  afterEach(() => localStorage.clear());

  it('stops taking comments at its closing time, says why, keeps the draft, and tells the host page', async () => {
    const data = consultation('open', { id: 'closing-now', closesAt: new Date(Date.now() + 2500).toISOString(), pollIds: [] });
    const card = await fixture<SharekConsultation>(html`<sharek-consultation lang="en" api="/api" .data=${data}></sharek-consultation>`);
    const form = card.shadowRoot!.querySelector('sharek-comment-form') as SharekCommentForm;
    await waitUntil(() => form.shadowRoot!.querySelector('#body'), 'the form did not load');
    const textarea = form.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'Half-written when the consultation closed';
    textarea.dispatchEvent(new Event('input'));

    const changed = (await oneEvent(card, 'sharek-status-change')) as SharekStatusChangeEvent;
    expect(changed.status).to.equal('closed');
    expect(changed.previous).to.equal('open');
    expect(card.shadowRoot!.querySelector('[part~=status]')!.textContent!.trim()).to.equal('Closed');

    await waitUntil(() => !form.shadowRoot!.querySelector('form'), 'the form is still there after closing');
    const sentence = form.shadowRoot!.querySelector('[part=closed]')!.textContent!.replace(/\s+/g, ' ');
    expect(sentence).to.contain('Comments closed on');
    expect(sentence).to.contain('still saved on this device');
    const drafts = Object.keys(localStorage).filter((k) => k.startsWith('sharek:draft:'));
    expect(drafts.length).to.equal(1);
    expect(JSON.parse(localStorage.getItem(drafts[0]!)!).body).to.equal('Half-written when the consultation closed');
    // The "comment on this article" actions go with the form.
    expect(card.shadowRoot!.querySelector('.article-actions button')).to.equal(null);
  });

  it('opens for comments at its opening time', async () => {
    const data = consultation('upcoming', { id: 'opening-now', opensAt: new Date(Date.now() + 1500).toISOString() });
    const form = await fixture<SharekCommentForm>(html`<sharek-comment-form lang="ar" api="/api" consultation="opening-now" .data=${data}></sharek-comment-form>`);
    expect(form.shadowRoot!.querySelector('[part=closed]')).to.exist;
    await waitUntil(() => form.shadowRoot!.querySelector('#body'), 'the form did not appear at opening time', { timeout: 5000 });
  });
});
