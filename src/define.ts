/**
 * Registers Sharek's elements. Calling it twice, or loading the script twice,
 * does no harm: a name already taken is left alone. A CMS that prefixes
 * everything can register the same classes under its own names.
 */
import type { SharekElement } from './shared/base.js';
import { SharekCommentForm } from './comment-form/comment-form.js';
import { SharekConsultation } from './consultation/consultation.js';
import { SharekComments } from './comments/comments.js';
import { SharekPoll } from './poll/poll.js';
import { SharekDecision } from './decision/decision.js';
import { SharekConsultations } from './consultations/consultations.js';

export const elements = {
  consultation: SharekConsultation,
  comments: SharekComments,
  'comment-form': SharekCommentForm,
  poll: SharekPoll,
  decision: SharekDecision,
  consultations: SharekConsultations,
} as const;

export interface DefineOptions {
  /** Prefix for the tag names; `sharek` gives `sharek-consultation`. */
  prefix?: string;
}

/** The classes this module has registered under some name. */
const registered = new WeakSet<CustomElementConstructor>();

export function define({ prefix = 'sharek' }: DefineOptions = {}): void {
  for (const [name, element] of Object.entries(elements)) {
    const tag = `${prefix}-${name}`;
    if (customElements.get(tag)) continue;
    // A class can be registered once per registry: a second prefix gets a subclass.
    // (Browsers before customElements.getName, e.g. Safari 16, rely on what this module registered.)
    const taken = customElements.getName ? customElements.getName(element) : registered.has(element);
    const base = element as typeof SharekElement;
    customElements.define(tag, taken ? class extends base {} : base);
    registered.add(element);
  }
}
