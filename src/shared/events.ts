/**
 * Sharek's events. Each bubbles and is composed, so a host page can listen on
 * the element, on a container or on `document`.
 */
import type { ApiError } from '../api/errors.js';
import type { ConsultationStatus, ReportReason } from '../api/schemas.js';

export class SharekErrorEvent extends Event {
  static readonly type = 'sharek-error';
  constructor(readonly error: ApiError | Error) {
    super(SharekErrorEvent.type, { bubbles: true, composed: true });
  }
}

/** The consultation's status changed while the page was open (it opened, or it closed). */
export class SharekStatusChangeEvent extends Event {
  static readonly type = 'sharek-status-change';
  constructor(
    readonly consultationId: string,
    readonly status: ConsultationStatus,
    readonly previous: ConsultationStatus,
  ) {
    super(SharekStatusChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** The portal has the comment. */
export class SharekCommentSubmittedEvent extends Event {
  static readonly type = 'sharek-comment-submitted';
  constructor(
    readonly consultationId: string,
    readonly commentId: string,
    /** `pending` (awaiting moderation) or `published`. */
    readonly status: 'pending' | 'published',
  ) {
    super(SharekCommentSubmittedEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * The portal wants a signed-in person (401). The host page answers with
 * `event.provideToken(token)` (a string or a promise of one), synchronously
 * while handling the event; the element then sends again with the token.
 */
export class SharekSignInRequiredEvent extends Event {
  static readonly type = 'sharek-sign-in-required';
  token?: Promise<string | null | undefined>;
  /**
   * @param consultationId the consultation a comment was for ('' for a vote: a poll does not say its consultation)
   * @param pollId the poll a vote was for, when it was a vote
   */
  constructor(
    readonly consultationId: string,
    readonly pollId?: string,
  ) {
    super(SharekSignInRequiredEvent.type, { bubbles: true, composed: true });
  }
  provideToken(token: string | null | undefined | Promise<string | null | undefined>): void {
    this.token = Promise.resolve(token);
  }
}

/** The portal counted a vote: which poll, and the options chosen. */
export class SharekVoteEvent extends Event {
  static readonly type = 'sharek-vote';
  constructor(
    readonly pollId: string,
    readonly optionIds: readonly string[],
  ) {
    super(SharekVoteEvent.type, { bubbles: true, composed: true });
  }
}

/** The portal accepted a report of a comment: which one, and the reason chosen from the usage policy. */
export class SharekCommentReportedEvent extends Event {
  static readonly type = 'sharek-comment-reported';
  constructor(
    readonly commentId: string,
    readonly reason: ReportReason,
  ) {
    super(SharekCommentReportedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'sharek-comment-reported': SharekCommentReportedEvent;
    'sharek-vote': SharekVoteEvent;
    'sharek-comment-submitted': SharekCommentSubmittedEvent;
    'sharek-sign-in-required': SharekSignInRequiredEvent;
    'sharek-error': SharekErrorEvent;
    'sharek-status-change': SharekStatusChangeEvent;
  }
}
