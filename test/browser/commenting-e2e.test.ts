// Commenting end to end against the reference portal behind /api: write, send,
// moderate, read; and a send whose answer is lost, then a reload, still makes one comment.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './register.js';
import type { SharekCommentForm } from '../../src/comment-form/comment-form.js';
import type { SharekConsultation } from '../../src/consultation/consultation.js';

// The browser tests' portal is started with this token (web-test-runner.config.mjs).
const ADMIN = { Authorization: 'Bearer wtr-admin-token', 'Content-Type': 'application/json' };
const CONSULTATION = 'e-participation-instructions';

interface AdminComment {
  id: string;
  body: string;
  status: string;
  sectionId?: string;
}

async function pending(): Promise<AdminComment[]> {
  const res = await fetch(`/api/admin/v1/comments?status=pending&consultation=${CONSULTATION}`, { headers: ADMIN });
  expect(res.status).to.equal(200);
  return ((await res.json()) as { items: AdminComment[] }).items;
}

const inner = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

async function write(form: SharekCommentForm, body: string) {
  await waitUntil(() => inner(form, '#policy'), 'the form did not load', { timeout: 10_000 });
  const textarea = inner(form, '#body') as HTMLTextAreaElement;
  textarea.value = body;
  textarea.dispatchEvent(new Event('input'));
  inner(form, '#as-civil_society')!.click();
  inner(form, '#policy')!.click();
  await form.updateComplete;
  inner(form, '[part=submit]')!.click();
}

describe('commenting, end to end', () => {
  it('comment on an article from the card, see it await moderation, approve it, read it in the list', async () => {
    const body = `Article 2 should name the portal's accessibility standard. (${Date.now()})`;
    const card = await fixture<SharekConsultation>(html`<sharek-consultation lang="en" api="/api" consultation=${CONSULTATION}></sharek-consultation>`);
    await waitUntil(() => inner(card, '#article-art-2'), 'the card did not load', { timeout: 10_000 });
    // The form and comments follow the card's first paint; updateComplete waits for them.
    await card.updateComplete;
    (inner(card, '#article-art-2') as HTMLDetailsElement).open = true;
    inner(card, '#article-art-2 .article-actions button')!.click();
    const form = inner(card, 'sharek-comment-form') as SharekCommentForm;
    await waitUntil(() => inner(form, '[part=heading]')?.textContent?.includes('article 2'), 'the form is not on article 2', { timeout: 10_000 });
    await write(form, body);
    await waitUntil(() => inner(form, '[part=confirmation]'), 'no confirmation', { timeout: 10_000 });
    expect(inner(form, '[part=confirmation]')!.textContent).to.contain('awaiting moderation');

    const mine = (await pending()).filter((c) => c.body === body);
    expect(mine.length).to.equal(1);
    expect(mine[0]!.sectionId).to.equal('art-2');
    const approved = await fetch(`/api/admin/v1/comments/${mine[0]!.id}/approve`, { method: 'POST', headers: ADMIN });
    expect(approved.status).to.equal(200);

    const list = await fixture(html`<sharek-comments lang="en" api="/api" consultation=${CONSULTATION}></sharek-comments>`);
    await waitUntil(() => list.shadowRoot!.querySelector('[part~=comment]'), 'the list did not load', { timeout: 10_000 });
    expect(list.shadowRoot!.querySelector('[part~=comment] [part~=body]')!.textContent).to.contain(body);
  });

  it('a send whose answer is lost, then a reload: the draft is back, and sending again makes exactly one comment', async () => {
    const body = `Lost answer, kept draft (${Date.now()})`;
    const original = window.fetch;
    let cut = true;
    // The portal stores the comment, but the answer never reaches the page.
    window.fetch = async (input, init) => {
      const res = await original(input, init);
      if (init?.method === 'POST' && cut) throw new TypeError('Failed to fetch');
      return res;
    };
    try {
      const first = await fixture<SharekCommentForm>(html`<sharek-comment-form lang="en" api="/api" consultation=${CONSULTATION} .retryDelays=${[60_000]}></sharek-comment-form>`);
      await write(first, body);
      await waitUntil(() => first.shadowRoot!.querySelector('[part=progress]')?.textContent?.includes('Trying again'), 'no retry countdown', { timeout: 10_000 });
      first.remove(); // the reload, in the middle of the wait
      cut = false;
      const again = await fixture<SharekCommentForm>(html`<sharek-comment-form lang="en" api="/api" consultation=${CONSULTATION}></sharek-comment-form>`);
      // The whole form, policy included (it loads after the consultation): the test ticks its box next.
      await waitUntil(() => inner(again, '#policy'), 'the form did not come back', { timeout: 10_000 });
      expect((inner(again, '#body') as HTMLTextAreaElement).value).to.equal(body);
      inner(again, '#policy')!.click();
      await again.updateComplete;
      inner(again, '[part=submit]')!.click();
      await waitUntil(() => inner(again, '[part=confirmation]'), 'no confirmation after the reload', { timeout: 10_000 });
      expect((await pending()).filter((c) => c.body === body).length).to.equal(1);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('sharek:draft:')).length).to.equal(0);
    } finally {
      window.fetch = original;
    }
  });

  it('a comment with markup is shown as text and runs nothing', async () => {
    const body = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> (${Date.now()})`;
    const form = await fixture<SharekCommentForm>(html`<sharek-comment-form lang="ar" api="/api" consultation=${CONSULTATION}></sharek-comment-form>`);
    await write(form, body);
    await waitUntil(() => inner(form, '[part=confirmation]'), 'not sent', { timeout: 10_000 });
    const mine = (await pending()).find((c) => c.body === body)!;
    await fetch(`/api/admin/v1/comments/${mine.id}/approve`, { method: 'POST', headers: ADMIN });
    const list = await fixture(html`<sharek-comments lang="ar" api="/api" consultation=${CONSULTATION}></sharek-comments>`);
    await waitUntil(() => list.shadowRoot!.querySelector('[part~=comment]'), 'the list did not load', { timeout: 10_000 });
    const shown = list.shadowRoot!.querySelector('[part~=comment] [part~=body]')!;
    expect(shown.textContent).to.contain('<script>');
    expect(shown.querySelectorAll('img, script').length).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
