/**
 * The one sanitiser. Portal HTML (summaries, article bodies, the policy text,
 * decision summaries) reaches the DOM only through `sanitizedHtml`, and
 * nothing else in Sharek writes HTML.
 *
 * Trusted Types. Where the browser has them, DOMPurify runs inside Sharek's
 * own policy, `sharek`, created once, on the first sanitising, and kept here:
 * the policy object goes to DOMPurify and nowhere else, and only makes
 * TrustedHTML while DOMPurify is running (which needs one to parse the
 * portal's HTML into an inert document). Lit's `unsafeHTML` only takes strings and hands them to Lit's own
 * `lit-html` policy, which accepts anything: Trusted Types cannot tell a
 * sanitised string from another there, so this module is the only caller of
 * `unsafeHTML`, and only with DOMPurify's output (a test checks that no other
 * source file imports it). A page with a strict CSP therefore lists
 * `trusted-types lit-html sharek`.
 *
 * If the `sharek` policy cannot be created (the page's `trusted-types`
 * directive does not list it, or lists it without `'allow-duplicates'` and
 * another copy of Sharek made it first), DOMPurify uses its own policy,
 * `dompurify`, as it does on any page. If that is not allowed either and the
 * page enforces Trusted Types, nothing can parse HTML: the portal's rich text
 * is then shown as plain text, one paragraph per block, the browser reports
 * the refused policies once, and the rest of the widget works.
 */
import DOMPurify, { type Config } from 'dompurify';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

/** The Trusted Types policy's name, for the CSP's `trusted-types` directive. */
export const POLICY_NAME = 'sharek';

/** Our own DOMPurify, made on first use (not while the script loads), with our hook; never the shared default instance. */
let purifier: ReturnType<typeof DOMPurify> | undefined;
function ownPurifier() {
  if (purifier) return purifier;
  purifier = DOMPurify();
  // Links from the portal never carry a script URL, and any link opening elsewhere (any `target`:
  // `_blank`, `_top`, a named window) opens without a handle on this page or its address,
  // whatever `rel` the portal gave (`rel=opener` included).
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!/^(https?:|mailto:|#)/i.test(href.trim())) node.removeAttribute('href');
      if (node.hasAttribute('target')) node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('target');
    }
  });
  return purifier;
}

const CONFIG: Config = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'span', 'abbr', 'sub', 'sup', 'dl', 'dt', 'dd', 'hr'],
  ALLOWED_ATTR: ['href', 'title', 'lang', 'dir', 'target', 'rel', 'colspan', 'rowspan', 'scope'],
  ALLOW_DATA_ATTR: false,
  // Ids and names from the portal could clobber the shadow root's lookups.
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  RETURN_TRUSTED_TYPE: false,
};

type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;
interface PolicyFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string; createScriptURL(input: string): string }): Policy;
}

/** True only while DOMPurify runs: the only time the policy makes anything. */
let purifying = false;
/** How portal HTML is shown, settled on the first sanitising. */
let mode: { config: Config; parses: boolean } | undefined;

/** Makes the `sharek` policy on first use, where the browser has Trusted Types; else finds out whether DOMPurify can still parse. */
function settle(): { config: Config; parses: boolean } {
  if (mode) return mode;
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (typeof factory?.createPolicy === 'function') {
    try {
      const policy = factory.createPolicy(POLICY_NAME, {
        createHTML(input) {
          if (!purifying) throw new TypeError(`The "${POLICY_NAME}" Trusted Types policy only serves Sharek's sanitiser`);
          return input;
        },
        // The allowed tags and attributes carry no script URL: none is ever made.
        createScriptURL() {
          throw new TypeError(`The "${POLICY_NAME}" Trusted Types policy makes no script URLs`);
        },
      });
      return (mode = { config: { ...CONFIG, TRUSTED_TYPES_POLICY: policy }, parses: true });
    } catch {
      console.warn(`[sharek] The Trusted Types policy "${POLICY_NAME}" could not be created: add it to the page's CSP, e.g. trusted-types lit-html ${POLICY_NAME}`);
    }
  }
  // No policy of ours: DOMPurify parses with its own, or with none where Trusted Types are not enforced.
  mode = { config: CONFIG, parses: true };
  mode.parses = purify('<b>x</b>') === '<b>x</b>';
  return mode;
}

function purify(html: string): string {
  purifying = true;
  try {
    return ownPurifier().sanitize(html, mode!.config) as unknown as string;
  } finally {
    purifying = false;
  }
}

/** Clean HTML as a string (exported for tests and for measuring). */
export function sanitize(html: string): string {
  return settle().parses ? purify(html) : asPlainText(html);
}

/** A lit directive result with the sanitised HTML: the only path from portal HTML to the DOM. */
export function sanitizedHtml(html: string) {
  return unsafeHTML(sanitize(html));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const escapeText = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * Where nothing may parse HTML: the text of each block, escaped, in paragraphs of
 * Sharek's own. Tags are dropped (with the content of script, style and template).
 */
function asPlainText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->|<(script|style|template|textarea|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .split(/<\/?(?:p|br|li|ul|ol|h[1-6]|tr|table|blockquote|dd|dt|dl|div|hr)\b[^>]*>/i)
    .map((block) =>
      block
        .replace(/<[^>]*>?/g, '')
        .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
          if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
          const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
        })
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .map((text) => `<p>${escapeText(text)}</p>`)
    .join('');
}
