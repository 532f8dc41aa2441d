/**
 * What the form shows instead of itself: the sentence before comments open,
 * after they close (saying a half-written comment is still kept) or when the
 * consultation takes none; and the thanks once the portal has the comment.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { CommentAccepted, Consultation } from '../api/schemas.js';
import { pick } from '../shared/format.js';
import { headingTag } from '../shared/heading.js';
import { msg, type Locale } from '../shared/localize.js';

/** Why there is no form: comments not open yet, closed, or not taken at all. `date` renders a date as the element does. */
export function renderClosed(why: 'upcoming' | 'closed' | 'disabled', c: Consultation, unsent: boolean, date: (iso: string) => TemplateResult) {
  let sentence: unknown;
  if (why === 'upcoming') sentence = msg(html`Comments open on ${date(c.opensAt)}. You can read the draft now.`);
  else if (why === 'closed') {
    sentence = html`${msg(html`Comments closed on ${date(c.closesAt)}. The comments already sent are being reviewed.`)}
      ${unsent ? html`<br />${msg('Your unsent comment is still saved on this device.')}` : nothing}`;
  } else sentence = msg('This consultation does not take comments.');
  return html`<p part="closed" class="closed">${sentence}</p>`;
}

/** The portal has the comment: published, or waiting for the moderators. */
export function renderSent(c: Consultation, sent: CommentAccepted, locale: Locale, headingLevel: number, writeAnother: () => void) {
  const h = headingTag(headingLevel);
  // The form focuses the heading (a name and a role a screen reader says) once the portal has the comment.
  return html`<div part="confirmation" class="confirmation" role="status">
    ${staticHtml`<${h} class="heading" id="confirmation-title" tabindex="-1">${msg('Thank you for your comment')}</${h}>`}
    <p>
      ${sent.status === 'pending'
        ? msg('It was received and is awaiting moderation. Once approved, it will be published with the others.')
        : msg('It has been published.')}
    </p>
    <p>${msg(html`The agency will publish its decision on ${pick(c.title, locale).text} after the consultation closes.`)}</p>
    <button type="button" class="secondary" @click=${writeAnother}>${msg('Write another comment')}</button>
  </div>`;
}
