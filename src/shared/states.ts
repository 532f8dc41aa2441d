/** The states every element shares, so they look and read the same everywhere. */
import { html, nothing } from 'lit';
import { msg } from './localize.js';

/**
 * What went wrong in plain words, a way to try again when there is one, and
 * `after` it what else the reader can do (the page's fallback link, say).
 * Call while rendering.
 */
export function errorState(message: string, retry?: () => void, after: unknown = nothing) {
  return html`<div part="error" class="error" role="alert">
    <p>${message}</p>
    ${retry ? html`<button part="retry" type="button" @click=${retry}>${msg('Try again')}</button>` : nothing}
    ${after}
  </div>`;
}
