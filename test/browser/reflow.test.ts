// Reflow (WCAG 1.4.10): every element, and the whole card with its comments,
// polls, form and decision, at 320 CSS px inside the layouts embedding sites
// use: grids whose tracks size to their content (`1fr`, `auto`), a grid of
// `minmax(0, 1fr)` tracks, and a flex row. Nothing may stick out of the
// element's box, and the element must not stick out of its container: what
// sticks out is cut off (or needs sideways scrolling) on a phone.
import { expect, fixture } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import './register.js';
import { deepElements, settled } from './deep-dom.js';

const WIDTH = 320;

const LAYOUTS = {
  'a grid of 1fr': 'display:grid;grid-template-columns:1fr',
  'a grid of auto': 'display:grid;grid-template-columns:auto',
  'a grid of repeat(auto-fit, minmax(0, 1fr))': 'display:grid;grid-template-columns:repeat(auto-fit,minmax(0,1fr))',
  'a flex row': 'display:flex',
  'a flex column': 'display:flex;flex-direction:column;align-items:flex-start',
} as const;

/** The elements as a page embeds them, talking to the reference portal. */
const ELEMENTS = {
  'the open card (polls, form, comments)': ['sharek-consultation', 'consultation="e-participation-instructions"'],
  'the decided card (decision)': ['sharek-consultation', 'consultation="open-data-policy-2024"'],
  'the comments': ['sharek-comments', 'consultation="e-participation-instructions"'],
  'the comment form': ['sharek-comment-form', 'consultation="e-participation-instructions"'],
  'a poll': ['sharek-poll', 'poll="poll-priorities"'],
  'the decision': ['sharek-decision', 'consultation="open-data-policy-2024"'],
  'the list of consultations': ['sharek-consultations', ''],
} as const;

/** Visually hidden text (clipped to a pixel) is read, not seen: it cannot be cut off. */
function isVisuallyHidden(el: Element): boolean {
  const style = getComputedStyle(el);
  return style.clipPath === 'inset(50%)' || style.clip === 'rect(0px, 0px, 0px, 0px)' || (el.clientWidth <= 1 && style.overflow === 'hidden');
}

/** What the reader cannot see in full: each rendered box that reaches past the element's sides, by how far. */
function overflowing(host: Element): string[] {
  const box = host.getBoundingClientRect();
  const out: string[] = [];
  for (const el of deepElements(host)) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || el.closest('dialog:not([open])') || isVisuallyHidden(el)) continue;
    const past = Math.max(box.left - r.left, r.right - box.right);
    if (past > 1) out.push(`<${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? ` part=${el.getAttribute('part')}` : ''}> by ${Math.round(past)}px`);
  }
  return out;
}

for (const lang of ['ar', 'en'] as const) {
  describe(`reflow at ${WIDTH} CSS px, in ${lang}`, () => {
    for (const [what, [tag, attrs]] of Object.entries(ELEMENTS)) {
      for (const [layout, css] of Object.entries(LAYOUTS)) {
        it(`${what} inside ${layout}: fits its container, nothing cut off`, async () => {
          const container = await fixture<HTMLDivElement>(
            staticHtml`<div style="inline-size:${unsafeStatic(String(WIDTH))}px;${unsafeStatic(css)}" lang=${lang}><${unsafeStatic(tag)} api="/api" ${unsafeStatic(attrs)}></${unsafeStatic(tag)}></div>`,
          );
          const el = container.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
          await el.updateComplete;
          await settled(el, `${what} did not finish loading`, 30_000);
          const host = el.getBoundingClientRect();
          const frame = container.getBoundingClientRect();
          expect(Math.round(host.width), `${what} is ${Math.round(host.width)}px wide in a ${WIDTH}px container`).to.be.at.most(WIDTH);
          expect(host.left, 'the element starts before its container').to.be.at.least(frame.left - 1);
          expect(host.right, 'the element ends past its container').to.be.at.most(frame.right + 1);
          expect(container.scrollWidth, 'the container scrolls sideways').to.be.at.most(container.clientWidth + 1);
          expect(overflowing(el), 'boxes reaching past the element').to.deep.equal([]);
        });
      }
    }
  });
}
