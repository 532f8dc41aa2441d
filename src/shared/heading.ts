/**
 * The one heading-level rule. Every element that renders a heading takes
 * `heading-level`: the level of its top heading, 2 to 6 (the page keeps its
 * `<h1>`), 2 by default, so it fits the host page's outline; the headings
 * inside it go one level below, never past 6.
 *
 * Lit binds no tag names, so the tag is a static value for `html` from
 * `lit/static-html.js`:
 *
 *   const h = headingTag(this.headingLevel);
 *   html`<${h} part="heading">…</${h}>`
 */
import { literal, type StaticValue } from 'lit/static-html.js';

/** `heading-level` when the page does not set it (or sets something that is not a number). */
export const DEFAULT_HEADING_LEVEL = 2;

const TAGS = [literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** The level of an element's heading `below` levels under its top one (0: the top heading itself). */
export function headingLevel(level: number, below = 0): number {
  return clamp(clamp(level) + below);
}

/** The tag for that heading. */
export function headingTag(level: number, below = 0): StaticValue {
  return TAGS[headingLevel(level, below) - 2]!;
}

/** The level within 2–6; the default for anything that is not a number (an attribute can be any string). */
function clamp(level: number): number {
  const n = Math.trunc(Number(level));
  return Number.isFinite(n) ? Math.min(6, Math.max(2, n)) : DEFAULT_HEADING_LEVEL;
}
