// Hostile input (issue 6): every element renders the Big List of Naughty
// Strings and a set of well-known XSS vectors in every text and HTML field,
// from the hostile portal (test/fixtures/hostile-portal.ts, network path) and
// from `data` properties. Fails if any payload runs script (a global trap the
// payloads call, plus alert/confirm/prompt/print), if any link or resource URL
// in any shadow root is not http(s)/mailto/in-page, if portal HTML keeps a tag
// or attribute the sanitiser does not allow, if plain text became markup, or
// if a URL field is rendered as anything but an http(s) link.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import './register.js';
import type { SharekComments } from '../../src/comments/comments.js';
import * as H from '../fixtures/hostile-data.js';
import { aMoment, deepElements, deepQueryAll, settled } from './deep-dom.js';

interface Payloads {
  blns: string[];
  xss: string[];
  urls: { url: string; refused: boolean }[];
}

/** Payloads per batch: big enough to be quick, small enough that a failure is easy to find. */
const SIZE = 60;
let payloads: Payloads;
let all: string[];
const batchCount = () => Math.ceil(all.length / SIZE);
const itemsOf = (i: number) => all.slice(i * SIZE, (i + 1) * SIZE);
const apiOf = (i: number) => `/hostile-api/batch/${SIZE}/${i}`;

// ------------------------------------------------------------------ the trap

type Win = Window & Record<string, unknown>;
const w = window as unknown as Win;
const TRAPPED = [H.TRAP, 'alert', 'confirm', 'prompt', 'print'] as const;
const originals = new Map<string, unknown>(TRAPPED.map((k) => [k, w[k]]));
const calls: string[] = [];
const trap = (name: string) =>
  function trapped(...args: unknown[]) {
    calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
  };
const traps = new Map<string, unknown>(TRAPPED.map((k) => [k, trap(k)]));
const uncaught: string[] = [];
const onError = (e: ErrorEvent) => uncaught.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(`unhandled rejection: ${String(e.reason)}`);

function installTrap() {
  for (const [k, f] of traps) w[k] = f;
}

// ------------------------------------------------------------------ the audit

/** Tags the elements' own templates render. */
const TEMPLATE_TAGS = new Set(
  'article header section div p span a h1 h2 h3 h4 h5 h6 time details summary ul ol li dl dt dd button form label textarea select option fieldset legend input dialog blockquote q br slot bdi'.split(' '),
);
/** What src/shared/sanitize.ts lets through from portal HTML. */
const RICH_TAGS = new Set(
  'p br strong b em i u ul ol li a h3 h4 h5 h6 blockquote table thead tbody tr th td caption span abbr sub sup dl dt dd hr'.split(' '),
);
const RICH_ATTRS = new Set('href title lang dir target rel colspan rowspan scope'.split(' '));
const URL_ATTRS = 'href xlink:href src srcset action formaction data poster background cite ping codebase lowsrc dynsrc manifest'.split(' ');
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Where the elements render a string as text: never an element inside. */
const PLAIN_TEXT = [
  '[part~=title]:not(:has(> a[part~=link]))',
  'a[part~=link]',
  'span[part~=agency]',
  'a[part~=agency]',
  '[part~=article] summary span[lang]',
  '[part~=documents] a',
  '[part~=body]',
  '.reply-body',
  '.author .name',
  'blockquote.excerpt',
  '[part~=question]',
  '[part~=option] span',
  '.result-text > span[lang]',
  '[part~=my-vote] li',
  '.options-list li',
  '.description',
  '[part~=responses] dt',
  '[part~=responses] dd',
  '.rules li',
  '.reason span',
  'option',
  'label[for=policy]',
].join(', ');
/** Links made from the contract's URL fields: http(s) only. */
const URL_FIELD_LINKS = 'a[part~=agency], [part~=documents] a, [part~=impact] a, a[part~=portal-link], a[part~=document], a[part~=link]';

function resolves(value: string): string {
  try {
    return new URL(value, document.baseURI).protocol;
  } catch {
    return 'unparsable:';
  }
}

/** Everything wrong in the DOM under `root`, as sentences; empty when all is well. */
function auditTree(root: Element): string[] {
  const problems: string[] = [];
  const where = (el: Element) => {
    const host = (el.getRootNode() as ShadowRoot).host;
    return `<${el.localName}> in ${host ? `<${host.localName}>` : 'the page'}`;
  };
  for (const el of deepElements(root)) {
    const tag = el.localName;
    const rich = el.parentElement?.closest('.rich');
    if (rich) {
      if (!RICH_TAGS.has(tag)) problems.push(`portal HTML kept ${where(el)}`);
      for (const a of el.attributes) if (!RICH_ATTRS.has(a.name)) problems.push(`portal HTML kept ${a.name}="${a.value}" on ${where(el)}`);
      if (el.getAttribute('target') === '_blank' && !/\bnoopener\b/.test(el.getAttribute('rel') ?? '')) {
        problems.push(`target=_blank without rel=noopener on ${where(el)}`);
      }
    } else if (!TEMPLATE_TAGS.has(tag) && !tag.startsWith('sharek-') && !el.classList.contains('rich')) {
      problems.push(`unexpected ${where(el)}`);
    }
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) problems.push(`event handler ${a.name}="${a.value}" on ${where(el)}`);
      if (a.name === 'srcdoc') problems.push(`srcdoc on ${where(el)}`);
      if (a.name === 'style' && !(el.classList.contains('fill') && /^--share:\s*\d+(\.\d+)?%;?$/.test(a.value.trim()))) {
        problems.push(`style="${a.value}" on ${where(el)}`);
      }
    }
    for (const name of URL_ATTRS) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      if (/^[\s\0-\x1f]*(javascript|vbscript|data):/i.test(value) || !SAFE_PROTOCOLS.has(resolves(value))) {
        problems.push(`${name}="${value}" on ${where(el)}`);
      }
    }
    if (el.matches(PLAIN_TEXT) && el.children.length) {
      problems.push(`text became markup in ${where(el)}: ${el.innerHTML.slice(0, 200)}`);
    }
    if (el.matches(URL_FIELD_LINKS) && el.hasAttribute('href')) {
      const href = el.getAttribute('href')!;
      if (!/^\s*https?:/i.test(href) || !['http:', 'https:'].includes(resolves(href))) problems.push(`URL field rendered as href="${href}" on ${where(el)}`);
    }
  }
  return problems;
}

/** The DOM under `root`, and whether anything ran or threw. */
function audit(root: Element): string[] {
  const problems = auditTree(root);
  if (typeof w[H.TRAP] !== 'function' || w[H.TRAP] !== traps.get(H.TRAP)) problems.push('the trap was clobbered');
  if (document.getElementById !== Document.prototype.getElementById) problems.push('document.getElementById was clobbered');
  problems.push(...calls.map((c) => `script ran: ${c}`), ...uncaught);
  return problems;
}

function expectClean(root: Element, what: string) {
  const problems = audit(root);
  expect(problems.slice(0, 25), `${what}: ${problems.length} problems`).to.deep.equal([]);
}

// ------------------------------------------------------------------ rendering

type Attrs = Record<string, string>;
function make(tag: string, attrs: Attrs, props: Record<string, unknown> = {}): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  return el;
}

function stage(...elements: HTMLElement[]) {
  const root = document.createElement('div');
  root.append(...elements);
  document.body.append(root);
  return root;
}

/**
 * Opens every `<details>`; in each comment list of its own (not the cards'
 * lists, which show the same answers), opens the report dialog on the first
 * comment, audits the list while it is open, and closes it again (a modal
 * dialog makes the rest of the page inert).
 */
async function openEverything(root: Element, problems: string[]) {
  for (const d of deepQueryAll<HTMLDetailsElement>(root, 'details')) d.open = true;
  for (const list of root.querySelectorAll<SharekComments>(':scope > sharek-comments')) {
    const buttons = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=report]')];
    for (const button of buttons.slice(0, 1)) {
      button.click();
      const dialog = list.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open && dialog.querySelector('input[name=reason], [part~=error]'), 'the report dialog did not open', {
        interval: 5,
        timeout: 10_000,
      });
      await aMoment(30);
      problems.push(...auditTree(list));
      const closed = oneEvent(dialog, 'close');
      dialog.close();
      await closed;
      await list.updateComplete;
    }
  }
}

async function renderAndAudit(what: string, elements: HTMLElement[]) {
  installTrap();
  const root = stage(...elements);
  try {
    await settled(root, `${what}: did not finish loading`);
    const problems: string[] = [];
    await openEverything(root, problems);
    await settled(root, `${what}: did not finish loading after opening everything`);
    await aMoment();
    const errors = deepQueryAll(root, '[part~=error]').map((e) => e.textContent?.trim());
    expect(errors, `${what}: valid hostile answers must render, not fail`).to.deep.equal([]);
    problems.push(...audit(root));
    expect(problems.slice(0, 25), `${what}: ${problems.length} problems`).to.deep.equal([]);
  } finally {
    root.remove();
  }
}

const clearDrafts = () => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('sharek:')) localStorage.removeItem(key);
};

// ------------------------------------------------------------------ the tests

/** The browser's own sanitiser, kept to put back after the fallback's run. */
const nativeSetHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'setHTML');

// Every test twice: with the browser's HTML Sanitizer API, and as on a browser without it
// (`setHTML` removed), where sanitize.ts loads DOMPurify from its own chunk.
for (const path of ['native', 'dompurify'] as const) {
describe(`hostile input (${path === 'native' ? "the browser's sanitiser" : 'DOMPurify, no setHTML'}): XSS payloads and naughty strings in every field`, function () {
  this.timeout(120_000);

  before(async () => {
    if (path === 'dompurify') delete (Element.prototype as Partial<{ setHTML: unknown }>).setHTML;
    payloads = (await (await fetch('/hostile-api/payloads.json')).json()) as Payloads;
    all = [...payloads.blns, ...payloads.xss];
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
  });

  after(() => {
    if (nativeSetHTML) Object.defineProperty(Element.prototype, 'setHTML', nativeSetHTML);
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    for (const [k, f] of originals) w[k] = f;
    clearDrafts();
  });

  beforeEach(() => {
    calls.length = 0;
    uncaught.length = 0;
    installTrap();
  });

  it(`sanitises on the ${path} path`, () => {
    // The native path is only tested where the browser has the API (Chromium here does); the fallback, with it removed.
    expect(typeof (Element.prototype as Partial<{ setHTML: unknown }>).setHTML).to.equal(path === 'native' ? 'function' : 'undefined');
  });

  it('has the whole Big List of Naughty Strings and at least 100 XSS vectors, each calling the trap', () => {
    expect(payloads.blns.length).to.be.greaterThan(400);
    expect(payloads.xss.length).to.be.at.least(100);
    expect(payloads.xss.filter((v) => v.includes(H.TRAP)).length).to.be.at.least(100);
  });

  it('(control) catches what an unsanitised render would do: the trap fires and the audit finds handlers, tags and script URLs', async () => {
    // The vectors straight into a shadow root, as a careless element would put them (minus the few that act on the whole page).
    const host = document.createElement('div');
    const page = /http-equiv|<base|<meta|<portal|<link|<frameset|<body/i;
    host.attachShadow({ mode: 'open' }).innerHTML = `<a part="portal-link" href="javascript:void 0">x</a>
      <div class="rich">${payloads.xss.filter((v) => !page.test(v)).join('\n')}</div>`;
    document.body.append(host);
    try {
      await waitUntil(() => calls.length >= 10, `only ${calls.length} vectors called the trap`, { timeout: 5000 });
      const problems = audit(host);
      for (const kind of ['script ran', 'event handler', 'portal HTML kept <img>', 'portal HTML kept <svg>', 'href="javascript:', 'URL field rendered', 'srcdoc']) {
        expect(problems.some((p) => p.includes(kind)), `the audit reports "${kind}"`).to.equal(true);
      }
    } finally {
      host.remove();
      calls.length = 0;
      uncaught.length = 0;
    }
  });

  it('from the hostile portal: every element, with all the payloads of a batch at once', async () => {
    for (let i = 0; i < batchCount(); i++) {
      const api = apiOf(i);
      const base = { api, lang: i % 2 ? 'ar' : 'en' };
      // The card holds the polls, the form (with the policy) and a comment list; the decision
      // stands alone, so that it asks for the consultation itself (for its article links).
      await renderAndAudit(`batch ${i}, wide`, [
        make('sharek-consultation', { ...base, consultation: 'wide-open' }),
        make('sharek-comments', { ...base, consultation: 'wide-open' }),
        make('sharek-decision', { ...base, consultation: 'wide-decided' }),
        make('sharek-consultations', base),
      ]);
      clearDrafts();
    }
  });

  it('from data properties: every element, wide; and one decision per payload (narrow)', async () => {
    for (let i = 0; i < batchCount(); i++) {
      const api = apiOf(i);
      const items = itemsOf(i);
      const b = H.wide(items);
      const open = H.consultation(b, 'wide-open', 'open', []);
      const decided = H.consultation(b, 'wide-decided', 'decided', []);
      const base = { api, lang: i % 2 ? 'en' : 'ar' };
      // The card's inner form and list still ask the (hostile) portal for the policy and the comments.
      await renderAndAudit(`batch ${i}, wide, data`, [
        make('sharek-consultation', base, { data: open }),
        make('sharek-comments', { ...base, consultation: 'wide-open' }, { data: H.comments(b), policy: H.policy(b), sections: open.sections }),
        ...H.POLL_IDS.map((id) => make('sharek-poll', base, { data: H.poll(b, id) })),
        make('sharek-decision', { ...base, consultation: 'wide-decided' }, { data: H.decision(b, 'wide-decided'), consultationData: decided }),
        make('sharek-consultations', base, { data: H.consultationPage(b) }),
      ]);
      // A decision's summary is one HTML field: here each payload is parsed alone, not after another's unclosed tag.
      await renderAndAudit(
        `batch ${i}, narrow, data`,
        items.map((p, k) => make('sharek-decision', base, { data: H.decision(H.narrow(p), `n${k}`), consultationData: H.narrowConsultation(p, `n${k}`) })),
      );
    }
  });

  it('shows plain-text fields exactly as sent, as text', async () => {
    const items = itemsOf(0);
    const b = H.wide(items);
    const list = make('sharek-comments', { lang: 'en', api: apiOf(0) }, { data: H.comments(b), policy: H.policy(b) });
    const card = make('sharek-consultation', { lang: 'en', api: apiOf(0), consultation: 'wide-upcoming' });
    const root = stage(list, card);
    try {
      await settled(root);
      const bodies = [...list.shadowRoot!.querySelectorAll('[part~=body]')].map((e) => e.textContent);
      expect(bodies).to.deep.equal(items);
      expect(card.shadowRoot!.querySelector('[part~=title]')!.textContent).to.equal(b.joined);
      const titles = [...card.shadowRoot!.querySelectorAll('[part~=documents] a')].map((e) => e.textContent);
      expect(titles).to.deep.equal(items);
    } finally {
      root.remove();
    }
  });

  describe('URL fields', () => {
    const errors: string[] = [];
    const original = console.error;
    beforeEach(() => {
      errors.length = 0;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    });
    afterEach(() => (console.error = original));

    for (const field of Object.keys(H.URL_FIELDS) as H.UrlField[]) {
      const onDecision = H.URL_FIELDS[field].answer === 'decision';
      const tag = onDecision ? 'sharek-decision' : 'sharek-consultation';

      it(`${field} from the portal: a URL that is not http(s) is refused (error state with a retry); an http(s) one is rendered as an http(s) link`, async () => {
        const urls = payloads.urls;
        const els = urls.map((_, j) => make(tag, { lang: 'en', api: `/hostile-api/url/${encodeURIComponent(field)}/${j}`, consultation: `u${j}` }));
        const root = stage(...els);
        try {
          await settled(root);
          await aMoment(20);
          urls.forEach(({ url, refused }, j) => {
            const el = els[j]!;
            const what = `${field} = ${JSON.stringify(url).slice(0, 80)}`;
            const error = el.shadowRoot!.querySelector('[part~=error]');
            const route = onDecision ? `GET /v1/consultations/u${j}/decision` : `GET /v1/consultations/u${j}`;
            const logged = errors.filter((e) => e.includes(`${route}:`));
            if (refused) {
              expect(error, `${what}: no error state`).to.exist;
              expect(error!.querySelector('[part~=retry]'), `${what}: no retry`).to.exist;
              expect(logged, `${what}: console`).to.have.length(1);
              expect(logged[0]).to.match(/^\[sharek\] /);
              expect(logged[0]).to.contain(`invalid answer at field "${field}"`);
            } else {
              expect(error, `${what}: an http(s) URL must render`).to.equal(null);
              expect(logged, `${what}: console`).to.deep.equal([]);
              const link = field === 'agency.url' ? 'a[part~=agency]' : field === 'documents[0].url' ? '[part~=documents] a' : field === 'impactAssessmentUrl' ? '[part~=impact] a' : field === 'portalUrl' ? 'a[part~=portal-link]' : field === 'documentUrl' ? 'a[part~=document]' : '';
              if (link) expect(el.shadowRoot!.querySelector(link)!.getAttribute('href'), what).to.equal(url.trim());
            }
          });
          expectClean(root, field);
        } finally {
          root.remove();
        }
      });

      it(`${field} from data: never rendered as a link unless it is http(s)`, async () => {
        const plain = H.wide(['A consultation with a URL under test']);
        const c = H.consultation(plain, 'u', 'upcoming', []);
        const els = payloads.urls.map(({ url }) =>
          onDecision
            ? make(tag, { lang: 'en' }, { data: H.withUrl(H.decision(plain, 'u'), field, url), consultationData: c })
            : make(tag, { lang: 'en', api: '/hostile-api/url/portalUrl/0' }, { data: H.withUrl(c, field, url) }),
        );
        const root = stage(...els);
        try {
          await settled(root);
          await aMoment(20);
          expectClean(root, field);
          payloads.urls.forEach(({ url, refused }, j) => {
            const hrefs = deepQueryAll(els[j]!, URL_FIELD_LINKS)
              .map((a) => a.getAttribute('href'))
              .filter((h) => h !== null);
            // Refused by the schema, yet maybe an absolute http(s) URL to the browser (`https:/one-slash.example`): that may be a link.
            let absoluteHttp = false;
            try {
              absoluteHttp = ['http:', 'https:'].includes(new URL(url).protocol);
            } catch {
              /* relative or unparsable: never a link */
            }
            if (refused && !absoluteHttp) expect(hrefs, `${JSON.stringify(url)} was rendered as a link`).not.to.include(url);
          });
        } finally {
          root.remove();
        }
      });
    }
  });
});
}
