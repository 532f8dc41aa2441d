/**
 * The usage policy block: its short rules, the full text (portal HTML,
 * sanitised) behind a disclosure, and the checkbox that accepts this version
 * (the version is shown and sent with the comment).
 */
import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { UsagePolicy } from '../api/schemas.js';
import { pick } from '../shared/format.js';
import { headingTag } from '../shared/heading.js';
import { msg, str, type Locale } from '../shared/localize.js';
import { sanitizedHtml } from '../shared/sanitize.js';
import { renderFieldProblem, type Problems } from './problems.js';

export interface PolicyBlock {
  locale: Locale;
  headingLevel: number;
  accepted: boolean;
  problems: Problems;
  /** The checkbox changed. */
  accept: (accepted: boolean) => void;
}

export function renderPolicy(policy: UsagePolicy | undefined, { locale, headingLevel, accepted, problems, accept }: PolicyBlock) {
  if (!policy) return html`<p class="hint" role="status">${msg('Loading the usage policy…')}</p>`;
  const text = pick(policy.text, locale);
  const sub = headingTag(headingLevel, 1);
  return html`<div part="policy" class="policy field ${problems.policy ? 'invalid' : ''}">
    ${staticHtml`<${sub} class="subheading">${msg('Usage policy')}</${sub}>`}
    <ul class="rules">
      ${policy.rules.map((r) => html`<li lang=${pick(r, locale).lang}>${pick(r, locale).text}</li>`)}
    </ul>
    <details>
      <summary>${msg(str`Read the full usage policy (version ${policy.version})`)}</summary>
      <div class="rich" lang=${text.lang}>${sanitizedHtml(text.text)}</div>
    </details>
    ${renderFieldProblem(problems, 'policy')}
    <div class="choice">
      <input
        type="checkbox"
        id="policy"
        name="policy"
        required
        .checked=${accepted}
        aria-describedby=${problems.policy ? 'policy-error' : nothing}
        aria-invalid=${problems.policy ? 'true' : 'false'}
        @change=${(e: Event) => accept((e.target as HTMLInputElement).checked)}
      />
      <label for="policy">${msg(str`I have read and accept the usage policy (version ${policy.version})`)}</label>
    </div>
  </div>`;
}
