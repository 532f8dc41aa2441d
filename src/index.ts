/** The classes and the client, without registering anything: for bundlers and CMS plugins. */
export { SharekConsultation } from './consultation/consultation.js';
export { SharekCommentForm } from './comment-form/comment-form.js';
export { findPersonalData } from './comment-form/personal-data.js';
export { SharekComments } from './comments/comments.js';
export { SharekPoll } from './poll/poll.js';
export { SharekDecision } from './decision/decision.js';
export { SharekConsultations } from './consultations/consultations.js';
export { SharekModeration } from './moderation/moderation.js';
export { SharekElement } from './shared/base.js';
export {
  SharekCommentReportedEvent,
  SharekCommentSubmittedEvent,
  SharekErrorEvent,
  SharekSignInRequiredEvent,
  SharekStatusChangeEvent,
  SharekVoteEvent,
} from './shared/events.js';
export { PortalClient, clientFor } from './api/client.js';
export { ApiError } from './api/errors.js';
export { sanitize } from './shared/sanitize.js';
export { define, elements } from './define.js';
export { defineAs } from './registry.js';
export type * from './api/schemas.js';
