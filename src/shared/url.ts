/** URLs from the portal's data, on their way to an `href`. */
import { nothing } from 'lit';

/**
 * A URL from one of the contract's URL fields, for an `href`: itself when it
 * is http(s), otherwise `nothing` (no link). The portal's answers are
 * validated (only http(s) passes), but `data` given as a property is not, and
 * lit does not filter attribute values: without this, a `javascript:` URL
 * there would become a link.
 */
export function httpUrl(url: string | undefined): string | typeof nothing {
  if (!url) return nothing;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : nothing;
  } catch {
    return nothing;
  }
}
