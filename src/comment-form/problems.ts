/**
 * What is wrong with a comment, said at the field it is about and listed at
 * the top of the form (the GOV.UK error summary): the checks the portal would
 * make, done before sending, and the portal's own field errors (400) after.
 * The texts are made in the form's locale: call these while rendering, or
 * inside the form's `inLocale`.
 */
import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { Problem } from '../api/schemas.js';
import { headingTag } from '../shared/heading.js';
import { msg, type Locale } from '../shared/localize.js';
import type { Draft } from './draft.js';
import { tooLong } from './texts.js';

/** The form's fields, by the id of the element that takes focus for each. */
export type Field = 'body' | 'sectionId' | 'stakeholderType' | 'displayName' | 'policy';
export type Problems = Partial<Record<Field, string>>;

/** The contract's field names (a NewComment's) as the form's. */
const FIELDS: Record<string, Field> = { body: 'body', sectionId: 'sectionId', stakeholderType: 'stakeholderType', displayName: 'displayName', policyVersion: 'policy' };

/** The checks the portal would make, so the person sees them at their fields before anything is sent. */
export function checkComment(draft: Draft, accepted: boolean, maxLength: number, locale: Locale): Problems {
  const problems: Problems = {};
  const body = draft.body.trim();
  if (!body) problems.body = msg('Write your comment.');
  else if (body.length > maxLength) problems.body = tooLong(locale, maxLength);
  if (!draft.stakeholderType) problems.stakeholderType = msg('Choose who you are commenting as.');
  if (!accepted) problems.policy = msg('Tick the box to accept the usage policy.');
  return problems;
}

/** The portal's field errors (400), at the form's fields; one it does not know goes to the comment. */
export function portalProblems(problem: Problem): Problems {
  const problems: Problems = {};
  for (const { field, code } of problem.errors ?? []) {
    problems[FIELDS[field] ?? 'body'] = code === 'too_long' ? msg('This is too long.') : code === 'required' ? msg('This is required.') : msg('This is not valid.');
  }
  return problems;
}

export const hasProblems = (problems: Problems) => Object.values(problems).some(Boolean);

/** The problem under a field's label (`<field>-error`, for its aria-describedby). */
export function renderFieldProblem(problems: Problems, field: Field) {
  const message = problems[field];
  return message
    ? html`<p class="field-error" id=${`${field}-error`}>
        <span class="visually-hidden">${msg('Error:')}</span> ${message}
      </p>`
    : nothing;
}

/** Every problem at the top of the form, each a link that takes focus to its field. */
export function renderProblemSummary(problems: Problems, headingLevel: number, root: ParentNode) {
  const entries = Object.entries(problems).filter(([, m]) => m) as [Field, string][];
  if (!entries.length) return nothing;
  const sub = headingTag(headingLevel, 1);
  const focus = (e: Event, field: Field) => {
    e.preventDefault();
    // A group of radio buttons takes focus on its first.
    root.querySelector<HTMLElement>(field === 'stakeholderType' ? 'input[name=stakeholderType]' : `#${field}`)?.focus();
  };
  // An alert, focused when shown, as GOV.UK's error summary: announced by its name, then its list.
  return html`<div part="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
    ${staticHtml`<${sub} class="subheading" id="summary-title">${msg('There is a problem')}</${sub}>`}
    <ul>
      ${entries.map(([field, message]) => html`<li><a href=${`#${field}`} @click=${(e: Event) => focus(e, field)}>${message}</a></li>`)}
    </ul>
  </div>`;
}
