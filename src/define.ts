/**
 * Registers every Sharek element at once, for bundlers and CMS plugins that
 * import the classes (the single-file script loads each on demand instead,
 * see registry.ts). Calling it twice, or loading the script twice, does no
 * harm: a name already taken is left alone. A CMS that prefixes everything can
 * register the same classes under its own names.
 *
 * The agency's console is not among them, so a citizens' bundle never holds
 * it: an admin page registers it itself,
 * `defineAs('sharek-moderation', SharekModeration)` (both exported by the package).
 */
import { SharekCommentForm } from './comment-form/comment-form.js';
import { SharekConsultation } from './consultation/consultation.js';
import { SharekComments } from './comments/comments.js';
import { SharekPoll } from './poll/poll.js';
import { SharekDecision } from './decision/decision.js';
import { SharekConsultations } from './consultations/consultations.js';
import { defineAs } from './registry.js';

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

export function define({ prefix = 'sharek' }: DefineOptions = {}): void {
  for (const [name, element] of Object.entries(elements)) defineAs(`${prefix}-${name}`, element);
}
