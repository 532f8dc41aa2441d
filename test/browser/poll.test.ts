import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import './register.js';
import { $, $$, shadow, spyFetch, text } from './helpers.js';
import type { SharekPoll } from '../../src/poll/poll.js';
import type { Poll } from '../../src/api/schemas.js';
import { clientFor } from '../../src/api/client.js';
import type { SharekSignInRequiredEvent, SharekVoteEvent } from '../../src/shared/events.js';

const day = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
const percent = (lang: string, share: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
const num = (lang: string, n: number) => new Intl.NumberFormat(lang).format(n);

/** A contract-valid poll: single (3 options) or multiple (4 options, up to 2), in the status given by its dates. */
function poll(kind: 'single' | 'multiple', status: Poll['status'], patch: Partial<Poll> = {}): Poll {
  const dates = { upcoming: [5, 30], open: [-5, 20], closed: [-40, -3] }[status];
  const options =
    kind === 'single'
      ? [
          { id: 'yes', label: { ar: 'نعم', en: 'Yes' } },
          { id: 'no', label: { ar: 'لا', en: 'No' } },
          { id: 'unsure', label: { ar: 'لست متأكدًا', en: 'Not sure' } },
        ]
      : [
          { id: 'portal', label: { ar: 'البوابة الإلكترونية', en: 'The portal' } },
          { id: 'app', label: { ar: 'تطبيق الهاتف', en: 'A mobile app' } },
          { id: 'sms', label: { ar: 'الرسائل النصية', en: 'SMS' } },
          { id: 'meetings', label: { ar: 'الجلسات الحضورية', en: 'Meetings' } },
        ];
  return {
    id: `fixture-${kind}`,
    question: kind === 'single' ? { ar: 'هل المشروع واضح؟', en: 'Is the draft clear?' } : { ar: 'ما أهم قناتين؟', en: 'Which two channels matter most?' },
    options,
    maxChoices: kind === 'single' ? 1 : 2,
    opensAt: iso(dates[0]!),
    closesAt: iso(dates[1]!),
    status,
    resultsVisibility: 'always',
    ...patch,
  };
}

const results = { single: { totalVoters: 20, counts: { yes: 12, no: 5, unsure: 3 } }, multiple: { totalVoters: 10, counts: { portal: 6, app: 5, sms: 4, meetings: 0 } } };

async function render(data: Poll, lang: 'ar' | 'en' = 'en') {
  const el = await fixture<SharekPoll>(html`<sharek-poll lang=${lang} api="/api" .data=${data}></sharek-poll>`);
  await el.updateComplete;
  return el;
}

const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
const problem = (status: number, title: string) =>
  Promise.resolve(new Response(JSON.stringify({ type: 'about:blank', title, status }), { status, headers: { 'Content-Type': 'application/problem+json' } }));

/** A new participant for the length of `fn`, so tests against the real portal do not see each other's votes. */
async function asNewParticipant<T>(fn: (id: string) => Promise<T>): Promise<T> {
  const previous = localStorage.getItem('sharek:participant');
  const id = crypto.randomUUID();
  localStorage.setItem('sharek:participant', id);
  try {
    return await fn(id);
  } finally {
    if (previous) localStorage.setItem('sharek:participant', previous);
    else localStorage.removeItem('sharek:participant');
  }
}

const expected = {
  ar: {
    dir: 'rtl',
    status: { upcoming: 'لم يبدأ بعد', open: 'مفتوح للتصويت', voted: 'تم تسجيل صوتك', closed: 'انتهى التصويت' },
    when: { upcoming: 'يبدأ التصويت في', open: 'ينتهي التصويت في', closed: 'انتهى التصويت في' },
    limit: 'يمكنك اختيار خيارين كحدٍّ أقصى.',
    refused: 'يمكنك اختيار خيارين كحدٍّ أقصى. ألغِ أحد اختياراتك لتختار خيارًا آخر.',
    mine: 'اختيارك',
    final: 'النتائج النهائية',
    afterClose: 'ستُعرض النتائج عند انتهاء التصويت في',
    afterVote: 'ستُعرض النتائج بعد أن تصوّت.',
    votes: (n: number) => ({ 12: `${num('ar', 12)} صوتًا`, 5: `${num('ar', 5)} أصوات`, 3: `${num('ar', 3)} أصوات` })[n as 12 | 5 | 3],
    voters: `صوّت ${num('ar', 20)} شخصًا.`,
    thanks: 'شكرًا لك، تم احتساب صوتك.',
    already: 'لقد سبق لك التصويت في هذا الاستطلاع.',
  },
  en: {
    dir: 'ltr',
    status: { upcoming: 'Not open yet', open: 'Open for voting', voted: 'You have voted', closed: 'Voting closed' },
    when: { upcoming: 'Voting opens on', open: 'Voting closes on', closed: 'Voting closed on' },
    limit: 'You can choose up to 2 options.',
    refused: 'You can choose up to 2 options. Clear one of your choices to choose another.',
    mine: 'your choice',
    final: 'Final results',
    afterClose: 'The results will be shown when voting closes on',
    afterVote: 'The results will be shown after you vote.',
    votes: (n: number) => `${n} votes`,
    voters: '20 people have voted.',
    thanks: 'Thank you. Your vote has been counted.',
    already: 'You have already voted in this poll.',
  },
} as const;

for (const lang of ['ar', 'en'] as const) {
  const t = expected[lang];
  describe(`<sharek-poll> in ${lang}`, () => {
    it('upcoming: says when voting opens and lists the options, with no form', async () => {
      const data = poll('single', 'upcoming');
      const el = await render(data, lang);
      expect(el.getAttribute('dir')).to.equal(t.dir);
      expect(text(el, '[part~=status]')).to.equal(t.status.upcoming);
      expect(text(el, '[part~=dates]')).to.match(new RegExp(`^${t.when.upcoming} `));
      expect($(el, '[part~=dates] time')!.getAttribute('datetime')).to.equal(data.opensAt);
      expect(text(el, '[part~=question]')).to.equal(poll('single', 'upcoming').question[lang]);
      expect($$(el, '[part~=options] li').map((li) => li.textContent)).to.deep.equal(poll('single', 'upcoming').options.map((o) => o.label[lang]));
      expect($(el, 'form')).to.equal(null);
      expect($(el, '[part~=results]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('open, single choice: a radio group in a fieldset whose legend is the question', async () => {
      const el = await render(poll('single', 'open', { resultsVisibility: 'after_vote' }), lang);
      expect(text(el, '[part~=status]')).to.equal(t.status.open);
      expect(text(el, '[part~=dates]')).to.match(new RegExp(`^${t.when.open} `));
      expect(text(el, 'fieldset > legend')).to.equal(poll('single', 'open').question[lang]);
      const radios = $$<HTMLInputElement>(el, 'fieldset input');
      expect(radios.map((r) => r.type)).to.deep.equal(['radio', 'radio', 'radio']);
      expect(new Set(radios.map((r) => r.name)).size).to.equal(1);
      expect(radios.map((r) => r.closest('label')!.textContent!.trim())).to.deep.equal(poll('single', 'open').options.map((o) => o.label[lang]));
      expect($(el, '[part~=hint]')).to.equal(null);
      expect(text(el, '[part~=note]')).to.equal(t.afterVote);
      await expect(el).to.be.accessible();
    });

    it('open, multiple choice: checkboxes, with the limit explained and tied to the group', async () => {
      const el = await render(poll('multiple', 'open', { resultsVisibility: 'after_close' }), lang);
      const boxes = $$<HTMLInputElement>(el, 'fieldset input');
      expect(boxes.length).to.equal(4);
      expect(boxes.every((b) => b.type === 'checkbox')).to.equal(true);
      expect(text(el, '[part~=hint]')).to.equal(t.limit);
      expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.equal('hint');
      expect(text(el, '[part~=note]')).to.match(new RegExp(`^${t.afterClose} `));
      await expect(el).to.be.accessible();
    });

    it('refuses a choice over the limit: the box stays unticked and a polite message says why', async () => {
      const el = await render(poll('multiple', 'open'), lang);
      const boxes = $$<HTMLInputElement>(el, 'fieldset input');
      boxes[0]!.click();
      boxes[2]!.click();
      await el.updateComplete;
      expect(boxes.map((b) => b.checked)).to.deep.equal([true, false, true, false]);
      // From the keyboard too: Space on the fourth box.
      boxes[3]!.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(boxes.map((b) => b.checked)).to.deep.equal([true, false, true, false]);
      const message = $(el, '[part~=message]')!;
      await waitUntil(() => message.textContent!.trim() !== '', 'the limit was not announced');
      expect(message.getAttribute('role')).to.equal('status');
      expect(message.textContent!.trim()).to.equal(t.refused);
      // Unticking one frees a place.
      boxes[0]!.click();
      boxes[3]!.click();
      await el.updateComplete;
      expect(boxes.map((b) => b.checked)).to.deep.equal([false, false, true, true]);
      await expect(el).to.be.accessible();
    });

    it('voted while open, results visible: the choices are marked, with counts and percentages in the locale’s digits', async () => {
      const el = await render(poll('single', 'open', { results: results.single, myVote: ['yes'] }), lang);
      expect(text(el, '[part~=status]')).to.equal(t.status.voted);
      expect($(el, 'form')).to.equal(null);
      const items = $$(el, '[part~=results] li');
      expect(items.length).to.equal(3);
      expect($(el, '[part~=results] ul')!.getAttribute('aria-labelledby')).to.equal('results-label');
      expect(items[0]!.getAttribute('part')).to.equal('result chosen');
      expect(items[0]!.textContent).to.contain(t.mine);
      expect(items[1]!.textContent).to.not.contain(t.mine);
      expect(items[0]!.querySelector('.numbers')!.textContent).to.equal(`${t.votes(12)} (${percent(lang, 0.6)})`);
      expect(items[1]!.querySelector('.numbers')!.textContent).to.equal(`${t.votes(5)} (${percent(lang, 0.25)})`);
      expect(items.every((li) => li.querySelector('[part~=bar]')!.getAttribute('aria-hidden') === 'true')).to.equal(true);
      expect(items[0]!.querySelector<HTMLElement>('.fill')!.style.getPropertyValue('--share')).to.equal('60.00%');
      expect(text(el, '[part~=results] [part~=note]')).to.equal(t.voters);
      await expect(el).to.be.accessible();
    });

    it('voted while open, results after closing: repeats the person’s choices and says when results come', async () => {
      const el = await render(poll('multiple', 'open', { resultsVisibility: 'after_close', myVote: ['app', 'sms'] }), lang);
      expect(text(el, '[part~=status]')).to.equal(t.status.voted);
      expect($$(el, '[part~=my-vote] li').map((li) => li.textContent)).to.deep.equal([poll('multiple', 'open').options[1]!.label[lang], poll('multiple', 'open').options[2]!.label[lang]]);
      expect(text(el, '[part~=note]')).to.match(new RegExp(`^${t.afterClose} `));
      expect($(el, '[part~=results]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('closed: the final results, with the person’s choices marked', async () => {
      const el = await render(poll('multiple', 'closed', { resultsVisibility: 'after_close', results: results.multiple, myVote: ['portal'] }), lang);
      expect(text(el, '[part~=status]')).to.equal(t.status.closed);
      expect(text(el, '[part~=dates]')).to.match(new RegExp(`^${t.when.closed} `));
      expect($(el, 'form')).to.equal(null);
      expect(text(el, '.results-label')).to.equal(t.final);
      expect($$(el, '[part~=result]').length).to.equal(4);
      expect($$(el, '[part~=mine]').length).to.equal(1);
      expect($(el, '[part~=results] li')!.querySelector('.numbers')!.textContent).to.contain(percent(lang, 0.6));
      await expect(el).to.be.accessible();
    });

    it('shows a loading state, then an error with a retry that works', async () => {
      let fail = true;
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const spy = spyFetch(() => (fail ? gate.then(() => Promise.reject(new TypeError('Failed to fetch'))) : undefined));
      try {
        const el = await fixture<SharekPoll>(html`<sharek-poll lang=${lang} api="/api" poll="poll-satisfaction"></sharek-poll>`);
        expect($(el, '[part~=loading]')).to.exist;
        await expect(el).to.be.accessible();
        release();
        await waitUntil(() => $(el, '[part~=error]'), 'no error state');
        expect($(el, '[part~=error]')!.getAttribute('role')).to.equal('alert');
        await expect(el).to.be.accessible();
        fail = false;
        $(el, '[part~=retry]')!.click();
        await waitUntil(() => $(el, '[part~=question]'), 'retry did not load the poll');
      } finally {
        spy.restore();
      }
    });

    it('arrow keys move within the radio group, mirrored in this direction', async () => {
      const el = await render(poll('single', 'open'), lang);
      const radios = $$<HTMLInputElement>(el, 'fieldset input');
      radios[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(shadow(el).activeElement).to.equal(radios[1]);
      expect(radios[1]!.checked).to.equal(true);
      // The inline "forward" key is right in English and left in Arabic.
      await sendKeys({ press: lang === 'ar' ? 'ArrowLeft' : 'ArrowRight' });
      expect(shadow(el).activeElement).to.equal(radios[2]);
      await sendKeys({ press: lang === 'ar' ? 'ArrowRight' : 'ArrowLeft' });
      expect(shadow(el).activeElement).to.equal(radios[1]);
      await sendKeys({ press: 'ArrowUp' });
      expect(shadow(el).activeElement).to.equal(radios[0]);
      await el.updateComplete;
      expect(radios[0]!.checked).to.equal(true);
    });
  });
}

describe('<sharek-poll> results follow the visibility rule', () => {
  it('always: results beside the open form, before voting', async () => {
    const el = await render(poll('single', 'open', { resultsVisibility: 'always', results: results.single }));
    expect($(el, 'form')).to.exist;
    expect($$(el, '[part~=result]').length).to.equal(3);
    expect(text(el, '.results-label')).to.equal('Results so far');
    await expect(el).to.be.accessible();
  });

  it('after_vote: no results before voting, results after', async () => {
    const before = await render(poll('single', 'open', { resultsVisibility: 'after_vote' }));
    expect($(before, '[part~=results]')).to.equal(null);
    expect(text(before, '[part~=note]')).to.equal('The results will be shown after you vote.');
    const after = await render(poll('single', 'open', { resultsVisibility: 'after_vote', myVote: ['no'], results: results.single }));
    expect($$(after, '[part~=result]').length).to.equal(3);
    expect($(after, '[part~=result][part~=chosen]')!.textContent).to.contain('No');
  });

  it('after_close: no results while open, even after voting; final results once closed', async () => {
    const open = await render(poll('single', 'open', { resultsVisibility: 'after_close', myVote: ['no'] }));
    expect($(open, '[part~=results]')).to.equal(null);
    expect(text(open, '[part~=note]')).to.match(/^The results will be shown when voting closes on /);
    const closed = await render(poll('single', 'closed', { resultsVisibility: 'after_close', results: results.single }));
    expect(text(closed, '.results-label')).to.equal('Final results');
  });

  it('a closed poll without results says they were not published', async () => {
    const el = await render(poll('single', 'closed', { resultsVisibility: 'after_close' }));
    expect(text(el, '[part~=note]')).to.equal('The results of this poll have not been published.');
    await expect(el).to.be.accessible();
  });

  it('a multiple-choice result says the shares can add up to more than 100%', async () => {
    const el = await render(poll('multiple', 'open', { results: results.multiple, myVote: ['portal', 'app'] }));
    expect(text(el, '[part~=results] [part~=note]')).to.equal('10 people have voted. Each person could choose more than one option, so the shares can add up to more than 100%.');
    expect($$(el, '[part~=mine]').length).to.equal(2);
  });
});

describe('<sharek-poll> voting', () => {
  it('asks for a choice before sending, at the group', async () => {
    const spy = spyFetch();
    try {
      const el = await render(poll('single', 'open'));
      $(el, '[part~=submit]')!.click();
      await el.updateComplete;
      expect(text(el, '#no-choice')).to.equal('Choose an option.');
      expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.equal('no-choice');
      expect(shadow(el).activeElement).to.equal($$(el, 'fieldset input')[0]);
      expect(spy.calls.length).to.equal(0);
      await expect(el).to.be.accessible();
    } finally {
      spy.restore();
    }
  });

  it('sends the vote once with an Idempotency-Key and the participant, then shows the results and fires sharek-vote', async () => {
    const data = poll('multiple', 'open', { resultsVisibility: 'after_vote' });
    const spy = spyFetch((_url, init) =>
      init.method === 'POST' ? json({ ...data, results: results.multiple, myVote: ['portal', 'sms'] }, 201) : undefined,
    );
    try {
      const events: SharekVoteEvent[] = [];
      document.addEventListener('sharek-vote', (e) => events.push(e as SharekVoteEvent), { once: true });
      const el = await render(data);
      const boxes = $$<HTMLInputElement>(el, 'fieldset input');
      boxes[2]!.click();
      boxes[0]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => $(el, '[part~=results]'), 'no results after voting');
      expect(spy.calls.length).to.equal(1);
      const call = spy.calls[0]!;
      expect(call.url).to.match(/\/api\/v1\/polls\/fixture-multiple\/votes$/);
      expect(call.headers['Idempotency-Key']).to.match(/^[0-9a-f-]{36}$/);
      expect(call.headers['Sharek-Participant']).to.equal(localStorage.getItem('sharek:participant'));
      expect(JSON.parse(call.body!)).to.deep.equal({ optionIds: ['portal', 'sms'] });
      expect(events.length).to.equal(1);
      expect(events[0]!.pollId).to.equal('fixture-multiple');
      expect(events[0]!.optionIds).to.deep.equal(['portal', 'sms']);
      expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
      expect(text(el, '[part~=status]')).to.equal('You have voted');
      expect($$(el, '[part~=mine]').length).to.equal(2);
      await waitUntil(() => text(el, '[part~=message]') === 'Thank you. Your vote has been counted.');
      expect(shadow(el).activeElement).to.equal($(el, '[part~=message]'));
      await expect(el).to.be.accessible();
    } finally {
      spy.restore();
    }
  });

  it('sends the token as Authorization when the host page gives one', async () => {
    const data = poll('single', 'open');
    const spy = spyFetch((_url, init) => (init.method === 'POST' ? json({ ...data, myVote: ['yes'] }, 201) : undefined));
    try {
      const el = await render(data);
      el.token = 'secret-token';
      el.data = { ...data };
      await el.updateComplete;
      $$<HTMLInputElement>(el, 'fieldset input')[0]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => spy.calls.length === 1);
      expect(spy.calls[0]!.headers['Authorization']).to.equal('Bearer secret-token');
    } finally {
      spy.restore();
    }
  });

  it('on 401 asks the host page for a token (event, then tokenProvider) and sends the same vote again with it', async () => {
    const data = poll('single', 'open');
    const signedIn = (init: RequestInit) => (init.headers as Record<string, string>).Authorization === 'Bearer host-token';
    const spy = spyFetch((_url, init) => (init.method === 'POST' ? (signedIn(init) ? json({ ...data, myVote: ['yes'] }, 201) : problem(401, 'Sign in')) : undefined));
    try {
      const el = await render(data);
      const asked: SharekSignInRequiredEvent[] = [];
      el.addEventListener('sharek-sign-in-required', (e) => {
        asked.push(e as SharekSignInRequiredEvent);
        (e as SharekSignInRequiredEvent).provideToken(Promise.resolve('host-token'));
      });
      $$<HTMLInputElement>(el, 'fieldset input')[0]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => text(el, '[part~=message]').includes('counted'), 'the vote was not counted');
      expect(asked.map((e) => e.pollId)).to.deep.equal([data.id]);
      const posts = spy.calls.filter((c) => c.method === 'POST');
      expect(posts.length).to.equal(2);
      expect(posts[1]!.headers['Authorization']).to.equal('Bearer host-token');
      expect(posts[1]!.headers['Idempotency-Key']).to.equal(posts[0]!.headers['Idempotency-Key']);
    } finally {
      spy.restore();
    }
    // Nobody listening: tokenProvider answers instead.
    const spy2 = spyFetch((_url, init) => (init.method === 'POST' ? (signedIn(init) ? json({ ...data, myVote: ['no'] }, 201) : problem(401, 'Sign in')) : undefined));
    try {
      const el = await render(data);
      el.tokenProvider = () => 'host-token';
      $$<HTMLInputElement>(el, 'fieldset input')[1]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => spy2.calls.filter((c) => c.method === 'POST').length === 2, 'not sent again with the token');
      await waitUntil(() => text(el, '[part~=message]').includes('counted'), 'the vote was not counted');
    } finally {
      spy2.restore();
    }
  });

  it('on 401 with no token from the host page, says to sign in on the portal', async () => {
    const data = poll('single', 'open');
    const spy = spyFetch((_url, init) => (init.method === 'POST' ? problem(401, 'Sign in') : undefined));
    try {
      const el = await render(data);
      $$<HTMLInputElement>(el, 'fieldset input')[0]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => shadow(el).textContent!.includes('Sign in on the participation portal'), 'no sign-in message');
      expect(spy.calls.filter((c) => c.method === 'POST').length).to.equal(1);
    } finally {
      spy.restore();
    }
  });

  it('on 429 says how long to wait (Retry-After) and sends nothing more by itself', async () => {
    const data = poll('single', 'open');
    const spy = spyFetch((_url, init) =>
      init.method === 'POST'
        ? Promise.resolve(new Response(JSON.stringify({ type: 'urn:sharek:problem:rate-limited', title: 'Too Many Requests', status: 429 }), {
            status: 429,
            headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' },
          }))
        : undefined,
    );
    try {
      for (const [lang, wait] of [['en', 'Please try again in 2 minutes.'], ['ar', 'يُرجى المحاولة مرة أخرى']] as const) {
        const el = await render(data, lang);
        el.retryDelays = [10, 10];
        $$<HTMLInputElement>(el, 'fieldset input')[0]!.click();
        $(el, '[part~=submit]')!.click();
        await waitUntil(() => $(el, '[part~=error]'), `no 429 message (${lang})`);
        expect(text(el, '[part~=error]')).to.contain(wait);
      }
      expect(spy.calls.filter((c) => c.method === 'POST').length).to.equal(2);
    } finally {
      spy.restore();
    }
  });

  it('retries on network failure and 5xx with the same Idempotency-Key', async () => {
    const data = poll('single', 'open');
    const answers = [() => Promise.reject(new TypeError('Failed to fetch')), () => problem(503, 'Unavailable'), () => json({ ...data, results: results.single, myVote: ['no'] }, 201)];
    const spy = spyFetch((_url, init) => (init.method === 'POST' ? answers.shift()!() : undefined));
    try {
      const el = await render(data);
      el.retryDelays = [10, 10, 10];
      $$<HTMLInputElement>(el, 'fieldset input')[1]!.click();
      $(el, '[part~=submit]')!.click();
      await el.updateComplete;
      expect(text(el, '[part~=submit]')).to.equal('Sending your vote…');
      await waitUntil(() => $(el, '[part~=results]'), 'the vote was not retried to success');
      expect(spy.calls.length).to.equal(3);
      expect(new Set(spy.calls.map((c) => c.headers['Idempotency-Key'])).size).to.equal(1);
    } finally {
      spy.restore();
    }
  });

  it('gives up after a few tries, says so, and sends the same attempt again with the same key', async () => {
    const data = poll('single', 'open');
    let down = true;
    const spy = spyFetch((_url, init) =>
      init.method === 'POST' ? (down ? Promise.reject(new TypeError('Failed to fetch')) : json({ ...data, myVote: ['yes'] }, 201)) : undefined,
    );
    try {
      const el = await render(data);
      el.retryDelays = [5, 5];
      $$<HTMLInputElement>(el, 'fieldset input')[0]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => $(el, 'form [part~=error]'), 'no error after the retries');
      expect(spy.calls.length).to.equal(3);
      expect(text(el, 'form [part~=error]')).to.equal(
        "Your vote was not sent. We couldn't reach the consultation portal. Check your connection and try again.",
      );
      await expect(el).to.be.accessible();
      down = false;
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => text(el, '[part~=status]') === 'You have voted', 'the second try did not count');
      expect(new Set(spy.calls.map((c) => c.headers['Idempotency-Key'])).size).to.equal(1);
    } finally {
      spy.restore();
    }
  });

  it('a changed choice is a new attempt with a new key', async () => {
    const data = poll('single', 'open');
    const spy = spyFetch((_url, init) => (init.method === 'POST' ? problem(500, 'Oops') : undefined));
    try {
      const el = await render(data);
      el.retryDelays = [];
      $$<HTMLInputElement>(el, 'fieldset input')[0]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => $(el, 'form [part~=error]'));
      $$<HTMLInputElement>(el, 'fieldset input')[1]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => spy.calls.length === 2);
      expect(spy.calls[0]!.headers['Idempotency-Key']).to.not.equal(spy.calls[1]!.headers['Idempotency-Key']);
    } finally {
      spy.restore();
    }
  });

  it('on 409 says the person has already voted, then reloads the poll to show the results', async () => {
    const data = poll('single', 'open', { resultsVisibility: 'after_vote' });
    const spy = spyFetch((_url, init) =>
      init.method === 'POST' ? problem(409, 'Already voted') : json({ ...data, results: results.single, myVote: ['unsure'] }),
    );
    try {
      const events: Event[] = [];
      const el = await render(data);
      el.addEventListener('sharek-vote', (e) => events.push(e));
      $$<HTMLInputElement>(el, 'fieldset input')[0]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => text(el, '[part~=message]') === 'You have already voted in this poll.', 'no "already voted"');
      expect(spy.calls.map((c) => c.method)).to.deep.equal(['POST', 'GET']);
      expect(spy.calls[1]!.headers['Sharek-Participant']).to.equal(localStorage.getItem('sharek:participant'));
      expect($(el, 'form')).to.equal(null);
      expect($(el, '[part~=result][part~=chosen]')!.textContent).to.contain('Not sure');
      expect(events.length).to.equal(0);
      await expect(el).to.be.accessible();
    } finally {
      spy.restore();
    }
  });

  it('makes no request when the page gives the data', async () => {
    const spy = spyFetch();
    try {
      const el = await render(poll('single', 'open', { results: results.single }));
      expect(text(el, 'legend')).to.equal('Is the draft clear?');
      expect(spy.calls.length).to.equal(0);
    } finally {
      spy.restore();
    }
  });
});

describe('<sharek-poll> and the portal', () => {
  const load = async (id: string, lang: 'ar' | 'en' = 'en') => {
    const el = await fixture<SharekPoll>(html`<sharek-poll lang=${lang} api="/api" poll=${id}></sharek-poll>`);
    await waitUntil(() => $(el, '[part~=question]') || $(el, '[part~=error]'), `${id} did not load`);
    return el;
  };

  for (const lang of ['ar', 'en'] as const) {
    it(`reads the open single-choice poll whose results are always shown (${lang})`, async () => {
      await asNewParticipant(async () => {
        const el = await load('poll-satisfaction', lang);
        expect(text(el, '[part~=status]')).to.equal(expected[lang].status.open);
        expect($$<HTMLInputElement>(el, 'fieldset input').map((i) => i.type)).to.deep.equal(['radio', 'radio', 'radio', 'radio']);
        expect($$(el, '[part~=result]').length).to.equal(4);
        await expect(el).to.be.accessible();
      });
    });

    it(`reads the multiple-choice poll, results hidden until one votes (${lang})`, async () => {
      await asNewParticipant(async () => {
        const el = await load('poll-priorities', lang);
        expect($$<HTMLInputElement>(el, 'fieldset input').length).to.equal(5);
        expect(text(el, '[part~=hint]')).to.equal(expected[lang].limit);
        expect($(el, '[part~=results]')).to.equal(null);
        await expect(el).to.be.accessible();
      });
    });

    it(`reads the closed poll with its final results (${lang})`, async () => {
      const el = await load('poll-open-data-formats', lang);
      expect(text(el, '[part~=status]')).to.equal(expected[lang].status.closed);
      expect($(el, 'form')).to.equal(null);
      expect(text(el, '.results-label')).to.equal(expected[lang].final);
      expect($$(el, '[part~=result]').length).to.equal(5);
      await expect(el).to.be.accessible();
    });
  }

  it('says a poll was not found and reports the error', async () => {
    const errors: Event[] = [];
    document.addEventListener('sharek-error', (e) => errors.push(e), { once: true });
    const el = await load('no-such-poll');
    expect(text(el, '[part~=error] p')).to.equal('This was not found on the consultation portal. It may have been removed.');
    expect(errors.length).to.equal(1);
  });
});

// These need `POST /v1/polls/{id}/votes` on the reference portal.
describe('<sharek-poll> voting end to end', () => {
  const load = async (id: string) => {
    const el = await fixture<SharekPoll>(html`<sharek-poll lang="en" api="/api" poll=${id}></sharek-poll>`);
    await waitUntil(() => $(el, '[part~=question]'), `${id} did not load`);
    return el;
  };
  const headers = (participant: string) => ({ 'Sharek-Participant': participant });

  it('votes, and after a reload the participant has still voted, counted once', async () => {
    await asNewParticipant(async (participant) => {
      const client = clientFor('/api');
      const before = (await client.getPoll('poll-satisfaction', headers(crypto.randomUUID()))).results!;
      const el = await load('poll-satisfaction');
      $$<HTMLInputElement>(el, 'fieldset input')[1]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => text(el, '[part~=status]') === 'You have voted', 'the vote was not counted', { timeout: 5000 });
      expect($(el, '[part~=result][part~=chosen]')!.textContent).to.contain('Clear');

      const again = await load('poll-satisfaction');
      expect(text(again, '[part~=status]')).to.equal('You have voted');
      expect($(again, 'form')).to.equal(null);
      expect($(again, '[part~=result][part~=chosen]')!.textContent).to.contain('Clear');

      const after = (await client.getPoll('poll-satisfaction', headers(participant)));
      expect(after.myVote).to.deep.equal(['opt-clear']);
      expect(after.results!.totalVoters).to.equal(before.totalVoters + 1);
      expect(after.results!.counts['opt-clear']).to.equal(before.counts['opt-clear']! + 1);
    });
  });

  it('two votes from the same participant count once (409), and the same key twice is one vote', async () => {
    await asNewParticipant(async (participant) => {
      const client = clientFor('/api');
      const count = async () => (await client.getPoll('poll-satisfaction', headers(crypto.randomUUID()))).results!.totalVoters;
      const before = await count();
      const key = crypto.randomUUID();
      const first = await client.vote('poll-satisfaction', { optionIds: ['opt-unclear'] }, { idempotencyKey: key, headers: headers(participant) });
      const replay = await client.vote('poll-satisfaction', { optionIds: ['opt-unclear'] }, { idempotencyKey: key, headers: headers(participant) });
      expect(replay).to.deep.equal(first);
      const second = await client
        .vote('poll-satisfaction', { optionIds: ['opt-clear'] }, { idempotencyKey: crypto.randomUUID(), headers: headers(participant) })
        .then(() => 'counted', (e: { status?: number }) => e.status);
      expect(second).to.equal(409);
      expect(await count()).to.equal(before + 1);
    });
  });

  it('a second vote from the element shows "already voted" and the results (409)', async () => {
    await asNewParticipant(async (participant) => {
      const client = clientFor('/api');
      const el = await load('poll-priorities');
      // Another tab votes first; this one still shows the form.
      await client.vote('poll-priorities', { optionIds: ['opt-sms'] }, { idempotencyKey: crypto.randomUUID(), headers: headers(participant) });
      $$<HTMLInputElement>(el, 'fieldset input')[0]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => text(el, '[part~=message]') === 'You have already voted in this poll.', 'no "already voted"', { timeout: 5000 });
      await waitUntil(() => $(el, '[part~=results]'), 'the results were not shown after 409');
      expect($(el, '[part~=result][part~=chosen]')!.textContent).to.contain('SMS');
    });
  });

  it('after_vote: voting on the multiple-choice poll shows its results', async () => {
    await asNewParticipant(async () => {
      const el = await load('poll-priorities');
      expect($(el, '[part~=results]')).to.equal(null);
      const boxes = $$<HTMLInputElement>(el, 'fieldset input');
      boxes[0]!.click();
      boxes[4]!.click();
      boxes[1]!.click();
      expect(boxes.filter((b) => b.checked).length).to.equal(2);
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => $(el, '[part~=results]'), 'no results after voting', { timeout: 5000 });
      expect($$(el, '[part~=mine]').length).to.equal(2);
      await expect(el).to.be.accessible();
    });
  });

  it('the portal refuses a vote on a closed poll, and the element says so and shows the final results', async () => {
    await asNewParticipant(async () => {
      const client = clientFor('/api');
      const closed = await client.getPoll('poll-open-data-formats', { 'Sharek-Participant': crypto.randomUUID() });
      // A page that rendered the poll while it was open, from its own copy.
      const stale: Poll = { ...closed, status: 'open', closesAt: iso(1), results: undefined };
      const el = await render(stale);
      $$<HTMLInputElement>(el, 'fieldset input')[0]!.click();
      $(el, '[part~=submit]')!.click();
      await waitUntil(() => text(el, '[part~=message]') === 'This poll is not open for voting.', 'no refusal', { timeout: 5000 });
      expect(text(el, '[part~=status]')).to.equal('Voting closed');
      expect(text(el, '.results-label')).to.equal('Final results');
    });
  });
});
