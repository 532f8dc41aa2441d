/** Looking into every shadow root at once, and waiting for a tree of Sharek elements to settle. */
import { waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';

/** Every element under `root`, in light DOM and in every open shadow root, recursively. */
export function deepElements(root: Node): Element[] {
  const out: Element[] = [];
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child instanceof Element) {
        out.push(child);
        if (child.shadowRoot) visit(child.shadowRoot);
      }
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

export const deepQueryAll = <T extends Element = HTMLElement>(root: Node, selector: string) =>
  deepElements(root).filter((el) => el.matches(selector)) as T[];

/** Placeholders the elements show while something is loading. */
const LOADING = '[part~=loading], p.loading, p.hint[role=status], [aria-busy=true]';

/** True once every Sharek element under `root` has rendered and none shows a loading placeholder (stops at the first that has not). */
export function isSettled(root: Node): boolean {
  const busy = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child instanceof Element) {
        // A custom element still waiting for its code (the script loads each on demand), or any Lit
        // element (sharek-* or another prefix) that has not rendered yet.
        if (child.localName.includes('-') && child.matches(':not(:defined)')) return true;
        if ('hasUpdated' in child && !(child as LitElement).hasUpdated) return true;
        if (child.matches(LOADING)) return true;
        if (child.shadowRoot && busy(child.shadowRoot)) return true;
      }
      if (busy(child)) return true;
    }
    return false;
  };
  return !(root instanceof Element && root.shadowRoot && busy(root.shadowRoot)) && !busy(root);
}

/** Waits until `root` is settled (polling a cheap check, not a fixed sleep). */
export function settled(root: Node, message = 'the elements did not finish loading', timeout = 20_000) {
  return waitUntil(() => isSettled(root), message, { interval: 20, timeout });
}

/** A macrotask and two frames: long enough for anything the last render started (an image error, a toggle) to fire. */
export async function aMoment(ms = 100) {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => setTimeout(r, ms));
}
