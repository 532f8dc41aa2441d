/**
 * Where each element's code is, and registering it when it is first needed
 * (the autoloader pattern of Shoelace and Web Awesome). The single-file
 * script (`sharek.js`) watches the page for its tags and loads an element's
 * chunk only when one is in the page; the card asks for the elements it shows
 * inside it (polls, form, comments, decision) only when it renders them.
 * A bundler that imports `define.js` registers every class at once instead.
 */
export const ELEMENT_NAMES = ['consultation', 'consultations', 'comments', 'comment-form', 'poll', 'decision', 'moderation'] as const;
export type ElementName = (typeof ELEMENT_NAMES)[number];

/** Each element's module, loaded on demand (a chunk of its own in the single-file build). */
const modules: Record<ElementName, () => Promise<CustomElementConstructor>> = {
  consultation: () => import('./consultation/consultation.js').then((m) => m.SharekConsultation),
  consultations: () => import('./consultations/consultations.js').then((m) => m.SharekConsultations),
  comments: () => import('./comments/comments.js').then((m) => m.SharekComments),
  'comment-form': () => import('./comment-form/comment-form.js').then((m) => m.SharekCommentForm),
  poll: () => import('./poll/poll.js').then((m) => m.SharekPoll),
  decision: () => import('./decision/decision.js').then((m) => m.SharekDecision),
  // The agency's console: loaded only on a page that has its tag, never on citizens' pages.
  moderation: () => import('./moderation/moderation.js').then((m) => m.SharekModeration),
};

/** The classes this module has registered under some name. */
const registered = new WeakSet<CustomElementConstructor>();

/**
 * Registers `element` as `tag` unless the name is taken (a second copy of the
 * script, a second call: no harm). A class can be registered once per
 * registry, so a second name gets a subclass. (Browsers before
 * customElements.getName, e.g. Safari 16, rely on what this module registered.)
 */
export function defineAs(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  const taken = customElements.getName ? customElements.getName(element) : registered.has(element);
  customElements.define(tag, taken ? class extends (element as typeof HTMLElement) {} : element);
  registered.add(element);
}

/** `cms-comment-form` → `['cms', 'comment-form']`; null for a tag that is no Sharek element. */
export function splitTag(tag: string): [prefix: string, name: ElementName] | null {
  // No name is the end of another after a dash, so the first match is the one.
  const name = ELEMENT_NAMES.find((n) => tag.endsWith(`-${n}`) && tag.length > n.length + 1);
  return name ? [tag.slice(0, -name.length - 1), name] : null;
}

const loading = new Map<string, Promise<void>>();

/** Loads and registers the element for `tag` (e.g. `sharek-poll`), once; resolves when it is defined. */
export function ensureDefined(tag: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    const parts = splitTag(tag);
    if (!parts) return Promise.reject(new Error(`[sharek] ${tag} is not a Sharek element`));
    pending = modules[parts[1]]().then((element) => defineAs(tag, element));
    loading.set(tag, pending);
  }
  return pending;
}

/** The prefixes being loaded on demand, and the observer that finds their tags. */
const prefixes = new Set<string>();
let observer: MutationObserver | undefined;

/** Loads the elements of `root` (and below) whose tags have a watched prefix and are not defined yet. */
function loadUndefinedIn(root: ParentNode): void {
  const found = root instanceof Element ? [root, ...root.querySelectorAll(':not(:defined)')] : [...root.querySelectorAll(':not(:defined)')];
  for (const el of found) {
    const parts = el.localName.includes('-') ? splitTag(el.localName) : null;
    if (parts && prefixes.has(parts[0]) && !customElements.get(el.localName)) {
      ensureDefined(el.localName).catch((error: unknown) => console.error(`[sharek] could not load ${el.localName}:`, error));
    }
  }
}

/**
 * Registers Sharek's elements under `prefix` on demand: each is loaded when a
 * tag of it is in the document (now or later). Elements inside other shadow
 * roots are not seen: define those with `ensureDefined` or import `define.js`.
 */
export function autoload(prefix = 'sharek'): void {
  prefixes.add(prefix);
  loadUndefinedIn(document);
  if (observer) return;
  observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) loadUndefinedIn(node);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
