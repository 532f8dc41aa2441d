/**
 * The tag name of the decision preview, `<prefix>-decision` under the
 * console's own prefix (`cms-decision` inside `cms-moderation`), as a static
 * value for its template. A registered prefix only ever makes valid names.
 */
import { unsafeStatic, type StaticValue } from 'lit/static-html.js';

const tags = new Map<string, StaticValue>();

export function decisionTag(prefix: string): StaticValue {
  let tag = tags.get(prefix);
  if (!tag) tags.set(prefix, (tag = unsafeStatic(`${prefix}-decision`)));
  return tag;
}
