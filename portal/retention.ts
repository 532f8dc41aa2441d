/**
 * Client addresses are personal data kept only for the abuse limits (a
 * window of minutes) and for moderators chasing recent abuse: the portal
 * deletes them from comments, votes and reports once they are older than
 * SHAREK_ADDRESS_RETENTION_DAYS (30 by default), at start and every hour.
 * The rows stay; only the address goes.
 */
import type { Db } from './db.js';

export const DEFAULT_RETENTION_DAYS = 30;
const HOUR = 60 * 60 * 1000;

/** Deletes the addresses older than `days`; returns how many rows lost theirs. */
export function purgeAddresses(db: Db, now: Date, days: number): number {
  const before = new Date(now.getTime() - days * 24 * HOUR).toISOString();
  return db
    .transaction(() => {
      let n = 0;
      for (const table of ['comments', 'votes', 'reports']) {
        n += db.prepare(`UPDATE ${table} SET client_address = NULL WHERE client_address IS NOT NULL AND created_at < ?`).run(before).changes;
      }
      return n;
    })
    .immediate();
}

/** Purges now and every hour until stopped; errors go to `logError` and the next hour tries again. */
export function scheduleRetention(db: Db, now: () => Date, days: number, logError: (e: unknown) => void): () => void {
  const run = () => {
    try {
      purgeAddresses(db, now(), days);
    } catch (error) {
      logError(error);
    }
  };
  run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
