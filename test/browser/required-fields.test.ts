// The comment form's required fields are exposed as required (issue 13,
// finding 13): the comment, the group of who is commenting, and the policy's
// checkbox; the optional name is not. Read from the accessibility tree a
// screen reader gets where Chromium's tree reports it (the comment's textbox),
// from the markup where it does not (Chromium's snapshot leaves out groups and
// reports no "required" on a checkbox). Nothing is said to be invalid before
// the person has sent anything.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import './register.js';
import { $, $$ } from './helpers.js';
import type { SharekCommentForm } from '../../src/comment-form/comment-form.js';
import { consultation } from './fixtures.js';

interface AXNode {
  role: string;
  name?: string;
  required?: boolean;
  invalid?: string;
  children?: AXNode[];
}

async function tree() {
  return (await a11ySnapshot({})) as unknown as AXNode & { children: AXNode[] };
}

function node(root: AXNode & { children: AXNode[] }, role: string, name: string): AXNode {
  const found = findAccessibilityNode<AXNode>(root, (n) => n.role === role && n.name === name);
  expect(found, `no ${role} named "${name}"`).to.exist;
  return found!;
}

describe('required fields in the comment form', () => {
  afterEach(() => localStorage.clear());

  for (const lang of ['ar', 'en'] as const) {
    it(`exposes the comment, who is commenting and the policy as required, and nothing as invalid yet, in ${lang}`, async () => {
      const data = consultation('open', { id: `required-${lang}`, commenting: { ...consultation().commenting, displayNameAllowed: true } });
      const el = await fixture<SharekCommentForm>(html`<sharek-comment-form lang=${lang} api="/api" consultation=${data.id} .data=${data}></sharek-comment-form>`);
      await waitUntil(() => $(el, '#policy'), 'the policy did not load', { timeout: 10_000 });
      const label = (id: string) => $(el, `label[for=${id}]`)!.textContent!.trim();
      const root = await tree();
      expect(node(root, 'textbox', label('body')).required, 'the comment').to.equal(true);
      expect(node(root, 'textbox', label('displayName')).required ?? false, 'the optional name').to.equal(false);
      const group = $(el, 'fieldset#stakeholderType')!;
      expect(group.getAttribute('role')).to.equal('radiogroup');
      expect(group.getAttribute('aria-required')).to.equal('true');
      expect($<HTMLInputElement>(el, '#policy')!.required, 'the policy').to.equal(true);
      // Before anything is sent, no field reads as invalid (a required radio or checkbox would, unless told otherwise).
      for (const radio of $$<HTMLInputElement>(el, 'input[name=stakeholderType]')) expect(node(root, 'radio', label(radio.id)).invalid ?? 'false').to.equal('false');
      expect(node(root, 'checkbox', label('policy')).invalid ?? 'false').to.equal('false');
      expect(node(root, 'textbox', label('body')).invalid ?? 'false').to.equal('false');
      await expect(el).to.be.accessible();
    });
  }
});
