/** The states every element shares, so they look and read the same everywhere. */
import { html, nothing } from 'lit';
import { msg } from './localize.js';

/** What went wrong in plain words, and a way to try again when there is one. Call while rendering. */
export function errorState(message: string, retry?: () => void) {
  return html`<div part="error" class="error" role="alert">
    <p>${message}</p>
    ${retry ? html`<button part="retry" type="button" @click=${retry}>${msg('Try again')}</button>` : nothing}
  </div>`;
}
