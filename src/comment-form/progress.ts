/**
 * The form's live line about a send: on its way, waiting to try again (and
 * why: the portal busy, or not reached), or failed for good, with what the
 * person can do. Every sentence says the comment is still on this device.
 */
import { html, nothing } from 'lit';
import type { ApiError } from '../api/errors.js';
import type { Consultation } from '../api/schemas.js';
import { formatNumber } from '../shared/format.js';
import { msg, str, type Locale } from '../shared/localize.js';
import { errorMessage } from '../shared/messages.js';
import type { Sending } from '../shared/sending.js';
import { httpUrl } from '../shared/url.js';

/** `failed`: the send that failed for good, while the form says so. */
export function renderProgress(sending: Sending, failed: ApiError | undefined, c: Consultation, locale: Locale) {
  let content: unknown = nothing;
  if (sending.state === 'sending') content = msg('Sending your comment…');
  else if (sending.state === 'waiting') {
    const s = formatNumber(locale, sending.secondsLeft);
    content =
      sending.failure?.status === 429
        ? msg(str`The portal is receiving many comments. Sending again in ${s} s. Your comment is saved on this device.`)
        : msg(str`Could not reach the portal. Trying again in ${s} s. Your comment is saved on this device.`);
  } else if (failed) content = failureMessage(c, failed);
  return html`<div part="progress" class="progress ${failed ? 'error' : ''}" role="status">${content}</div>`;
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
