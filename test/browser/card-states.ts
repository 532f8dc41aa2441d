/**
 * The consultation card in each state a reader meets, for the tests that
 * check every state (outline.test.ts, second-engine.test.ts): loading, unable
 * to load, empty, filled, just commented on, closed, decided. Filled, closed
 * and decided are the reference portal's seeded consultations; the others
 * answer some requests here.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import './register.js';
import { settled } from './deep-dom.js';
import { spyFetch } from './helpers.js';
import { consultation } from './fixtures.js';
import type { Consultation } from '../../src/api/schemas.js';
import type { SharekConsultation } from '../../src/consultation/consultation.js';

export type Lang = 'ar' | 'en';

export function mountCard(lang: Lang, attrs: { consultation?: string; data?: Consultation; headingLevel?: number }) {
  return fixture<SharekConsultation>(
    html`<sharek-consultation
      lang=${lang}
      api="/api"
      consultation=${attrs.consultation ?? ''}
      heading-level=${attrs.headingLevel ?? 2}
      .data=${attrs.data}
    ></sharek-consultation>`,
  );
}

/** Waits for the card, its parts and everything they load. */
export async function loaded(el: SharekConsultation) {
  await waitUntil(() => el.shadowRoot?.querySelector('[part~=title], [part~=error]'), 'the card did not load', { timeout: 20_000 });
  await el.updateComplete;
  await settled(el, 'the card’s parts did not finish loading', 30_000);
}

/** The title of a seeded consultation, as the reader sees it. */
export async function seededTitle(id: string, lang: Lang): Promise<string> {
  const res = await fetch(`/api/v1/consultations/${id}`);
  return ((await res.json()) as Consultation).title[lang]!;
}

export const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

/** Writes a comment in the card's form and sends it; resolves once the thanks show. */
export async function sendComment(el: SharekConsultation) {
  const form = el.shadowRoot!.querySelector('[part~=participate] > :first-child')! as HTMLElement & { updateComplete: Promise<unknown> };
  const inner = (s: string) => form.shadowRoot!.querySelector<HTMLElement>(s)!;
  const body = inner('#body') as HTMLTextAreaElement;
  body.value = 'The definitions should include accessibility.';
  body.dispatchEvent(new Event('input'));
  inner('#as-academia').click();
  inner('#policy').click();
  await form.updateComplete;
  inner('[part~=submit]').click();
  await waitUntil(() => form.shadowRoot!.querySelector('[part~=confirmation]'), 'no confirmation', { timeout: 10_000 });
}

export interface ShownCard {
  el: SharekConsultation;
  /** The consultation's title, once the card shows it. */
  title?: string;
  /** Puts back what the state replaced (call in a `finally`). */
  restore: () => void;
}

/** A card fixture whose comments are none and whose new comment the portal (here) accepts for moderation. */
function withoutComments(data: Consultation) {
  return spyFetch((url, init) => {
    if (!url.includes(`/v1/consultations/${data.id}/comments`)) return undefined;
    return init.method === 'POST' ? json({ id: 'new-comment', status: 'pending' }, 201) : json({ items: [], nextCursor: null });
  });
}

let unique = 0;

export const CARD_STATES: Record<string, (lang: Lang) => Promise<ShownCard>> = {
  async loading(lang) {
    // An id of its own: the client shares requests for one address, and this one never ends.
    const id = `still-loading-${++unique}`;
    const spy = spyFetch((url) => (url.includes(`/v1/consultations/${id}`) ? new Promise<Response>(() => {}) : undefined));
    const el = await mountCard(lang, { consultation: id });
    await waitUntil(() => el.shadowRoot?.querySelector('[part~=loading]'), 'no loading state');
    return { el, restore: spy.restore };
  },
  async 'unable to load'(lang) {
    const id = `out-of-reach-${++unique}`;
    const spy = spyFetch((url) => (url.includes(`/v1/consultations/${id}`) ? Promise.reject(new TypeError('Failed to fetch')) : undefined));
    const el = await mountCard(lang, { consultation: id });
    await waitUntil(() => el.shadowRoot?.querySelector('[part~=error]'), 'no error state', { timeout: 10_000 });
    return { el, restore: spy.restore };
  },
  async empty(lang) {
    const data = consultation('open');
    const spy = withoutComments(data);
    const el = await mountCard(lang, { data });
    await loaded(el);
    return { el, title: data.title[lang], restore: spy.restore };
  },
  async filled(lang) {
    const el = await mountCard(lang, { consultation: 'e-participation-instructions' });
    await loaded(el);
    return { el, title: await seededTitle('e-participation-instructions', lang), restore: () => {} };
  },
  async 'comment sent'(lang) {
    const data = consultation('open');
    const spy = withoutComments(data);
    const el = await mountCard(lang, { data });
    await loaded(el);
    await sendComment(el);
    return { el, title: data.title[lang], restore: spy.restore };
  },
  async closed(lang) {
    const el = await mountCard(lang, { consultation: 'plastic-bags-reduction-regulation' });
    await loaded(el);
    return { el, title: await seededTitle('plastic-bags-reduction-regulation', lang), restore: () => {} };
  },
  async decided(lang) {
    const el = await mountCard(lang, { consultation: 'open-data-policy-2024' });
    await loaded(el);
    return { el, title: await seededTitle('open-data-policy-2024', lang), restore: () => {} };
  },
};
