/**
 * Sharek's events. Each bubbles and is composed, so a host page can listen on
 * the element, on a container or on `document`.
 */
import type { ApiError } from '../api/errors.js';

export class SharekErrorEvent extends Event {
  static readonly type = 'sharek-error';
  constructor(readonly error: ApiError | Error) {
    super(SharekErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'sharek-error': SharekErrorEvent;
  }
}
