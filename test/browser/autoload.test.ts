// The script's on-demand loading (src/sharek.ts, src/registry.ts): an element's code is loaded
// when its tag is in the page, now or later, under `sharek` or a prefix given to define(); the
// card loads the elements it shows inside it. Nothing is registered for tags not in the page.
import { expect, waitUntil } from '@open-wc/testing';
import { define } from '../../src/sharek.js';
import { ensureDefined, splitTag } from '../../src/registry.js';
import { settled } from './deep-dom.js';

const CONSULTATION = 'e-participation-instructions';
const add = (markup: string) => {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  document.body.append(holder);
  return holder;
};

describe('loading each element when the page has it', () => {
  it('knows every element by its tag, whatever the prefix', () => {
    expect(splitTag('sharek-consultations')).to.deep.equal(['sharek', 'consultations']);
    expect(splitTag('sharek-consultation')).to.deep.equal(['sharek', 'consultation']);
    expect(splitTag('my-cms-comment-form')).to.deep.equal(['my-cms', 'comment-form']);
    expect(splitTag('x-comments')).to.deep.equal(['x', 'comments']);
    expect(splitTag('sharek-nothing')).to.equal(null);
    expect(splitTag('-poll')).to.equal(null);
  });

  it('registers nothing for elements the page does not have', () => {
    expect(customElements.get('sharek-decision')).to.equal(undefined);
    expect(customElements.get('sharek-consultations')).to.equal(undefined);
  });

  it('loads an element added to the page later, and it renders from the portal', async () => {
    const holder = add(`<sharek-consultations lang="en" api="/api" page-size="2"></sharek-consultations>`);
    try {
      await waitUntil(() => customElements.get('sharek-consultations'), 'sharek-consultations was not loaded', { timeout: 5000 });
      await settled(holder);
      expect(holder.firstElementChild!.shadowRoot!.querySelectorAll('[part~=item]').length).to.equal(2);
      // Only what the page has: the poll and the decision are still not loaded.
      expect(customElements.get('sharek-decision')).to.equal(undefined);
    } finally {
      holder.remove();
    }
  });

  it('the card loads the elements it shows, under its own prefix', async () => {
    define({ prefix: 'lazy' });
    const holder = add(`<lazy-consultation lang="en" api="/api" consultation="${CONSULTATION}"></lazy-consultation>`);
    try {
      await waitUntil(() => customElements.get('lazy-consultation'), 'lazy-consultation was not loaded', { timeout: 5000 });
      const card = holder.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
      await waitUntil(() => card.shadowRoot?.querySelector('[part~=title]'), 'the card did not render', { timeout: 5000 });
      await card.updateComplete;
      for (const name of ['poll', 'comment-form', 'comments']) expect(customElements.get(`lazy-${name}`), `lazy-${name}`).to.be.a('function');
      await settled(holder);
      expect(card.shadowRoot!.querySelector('lazy-comment-form')!.shadowRoot!.querySelector('#policy')).to.not.equal(null);
    } finally {
      holder.remove();
    }
  });

  it('ensureDefined refuses a tag that is no Sharek element', async () => {
    let error: unknown;
    await ensureDefined('sharek-nothing').catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('not a Sharek element');
  });
});
