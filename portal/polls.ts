/**
 * `GET /v1/polls/{id}`, and a poll as the caller may see it: shared with the
 * answer to a vote (votes.ts), so both apply the same results-visibility rule.
 */
import type { Hono } from 'hono';
import { Poll } from '../src/api/schemas.js';
import { phaseAt } from '../src/api/status.js';
import type { Db } from './db.js';
import { idOf, notFound, sendJson, type RouteOptions } from './http.js';
import { readerOf } from './identity.js';
import { parseJson, type PollOptionRow, type PollRow } from './rows.js';

/** What a poll's own query selects. */
export type PollRead = Omit<PollRow, 'consultation_id' | 'position'>;

/** The contract's rule (src/api/status.ts): the dates alone. */
export const pollStatus = (p: PollRead, now: Date): Poll['status'] => phaseAt(p.opens_at, p.closes_at, now.getTime());

export function pollRoutes(app: Hono, { db, now, verifyToken }: Pick<RouteOptions, 'db' | 'now' | 'verifyToken'>): void {
  const q = pollQueries(db);
  app.get('/v1/polls/:id', async (c) => {
    const id = idOf(c);
    // The same caller key the vote route uses; anything malformed reads as anonymous.
    const poll = readPoll(q, id, await readerOf(c, verifyToken), now());
    if (!poll) throw notFound('No such poll.');
    // Whoever identifies themselves gets an answer about them: never from a shared cache.
    const identified = c.req.header('Sharek-Participant') !== undefined || c.req.header('Authorization') !== undefined;
    return sendJson(c, Poll, poll, { private: identified, vary: ['Sharek-Participant', 'Authorization'] });
  });
}

export function pollQueries(db: Db) {
  return {
    poll: db.prepare('SELECT id, question, max_choices, opens_at, closes_at, results_visibility FROM polls WHERE id = ?'),
    options: db.prepare('SELECT id, label FROM poll_options WHERE poll_id = ? ORDER BY position'),
    voters: db.prepare('SELECT count(*) AS n FROM votes WHERE poll_id = ?'),
    counts: db.prepare('SELECT option_id, count(*) AS n FROM vote_choices WHERE poll_id = ? GROUP BY option_id'),
    myVote: db.prepare(`
      SELECT vc.option_id FROM votes v JOIN vote_choices vc ON vc.vote_id = v.id
      JOIN poll_options o ON o.poll_id = vc.poll_id AND o.id = vc.option_id
      WHERE v.poll_id = ? AND v.participant = ? ORDER BY o.position`),
    hasVoted: db.prepare('SELECT 1 FROM votes WHERE poll_id = ? AND participant = ?'),
  };
}

export type PollQueries = ReturnType<typeof pollQueries>;

/** The Poll answer for `participant` (null: anonymous), or undefined for an unknown poll. */
export function readPoll(q: PollQueries, id: string, participant: string | null, now: Date): Poll | undefined {
  const p = q.poll.get(id) as PollRead | undefined;
  if (!p) return undefined;
  const status = pollStatus(p, now);
  const voted = participant !== null && q.hasVoted.get(p.id, participant) !== undefined;
  // after_vote also opens at closing: nobody can vote any more, so nobody would ever see them.
  const visible =
    p.results_visibility === 'always' ||
    (p.results_visibility === 'after_vote' && (voted || status === 'closed')) ||
    (p.results_visibility === 'after_close' && status === 'closed');
  const options = q.options.all(p.id) as Pick<PollOptionRow, 'id' | 'label'>[];
  let results: Poll['results'];
  if (visible) {
    const counts: Record<string, number> = Object.fromEntries(options.map((o) => [o.id, 0]));
    for (const row of q.counts.all(p.id) as { option_id: string; n: number }[]) counts[row.option_id] = row.n;
    results = { totalVoters: (q.voters.get(p.id) as { n: number }).n, counts };
  }
  return {
    id: p.id,
    question: parseJson(p.question),
    options: options.map((o) => ({ id: o.id, label: parseJson(o.label) })),
    maxChoices: p.max_choices,
    opensAt: p.opens_at,
    closesAt: p.closes_at,
    status,
    resultsVisibility: p.results_visibility,
    ...(results ? { results } : {}),
    ...(voted ? { myVote: (q.myVote.all(p.id, participant) as { option_id: string }[]).map((v) => v.option_id) } : {}),
  };
}
