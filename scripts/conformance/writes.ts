/**
 * The write checks, run only on the consultation the portal team names with
 * `--write-consultation` (open, set up for testing: the comments these checks
 * send stay there, pending or published as its moderation says). Each check
 * is a fresh participant, so one check's writes do not count against another's.
 */
import * as S from '../../src/api/schemas.js';
import { problemFaults, problemTitle, schemaFaults, type Answer, type Portal } from './http.js';
import { writeHeaders } from './reads.js';
import { Skip, type Results } from './results.js';

export interface WriteOptions {
  consultationId: string;
  /** How many comments the rate-limit check sends at most before it gives up (SKIP). */
  rateRequests: number;
}

const enc = encodeURIComponent;

/**
 * A write the check needs to succeed was refused as too many: the limits of
 * this address are spent (an earlier run, within the portal's window). Not a
 * fault, nor a pass: skipped, saying when to run again.
 */
function unlessRateLimited(a: Answer): Answer {
  if (a.status === 429) {
    throw new Skip(`the portal's rate limit for this address was reached first (${a.what}: 429, Retry-After ${a.headers.get('Retry-After') ?? 'missing'}); run again later`);
  }
  return a;
}

/** A comment body that is plainly a test and holds no personal data (a portal may hold those back). */
const testBody = (what: string) => `Automated conformance check (sharek-conformance): ${what}. ${crypto.randomUUID()}`;

export async function writeChecks(portal: Portal, results: Results, options: WriteOptions | undefined): Promise<void> {
  const names = ['write: test consultation', 'comments: idempotency', 'comments: key reused', 'comments: stale policy', 'votes: idempotency', 'comments: 429 and Retry-After'];
  if (!options) {
    for (const name of names) results.skip(name, 'give --write-consultation <id of an open test consultation> to check writes');
    return;
  }
  const path = `/v1/consultations/${enc(options.consultationId)}`;
  let consultation: S.Consultation | undefined;
  await results.run(names[0]!, async () => {
    const a = await portal.request(path);
    const faults = schemaFaults(a, S.Consultation);
    if (faults.length) return { faults, passed: '' };
    const c = S.Consultation.parse(a.json);
    if (c.status !== 'open' || !c.commenting.enabled) {
      return { faults: [`${a.what}: status ${c.status}, commenting ${c.commenting.enabled ? 'enabled' : 'not enabled'}: name an open test consultation`], passed: '' };
    }
    if (c.commenting.signInRequired) return { faults: [`${a.what}: needs sign-in to comment; name a test consultation open to anonymous participants`], passed: '' };
    consultation = c;
    return { faults: [], passed: `${c.id} is open for anonymous comments (${c.commenting.moderation}-moderated)` };
  });
  if (!consultation) {
    for (const name of names.slice(1)) results.skip(name, 'no usable test consultation');
    return;
  }
  const c = consultation;
  const comments = `${path}/comments`;
  const comment = (what: string, policyVersion = c.commenting.policyVersion) =>
    JSON.stringify({ body: testBody(what), stakeholderType: 'individual', policyVersion });

  await results.run(names[1]!, async () => {
    const headers = writeHeaders();
    const body = comment('the same Idempotency-Key twice');
    const first = unlessRateLimited(await portal.request(comments, { method: 'POST', headers, body }));
    let faults = schemaFaults(first, S.CommentAccepted, 201);
    if (faults.length) return { faults, passed: '' };
    const second = await portal.request(comments, { method: 'POST', headers, body });
    faults = schemaFaults(second, S.CommentAccepted, 201);
    if (faults.length) return { faults: faults.map((f) => `the same request again: ${f}`), passed: '' };
    const [a, b] = [S.CommentAccepted.parse(first.json), S.CommentAccepted.parse(second.json)];
    if (a.id !== b.id) faults.push(`${second.what}: the same Idempotency-Key twice made two comments (${a.id}, ${b.id})`);
    else if (a.status !== b.status) faults.push(`${second.what}: the replay answers status ${b.status}, the first ${a.status}`);
    return { faults, passed: `the same key twice: one comment (${a.id}), the same answer` };
  });

  await results.run(names[2]!, async () => {
    const headers = writeHeaders();
    const first = unlessRateLimited(await portal.request(comments, { method: 'POST', headers, body: comment('a key used once') }));
    const faults = schemaFaults(first, S.CommentAccepted, 201);
    if (faults.length) return { faults, passed: '' };
    const other = unlessRateLimited(await portal.request(comments, { method: 'POST', headers, body: comment('the same key, another comment') }));
    // The contract's OpenAPI says 422 (`…:idempotency-key-reused`); 409 is accepted too.
    const f = problemFaults(other, [422, 409]);
    if (f.length && other.status === 201) return { faults: [`${other.what}: the same Idempotency-Key with another body was accepted (201)`], passed: '' };
    return { faults: f, passed: `the same key with another body is a ${other.status} problem` };
  });

  await results.run(names[3]!, async () => {
    const stale = `stale-${Date.now().toString(36)}`.slice(0, 32);
    const a = unlessRateLimited(await portal.request(comments, { method: 'POST', headers: writeHeaders(), body: comment('accepted under an old policy version', stale) }));
    if (a.status === 201) return { faults: [`${a.what}: accepted a comment under policy version "${stale}" (201), not 409`], passed: '' };
    const faults = problemFaults(a, 409);
    return { faults, passed: `a policy version that is not ${c.commenting.policyVersion} is a 409 problem` };
  });

  await results.run(names[4]!, async () => {
    const polls = [];
    for (const id of c.pollIds) {
      const a = await portal.request(`/v1/polls/${enc(id)}`);
      if (schemaFaults(a, S.Poll).length === 0) polls.push(S.Poll.parse(a.json));
    }
    const poll = polls.find((p) => p.status === 'open');
    if (!poll) throw new Skip(`${c.id} has no open poll`);
    const participant = crypto.randomUUID();
    const headers = writeHeaders(participant);
    const chosen = [poll.options[0]!.id];
    const body = JSON.stringify({ optionIds: chosen });
    const votes = `/v1/polls/${enc(poll.id)}/votes`;
    const first = unlessRateLimited(await portal.request(votes, { method: 'POST', headers, body }));
    let faults = schemaFaults(first, S.Poll, 201);
    if (faults.length) return { faults, passed: '' };
    const again = await portal.request(votes, { method: 'POST', headers, body });
    faults = schemaFaults(again, S.Poll, 201).map((f) => `the same vote again: ${f}`);
    if (faults.length === 0) {
      const [a, b] = [S.Poll.parse(first.json), S.Poll.parse(again.json)];
      if (JSON.stringify(a.myVote) !== JSON.stringify(b.myVote)) faults.push(`${again.what}: the replay's myVote differs`);
      if (JSON.stringify(a.myVote) !== JSON.stringify(chosen)) faults.push(`${first.what}: myVote is not the vote sent`);
      if (!a.results && a.resultsVisibility !== 'after_close') faults.push(`${first.what}: no results after voting, although resultsVisibility is ${a.resultsVisibility}`);
      if (a.results && b.results && a.results.totalVoters !== b.results.totalVoters) {
        faults.push(`${again.what}: the same Idempotency-Key twice counted two voters (${a.results.totalVoters}, ${b.results.totalVoters})`);
      }
    }
    const second = await portal.request(votes, { method: 'POST', headers: writeHeaders(participant), body });
    if (second.status === 201) faults.push(`${second.what}: a second vote by the same participant was accepted (201), not 409`);
    else faults.push(...problemFaults(second, 409));
    return { faults, passed: `the same key twice: one vote, the same answer; another vote by the participant: 409 (${poll.id})` };
  });

  await results.run(names[5]!, async () => {
    const participant = crypto.randomUUID();
    for (let n = 1; n <= options.rateRequests; n++) {
      const a = await portal.request(comments, { method: 'POST', headers: writeHeaders(participant), body: comment(`rate limit, request ${n}`) });
      if (a.status === 201) continue;
      if (a.status !== 429) return { faults: [`${a.what}: request ${n} answered ${a.status}${problemTitle(a)}, neither 201 nor 429`], passed: '' };
      const faults = problemFaults(a, 429);
      const retry = a.headers.get('Retry-After');
      if (retry === null) faults.push(`${a.what}: 429 without Retry-After`);
      else if (!/^\d+$/.test(retry.trim()) && Number.isNaN(Date.parse(retry))) faults.push(`${a.what}: Retry-After ${JSON.stringify(retry)} is neither seconds nor a date`);
      return { faults, passed: `429 after ${n - 1} comments, Retry-After: ${retry}` };
    }
    throw new Skip(`limit not reached after ${options.rateRequests} requests (the check needs the portal's comment limits at their defaults)`);
  });
}
