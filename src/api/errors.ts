/**
 * Typed failures of a call to the portal. Elements turn each kind into a
 * sentence a citizen understands; the message here is for developers and
 * the console.
 */
import type { Problem } from './schemas.js';

export type ApiErrorKind = 'network' | 'timeout' | 'problem' | 'invalid-answer' | 'not-configured';

export class ApiError extends Error {
  override name = 'SharekApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    /** The request, as `METHOD path`, so a console message names the route. */
    readonly request: string,
    readonly status?: number,
    readonly problem?: Problem,
    /** Seconds to wait before trying again, from `Retry-After`. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** Worth trying again by itself: the network, a timeout, 5xx, 429. */
  get transient(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      (this.kind === 'problem' && (this.status === 429 || (this.status ?? 0) >= 500))
    );
  }
}
