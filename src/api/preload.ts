/**
 * The card's first request, started by the script the moment it runs, before
 * the card's own code has arrived: the client takes the answer instead of
 * asking again (see PortalClient.send). Only the consultation of a card
 * already in the page is asked for, with the same request the client makes.
 */
const early = new Map<string, Promise<Response>>();

/** The request the client makes for a read: JSON, no cookies, CORS. */
export const READ_INIT: RequestInit = { headers: { Accept: 'application/json' }, credentials: 'omit', mode: 'cors' };

/** The portal's API base as the elements find it: the element's `api`, else `<meta name="sharek-api">`; absolute, without a trailing slash. */
export function apiBaseOf(el: Element): string | undefined {
  const base = el.getAttribute('api') || document.querySelector<HTMLMetaElement>('meta[name="sharek-api"]')?.content;
  return base ? new URL(base, document.baseURI).href.replace(/\/+$/, '') : undefined;
}

/** Starts the request of every `tag` card in the page that names its consultation. */
export function preloadConsultations(tag: string): void {
  for (const card of document.querySelectorAll(tag)) {
    const id = card.getAttribute('consultation');
    const base = apiBaseOf(card);
    if (!id || !base) continue;
    const url = `${base}/v1/consultations/${encodeURIComponent(id)}`;
    if (early.has(url)) continue;
    const answer = fetch(url, READ_INIT);
    answer.catch(() => undefined); // a failure is the client's to report, when it takes the answer
    early.set(url, answer);
  }
}

/** The answer started early for `url`, once; undefined when there is none. */
export function takeEarly(url: string): Promise<Response> | undefined {
  const answer = early.get(url);
  early.delete(url);
  return answer;
}
