/** The classes and the client, without registering anything: for bundlers and CMS plugins. */
export { SharekConsultation } from './consultation/consultation.js';
export { SharekElement } from './shared/base.js';
export { SharekErrorEvent } from './shared/events.js';
export { PortalClient, clientFor } from './api/client.js';
export { ApiError } from './api/errors.js';
export { sanitize } from './shared/sanitize.js';
export { define, elements } from './define.js';
export type * from './api/schemas.js';
