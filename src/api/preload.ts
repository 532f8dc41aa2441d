/**
 * The card's first request, started by the script the moment it runs, before
 * the card's own code has arrived: the client takes the answer instead of
 * asking again (see PortalClient.send). Only the consultation of a card
 * already in the page is asked for, with the same request the client makes.
 */
const early = new Map<string, Promise<Response>>();

/** The request the client makes for a read: JSON, no cookies, CORS. */
export const READ_INIT: RequestInit = { headers: { Accept: 'application/json' }, credentials: 'omit', mode: 'cors' };

/** The page-wide default base URL: `<meta name="sharek-api" content="…">`. */
export function pageApi(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="sharek-api"]')?.content || undefined;
}

/** A base URL as one client knows it: absolute (against the page), without a trailing slash. */
export const absoluteBase = (base: string) => new URL(base, document.baseURI).href.replace(/\/+$/, '');

/** The portal's API base as a top-level element finds it: its `api`, else the page's. */
function apiBaseOf(el: Element): string | undefined {
  const base = el.getAttribute('api') || pageApi();
  return base ? absoluteBase(base) : undefined;
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
