// Malformed answers (issue 6): for each read route the elements use, a few
// hundred answers mutated deterministically from a valid one (test/browser/mutations.ts).
// For each: no uncaught exception; an answer the contract refuses gives the
// element's error state with a retry, and exactly one console message naming
// the route (and, for a schema failure, the field); an answer the contract
// accepts (an extra field zod strips, a missing optional one…) renders normally
// and logs nothing. Served by a fetch override in the page, one case at a time.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import './register.js';
import * as S from '../../src/api/schemas.js';
import type { CommentPage, Consultation, ConsultationPage, Decision, Poll, UsagePolicy } from '../../src/api/schemas.js';
import { consultation } from './fixtures.js';
import { isSettled } from './deep-dom.js';
import { malformedCases, responseOf, type Answer, type Case } from './mutations.js';

const API = '/malformed-api';
const COUNT = 260;

const day = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * day).toISOString();

// ------------------------------------------------------------ valid answers

const validConsultation = (): Consultation => ({ ...consultation('open'), pollIds: ['poll-1'] });

const validList = (): ConsultationPage => {
  const open = consultation('open');
  const decided = consultation('decided', { id: 'decided-one' });
  const summary = (c: Consultation) => ({
    id: c.id,
    title: c.title,
    agency: c.agency,
    kind: c.kind,
    status: c.status,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    participation: c.participation,
    portalUrl: c.portalUrl,
  });
  return { items: [summary(open), summary(decided)], nextCursor: 'next-page' };
};

const validComments = (): CommentPage => ({
  items: [
    {
      id: 'c-2',
      sectionId: 'art-1',
      body: 'On the definitions.',
      author: { displayName: 'Sami', stakeholderType: 'individual' },
      createdAt: at(-1),
      reply: { body: 'Thank you.', createdAt: at(-0.5) },
    },
    { id: 'c-1', body: 'On the whole draft.', author: { stakeholderType: 'academia' }, createdAt: at(-2) },
  ],
  nextCursor: 'next-page',
});

const validPoll = (): Poll => ({
  id: 'poll-1',
  question: { ar: 'أي قناة تفضل؟', en: 'Which channel do you prefer?' },
  options: [
    { id: 'opt-a', label: { ar: 'البوابة', en: 'The portal' } },
    { id: 'opt-b', label: { ar: 'التطبيق', en: 'The app' } },
  ],
  maxChoices: 2,
  opensAt: at(-5),
  closesAt: at(5),
  status: 'open',
  resultsVisibility: 'always',
  results: { totalVoters: 10, counts: { 'opt-a': 6, 'opt-b': 7 } },
});

const validDecision = (id = 'fixture-consultation'): Decision => ({
  consultationId: id,
  publishedAt: at(-1),
  outcome: 'amended',
  summary: { ar: '<p>ملخص</p>', en: '<p>Summary</p>' },
  changes: [{ sectionId: 'art-1', description: { ar: 'تغيير', en: 'A change' } }, { description: { en: 'Another' } }],
  feedback: { comments: 12, participants: 3, byStakeholderType: { individual: 8, academia: 4 } },
  responses: [{ theme: { en: 'Scope' }, response: { en: 'Narrowed.' } }],
  documentUrl: 'https://portal.example/final.pdf',
});

const validPolicy = (): UsagePolicy => ({
  version: '2024.1',
  updatedAt: at(-100),
  text: { ar: '<p>السياسة</p>', en: '<p>The policy</p>' },
  rules: [{ ar: 'كن مهذبا', en: 'Be polite' }],
  reportReasons: [
    { code: 'spam_or_advertising', label: { en: 'Spam' } },
    { code: 'other', label: { en: 'Other' } },
  ],
});

/** Valid answers for every request that is not the one under test (inner elements, retries). */
function validFor(path: string): unknown {
  if (path === '/v1/consultations') return validList();
  if (/\/v1\/consultations\/[^/]+\/comments$/.test(path)) return validComments();
  if (/\/v1\/consultations\/[^/]+\/decision$/.test(path)) return validDecision();
  if (/\/v1\/consultations\/[^/]+$/.test(path)) return validConsultation();
  if (/\/v1\/polls\/[^/]+$/.test(path)) return validPoll();
  if (path.endsWith('/v1/policy')) return validPolicy();
  return undefined;
}

// --------------------------------------------------------------- the fake portal

/** The request under test (path without query) and what it answers. */
let current: { path: string; answer: Answer } | undefined;
const realFetch = window.fetch;
function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(String(input instanceof Request ? input.url : input), location.href);
  if (!url.pathname.startsWith(`${API}/`)) return realFetch(input, init);
  const path = url.pathname.slice(API.length);
  if (current && path === current.path) return Promise.resolve(responseOf(current.answer));
  const valid = validFor(path);
  if (valid === undefined) return Promise.resolve(new Response('{"type":"about:blank","title":"Not Found","status":404}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } }));
  return Promise.resolve(new Response(JSON.stringify(valid), { status: 200, headers: { 'Content-Type': 'application/json' } }));
}

// ------------------------------------------------------------ what happened

const logged: string[] = [];
const uncaught: string[] = [];
const realError = console.error;
const onError = (e: ErrorEvent) => uncaught.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(`unhandled rejection: ${String(e.reason)}`);

// --------------------------------------------------------------- the routes

interface Route {
  name: string;
  /** The request under test, for element number `n` (path without the API base and query). */
  path(n: number): string;
  /** As the console message names it. */
  request(n: number): string;
  valid: unknown;
  schema: { safeParse(v: unknown): { success: boolean } };
  make(n: number): HTMLElement;
  /** The element's error state (the one for this route). */
  error(el: HTMLElement): Element | null;
  /** Rendered normally. */
  loaded(el: HTMLElement): boolean;
  notFoundIsPending?: boolean;
  seed: number;
}

const make = (tag: string, attrs: Record<string, string>, props: Record<string, unknown> = {}) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries({ lang: 'en', api: API, ...attrs })) el.setAttribute(k, v);
  return Object.assign(el, props);
};
const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector);

const routes: Route[] = [
  {
    name: 'GET /v1/consultations/{id} (the card)',
    path: (n) => `/v1/consultations/m${n}`,
    request: (n) => `GET /v1/consultations/m${n}`,
    valid: validConsultation(),
    schema: S.Consultation,
    make: (n) => make('sharek-consultation', { consultation: `m${n}` }),
    error: (el) => $(el, '[part~=error]'),
    loaded: (el) => !!$(el, '[part~=title]') && isSettled(el),
    seed: 1,
  },
  {
    name: 'GET /v1/consultations (the consultation list)',
    path: () => '/v1/consultations',
    request: () => 'GET /v1/consultations?limit=20',
    valid: validList(),
    schema: S.ConsultationPage,
    make: () => make('sharek-consultations', {}),
    error: (el) => $(el, '[part~=error]'),
    loaded: (el) => !!$(el, '[part~=list], [part~=empty]'),
    seed: 7,
  },
  {
    name: 'GET /v1/consultations/{id}/comments (the comment list)',
    path: (n) => `/v1/consultations/m${n}/comments`,
    request: (n) => `GET /v1/consultations/m${n}/comments?limit=20`,
    valid: validComments(),
    schema: S.CommentPage,
    make: (n) => make('sharek-comments', { consultation: `m${n}` }, { sections: consultation().sections }),
    error: (el) => $(el, '[part~=error]'),
    loaded: (el) => !!$(el, '[part~=list], [part~=empty]'),
    seed: 2,
  },
  {
    name: 'GET /v1/polls/{id} (the poll)',
    path: (n) => `/v1/polls/m${n}`,
    request: (n) => `GET /v1/polls/m${n}`,
    valid: validPoll(),
    schema: S.Poll,
    make: (n) => make('sharek-poll', { poll: `m${n}` }),
    error: (el) => $(el, '[part~=error]'),
    loaded: (el) => !!$(el, '[part~=status]'),
    seed: 3,
  },
  {
    name: 'GET /v1/consultations/{id}/decision (the decision)',
    path: (n) => `/v1/consultations/m${n}/decision`,
    request: (n) => `GET /v1/consultations/m${n}/decision`,
    valid: validDecision(),
    schema: S.Decision,
    make: (n) => make('sharek-decision', { consultation: `m${n}` }, { consultationData: consultation('closed') }),
    error: (el) => $(el, '[part~=error]'),
    loaded: (el) => !!$(el, '[part~=heading]'),
    notFoundIsPending: true,
    seed: 4,
  },
  {
    name: 'GET /v1/policy?version= (the comment form)',
    path: () => '/v1/policy',
    request: () => 'GET /v1/policy?version=2024.1',
    valid: validPolicy(),
    schema: S.UsagePolicy,
    make: (n) => make('sharek-comment-form', { consultation: `m${n}` }, { data: { ...consultation('open'), id: `m${n}` } }),
    error: (el) => $(el, '[part~=error]'),
    loaded: (el) => !!$(el, '[part~=policy]'),
    seed: 5,
  },
];

/** How the field the console names relates to the mutated path: the same, inside it, or around it. */
function related(field: string, path: string): boolean {
  if (field === path) return true;
  const inside = (a: string, b: string) => a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
  if (path === '(root)') return true; // everything is inside the root
  return field !== '(root)' && (inside(field, path) || inside(path, field));
}

let n = 0;

/** Renders one case, checks it, removes the element; returns what was wrong. */
async function check(route: Route, c: Case, tryAgain: boolean): Promise<string[]> {
  const id = ++n;
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${route.name}, ${c.name}: ${what}`);
  current = { path: route.path(id), answer: c.answer };
  const before = { logged: logged.length, uncaught: uncaught.length };
  const el = route.make(id);
  document.body.append(el);
  try {
    try {
      await waitUntil(() => route.error(el) || route.loaded(el), 'neither loaded nor failed', { interval: 2, timeout: 10_000 });
    } catch (e) {
      say(`${(e as Error).message}; shows "${el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 200)}"`);
      return problems;
    }
    // Anything the render set off (an inner element's load, a stray log) has its turn.
    await new Promise((r) => setTimeout(r));
    const logs = logged.slice(before.logged);
    const thrown = uncaught.slice(before.uncaught);
    if (thrown.length) say(`uncaught: ${thrown.join('; ')}`);
    if (c.expect === 'valid' || c.expect === 'pending') {
      if (route.error(el)) say(`shows an error for an answer the contract accepts: "${route.error(el)!.textContent!.trim()}"`);
      if (c.expect === 'pending' && !$(el, '[part~=pending]')) say('does not say the decision is pending');
      if (logs.length) say(`logged ${JSON.stringify(logs)}`);
      return problems;
    }
    const error = route.error(el);
    if (!error) return say('renders an answer the contract refuses'), problems;
    const retry = error.querySelector('button');
    if (!retry) say('no retry button');
    if (logs.length !== 1) say(`logged ${logs.length} messages: ${JSON.stringify(logs.map((l) => l.slice(0, 200)))}`);
    const message = logs[0] ?? '';
    if (!message.startsWith(`[sharek] ${route.request(id)}`)) say(`the message does not start with the route: ${message.slice(0, 200)}`);
    if (c.expect === 'schema') {
      const field = /invalid answer at field "([^"]*)"/.exec(message)?.[1];
      if (field === undefined) say(`the message names no field: ${message.slice(0, 200)}`);
      else if (!related(field, c.path!)) say(`the message names field "${field}", the fault is at "${c.path}"`);
    }
    if (tryAgain && retry) {
      // The portal is fine again: the retry shows the content, and logs nothing more.
      current = { path: route.path(id), answer: { status: 200, contentType: 'application/json', body: JSON.stringify(route.valid) } };
      const again = logged.length;
      (retry as HTMLButtonElement).click();
      try {
        await waitUntil(() => route.loaded(el), 'the retry did not load the content', { interval: 2, timeout: 10_000 });
      } catch (e) {
        say((e as Error).message);
      }
      if (logged.length !== again) say(`the retry logged ${JSON.stringify(logged.slice(again))}`);
    }
    return problems;
  } finally {
    el.remove();
  }
}

describe('malformed answers on every read route', function () {
  this.timeout(120_000);

  before(() => {
    window.fetch = fakeFetch;
    console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
  });

  after(() => {
    window.fetch = realFetch;
    console.error = realError;
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    for (const key of Object.keys(localStorage)) if (key.startsWith('sharek:draft:')) localStorage.removeItem(key);
  });

  for (const route of routes) {
    it(route.name, async () => {
      expect(route.schema.safeParse(route.valid).success, 'the valid answer is valid').to.equal(true);
      const cases = malformedCases(route.valid, route.schema, { count: COUNT, seed: route.seed, notFoundIsPending: route.notFoundIsPending ?? false });
      const tally = { valid: 0, schema: 0, transport: 0, pending: 0 };
      const problems: string[] = [];
      let failing = 0;
      for (const c of cases) {
        tally[c.expect]++;
        const refused = c.expect === 'schema' || c.expect === 'transport';
        problems.push(...(await check(route, c, refused && failing++ % 5 === 0)));
      }
      current = undefined;
      expect(problems.slice(0, 20), `${problems.length} problems in ${cases.length} cases (${JSON.stringify(tally)})`).to.deep.equal([]);
      expect(cases.length).to.be.greaterThan(250);
      expect(tally.schema, 'enough cases the schema refuses').to.be.greaterThan(100);
      expect(tally.valid, 'some cases the schema accepts').to.be.greaterThan(5);
    });
  }

  it('GET /v1/policy (the report dialog of the comment list): the dialog shows an error with a retry', async () => {
    const cases = malformedCases(validPolicy(), S.UsagePolicy, { count: 40, seed: 6 });
    const problems: string[] = [];
    for (const c of cases) {
      const id = ++n;
      current = { path: '/v1/policy', answer: c.answer };
      const before = { logged: logged.length, uncaught: uncaught.length };
      const list = make('sharek-comments', { consultation: `m${id}` }, { data: validComments() });
      document.body.append(list);
      const say = (what: string) => problems.push(`report dialog, ${c.name}: ${what}`);
      try {
        await waitUntil(() => $(list, '[part~=report]'), 'no comments', { interval: 2 });
        ($(list, '[part~=report]') as HTMLButtonElement).click();
        const dialog = $(list, 'dialog') as HTMLDialogElement;
        await waitUntil(() => dialog.open && dialog.querySelector('input[name=reason], [part~=error]'), 'the dialog did not settle', { interval: 2, timeout: 10_000 });
        await new Promise((r) => setTimeout(r));
        const logs = logged.slice(before.logged);
        const thrown = uncaught.slice(before.uncaught);
        if (thrown.length) say(`uncaught: ${thrown.join('; ')}`);
        const error = dialog.querySelector('[part~=error]');
        if (c.expect === 'valid') {
          if (error || logs.length) say(`an accepted answer failed: ${error?.textContent?.trim()} ${JSON.stringify(logs)}`);
        } else {
          if (!error?.querySelector('[part~=retry]')) say('no error with a retry');
          if (logs.length !== 1 || !logs[0]!.startsWith('[sharek] GET /v1/policy')) say(`logged ${JSON.stringify(logs.map((l) => l.slice(0, 200)))}`);
        }
        const closed = oneEvent(dialog, 'close');
        dialog.close();
        await closed;
      } finally {
        list.remove();
      }
    }
    current = undefined;
    expect(problems.slice(0, 20), `${problems.length} problems`).to.deep.equal([]);
  });
});
