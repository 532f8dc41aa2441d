// Where focus goes in the comment form's and the poll's flows (issue 13,
// findings 2, 4 and 11), read from the accessibility tree as a screen reader
// gets it (a11ySnapshot): every element that takes focus has a role and a
// name, and focus never falls to the page's <body>.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import './register.js';
import { $, $$, shadow, spyFetch } from './helpers.js';
import type { SharekCommentForm } from '../../src/comment-form/comment-form.js';
import type { SharekPoll } from '../../src/poll/poll.js';
import type { Poll } from '../../src/api/schemas.js';
import { consultation } from './fixtures.js';

interface AXNode {
  role: string;
  name?: string;
  focused?: boolean;
  children?: AXNode[];
}

/** The node that has focus, as the accessibility tree says. */
async function focused(): Promise<AXNode> {
  const tree = (await a11ySnapshot({})) as unknown as AXNode & { children: AXNode[] };
  const node = findAccessibilityNode<AXNode>(tree, (n) => !!n.focused);
  expect(node, 'nothing has focus in the accessibility tree').to.exist;
  return node!;
}

/** Focus is on something a screen reader can say: a role that is not generic, and a name. */
async function focusIsOn(role: string, name: string | RegExp) {
  expect(document.activeElement, 'focus fell to <body>').not.to.equal(document.body);
  const node = await focused();
  expect(['RootWebArea', 'WebArea', 'generic', 'none'], `focused role: ${node.role} "${node.name}"`).not.to.include(node.role);
  expect(node.role).to.equal(role);
  expect(node.name?.trim(), 'the focused element has no name').to.not.equal('');
  if (typeof name === 'string') expect(node.name).to.equal(name);
  else expect(node.name).to.match(name);
}

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A focus indicator someone can see: an outline, or a box shadow. */
function showsFocus(el: Element) {
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return outline || style.boxShadow !== 'none';
}

const created = () => Promise.resolve(new Response(JSON.stringify({ id: 'c-1', status: 'pending' }), { status: 201, headers: { 'Content-Type': 'application/json' } }));
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

const T = {
  en: {
    send: 'Send comment',
    sending: 'Sending your comment…',
    thanks: 'Thank you for your comment',
    notSent: 'Your comment was not sent',
    problem: 'There is a problem',
    personal: 'Your comment may contain personal data',
    comment: 'Your comment',
    voted: 'Thank you. Your vote has been counted.',
  },
  ar: {
    send: 'أرسل التعليق',
    sending: 'جارٍ إرسال تعليقك…',
    thanks: 'شكرًا لك على تعليقك',
    notSent: 'لم يُرسَل تعليقك',
    problem: 'يوجد خطأ',
    personal: 'قد يحتوي تعليقك على بيانات شخصية',
    comment: 'تعليقك',
    voted: 'شكرًا لك، تم احتساب صوتك.',
  },
};

let n = 0;
async function form(lang: 'ar' | 'en') {
  const data = consultation('open', { id: `focus-test-${++n}` });
  const el = await fixture<SharekCommentForm>(
    html`<sharek-comment-form lang=${lang} api="/api" consultation=${data.id} .data=${data} .retryDelays=${[5, 5]}></sharek-comment-form>`,
  );
  await waitUntil(() => $(el, '#policy'), 'the policy did not load', { timeout: 10_000 });
  return el;
}

async function fill(el: SharekCommentForm, body: string) {
  const textarea = $<HTMLTextAreaElement>(el, '#body')!;
  textarea.value = body;
  textarea.dispatchEvent(new Event('input'));
  $(el, '#as-individual')!.click();
  $(el, '#policy')!.click();
  await el.updateComplete;
}

/** Sends as a keyboard user does: focus on the button, Enter. */
async function pressSend(el: SharekCommentForm) {
  $(el, '[part=submit]')!.focus();
  await sendKeys({ press: 'Enter' });
}

describe('focus in the comment form and the poll, in the accessibility tree', function () {
  this.timeout(30_000);
  afterEach(() => localStorage.clear());

  for (const lang of ['ar', 'en'] as const) {
    const t = T[lang];

    it(`stays on the send button while the comment is on its way, then goes to the thanks, in ${lang}`, async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const net = spyFetch((_url, init) => (init.method === 'POST' ? held.then(created) : undefined));
      try {
        const el = await form(lang);
        await fill(el, 'A comment on a slow connection.');
        await pressSend(el);
        await waitUntil(() => $(el, '[part=progress]')!.textContent!.includes(t.sending), 'not sending', { timeout: 5000 });
        await focusIsOn('button', t.send);
        // Pressing it again while sending sends nothing more.
        await sendKeys({ press: 'Enter' });
        expect(net.calls.filter((c) => c.method === 'POST').length).to.equal(1);
        await expect(el).to.be.accessible();
        release();
        await waitUntil(() => $(el, '[part=confirmation]'), 'not sent', { timeout: 5000 });
        await waitUntil(() => deepActive()?.id === 'confirmation-title', 'the thanks did not take focus', { timeout: 5000 });
        await focusIsOn('heading', t.thanks);
        expect(showsFocus(deepActive()!), 'the focused thanks shows no focus').to.equal(true);
        await expect(el).to.be.accessible();
        // Writing another comment: focus to its field.
        $(el, '[part=confirmation] button')!.click();
        await waitUntil(() => deepActive()?.id === 'body', 'the new comment field did not take focus', { timeout: 5000 });
        await focusIsOn('textbox', t.comment);
      } finally {
        net.restore();
      }
    });

    it(`goes to an alert saying the comment was not sent when the retries end, in ${lang}`, async () => {
      const net = spyFetch((_url, init) => (init.method === 'POST' ? offline() : undefined));
      try {
        const el = await form(lang);
        await fill(el, 'A comment sent with the network off.');
        await pressSend(el);
        await waitUntil(() => $(el, '[part=progress].error'), 'the send did not fail', { timeout: 10_000 });
        await waitUntil(() => deepActive()?.matches('.failure'), 'the failure did not take focus', { timeout: 5000 });
        await focusIsOn('alert', t.notSent);
        expect(showsFocus(deepActive()!)).to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        net.restore();
      }
    });

    it(`leaves focus where the person put it during the retries, in ${lang}`, async () => {
      const net = spyFetch((_url, init) => (init.method === 'POST' ? offline() : undefined));
      try {
        const el = await form(lang);
        el.retryDelays = [1500];
        await fill(el, 'A comment edited while the form waits.');
        await pressSend(el);
        await waitUntil(() => $(el, '.countdown'), 'no wait', { timeout: 5000 });
        $(el, '#body')!.focus();
        await waitUntil(() => $(el, '[part=progress].error'), 'the send did not fail', { timeout: 10_000 });
        await el.updateComplete;
        expect(deepActive()?.id, 'focus left the comment being edited').to.equal('body');
        await focusIsOn('textbox', t.comment);
      } finally {
        net.restore();
      }
    });

    it(`goes to the error summary, an alert named by its heading, in ${lang}`, async () => {
      const el = await form(lang);
      await pressSend(el);
      await waitUntil(() => deepActive()?.matches('[part=error-summary]'), 'the summary did not take focus', { timeout: 5000 });
      await focusIsOn('alert', t.problem);
      expect(showsFocus(deepActive()!)).to.equal(true);
    });

    it(`goes to the personal-data warning, an alert named by its heading, then to the send button after "send anyway", in ${lang}`, async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const net = spyFetch((_url, init) => (init.method === 'POST' ? held.then(created) : undefined));
      try {
        const el = await form(lang);
        await fill(el, 'Call me on 0791234567 about article 3.');
        await pressSend(el);
        await waitUntil(() => deepActive()?.matches('[part=warning]'), 'the warning did not take focus', { timeout: 5000 });
        await focusIsOn('alert', t.personal);
        expect(showsFocus(deepActive()!)).to.equal(true);
        await expect(el).to.be.accessible();
        $$<HTMLButtonElement>(el, '[part=warning] button').at(-1)!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => !$(el, '[part=warning]'), 'the warning stayed', { timeout: 5000 });
        await waitUntil(() => deepActive()?.matches('[part=submit]'), 'focus did not go to the send button', { timeout: 5000 });
        await focusIsOn('button', t.send);
        release();
        await waitUntil(() => deepActive()?.id === 'confirmation-title', 'the thanks did not take focus', { timeout: 5000 });
      } finally {
        net.restore();
      }
    });

    it(`goes to the vote's message, which is named and shows focus, in ${lang}`, async () => {
      const day = 86_400_000;
      const data: Poll = {
        id: 'focus-poll',
        question: { ar: 'هل المشروع واضح؟', en: 'Is the draft clear?' },
        options: [
          { id: 'yes', label: { ar: 'نعم', en: 'Yes' } },
          { id: 'no', label: { ar: 'لا', en: 'No' } },
        ],
        maxChoices: 1,
        opensAt: new Date(Date.now() - 5 * day).toISOString(),
        closesAt: new Date(Date.now() + 20 * day).toISOString(),
        status: 'open',
        resultsVisibility: 'always',
      };
      const answer = { ...data, results: { totalVoters: 1, counts: { yes: 1, no: 0 } }, myVote: ['yes'] };
      const net = spyFetch((_url, init) =>
        init.method === 'POST' ? Promise.resolve(new Response(JSON.stringify(answer), { status: 201, headers: { 'Content-Type': 'application/json' } })) : undefined,
      );
      try {
        const el = await fixture<SharekPoll>(html`<sharek-poll lang=${lang} api="/api" .data=${data}></sharek-poll>`);
        $<HTMLInputElement>(el, 'fieldset input')!.click();
        $(el, '[part~=submit]')!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => shadow(el).activeElement?.matches('[part~=message]'), 'the message did not take focus', { timeout: 5000 });
        await focusIsOn('status', t.voted);
        expect(showsFocus(shadow(el).activeElement!), 'the focused vote message shows no focus').to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        net.restore();
      }
    });
  }
});
