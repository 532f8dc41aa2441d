/**
 * The one sanitiser. Portal HTML (summaries, article bodies, the policy text,
 * decision summaries) reaches the DOM only through `sanitizedHtml`, and
 * nothing else in Sharek writes HTML.
 */
import DOMPurify from 'dompurify';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

const purifier = DOMPurify();

// Links from the portal open safely and never carry a script URL.
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (!/^(https?:|mailto:|#)/i.test(href.trim())) node.removeAttribute('href');
    if (node.getAttribute('target') === '_blank') node.setAttribute('rel', 'noopener noreferrer');
  }
});

const CONFIG = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'span', 'abbr', 'sub', 'sup', 'dl', 'dt', 'dd', 'hr'],
  ALLOWED_ATTR: ['href', 'title', 'lang', 'dir', 'target', 'rel', 'colspan', 'rowspan', 'scope'],
  ALLOW_DATA_ATTR: false,
  // Ids and names from the portal could clobber the shadow root's lookups.
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
};

/** Clean HTML as a string (exported for tests and for measuring). */
export function sanitize(html: string): string {
  return purifier.sanitize(html, CONFIG) as string;
}

/** A lit directive result with the sanitised HTML: the only path from portal HTML to the DOM. */
export function sanitizedHtml(html: string) {
  return unsafeHTML(sanitize(html));
}
