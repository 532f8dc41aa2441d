/**
 * The script a webmaster loads (`dist/sharek.js`): small, it registers
 * Sharek's element names and loads each element's code, from the chunks beside
 * it, only when that element is in the page (see registry.ts). It starts each
 * card's consultation request at once, before the card's code has arrived,
 * and the Arabic messages when the page has Arabic elements.
 *
 * `define({ prefix })` registers the same elements under another prefix, also
 * on demand. For the classes themselves, import the package (`sharek`).
 */
import { preloadConsultations } from './api/preload.js';
import { autoload, ELEMENT_NAMES, type ElementName } from './registry.js';
import { loadLocale, toLocale } from './shared/localize.js';

export interface DefineOptions {
  /** Prefix for the tag names; `sharek` gives `sharek-consultation`. */
  prefix?: string;
}

/** Registers the elements under `prefix`, each loaded when the page has one. */
export function define({ prefix = 'sharek' }: DefineOptions = {}): void {
  const tags = ELEMENT_NAMES.map((n) => `${prefix}-${n}`).join(',');
  // The messages of every language the page's elements speak, with their code, not after it.
  for (const el of document.querySelectorAll(tags)) {
    void loadLocale(toLocale(el.closest('[lang]')?.getAttribute('lang')), el.localName.slice(prefix.length + 1) as ElementName).catch(() => undefined);
  }
  preloadConsultations(`${prefix}-consultation`);
  autoload(prefix);
}

define();
