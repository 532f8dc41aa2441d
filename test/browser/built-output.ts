// Shared by built-ar.test.ts and built-en.test.ts: one language per test page (Chromium 156
// crashed the page when one page rendered both languages' cards from both builds in turn).
//
// What ships is what is tested: the built single-file script (dist/sharek.js,
// what a webmaster loads) and the ESM build (dist/esm, what a bundler takes),
// not the sources. A minifier once turned every "·" of the CSS into a
// backspace and a "7" in the built file while every source test passed.
// Both builds render the same live consultation here, side by side (the ESM
// one under the prefix `esm`), in Arabic and in English: no control character
// in any text or generated content, and the same text from both.
import { expect, waitUntil } from '@open-wc/testing';
import { deepElements } from './deep-dom.js';

const CONSULTATION = 'e-participation-instructions';
/** C0 and C1 controls other than tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A computed `content` value as the text it shows: CSS serialises a control character as an escape (`"\\8 7"`). */
const contentText = (content: string) =>
  content
    .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\(.)/g, '$1');

/** What a reader meets: every text node and every ::before/::after content, in order, across shadow roots (in any frame). */
function readable(root: Element): string[] {
  const out: string[] = [];
  const view = root.ownerDocument.defaultView!;
  const visit = (node: Node) => {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      for (const pseudo of ['::before', '::after']) {
        const content = view.getComputedStyle(el, pseudo).content;
        if (content && content !== 'none' && content !== 'normal') out.push(`${pseudo} ${contentText(content)}`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
    if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) out.push(node.textContent!.trim());
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(root);
  return out;
}

/** The same markup, as a string, under a prefix. */
const markup = (prefix: string, lang: string) => `<div>
    <${prefix}-consultation lang="${lang}" api="/api" consultation="${CONSULTATION}"></${prefix}-consultation>
    <${prefix}-consultations lang="${lang}" api="/api" page-size="3"></${prefix}-consultations>
  </div>`;

/** True when nothing under `root` is undefined, unrendered or loading (any frame: no instanceof). */
function settledIn(root: Node): boolean {
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const el = child as Element & { hasUpdated?: boolean };
    if (el.localName.includes('-') && (el.matches(':not(:defined)') || el.hasUpdated === false)) return false;
    if (el.matches('[part~=loading], p.loading, p.hint[role=status], [aria-busy=true]')) return false;
    if (el.shadowRoot && !settledIn(el.shadowRoot)) return false;
    if (!settledIn(el)) return false;
  }
  return true;
}

/** Renders `html` into `doc`, brings each element into view so the card renders its parts, and waits until all is loaded. */
async function renderAll(doc: Document, html: string): Promise<Element> {
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  doc.body.append(holder);
  for (const child of holder.querySelectorAll(':scope > div > *')) {
    await doc.defaultView!.customElements.whenDefined(child.localName);
    child.scrollIntoView();
    await waitUntil(() => settledIn(holder), 'did not load', { timeout: 15_000 });
    // Once loaded, updateComplete waits for the parts of a card in view; then they load in turn.
    await (child as Element & { updateComplete: Promise<unknown> }).updateComplete;
    await waitUntil(() => settledIn(holder), 'its parts did not load', { timeout: 15_000 });
  }
  return holder;
}

let frame: HTMLIFrameElement;

async function loadBoth(): Promise<void> {
  // The built script, exactly as a webmaster's <script type="module" src> loads it: registers sharek-* on demand.
  // @ts-expect-error: a build output, not a typed module
  await import('/dist/sharek.js');
  // The ESM build as a bundler would take it, in a frame of its own.
  frame = document.createElement('iframe');
  frame.src = '/test/browser/esm-frame.html';
  frame.style.cssText = 'inline-size: 800px; block-size: 600px; border: 0';
  document.body.append(frame);
  await waitUntil(() => (frame.contentWindow as (Window & { esmReady?: boolean }) | null)?.esmReady, 'the ESM build did not load', { timeout: 15_000 });
}

export function builtOutputSuite(lang: 'ar' | 'en'): void {
  describe(`the built script and the ESM build, ${lang}`, () => {
    before(loadBoth);

    it('the script loads each element’s chunk only when the page has the element', async () => {
      expect(customElements.get('sharek-decision'), 'nothing loaded for a tag not in the page').to.equal(undefined);
      const holder = await renderAll(document, markup('sharek', lang));
      expect(customElements.get('sharek-consultation')).to.be.a('function');
      holder.remove();
    });

    it('show no control character in any text or ::before/::after content, and the same text as each other', async () => {
      const built = await renderAll(document, markup('sharek', lang));
      const esm = await renderAll(frame.contentDocument!, markup('esm', lang));
      const builtText = readable(built);
      const esmText = readable(esm);
      // The card really rendered its content (a middle dot separator among it), not a loading or error state.
      expect(builtText.join('\n')).to.contain(lang === 'ar' ? 'مشروع تعليمات المشاركة الإلكترونية' : 'Draft Instructions for E-Participation');
      expect(builtText.some((t) => t.includes('·')), 'a "·" separator is shown').to.equal(true);
      expect(deepElements(built).some((e) => e.localName === 'sharek-comment-form')).to.equal(true);
      for (const [name, texts] of [['dist/sharek.js', builtText], ['dist/esm', esmText]] as const) {
        const bad = texts.filter((t) => CONTROL.test(t));
        expect(bad, `${name}: text with a control character`).to.deep.equal([]);
      }
      expect(builtText).to.deep.equal(esmText);
      // Chunks beside the script, by their hashed names; this browser sanitises by itself, so DOMPurify's chunk is never fetched.
      const chunks = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/dist/chunks/'));
      expect(chunks.some((n) => /\/dist\/chunks\/consultation-[\w-]+\.js$/.test(n)), chunks.join(' ')).to.equal(true);
      expect(chunks.filter((n) => /dompurify|purify/.test(n))).to.deep.equal([]);
      built.remove();
      esm.remove();
    });
  });
}
