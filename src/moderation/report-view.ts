/**
 * The printable part of the feedback report: the consultation, the counts of
 * published comments by article and type of participant, and every comment
 * with its outcome (a rejected one without its text: it was never public).
 * Call while rendering (it reads the element's locale).
 */
import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { formatDate, formatNumber, pick } from '../shared/format.js';
import { headingTag } from '../shared/heading.js';
import { msg, str, type Locale } from '../shared/localize.js';
import { STAKEHOLDER_TYPES, stakeholderLabel } from '../shared/texts.js';
import type { FeedbackReport } from './api.js';
import { queueLabel } from './texts.js';

export interface ReportOptions {
  locale: Locale;
  /** The console's heading level: the report's own headings are two below it. */
  headingLevel: number;
  /** A usage-policy reason's label in the locale. */
  reasonLabel: (code: string) => string;
}

/** "Article 3: Scope", or what the portal gave of it. */
function articleName(locale: Locale, number: string | null | undefined, title: Record<string, string> | null | undefined): string {
  const t = title ? pick(title, locale).text : '';
  if (!number) return t;
  const article = msg(str`Article ${number}`, { id: 'moderation.article-n' });
  return t ? `${article}: ${t}` : article;
}

export function renderReport(r: FeedbackReport, o: ReportOptions) {
  const locale = o.locale;
  const sub2 = headingTag(o.headingLevel, 2);
  const title = pick(r.consultation.title, locale);
  return html`<p><strong lang=${title.lang}>${title.text}</strong></p>
      <p>
        ${msg(str`Open from ${formatDate(locale, r.consultation.opensAt)} to ${formatDate(locale, r.consultation.closesAt)}.`, { id: 'moderation.open-from-n-to-n' })}
        ${msg(str`Report made on ${formatDate(locale, r.generatedAt)}.`, { id: 'moderation.report-made-on-n' })}
      </p>
      ${staticHtml`<${sub2} class="subheading">${msg('Published comments by article and type of participant', { id: 'moderation.published-comments-by-article-and-type' })}</${sub2}>`}
      <table class="counts">
        <thead>
          <tr>
            <th scope="col">${msg('Article', { id: 'moderation.article' })}</th>
            ${STAKEHOLDER_TYPES.map((t) => html`<th scope="col">${stakeholderLabel(t)}</th>`)}
            <th scope="col">${msg('Total', { id: 'moderation.total' })}</th>
          </tr>
        </thead>
        <tbody>
          ${r.counts.byArticle.map(
            (a) => html`<tr>
              <th scope="row">${a.sectionId ? articleName(o.locale, a.number, a.title) : msg('The draft as a whole', { id: 'moderation.the-draft-as-a-whole' })}</th>
              ${STAKEHOLDER_TYPES.map((t) => html`<td>${formatNumber(locale, a.byStakeholderType[t] ?? 0)}</td>`)}
              <td>${formatNumber(locale, a.total)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${msg('Total', { id: 'moderation.total' })}</th>
            <td colspan=${STAKEHOLDER_TYPES.length}></td>
            <td>${formatNumber(locale, r.counts.total)}</td>
          </tr>
        </tfoot>
      </table>
      ${staticHtml`<${sub2} class="subheading">${msg('Comments', { id: 'moderation.comments' })}</${sub2}>`}
      <table class="report-comments">
        <thead>
          <tr>
            <th scope="col">${msg('Date', { id: 'moderation.date' })}</th>
            <th scope="col">${msg('Article', { id: 'moderation.article' })}</th>
            <th scope="col">${msg('Type of participant', { id: 'moderation.type-of-participant' })}</th>
            <th scope="col">${msg('Comment', { id: 'moderation.comment' })}</th>
            <th scope="col">${msg('Outcome', { id: 'moderation.outcome' })}</th>
          </tr>
        </thead>
        <tbody>
          ${r.comments.map((m) => {
            const section = m.sectionId ? articleName(o.locale, m.sectionNumber, m.sectionTitle) : msg('The draft as a whole', { id: 'moderation.the-draft-as-a-whole' });
            return html`<tr>
              <td><time datetime=${m.createdAt}>${formatDate(locale, m.createdAt)}</time></td>
              <td>${section}</td>
              <td>${stakeholderLabel(m.stakeholderType)}${m.displayName ? html`<br />${m.displayName}` : nothing}</td>
              <td>
                ${m.body ?? nothing}
                ${m.reply ? html`<p class="reply"><strong>${msg('Agency reply:', { id: 'moderation.agency-reply' })}</strong> ${m.reply.body}</p>` : nothing}
              </td>
              <td>
                ${m.status === 'published'
                  ? msg('Published', { id: 'moderation.report-published' })
                  : m.status === 'pending'
                    ? queueLabel('pending')
                    : html`${msg('Rejected, not published', { id: 'moderation.rejected-not-published' })}${m.rejectionReason ? html`: ${o.reasonLabel(m.rejectionReason)}` : nothing}`}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>`;
}
