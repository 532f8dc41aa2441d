import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import './register.js';
import { defineAs } from '../../src/registry.js';
import { SharekModeration } from '../../src/moderation/moderation.js';
import { $, $$, clean, shadow, spyFetch, text } from './helpers.js';

// The console against the real portal (web-test-runner.config.mjs): its development
// moderator signs in with this token. Every comment a test acts on is made here, through the
// public API, with a marker in its text, so other files' comments are never touched.
const TOKEN = 'wtr-admin-token';
const OPEN = 'e-participation-instructions';
const CLOSED = 'plastic-bags-reduction-regulation';
const DECIDED = 'open-data-policy-2024';
const WAIT = { timeout: 8000 };

// define() leaves the console out (citizens' bundles never hold it): an admin page registers it itself.
defineAs('sharek-moderation', SharekModeration);

const uuid = () => crypto.randomUUID();

/** A comment made through the public API; pending on the open, pre-moderated consultation. */
async function newComment(body: string, patch: Record<string, unknown> = {}): Promise<string> {
  const policy = await (await fetch('/api/v1/policy')).json();
  const res = await fetch(`/api/v1/consultations/${OPEN}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uuid(), 'Sharek-Participant': uuid() },
    body: JSON.stringify({ body, stakeholderType: 'individual', policyVersion: policy.version, ...patch }),
  });
  expect(res.status, await res.clone().text()).to.equal(201);
  return (await res.json()).id;
}

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`/api/admin/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json().catch(() => undefined) };
}

/** The comment as a moderator sees it now, found among the consultation's comments of that status. */
async function adminComment(id: string, status: string) {
  let cursor = '';
  for (;;) {
    const page = (await admin('GET', `/comments?consultation=${OPEN}&status=${status}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json;
    const found = page.items.find((c: { id: string }) => c.id === id);
    if (found || !page.nextCursor) return found;
    cursor = page.nextCursor;
  }
}

async function mount(lang: 'ar' | 'en' = 'en') {
  const el = await fixture<SharekModeration>(html`<sharek-moderation api="/api" lang=${lang}></sharek-moderation>`);
  await waitUntil(() => $(el, '#credential'), 'no sign-in form', WAIT);
  return el;
}

const focused = (el: Element) => shadow(el).activeElement as HTMLElement | null;

/** Signs in by keyboard: the credential typed into the focused field, then Enter. */
async function signIn(el: SharekModeration, token = TOKEN) {
  $<HTMLInputElement>(el, '#credential')!.focus();
  await sendKeys({ type: token });
  await sendKeys({ press: 'Enter' });
}

async function signedIn(lang: 'ar' | 'en' = 'en') {
  const el = await mount(lang);
  await signIn(el);
  await waitUntil(() => $(el, '[part~=session]'), 'not signed in', WAIT);
  return el;
}

/** A label's own words, without its field's. */
const ownText = (label: Element) => clean([...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(' '));

const FILTERS = { Consultation: 'consultation', Article: 'section', 'Type of participant': 'stakeholder' } as const;
/** A filter, found by its English label (checked once in the filters test); by id so the Arabic tests find it too. */
const select = (el: Element, label: keyof typeof FILTERS) => $<HTMLSelectElement>(el, `#filter-${FILTERS[label]}`);

async function choose(sel: HTMLSelectElement, value: string) {
  sel.value = value;
  sel.dispatchEvent(new Event('change'));
}

const rowOf = (el: Element, marker: string) => $$(el, 'tbody tr').find((r) => r.textContent!.includes(marker));

/** The row of the comment whose text holds `marker`, loading more pages until it is there. */
async function findRow(el: SharekModeration, marker: string): Promise<HTMLElement> {
  // A tab or filter just chosen has started loading: wait for its answer, not the last one.
  await el.updateComplete;
  await waitUntil(() => $(el, 'tbody tr') || $(el, '#queue-empty'), 'the queue did not load', WAIT);
  for (;;) {
    const row = rowOf(el, marker);
    if (row) return row;
    const more = $<HTMLButtonElement>(el, '[part~=more] button');
    if (!more) throw new Error(`no row with ${marker}`);
    const n = $$(el, 'tbody tr').length;
    more.click();
    await waitUntil(() => $$(el, 'tbody tr').length > n, 'no more rows', WAIT);
  }
}

const statusText = (el: Element) => text(el, '[part~=status]');

async function onConsultation(el: SharekModeration, id: string) {
  await waitUntil(() => select(el, 'Consultation')?.querySelector(`option[value="${id}"]`), 'no consultations', WAIT);
  await choose(select(el, 'Consultation')!, id);
  await waitUntil(() => $(el, '[part~=views]'), 'the consultation did not load', WAIT);
}

describe('sharek-moderation', function () {
  this.timeout(30_000);

  it('refuses a wrong credential with a message, keeps the right one out of every storage, and signs out', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const el = await mount();
    await signIn(el, 'not-the-token');
    await waitUntil(() => $(el, '#sign-in-message'), 'no message', WAIT);
    expect(text(el, '#sign-in-message')).to.equal('This credential was not accepted. Check it and try again.');
    expect(focused(el)?.id).to.equal('credential');
    expect($<HTMLInputElement>(el, '#credential')!.type).to.equal('password');
    expect($<HTMLInputElement>(el, '#credential')!.autocomplete).to.equal('off');
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(el, '#credential')!.value = '';
    await signIn(el);
    await waitUntil(() => $(el, '[part~=session]'), 'not signed in', WAIT);
    expect(text(el, '[part~=session] span')).to.equal('Signed in as development');
    const stored = [...Object.values({ ...localStorage }), ...Object.values({ ...sessionStorage }), document.cookie].join('\n');
    expect(stored).not.to.contain(TOKEN);
    expect(el.outerHTML + shadow(el).innerHTML).not.to.contain(TOKEN);

    const out = $$<HTMLButtonElement>(el, '[part~=session] button')[0]!;
    out.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '#credential'), 'not signed out', WAIT);
    expect($<HTMLInputElement>(el, '#credential')!.value).to.equal('');
    expect(focused(el)?.id).to.equal('credential');
  });

  it('returns to sign-in with a message when the portal later refuses the credential', async () => {
    const el = await signedIn();
    await waitUntil(() => $(el, 'tbody tr') || $(el, '#queue-empty'), 'the queue did not load', WAIT);
    const spy = spyFetch((url) =>
      url.includes('/admin/v1/comments') ? Promise.resolve(new Response(JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403 }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } })) : undefined,
    );
    try {
      $<HTMLButtonElement>(el, '#tab-published')!.click();
      await waitUntil(() => $(el, '#credential'), 'not returned to sign-in', WAIT);
      expect(text(el, '#sign-in-message')).to.equal('The portal no longer accepts your credential. Sign in again.');
    } finally {
      spy.restore();
    }
  });

  it('approves a comment by keyboard, says so politely, and moves focus to the next comment', async () => {
    const marker = `approve-${uuid()}`;
    const id = await newComment(`Please define "public body" (${marker}).`);
    await newComment(`A second one (${marker}-next).`);
    const el = await signedIn();
    await onConsultation(el, OPEN);
    const row = await findRow(el, marker);
    const approve = [...row.querySelectorAll('button')].find((b) => clean(b.textContent) === 'Approve')!;
    approve.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(el) === '1 comment approved', 'no announcement', WAIT);
    expect(rowOf(el, marker + ')')).to.equal(undefined);
    expect(focused(el)?.matches('tbody input[type=checkbox]')).to.equal(true);
    expect((await adminComment(id, 'published'))?.moderatedBy).to.equal('development');
  });

  it('rejects a comment by keyboard with a policy reason and a note, recorded with it', async () => {
    const marker = `reject-${uuid()}`;
    const id = await newComment(`Buy cheap phones at example.com (${marker}).`);
    const el = await signedIn();
    await onConsultation(el, OPEN);
    const row = await findRow(el, marker);
    [...row.querySelectorAll('button')].find((b) => clean(b.textContent) === 'Reject')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el)?.tagName === 'SELECT', 'focus did not move to the reason', WAIT);
    const reason = focused(el) as HTMLSelectElement;
    // The same reasons, with the same labels, as citizens report with.
    const policy = await (await fetch('/api/v1/policy')).json();
    expect([...reason.options].slice(1).map((o) => o.textContent!.trim())).to.deep.equal(policy.reportReasons.map((r: { label: { en: string } }) => r.label.en));
    const spam = policy.reportReasons.findIndex((r: { code: string }) => r.code === 'spam_or_advertising') + 1;
    for (let i = 0; i < spam; i++) await sendKeys({ press: 'ArrowDown' });
    expect(reason.value).to.equal('spam_or_advertising');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Advertising.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(el) === '1 comment rejected', 'no announcement', WAIT);
    const rejected = await adminComment(id, 'rejected');
    expect(rejected.rejectionReason).to.equal('spam_or_advertising');
    expect(rejected.rejectionNote).to.equal('Advertising.');
  });

  it('approves several at once from the keyboard: select each, then "Approve selected"', async () => {
    const marker = `bulk-${uuid()}`;
    const ids = [await newComment(`One (${marker}).`), await newComment(`Two (${marker}).`), await newComment(`Three (${marker}).`)];
    const el = await signedIn();
    await onConsultation(el, OPEN);
    await findRow(el, marker);
    for (const row of $$(el, 'tbody tr').filter((r) => r.textContent!.includes(marker))) {
      row.querySelector<HTMLInputElement>('input[type=checkbox]')!.focus();
      await sendKeys({ press: 'Space' });
    }
    expect(text(el, '[part~=toolbar] .selected')).to.equal('3 selected');
    const approve = $$<HTMLButtonElement>(el, '[part~=toolbar] button').find((b) => clean(b.textContent) === 'Approve selected')!;
    approve.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(el) === '3 comments approved', `announced: ${statusText(el)}`, WAIT);
    for (const id of ids) expect((await adminComment(id, 'published'))?.id).to.equal(id);
  });

  it('takes a comment out at once and puts it back with the reason when the portal refuses', async () => {
    const marker = `refused-${uuid()}`;
    const id = await newComment(`Refused (${marker}).`);
    const el = await signedIn();
    await onConsultation(el, OPEN);
    const row = await findRow(el, marker);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const spy = spyFetch((url, init) =>
      url.endsWith(`/comments/${id}/approve`) && init.method === 'POST'
        ? gate.then(() => new Response(JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409 }), { status: 409, headers: { 'Content-Type': 'application/problem+json' } }))
        : undefined,
    );
    try {
      [...row.querySelectorAll('button')].find((b) => clean(b.textContent) === 'Approve')!.click();
      await waitUntil(() => !rowOf(el, marker), 'the comment did not leave at once', WAIT);
      release();
      await waitUntil(() => rowOf(el, marker), 'the comment did not come back', WAIT);
      expect(clean(rowOf(el, marker)!.querySelector('[role=alert]')?.textContent)).to.equal(
        'The portal refused: the comment has changed since this page loaded. Reload the queue.',
      );
      expect(text(el, '[part~=console] > [part~=error]')).to.equal('The portal refused 1 of 1: they are back in the queue.');
      expect(statusText(el)).to.equal('');
      expect((await adminComment(id, 'pending'))?.id).to.equal(id);
    } finally {
      spy.restore();
    }
  });

  it('shows reported comments with reasons and reporters, and dismisses their reports', async () => {
    const marker = `reported-${uuid()}`;
    const id = await newComment(`Reported (${marker}).`);
    expect((await admin('POST', `/comments/${id}/approve`)).status).to.equal(200);
    for (const reason of ['off_topic', 'off_topic', 'spam_or_advertising']) {
      const res = await fetch(`/api/v1/comments/${id}/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Sharek-Participant': uuid(), 'Idempotency-Key': uuid() },
        body: JSON.stringify({ reason }),
      });
      expect(res.status).to.equal(202);
    }
    const el = await signedIn();
    await onConsultation(el, OPEN);
    $<HTMLButtonElement>(el, '#tab-reported')!.click();
    const row = await findRow(el, marker);
    // The portal counts reports from one address once: the browser tests all come from one.
    expect(clean(row.querySelector('.reporters')?.textContent)).to.match(/^Reported by (1 person|3 people)$/);
    expect([...row.querySelectorAll('.reasons li')].map((li) => clean(li.textContent)).length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    const dismiss = [...row.querySelectorAll('button')].find((b) => clean(b.textContent) === 'Dismiss the reports')!;
    dismiss.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(el) === 'Reports dismissed on 1 comment', `announced: ${statusText(el)}`, WAIT);
    expect(rowOf(el, marker)).to.equal(undefined);
    expect((await adminComment(id, 'published'))?.reporters).to.equal(0);
  });

  it('filters by consultation, article and type of participant', async () => {
    const marker = `filter-${uuid()}`;
    await newComment(`Academia on article 2 (${marker}).`, { stakeholderType: 'academia', sectionId: 'art-2' });
    await newComment(`Individual on article 2 (${marker}).`, { sectionId: 'art-2' });
    const el = await signedIn();
    await onConsultation(el, OPEN);
    for (const label of Object.keys(FILTERS) as (keyof typeof FILTERS)[]) expect(ownText(select(el, label)!.closest('label')!)).to.equal(label);
    const spy = spyFetch();
    try {
      await choose(select(el, 'Article')!, 'art-2');
      await choose(select(el, 'Type of participant')!, 'academia');
      await findRow(el, marker);
      const last = new URL(spy.calls.filter((c) => c.url.includes('/admin/v1/comments')).at(-1)!.url);
      expect(Object.fromEntries(last.searchParams)).to.include({ consultation: OPEN, section: 'art-2', stakeholder: 'academia', status: 'pending' });
      const rows = $$(el, 'tbody tr').filter((r) => r.textContent!.includes(marker));
      expect(rows.length).to.equal(1);
      expect(rows[0]!.textContent).to.contain('Academia on article 2');
      for (const r of $$(el, 'tbody tr')) expect(clean(r.querySelector('.who')?.textContent)).to.contain('Academia');
    } finally {
      spy.restore();
    }
  });

  it('refuses a decision while the consultation is open, with a clear message', async () => {
    const el = await signedIn();
    await onConsultation(el, OPEN);
    $$<HTMLButtonElement>(el, '[part~=views] button').find((b) => clean(b.textContent) === 'Decision')!.click();
    await waitUntil(() => $(el, '[part~=decision-form]'), 'no decision form', WAIT);
    expect(text(el, '[part~=decision-form] > p')).to.contain('only once the consultation has closed');
    const preview = $$<HTMLButtonElement>(el, '[part~=decision-form] button').find((b) => clean(b.textContent) === 'Preview')!;
    const summary = $$<HTMLTextAreaElement>(el, '[part~=decision-form] textarea')[0]!;
    summary.value = '<p>Not yet.</p>';
    summary.dispatchEvent(new Event('input'));
    preview.click();
    await waitUntil(() => $(el, '#decision-error'), 'no error', WAIT);
    expect(text(el, '#decision-error p')).to.equal('The portal refused: a decision can be published only once the consultation has closed, and only once.');
    expect(focused(el)?.id).to.equal('decision-error');
  });

  it('writes a decision, previews it as citizens will see it, and publishes it', async () => {
    const el = await signedIn();
    await onConsultation(el, CLOSED);
    const consultation = await (await fetch(`/api/v1/consultations/${CLOSED}`)).json();
    const article = consultation.sections[1];
    $$<HTMLButtonElement>(el, '[part~=views] button').find((b) => clean(b.textContent) === 'Decision')!.click();
    await waitUntil(() => $(el, '[part~=decision-form] form'), 'no decision form', WAIT);
    const form = $(el, '[part~=decision-form] form')!;
    const field = <T extends HTMLElement>(label: string) =>
      [...form.querySelectorAll('label')].find((l) => ownText(l) === label)!.querySelector<T>('input, textarea, select')!;
    const type = async (f: HTMLInputElement | HTMLTextAreaElement, value: string) => {
      f.focus();
      await sendKeys({ type: value });
    };
    form.querySelector<HTMLInputElement>('input[value=amended]')!.click();
    await type(field<HTMLTextAreaElement>('Summary in English'), '<p>Adopted with <strong>two</strong> changes.<img src=x onerror="window.pwned=1"></p>');
    await type(field<HTMLTextAreaElement>('Summary in Arabic'), '<p>اعتُمد النظام مع تعديلين.</p>');
    $$<HTMLButtonElement>(el, 'button').find((b) => clean(b.textContent) === 'Add a change')!.click();
    await waitUntil(() => focused(el)?.id === 'change-0', 'focus did not move to the new change', WAIT);
    await choose(focused(el) as HTMLSelectElement, article.id);
    await type(field<HTMLTextAreaElement>('What changed, in English'), 'Small shops have a year longer.');
    $$<HTMLButtonElement>(el, 'button').find((b) => clean(b.textContent) === 'Add a theme')!.click();
    await waitUntil(() => focused(el)?.id === 'theme-0', 'focus did not move to the new theme', WAIT);
    await type(field<HTMLInputElement>('Theme in English'), 'Small shops');
    await type(field<HTMLTextAreaElement>('What we did, in English'), 'You asked for time; we gave a year.');
    await type(field<HTMLInputElement>('Address of the final document'), 'https://portal.example/final.pdf');
    await expect(el).to.be.accessible();

    $$<HTMLButtonElement>(el, 'button').find((b) => clean(b.textContent) === 'Preview')!.click();
    await waitUntil(() => $(el, '[part~=preview] sharek-decision')?.shadowRoot?.querySelector('[part~=outcome]'), 'no preview', WAIT);
    const decision = $(el, '[part~=preview] sharek-decision')!;
    expect(text(decision, '[part~=outcome]')).to.equal('Decision: adopted with amendments');
    expect(text(decision, '[part~=summary]')).to.equal('Adopted with two changes.');
    expect(decision.shadowRoot!.querySelector('[part~=summary] img[onerror]')).to.equal(null);
    expect(text(decision, '[part~=change]')).to.contain('Small shops have a year longer.');
    expect(text(decision, '[part~=article-link]')).to.contain(`Article ${article.number}`);
    expect(text(decision, '[part~=responses] dt')).to.equal('Small shops');
    expect(focused(el)?.id).to.equal('preview-heading');
    expect((await fetch(`/api/v1/consultations/${CLOSED}/decision`)).status, 'a preview publishes nothing').to.equal(404);
    await expect(el).to.be.accessible();

    $$<HTMLButtonElement>(el, 'button').find((b) => clean(b.textContent) === 'Publish the decision')!.click();
    await waitUntil(() => $(el, '#decision-message'), 'not published', WAIT);
    expect(text(el, '#decision-message')).to.equal('The decision is published. Citizens see it now.');
    const published = await (await fetch(`/api/v1/consultations/${CLOSED}/decision`)).json();
    expect(published.outcome).to.equal('amended');
    expect(published.summary.ar).to.equal('<p>اعتُمد النظام مع تعديلين.</p>');
    expect(published.changes).to.deep.equal([{ sectionId: article.id, description: { en: 'Small shops have a year longer.' } }]);
    expect(published.responses).to.deep.equal([{ theme: { en: 'Small shops' }, response: { en: 'You asked for time; we gave a year.' } }]);
    expect(published.documentUrl).to.equal('https://portal.example/final.pdf');
  });

  for (const lang of ['ar', 'en'] as const) {
    it(`is accessible in every state (${lang})`, async () => {
      const el = await mount(lang);
      expect(el.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).to.be.accessible();
      await signIn(el);
      await waitUntil(() => $(el, '[part~=session]'), 'not signed in', WAIT);
      await waitUntil(() => $(el, 'tbody tr') || $(el, '#queue-empty'), 'the queue did not load', WAIT);
      await expect(el).to.be.accessible();
      await onConsultation(el, DECIDED);
      await waitUntil(() => $(el, 'tbody tr') || $(el, '#queue-empty'), 'the queue did not load', WAIT);
      $<HTMLButtonElement>(el, '#tab-published')!.click();
      await waitUntil(() => $(el, 'tbody tr'), 'the published queue is empty', WAIT);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '#tab-rejected')!.focus();
      await sendKeys({ press: lang === 'ar' ? 'ArrowLeft' : 'ArrowRight' });
      await waitUntil(() => $(el, '#tab-rejected[aria-selected=true]'), 'the arrow key did not move to the next tab', WAIT);
      // A decided consultation's queue of pending comments is empty.
      $<HTMLButtonElement>(el, '#tab-pending')!.click();
      await waitUntil(() => $(el, '#queue-empty'), 'not empty', WAIT);
      await expect(el).to.be.accessible();
      const spy = spyFetch((url) => (url.includes('/admin/v1/comments') ? Promise.resolve(new Response('oops', { status: 500 })) : undefined));
      try {
        $<HTMLButtonElement>(el, '#tab-reported')!.click();
        await waitUntil(() => $(el, '#queue-panel [part~=error]'), 'no error', WAIT);
        await expect(el).to.be.accessible();
      } finally {
        spy.restore();
      }
      $$<HTMLButtonElement>(el, '[part~=views] button')[2]!.click();
      await waitUntil(() => $(el, '[part~=report] table'), 'no report', WAIT);
      await expect(el).to.be.accessible();
      $$<HTMLButtonElement>(el, '[part~=views] button')[1]!.click();
      await waitUntil(() => $(el, '[part~=decision-form]'), 'no decision view', WAIT);
      await expect(el).to.be.accessible();

      // Loading: the queue's answer held back while axe looks.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const slow = spyFetch((url) => (url.includes('/admin/v1/comments') ? gate.then(() => undefined as never) : undefined));
      try {
        await onConsultation(el, OPEN);
        await waitUntil(() => $(el, '#queue-panel [aria-busy=true]'), 'not loading', WAIT);
        await expect(el).to.be.accessible();
      } finally {
        slow.restore();
        release();
      }

      // The decision form with rows, and a preview (the open consultation's is refused, so the portal's answer is stood in for).
      $$<HTMLButtonElement>(el, '[part~=views] button')[1]!.click();
      await waitUntil(() => $(el, '[part~=decision-form] form'), 'no decision form', WAIT);
      $<HTMLButtonElement>(el, '#add-change')!.click();
      $<HTMLButtonElement>(el, '#add-theme')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const decision = {
        consultationId: OPEN,
        publishedAt: new Date().toISOString(),
        outcome: 'adopted',
        summary: { ar: '<p>اعتُمدت التعليمات.</p>', en: '<p>The instructions were adopted.</p>' },
        changes: [{ sectionId: 'art-1', description: { ar: 'توضيح التعريفات.', en: 'Clearer definitions.' } }],
        feedback: { comments: 3, participants: 2, byStakeholderType: { individual: 3 } },
        responses: [{ theme: { ar: 'الوضوح', en: 'Clarity' }, response: { ar: 'وضّحناها.', en: 'We made them clear.' } }],
      };
      const preview = spyFetch((url) => (url.endsWith('/decision/preview') ? Promise.resolve(new Response(JSON.stringify(decision), { headers: { 'Content-Type': 'application/json' } })) : undefined));
      try {
        $$<HTMLButtonElement>(el, '[part~=decision-form] .buttons button')[0]!.click();
        await waitUntil(() => $(el, '[part~=preview] sharek-decision')?.shadowRoot?.querySelector('[part~=summary]'), 'no preview', WAIT);
        expect(text($(el, '[part~=preview] sharek-decision')!, '[part~=summary]')).to.equal(lang === 'ar' ? 'اعتُمدت التعليمات.' : 'The instructions were adopted.');
        await expect(el).to.be.accessible();
      } finally {
        preview.restore();
      }
    });
  }

  it('shows the feedback report of a decided consultation and downloads it with the credential', async () => {
    const el = await signedIn();
    await onConsultation(el, DECIDED);
    $$<HTMLButtonElement>(el, '[part~=views] button').find((b) => clean(b.textContent) === 'Feedback report')!.click();
    await waitUntil(() => $(el, '[part~=report] table'), 'no report', WAIT);
    const report = (await admin('GET', `/consultations/${DECIDED}/report`)).json;
    const total = $$(el, '.counts tfoot td').at(-1)!;
    expect(clean(total.textContent)).to.equal(String(report.counts.total));
    expect($$(el, '.report-comments tbody tr').length).to.equal(report.comments.length);
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), original.call(URL, b));
    const spy = spyFetch();
    try {
      $$<HTMLButtonElement>(el, '[part~=report] button').find((b) => clean(b.textContent) === 'Download CSV')!.click();
      await waitUntil(() => blobs.length === 1, 'no download', WAIT);
      const csv = await blobs[0]!.text();
      expect(csv.split('\r\n').length).to.be.greaterThan(report.comments.length);
      const call = spy.calls.find((c) => c.url.includes('report.csv'))!;
      expect(call.headers.Authorization).to.equal(`Bearer ${TOKEN}`);
      expect(statusText(el)).to.equal('The report was downloaded.');
    } finally {
      URL.createObjectURL = original;
      spy.restore();
    }
  });
});
