/**
 * Typed failures of a call to the portal. Elements turn each kind into a
 * sentence a citizen understands; the message here is for developers and
 * the console.
 */
import type { Problem } from './schemas.js';

/**
 * `refused-origin`: the portal answered its embed check saying this page's
 * origin may not embed it, so the request failed at CORS. Trying again cannot
 * help; the webmaster must have the origin allowed.
 */
export type ApiErrorKind = 'network' | 'timeout' | 'problem' | 'invalid-answer' | 'not-configured' | 'refused-origin';

export interface ApiErrorDetails {
  /** The request, as `METHOD path`, so a console message names the route. */
  request?: string;
  status?: number;
  problem?: Problem;
  /** Seconds to wait before trying again, from `Retry-After`. */
  retryAfter?: number;
}

export class ApiError extends Error {
  override name = 'SharekApiError';
  readonly request: string;
  readonly status?: number;
  readonly problem?: Problem;
  readonly retryAfter?: number;

  constructor(readonly kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
    super(message);
    this.request = details.request ?? '';
    this.status = details.status;
    this.problem = details.problem;
    this.retryAfter = details.retryAfter;
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
