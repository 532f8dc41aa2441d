/** Sentences shared by several elements. Call them while rendering (they read the element's locale). */
import { ApiError } from '../api/errors.js';
import { msg } from './localize.js';

/** What went wrong, in words a citizen understands; the technical message goes to the console. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.kind) {
      case 'not-configured':
        return msg("This can't be shown: the site has not set the consultation portal's address.");
      case 'refused-origin':
        return msg("The consultation can't be shown on this site at the moment. You can still read it and take part on the consultation portal.");
      case 'network':
      case 'timeout':
        return msg("We couldn't reach the consultation portal. Check your connection and try again.");
      case 'invalid-answer':
        return msg("The consultation portal sent information we couldn't read. Please try again later.");
      case 'problem':
        if (error.status === 404) return msg('This was not found on the consultation portal. It may have been removed.');
        if (error.status === 429 || (error.status ?? 0) >= 500) {
          return msg('The consultation portal is busy or having trouble. Please try again in a moment.');
        }
    }
  }
  return msg('Something went wrong. Please try again.');
}
