/**
 * A poll's results: each option's votes and share, with a bar (decoration: the
 * numbers are the text) and the person's own choice marked; or, while the
 * poll's rule keeps them hidden, when they will be shown and what the person
 * chose.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Poll } from '../api/schemas.js';
import { cssProps } from '../shared/css-props.js';
import { formatPercent, pick } from '../shared/format.js';
import { msg, str, type Locale } from '../shared/localize.js';
import { voteCount, voterCount } from './texts.js';

/** The results as the poll's rule allows, or why they are not shown yet (and the person's own choices). */
export function renderResults(p: Poll, status: Poll['status'], voted: boolean, locale: Locale, date: (iso: string) => TemplateResult) {
  const r = p.results;
  const mine = new Set(p.myVote ?? []);
  if (!r) {
    let note: unknown = nothing;
    if (status === 'closed') note = msg('The results of this poll have not been published.');
    else if (p.resultsVisibility === 'after_close') note = msg(html`The results will be shown when voting closes on ${date(p.closesAt)}.`);
    else if (!voted) note = msg('The results will be shown after you vote.');
    return html`${mine.size ? renderMyVote(p, mine, locale) : nothing}
      ${note === nothing ? nothing : html`<p part="note" class="note">${note}</p>`}`;
  }
  const total = r.totalVoters;
  return html`<div part="results" class="results">
    <p id="results-label" class="results-label">${status === 'closed' ? msg('Final results') : msg('Results so far')}</p>
    <ul aria-labelledby="results-label">
      ${p.options.map((o) => {
        const n = r.counts[o.id] ?? 0;
        const share = total ? n / total : 0;
        const label = pick(o.label, locale);
        const chosen = mine.has(o.id);
        return html`<li part=${chosen ? 'result chosen' : 'result'} class="result ${chosen ? 'chosen' : ''}">
          <span class="result-text">
            <span lang=${label.lang}>${label.text}</span>
            ${chosen ? html`<span part="mine" class="mine"><span aria-hidden="true">✓ </span>${msg('your choice')}</span>` : nothing}
          </span>
          <span class="numbers">${voteCount(locale, n)} (${formatPercent(locale, share)})</span>
          <span part="bar" class="bar" aria-hidden="true"><span class="fill" ${cssProps({ '--share': `${(share * 100).toFixed(2)}%` })}></span></span>
        </li>`;
      })}
    </ul>
    <p part="note" class="note">
      ${voterCount(locale, total)}
      ${p.maxChoices > 1 ? msg(str`Each person could choose more than one option, so the shares can add up to more than ${formatPercent(locale, 1)}.`) : nothing}
    </p>
  </div>`;
}

function renderMyVote(p: Poll, mine: Set<string>, locale: Locale) {
  return html`<div part="my-vote" class="my-vote">
    <p id="my-vote-label">${msg('You chose:')}</p>
    <ul aria-labelledby="my-vote-label">
      ${p.options
        .filter((o) => mine.has(o.id))
        .map((o) => {
          const label = pick(o.label, locale);
          return html`<li lang=${label.lang}>${label.text}</li>`;
        })}
    </ul>
  </div>`;
}
