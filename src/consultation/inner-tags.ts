/**
 * The tag names of the elements the card shows inside it, as static values
 * for its templates, under the card's own prefix (`cms-poll` inside
 * `cms-consultation`).
 */
import { unsafeStatic, type StaticValue } from 'lit/static-html.js';

export type InnerTags = Record<'decision' | 'poll' | 'form' | 'comments', StaticValue>;
const tagsByPrefix = new Map<string, InnerTags>();

/** Tag names for static templates; a registered prefix only ever makes valid element names. */
export function innerTags(prefix: string): InnerTags {
  let tags = tagsByPrefix.get(prefix);
  if (!tags) {
    const tag = (name: string) => unsafeStatic(`${prefix}-${name}`);
    tags = { decision: tag('decision'), poll: tag('poll'), form: tag('comment-form'), comments: tag('comments') };
    tagsByPrefix.set(prefix, tags);
  }
  return tags;
}
