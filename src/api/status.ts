/**
 * The open/closed rule of the contract, once, for the widget and the portal.
 *
 * A consultation or a poll is `upcoming` before `opensAt`, `open` from
 * `opensAt` until just before `closesAt`, and `closed` from `closesAt` on; a
 * consultation is `decided` once its decision is published, whatever the
 * dates. Times are compared as instants (`Date.parse`), never as strings.
 *
 * Pure and dependency-free: the portal imports it (and registers it as the
 * SQL function its list filters with), the elements import it to move a
 * status on while a page stays open.
 */
import type { ConsultationStatus } from './schemas.js';

/** What the dates alone say. */
export type Phase = 'upcoming' | 'open' | 'closed';

const ORDER: readonly ConsultationStatus[] = ['upcoming', 'open', 'closed', 'decided'];

/** Where `now` (ms since the epoch) falls between the opening and the closing. */
export function phaseAt(opensAt: string, closesAt: string, now: number): Phase {
  if (now < Date.parse(opensAt)) return 'upcoming';
  if (now < Date.parse(closesAt)) return 'open';
  return 'closed';
}

/** A consultation's status as the portal states it: decided once a decision exists, else its dates. */
export function consultationStatus(decided: boolean, opensAt: string, closesAt: string, now: number): ConsultationStatus {
  return decided ? 'decided' : phaseAt(opensAt, closesAt, now);
}

/**
 * The status to show at `now` for something the portal said was `given`:
 * the dates move it on as time passes (upcoming, open, closed), never back,
 * so a poll the portal closed stays closed and a decision stays decided even
 * when the reader's clock is behind the portal's.
 */
export function statusAt<S extends ConsultationStatus>(given: S, opensAt: string, closesAt: string, now: number): S | Phase {
  const dated = phaseAt(opensAt, closesAt, now);
  return ORDER.indexOf(dated) > ORDER.indexOf(given) ? dated : given;
}
