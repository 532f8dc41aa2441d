/**
 * The fallback sanitiser, in a chunk of its own: DOMPurify, for browsers
 * without the HTML Sanitizer API (see sanitize.ts, which loads this only there).
 *
 * Trusted Types. Where the browser has them, DOMPurify runs inside Sharek's
 * own policy, `sharek`, created once, on the first sanitising, and kept here:
 * the policy object goes to DOMPurify and nowhere else, and only makes
 * TrustedHTML while DOMPurify is running (which needs one to parse the
 * portal's HTML into an inert document). DOMPurify returns nodes, so no
 * other sink ever sees the portal's HTML. A page with a strict CSP therefore
 * lists `trusted-types lit-html sharek`.
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
import { ALLOWED } from './sanitize.js';

/** The Trusted Types policy's name, for the CSP's `trusted-types` directive. */
export const POLICY_NAME = 'sharek';

/** Our own DOMPurify, made on first use (not while the script loads), with our hook; never the shared default instance. */
let purifier: ReturnType<typeof DOMPurify> | undefined;
function ownPurifier() {
  if (purifier) return purifier;
  purifier = DOMPurify();
  return purifier;
}

const CONFIG: Config = {
  ALLOWED_TAGS: ALLOWED.elements,
  ALLOWED_ATTR: ALLOWED.attributes,
  ALLOW_DATA_ATTR: false,
  // Ids and names from the portal could clobber the shadow root's lookups.
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  RETURN_TRUSTED_TYPE: false,
  RETURN_DOM_FRAGMENT: true,
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
  mode.parses = purify('<b>x</b>').firstChild?.nodeName === 'B';
  return mode;
}

function purify(html: string): DocumentFragment {
  purifying = true;
  try {
    // Null for input that parses to no body at all.
    return ownPurifier().sanitize(html, { ...mode!.config, RETURN_DOM_FRAGMENT: true }) ?? document.createDocumentFragment();
  } catch {
    // Trusted Types refused every policy DOMPurify could parse with.
    return document.createDocumentFragment();
  } finally {
    purifying = false;
  }
}

/** Clean nodes for portal HTML (the links are checked by sanitize.ts). */
export function purifyToFragment(html: string): DocumentFragment {
  return settle().parses ? purify(html) : asPlainText(html);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Where nothing may parse HTML: the text of each block in paragraphs of
 * Sharek's own, made as text nodes. Tags are dropped (with the content of
 * script, style and template).
 */
function asPlainText(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const texts = html
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
    .filter(Boolean);
  for (const text of texts) fragment.append(Object.assign(document.createElement('p'), { textContent: text }));
  return fragment;
}
