// What the element tests share: reading an element's shadow DOM as a reader
// sees it, and watching (and, when a test wants, answering) its requests.

export const shadow = (el: Element) => el.shadowRoot!;

/** The first match in `el`'s shadow root, or null. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);

/** Every match in `el`'s shadow root. */
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...shadow(el).querySelectorAll<T>(selector)];

/** Text as a reader sees it: white space folded, trimmed; '' for none. */
export const clean = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() ?? '';

/** The text of the first match in `el`'s shadow root ('' when there is none). */
export const text = (el: Element, selector: string) => clean($(el, selector)?.textContent);

export interface FetchCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  init: RequestInit;
}

/**
 * Replaces window.fetch for one test and records every request; `answer`
 * answers the ones it wants (a promise of a Response, or a rejection for a
 * network failure), the rest go to the real portal. Call `restore()` in a `finally`.
 */
export function spyFetch(answer?: (url: string, init: RequestInit) => Promise<Response> | undefined) {
  const original = window.fetch;
  const calls: FetchCall[] = [];
  window.fetch = (input, init = {}) => {
    const url = String(input);
    calls.push({ url, method: init.method ?? 'GET', headers: (init.headers ?? {}) as Record<string, string>, body: init.body as string | undefined, init });
    return answer?.(url, init) ?? original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}
