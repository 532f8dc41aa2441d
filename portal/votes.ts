/**
 * `POST /v1/polls/{id}/votes`: one vote per participant, enforced by
 * UNIQUE (poll_id, participant) in the votes table; the code's own check only
 * chooses which answer to give. The same Idempotency-Key again (a retry after
 * a lost answer) gets the 201 again instead of the 409. New votes are limited
 * per participant and per address (limits.ts): fresh participant ids from one
 * place do not make fresh voters without end.
 */
import type { Hono } from 'hono';
import { Poll, Vote } from '../src/api/schemas.js';
import {
  badRequest,
  idOf,
  invalidFields,
  notFound,
  parseBody,
  ProblemError,
  problemType,
  readJsonBody,
  sendWritten,
  type FieldError,
  type RouteOptions,
} from './http.js';
import { callerOf, idempotencyKeyOf } from './identity.js';
import { clientAddressOf, enforce, type RateLimits } from './limits.js';
import { pollQueries, pollStatus, readPoll, type PollRead } from './polls.js';
import type { VoteRow } from './rows.js';

export interface VoteOptions extends Pick<RouteOptions, 'db' | 'now' | 'verifyToken'> {
  limits: RateLimits;
  trustedHops: number;
}

export function voteRoutes(app: Hono, o: VoteOptions): void {
  const { db, now, limits } = o;
  const pq = pollQueries(db);
  const q = {
    voteOf: db.prepare('SELECT id, idempotency_key FROM votes WHERE poll_id = ? AND participant = ?'),
    choicesOf: db.prepare('SELECT option_id FROM vote_choices WHERE vote_id = ? ORDER BY option_id'),
    insertVote: db.prepare('INSERT INTO votes (poll_id, participant, created_at, idempotency_key, client_address) VALUES (?, ?, ?, ?, ?)'),
    byParticipant: db.prepare('SELECT created_at FROM votes WHERE participant = ? AND created_at > ? ORDER BY created_at DESC').pluck(),
    byAddress: db.prepare('SELECT created_at FROM votes WHERE client_address = ? AND created_at > ? ORDER BY created_at DESC').pluck(),
    insertChoice: db.prepare('INSERT INTO vote_choices (vote_id, poll_id, option_id) VALUES (?, ?, ?)'),
  };

  app.post('/v1/polls/:id/votes', async (c) => {
    const id = idOf(c);
    const raw = await readJsonBody(c);
    const key = idempotencyKeyOf(c);
    const participant = (await callerOf(c, o.verifyToken)).participant;
    const poll = pq.poll.get(id) as PollRead | undefined;
    if (!poll) throw notFound('No such poll.');
    if (participant === null) throw badRequest('Sharek-Participant', 'required', 'Send a Sharek-Participant id or sign in.');
    const chosen = [...parseBody(Vote, raw).optionIds].sort();

    // The answer is the poll as this participant now sees it: their vote and the results if visible.
    const answer = () =>
      sendWritten(Poll, readPoll(pq, id, participant, now()), 201, { Vary: 'Sharek-Participant, Authorization' });

    /** Null when this participant has not voted; else the replay's 201, or a 409/422. */
    const existing = () => {
      const prior = q.voteOf.get(id, participant) as Pick<VoteRow, 'id' | 'idempotency_key'> | undefined;
      if (!prior) return null;
      if (prior.idempotency_key !== key) {
        throw new ProblemError(409, 'You have already voted in this poll.', { type: problemType('already-voted') });
      }
      const had = (q.choicesOf.all(prior.id) as { option_id: string }[]).map((r) => r.option_id);
      if (had.join('\n') !== chosen.join('\n')) {
        throw new ProblemError(422, 'This Idempotency-Key was already used for a different vote.', {
          type: problemType('idempotency-key-reused'),
        });
      }
      return answer();
    };

    const replayed = existing();
    if (replayed) return replayed;
    const status = pollStatus(poll, now());
    if (status !== 'open') {
      throw new ProblemError(403, status === 'upcoming' ? `This poll opens at ${poll.opens_at}.` : `This poll closed at ${poll.closes_at}.`);
    }
    const options = new Set((pq.options.all(id) as { id: string }[]).map((r) => r.id));
    const errors: FieldError[] = [];
    if (new Set(chosen).size !== chosen.length || chosen.some((optionId) => !options.has(optionId))) {
      errors.push({ field: 'optionIds', code: 'invalid' });
    } else if (chosen.length > poll.max_choices) {
      errors.push({ field: 'optionIds', code: 'too_many' });
    }
    if (errors.length) throw invalidFields(errors, `Choose up to ${poll.max_choices} of this poll's options, each once.`);

    const address = clientAddressOf(c, o.trustedHops);
    const t = now();
    try {
      db.transaction(() => {
        const since = new Date(t.getTime() - limits.windowMs).toISOString();
        const limit = limits.votes;
        enforce(q.byParticipant.all(participant, since) as string[], limit.perParticipant, 'votes', limits.windowMs, t, 'per participant');
        enforce(q.byAddress.all(address, since) as string[], limit.perAddress, 'votes', limits.windowMs, t, 'from one address');
        const vote = q.insertVote.run(id, participant, t.toISOString(), key, address);
        for (const optionId of chosen) q.insertChoice.run(vote.lastInsertRowid, id, optionId);
      }).immediate();
    } catch (error) {
      // Another request by the same participant won the race: the database said no.
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      const again = existing();
      if (again) return again;
      throw error;
    }
    return answer();
  });
}
