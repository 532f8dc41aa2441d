// What ships is what is tested: the built single-file script (dist/sharek.js,
// what a webmaster loads) and the ESM build (dist/esm, what a bundler takes),
// not the sources. A minifier once turned every "·" of the CSS into a
// backspace and a "7" in the built file while every source test passed.
// Both builds render the same live consultation here, side by side (the ESM
// one under the prefix `esm`), in Arabic and in English: no control character
// in any text or generated content, and the same text from both.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { deepElements, settled } from './deep-dom.js';

const CONSULTATION = 'e-participation-instructions';
/** C0 and C1 controls other than tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A computed `content` value as the text it shows: CSS serialises a control character as an escape (`"\\8 7"`). */
const contentText = (content: string) =>
  content
    .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\(.)/g, '$1');

/** What a reader meets: every text node and every ::before/::after content, in order, across shadow roots. */
function readable(root: Element): string[] {
  const out: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof Element) {
      for (const pseudo of ['::before', '::after']) {
        const content = getComputedStyle(node, pseudo).content;
        if (content && content !== 'none' && content !== 'normal') out.push(`${pseudo} ${contentText(content)}`);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) out.push(node.textContent!.trim());
    for (let child = node.firstChild; child; child = child.nextSibling) {
      visit(child);
    }
  };
  visit(root);
  return out;
}

const markup = (prefix: string, lang: string) => {
  const tag = unsafeStatic(`${prefix}-consultation`);
  const list = unsafeStatic(`${prefix}-consultations`);
  return staticHtml`<div>
    <${tag} lang=${lang} api="/api" consultation=${CONSULTATION}></${tag}>
    <${list} lang=${lang} api="/api" page-size="3"></${list}>
  </div>`;
};

before(async () => {
  // The built script, exactly as a webmaster's <script type="module" src> loads it: registers sharek-*.
  // @ts-expect-error: a build output, not a typed module
  await import('/dist/sharek.js');
  // The ESM build as a bundler would take it, registered under another prefix beside it.
  // @ts-expect-error: a build output, not a typed module
  const esm = await import('/dist/esm/define.js');
  esm.define({ prefix: 'esm' });
});

for (const lang of ['ar', 'en']) {
  describe(`the built script and the ESM build, ${lang}`, () => {
    it('register their elements from the build outputs, not the sources; the script loads its chunks only when the page has them', async () => {
      // The built script loads an element's chunk once the element is in the page.
      expect(customElements.get('sharek-decision'), 'nothing loaded for a tag not in the page').to.equal(undefined);
      const holder = await fixture(markup('sharek', lang));
      await waitUntil(() => customElements.get('sharek-consultation'), 'the built script did not load the card', { timeout: 5000 });
      holder.remove();
      const built = customElements.get('sharek-consultation')!;
      const esm = customElements.get('esm-consultation')!;
      expect(built, 'sharek-consultation').to.be.a('function');
      expect(esm, 'esm-consultation').to.be.a('function');
      // Two separate builds: the classes are not the same objects.
      expect(Object.getPrototypeOf(esm)).to.not.equal(built);
      expect(esm).to.not.equal(built);
    });

    it('show no control character in any text or ::before/::after content, and the same text as each other', async () => {
      const built = await fixture(markup('sharek', lang));
      const esm = await fixture(markup('esm', lang));
      await settled(built);
      await settled(esm);
      for (const el of [built, esm]) for (const card of el.children) await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await settled(built);
      await settled(esm);

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
    });
  });
}

void html;
