/**
 * What is happening with a send. Two lines while it is under way: a live one
 * that says what is going on (sending; or not reached, or the portal busy, and
 * that it will be tried again by itself) and changes only when that changes,
 * and a quiet one under it with the countdown, which ticks every second and so
 * is not live (a screen reader would otherwise speak it every second for half
 * a minute). A send that failed for good is an alert the form focuses.
 */
import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { ApiError } from '../api/errors.js';
import type { Consultation } from '../api/schemas.js';
import { headingTag } from '../shared/heading.js';
import { msg, type Locale } from '../shared/localize.js';
import { errorMessage } from '../shared/messages.js';
import type { Sending } from '../shared/sending.js';
import { httpUrl } from '../shared/url.js';
import { retryingIn } from './texts.js';

/** `failed`: the send that failed for good, while the form says so. */
export function renderProgress(sending: Sending, failed: ApiError | undefined, c: Consultation, locale: Locale, headingLevel: number) {
  // The failure being waited out, also while the next try is on its way: the live line stays as it is.
  const retrying = sending.busy && sending.failure?.transient ? sending.failure : undefined;
  const busyPortal = retrying?.status === 429;
  let status: unknown = '';
  if (retrying) {
    status = busyPortal
      ? msg('The portal is receiving many comments. Your comment is saved on this device and will be sent again by itself.')
      : msg('Could not reach the portal. Your comment is saved on this device and will be sent again by itself.');
  } else if (sending.state === 'sending') status = msg('Sending your comment…');
  let countdown: unknown = nothing;
  if (sending.state === 'waiting') countdown = retryingIn(locale, sending.secondsLeft, busyPortal);
  else if (retrying) countdown = msg('Trying again now…');
  const sub = headingTag(headingLevel, 1);
  return html`<div part="progress" class="progress ${failed ? 'error' : ''}">
    <p class="status" role="status">${status}</p>
    ${countdown === nothing ? nothing : html`<p class="countdown">${countdown}</p>`}
    ${failed
      ? html`<div class="failure" role="alert" tabindex="-1" aria-labelledby="failure-title">
          ${staticHtml`<${sub} class="subheading" id="failure-title">${msg('Your comment was not sent')}</${sub}>`}
          <p>${failureMessage(c, failed)}</p>
        </div>`
      : nothing}
  </div>`;
}

function failureMessage(c: Consultation, f: ApiError) {
  if (f.status === 401) {
    const href = httpUrl(c.commenting.signInUrl) !== nothing ? httpUrl(c.commenting.signInUrl) : httpUrl(c.portalUrl);
    return html`${msg('You need to sign in on the participation portal to comment.')}
      <a href=${href}>${msg('Sign in on the portal')}</a> ${msg('Your comment stays saved on this device.')}`;
  }
  if (f.status === 403) return msg('This consultation is no longer taking comments. Your comment stays saved on this device.');
  if (f.status === 413) return msg('Your comment is too long for the portal. Please shorten it.');
  if (f.status === 422) return msg('An earlier version of this comment already reached the portal. Send again to send this version as a new comment.');
  return html`${errorMessage(f)} ${msg('Your comment is saved on this device; nothing is lost.')}`;
}
