// Registering the elements under another prefix, as a CMS that prefixes
// everything does, alongside (or instead of) `sharek-*`; and registering twice.
// This file imports define.js only: nothing is registered until a test says so.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { define, elements } from '../../src/define.js';
import { SharekElement } from '../../src/shared/base.js';

const NAMES = Object.keys(elements);
const CONSULTATION = 'e-participation-instructions';
const inner = (el: Element, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

/** A live card from the portal behind /api, under `tag`. */
async function liveCard(tag: string) {
  const el = await fixture<SharekElement>(staticHtml`<${unsafeStatic(tag)} lang="en" api="/api" consultation=${CONSULTATION}></${unsafeStatic(tag)}>`);
  await waitUntil(() => inner(el, '[part~=title]'), `${tag} did not load`, { timeout: 5000 });
  // Polls, form and comments follow the card's first paint as the reader nears it; updateComplete waits for them then.
  el.scrollIntoView();
  await el.updateComplete;
  return el;
}

/** The tag names of the Sharek elements inside the card's shadow root. */
const nestedTags = (card: Element) =>
  [...new Set([...card.shadowRoot!.querySelectorAll('*')].map((el) => el.localName).filter((n) => n.includes('-')))].sort();

describe('define({prefix})', () => {
  it('registers nothing on import: define.js only exports', () => {
    for (const name of NAMES) {
      expect(customElements.get(`sharek-${name}`), `sharek-${name}`).to.equal(undefined);
      expect(customElements.get(`cms-${name}`), `cms-${name}`).to.equal(undefined);
    }
  });

  it('registers every element as cms-* alone, and the card composes cms-* elements, all working', async () => {
    define({ prefix: 'cms' });
    for (const name of NAMES) {
      const registered = customElements.get(`cms-${name}`);
      expect(registered, `cms-${name}`).to.equal(elements[name as keyof typeof elements]);
      expect(customElements.get(`sharek-${name}`), `sharek-${name}`).to.equal(undefined);
    }
    const card = await liveCard('cms-consultation');
    expect(inner(card, '[part~=title]')!.textContent).to.contain('Draft Instructions for E-Participation');
    // What the card shows inside it is registered under the same prefix: the form, the comments and the polls work.
    expect(nestedTags(card)).to.deep.equal(['cms-comment-form', 'cms-comments', 'cms-poll']);
    const form = inner(card, 'cms-comment-form')!;
    await waitUntil(() => inner(form, '#policy'), 'the nested form did not load', { timeout: 5000 });
    const polls = card.shadowRoot!.querySelectorAll('cms-poll');
    await waitUntil(() => [...polls].every((p) => inner(p, '[part~=question]')), 'the nested polls did not load', { timeout: 5000 });
    await waitUntil(() => inner(inner(card, 'cms-comments')!, '[part~=comment]'), 'the nested comments did not load', { timeout: 5000 });
  });

  it('then sharek-* alongside: subclasses of the same classes, both prefixes working side by side', async () => {
    define();
    for (const name of NAMES) {
      const base = elements[name as keyof typeof elements];
      const sharek = customElements.get(`sharek-${name}`)!;
      expect(sharek, `sharek-${name}`).to.be.a('function');
      expect(sharek).to.not.equal(customElements.get(`cms-${name}`));
      expect(sharek.prototype).to.be.instanceOf(base);
    }
    const [cms, sharek] = await Promise.all([liveCard('cms-consultation'), liveCard('sharek-consultation')]);
    expect(inner(cms, '[part~=title]')!.textContent).to.equal(inner(sharek, '[part~=title]')!.textContent);
    expect(nestedTags(cms)).to.deep.equal(['cms-comment-form', 'cms-comments', 'cms-poll']);
    expect(nestedTags(sharek)).to.deep.equal(['sharek-comment-form', 'sharek-comments', 'sharek-poll']);
    expect(sharek).to.be.instanceOf(elements.consultation);
    // Events are the same under either name.
    const seen: string[] = [];
    const listener = (e: Event) => seen.push((e.composedPath()[0] as Element).localName);
    document.addEventListener('sharek-error', listener);
    try {
      await fixture(html`<div>
        <cms-poll lang="en" api="/api" poll="no-such-poll"></cms-poll>
        <sharek-poll lang="en" api="/api" poll="no-such-poll"></sharek-poll>
      </div>`);
      await waitUntil(() => seen.length === 2, 'both polls report their error', { timeout: 5000 });
      expect(seen.sort()).to.deep.equal(['cms-poll', 'sharek-poll']);
    } finally {
      document.removeEventListener('sharek-error', listener);
    }
  });

  it('is harmless when called again, with either prefix', async () => {
    const before = NAMES.flatMap((name) => [customElements.get(`sharek-${name}`), customElements.get(`cms-${name}`)]);
    define();
    define({ prefix: 'cms' });
    define({ prefix: 'sharek' });
    const after = NAMES.flatMap((name) => [customElements.get(`sharek-${name}`), customElements.get(`cms-${name}`)]);
    expect(after).to.deep.equal(before);
    const card = await liveCard('sharek-consultation');
    expect(card.shadowRoot!.querySelectorAll('[part~=card]').length).to.equal(1);
  });

  it('works in browsers without customElements.getName (Safari 16): a taken class still gets a subclass', async () => {
    const proto = CustomElementRegistry.prototype as { getName?: unknown };
    const getName = Object.getOwnPropertyDescriptor(proto, 'getName');
    delete proto.getName;
    try {
      expect(() => define({ prefix: 'old' })).to.not.throw();
    } finally {
      if (getName) Object.defineProperty(proto, 'getName', getName);
    }
    for (const name of NAMES) expect(customElements.get(`old-${name}`)!.prototype).to.be.instanceOf(elements[name as keyof typeof elements]);
    const card = await liveCard('old-consultation');
    expect(nestedTags(card)).to.deep.equal(['old-comment-form', 'old-comments', 'old-poll']);
  });

  it('refuses a prefix that makes no valid element name, registering nothing', () => {
    expect(() => define({ prefix: 'Not Valid' })).to.throw();
    expect(customElements.get('Not Valid-consultation')).to.equal(undefined);
  });
});
