/**
 * Registers Sharek's elements. Calling it twice, or loading the script twice,
 * does no harm: a name already taken is left alone. A CMS that prefixes
 * everything can register the same classes under its own names.
 */
import { SharekConsultation } from './consultation/consultation.js';

export const elements = {
  consultation: SharekConsultation,
} as const;

export interface DefineOptions {
  /** Prefix for the tag names; `sharek` gives `sharek-consultation`. */
  prefix?: string;
}

export function define({ prefix = 'sharek' }: DefineOptions = {}): void {
  for (const [name, element] of Object.entries(elements)) {
    const tag = `${prefix}-${name}`;
    if (customElements.get(tag)) continue;
    // A class can be registered once per registry: a second prefix gets a subclass.
    const taken = customElements.getName?.(element);
    customElements.define(tag, taken ? class extends element {} : element);
  }
}
