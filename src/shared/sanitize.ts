/**
 * The one sanitiser. Portal HTML (summaries, article bodies, the policy text,
 * decision summaries) reaches the DOM only through `sanitizedHtml`, and
 * nothing else in Sharek writes HTML.
 *
 * The browser's own HTML Sanitizer API first: where `Element.setHTML` exists
 * (current Chromium and Firefox) the portal's HTML is parsed and cleaned by
 * the browser with Sharek's allow-list, in no Trusted Types sink and with no
 * library. Elsewhere DOMPurify does it, from a chunk of its own loaded only
 * then (see purify.ts for its Trusted Types policy, `sharek`). Both give
 * nodes, never a string for Lit to parse; both then pass the links through
 * one rule: only http(s), mailto and in-page hrefs, and `rel="noopener
 * noreferrer"` on any link with a `target`.
 */
import { noChange, nothing, type ChildPart } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';

/** The tags and attributes portal HTML may keep. */
export const ALLOWED = {
  elements: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'span', 'abbr', 'sub', 'sup', 'dl', 'dt', 'dd', 'hr'],
  attributes: ['href', 'title', 'lang', 'dir', 'target', 'rel', 'colspan', 'rowspan', 'scope'],
  /** Containers whose text is kept without them (DOMPurify keeps the content of any tag it removes). */
  unwrap: ['div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'font', 'center', 'small', 'big', 'mark', 's', 'del', 'ins', 'code', 'pre', 'kbd', 'samp', 'var', 'cite', 'q', 'dfn', 'time', 'figure', 'figcaption', 'h1', 'h2', 'label', 'address', 'details', 'summary'],
};

interface NativeSanitizing {
  setHTML(html: string, options: { sanitizer: object }): void;
}

/** The browser's sanitiser's configuration: Sharek's allow-list, no comments, no data attributes. */
const NATIVE_CONFIG = {
  elements: ALLOWED.elements,
  attributes: ALLOWED.attributes,
  replaceWithChildrenElements: ALLOWED.unwrap,
  comments: false,
  dataAttributes: false,
};

/** Whether this browser sanitises by itself (read each time: a test removes `setHTML` to take the fallback). */
const native = () => typeof (Element.prototype as Partial<NativeSanitizing>).setHTML === 'function';

type Purify = (html: string) => DocumentFragment;
let purify: Purify | undefined;
let purifyLoading: Promise<Purify> | undefined;

/** DOMPurify, loaded on first need where the browser has no sanitiser of its own. */
function loadPurify(): Promise<Purify> {
  return (purifyLoading ??= import('./purify.js').then((m) => (purify = m.purifyToFragment)));
}

/** Only http(s), mailto and in-page links; a link that opens elsewhere never gets a handle on this page. */
function safeLinks(root: DocumentFragment): DocumentFragment {
  for (const a of root.querySelectorAll('a')) {
    const href = a.getAttribute('href') ?? '';
    if (!/^(https?:|mailto:|#)/i.test(href.trim())) a.removeAttribute('href');
    if (a.hasAttribute('target')) a.setAttribute('rel', 'noopener noreferrer');
  }
  return root;
}

/**
 * Portal headings placed in the element's outline: the portal's highest
 * becomes `top` and the others keep their distance below it (never past h6),
 * so a policy's "h3" sits below the element's own heading, not beside it.
 */
function headingsFrom(root: DocumentFragment, top: number | undefined): DocumentFragment {
  // Only h3–h6 pass the sanitiser (h1 and h2 are unwrapped).
  const headings = top ? [...root.querySelectorAll('h3, h4, h5, h6')] : [];
  const highest = Math.min(...headings.map((h) => +h.localName[1]!));
  for (const h of headings) {
    const moved = document.createElement(`h${Math.min(6, top! + +h.localName[1]! - highest)}`);
    for (const a of h.attributes) moved.setAttribute(a.name, a.value);
    moved.append(...h.childNodes);
    h.replaceWith(moved);
  }
  return root;
}

/** Clean nodes for `html` now, or undefined while the fallback sanitiser is still loading. */
function cleanNow(html: string): DocumentFragment | undefined {
  if (native()) {
    const holder = document.createElement('div');
    (holder as unknown as NativeSanitizing).setHTML(html, { sanitizer: NATIVE_CONFIG });
    const fragment = document.createDocumentFragment();
    fragment.append(...holder.childNodes);
    return safeLinks(fragment);
  }
  return purify ? safeLinks(purify(html)) : undefined;
}

/** Clean nodes for `html`, waiting for the fallback sanitiser where it is needed. */
async function clean(html: string): Promise<DocumentFragment> {
  return cleanNow(html) ?? (await loadPurify(), cleanNow(html)!);
}

/** Clean HTML as a string: for tests, measuring and code that needs the markup. */
export async function sanitize(html: string): Promise<string> {
  const holder = document.createElement('div');
  holder.append(await clean(html));
  return holder.innerHTML;
}

/** Makes the first sanitising cheap: loads the fallback where needed, or warms the browser's sanitiser. */
export function prepareSanitizer(): void {
  void clean('<p></p>');
}

/** Renders portal HTML as clean nodes; cleaned again only when the HTML changes. */
class SanitizedHtml extends AsyncDirective {
  private shown?: string;

  render(_html: string, _headingLevel?: number): unknown {
    return noChange;
  }

  override update(_part: ChildPart, [html, headingLevel]: [string, number?]): unknown {
    const shown = `${headingLevel ?? ''}|${html}`;
    if (shown === this.shown) return noChange;
    this.shown = shown;
    const nodes = cleanNow(html);
    if (nodes) return headingsFrom(nodes, headingLevel);
    void loadPurify().then(() => {
      if (this.shown === shown && this.isConnected) this.setValue(headingsFrom(cleanNow(html)!, headingLevel));
    });
    return nothing;
  }
}

/**
 * A lit directive for a child position: the only path from portal HTML to the
 * DOM. `headingLevel`, when given, is the level the portal's highest heading
 * takes (one below the heading the HTML sits under).
 */
export const sanitizedHtml = directive(SanitizedHtml);
