/**
 * The card's documents: each with its type, size and language (when not the
 * reader's), then the impact assessment. Only http(s) links (httpUrl).
 */
import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { Consultation } from '../api/schemas.js';
import { fileType, formatBytes, pick } from '../shared/format.js';
import { headingTag } from '../shared/heading.js';
import { languageOf, msg, type Locale } from '../shared/localize.js';
import { httpUrl } from '../shared/url.js';

export function renderDocuments(c: Consultation, locale: Locale, headingLevel: number) {
  if (!c.documents.length && !c.impactAssessmentUrl) return nothing;
  const languages = new Intl.DisplayNames(locale, { type: 'language' });
  const sub = headingTag(headingLevel, 1);
  return html`<section class="documents" aria-labelledby="documents-heading">
    ${staticHtml`<${sub} class="subheading" id="documents-heading">${msg('Documents')}</${sub}>`}
    <ul part="documents">
      ${c.documents.map((d) => {
        const title = pick(d.title, locale);
        const details = [fileType(d.mediaType)];
        if (d.sizeBytes !== undefined) details.push(formatBytes(locale, d.sizeBytes));
        if (d.lang && d.lang.split('-')[0]!.toLowerCase() !== languageOf(locale)) details.push(languages.of(d.lang) ?? d.lang);
        // Each detail isolated: unisolated, "PDF" and "1.1" make one left-to-right run in Arabic and PDF shows between the number and its unit.
        const comma = languageOf(locale) === 'ar' ? '، ' : ', ';
        return html`<li>
          <a href=${httpUrl(d.url)} hreflang=${d.lang ?? nothing} lang=${title.lang}>${title.text}</a>
          <span class="doc-meta">(${details.map((detail, i) => html`${i ? comma : ''}<bdi>${detail}</bdi>`)})</span>
        </li>`;
      })}
    </ul>
    ${httpUrl(c.impactAssessmentUrl) !== nothing
      ? html`<p part="impact" class="impact"><a href=${httpUrl(c.impactAssessmentUrl)}>${msg('Read the impact assessment')}</a></p>`
      : nothing}
  </section>`;
}
