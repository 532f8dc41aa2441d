/**
 * The read checks: every read answer of the contract against the very zod
 * schemas the widget validates with (src/api/schemas.ts), ETag and 304,
 * Cache-Control, paging (limit bounds, cursors), and problem+json for bad
 * input. Nothing here writes: the two POSTs (malformed JSON, an oversized
 * body) are refused before anything could be stored.
 */
import * as S from '../../src/api/schemas.js';
import { problemFaults, schemaFaults, tokens, type Answer, type Portal } from './http.js';
import { count, Skip, type Results } from './results.js';

/** What the first checks find and the later ones use. */
export interface Found {
  summaries: S.ConsultationSummary[];
  consultations: S.Consultation[];
  /** A consultation, poll, decision… path whose read answered 200, per kind, for the ETag and Cache-Control checks. */
  reads: Map<string, string>;
  /** Whether the list walk reached the end (nextCursor null) within the pages it read. */
  complete: boolean;
}

/** Enough to cover a portal's list without walking a national archive. */
const MAX_PAGES = 20;
const MAX_CONSULTATIONS = 30;
/** Pages of one item followed by the cursor check. */
const MAX_WALK = 200;
/** The widget's own headers on a read that identifies the caller. */
const PARTICIPANT = '5f0c3b1e-8a0d-4c47-9d2e-3c6b1f0a7e21';

const enc = encodeURIComponent;

export async function readChecks(portal: Portal, results: Results): Promise<Found> {
  const found: Found = { summaries: [], consultations: [], reads: new Map(), complete: false };
  const needList = () => {
    if (found.summaries.length === 0) throw new Skip('the consultations list gave no consultation to read');
  };

  await results.run('consultations: list', async () => {
    const faults: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/v1/consultations?limit=100${cursor ? `&cursor=${enc(cursor)}` : ''}`;
      const a = await portal.request(path);
      const f = schemaFaults(a, S.ConsultationPage);
      if (f.length) {
        faults.push(...f);
        // The items that do fit still let the other checks run.
        const items = (a.json as { items?: unknown } | undefined)?.items;
        if (Array.isArray(items)) found.summaries.push(...items.flatMap((i) => S.ConsultationSummary.safeParse(i).data ?? []));
        break;
      }
      if (pages === 0) found.reads.set('consultations list', path);
      const page = S.ConsultationPage.parse(a.json);
      found.summaries.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < MAX_PAGES);
    found.complete = cursor === null && faults.length === 0;
    return { faults, passed: `${count(found.summaries.length, 'consultation')} on ${count(pages, 'page')} fit ConsultationPage` };
  });

  await results.run('consultations: filters', async () => {
    needList();
    const faults: string[] = [];
    const statuses = [...new Set(found.summaries.map((s) => s.status))];
    for (const status of statuses) {
      const a = await portal.request(`/v1/consultations?status=${status}&limit=100`);
      const f = schemaFaults(a, S.ConsultationPage);
      faults.push(...f);
      if (f.length) continue;
      const items = S.ConsultationPage.parse(a.json).items;
      const other = items.find((s) => s.status !== status);
      if (other) faults.push(`${a.what}: ${other.id} is ${other.status}`);
      else if (found.complete && items.length < Math.min(100, found.summaries.filter((s) => s.status === status).length)) {
        faults.push(`${a.what}: ${items.length} items, fewer than the ${status} consultations of the list`);
      }
    }
    const agency = found.summaries[0]!.agency.id;
    const a = await portal.request(`/v1/consultations?agency=${enc(agency)}&limit=100`);
    const f = schemaFaults(a, S.ConsultationPage);
    faults.push(...f);
    if (f.length === 0) {
      const items = S.ConsultationPage.parse(a.json).items;
      const other = items.find((s) => s.agency.id !== agency);
      if (other) faults.push(`${a.what}: ${other.id} is ${other.agency.id}'s`);
      if (items.length === 0) faults.push(`${a.what}: none, though the list has ${found.summaries[0]!.id}`);
    }
    return { faults, passed: `?status= (${statuses.join(', ')}) and ?agency= give only what they name` };
  });

  await results.run('consultations: each', async () => {
    needList();
    const faults: string[] = [];
    for (const s of found.summaries.slice(0, MAX_CONSULTATIONS)) {
      const path = `/v1/consultations/${enc(s.id)}`;
      const a = await portal.request(path);
      const f = schemaFaults(a, S.Consultation);
      faults.push(...f);
      if (f.length) continue;
      const c = S.Consultation.parse(a.json);
      if (c.id !== s.id) faults.push(`${a.what}: id is ${JSON.stringify(c.id)}`);
      found.consultations.push(c);
      if (!found.reads.has('consultation')) found.reads.set('consultation', path);
    }
    return { faults, passed: `${count(found.consultations.length, 'consultation')} fit Consultation` };
  });

  await results.run('comments: pages', async () => {
    needList();
    const faults: string[] = [];
    let read = 0;
    for (const s of found.summaries.slice(0, MAX_CONSULTATIONS)) {
      const path = `/v1/consultations/${enc(s.id)}/comments`;
      const a = await portal.request(path);
      const f = schemaFaults(a, S.CommentPage);
      faults.push(...f);
      if (f.length) continue;
      read += S.CommentPage.parse(a.json).items.length;
      if (!found.reads.has('comments')) found.reads.set('comments', path);
    }
    // ?section= gives the comments on that article only.
    const c = found.consultations.find((x) => x.sections.length > 0 && x.participation.comments > 0);
    if (c) {
      const section = c.sections[0]!.id;
      const a = await portal.request(`/v1/consultations/${enc(c.id)}/comments?section=${enc(section)}&limit=100`);
      const f = schemaFaults(a, S.CommentPage);
      faults.push(...f);
      const other = f.length ? undefined : S.CommentPage.parse(a.json).items.find((m) => m.sectionId !== section);
      if (other) faults.push(`${a.what}: comment ${other.id} is on ${other.sectionId ?? 'the whole draft'}`);
    }
    return { faults, passed: `the first page of comments of each consultation fits CommentPage (${count(read, 'comment')})` };
  });

  await results.run('polls', async () => {
    const pollIds = [...new Set(found.consultations.flatMap((c) => c.pollIds))];
    if (pollIds.length === 0) throw new Skip('no consultation names a poll');
    const faults: string[] = [];
    for (const id of pollIds) {
      const path = `/v1/polls/${enc(id)}`;
      const a = await portal.request(path);
      const f = schemaFaults(a, S.Poll);
      faults.push(...f);
      if (f.length) continue;
      if (!found.reads.has('poll')) found.reads.set('poll', path);
      // Asked by nobody in particular: results where the poll's rule shows them to everyone, and nowhere else
      // (an after_vote poll may open its results once closed, when nobody can vote any more).
      const poll = S.Poll.parse(a.json);
      const rule = `resultsVisibility ${poll.resultsVisibility}, ${poll.status}`;
      const mustShow = poll.resultsVisibility === 'always' || (poll.resultsVisibility === 'after_close' && poll.status === 'closed');
      const mayShow = mustShow || (poll.resultsVisibility === 'after_vote' && poll.status === 'closed');
      if (mustShow && !poll.results) faults.push(`${a.what}: no results, although ${rule}`);
      if (!mayShow && poll.results) {
        faults.push(`${a.what}: results shown to ${poll.resultsVisibility === 'after_vote' ? 'someone who has not voted' : 'everyone'} (${rule})`);
      }
      if (poll.myVote) faults.push(`${a.what}: myVote for a caller who sent no Sharek-Participant`);
    }
    return { faults, passed: `${count(pollIds.length, 'poll')} fit Poll, results as their visibility rule says` };
  });

  await results.run('decisions', async () => {
    needList();
    const decided = found.summaries.filter((s) => s.status === 'decided').slice(0, MAX_CONSULTATIONS);
    const undecided = found.summaries.find((s) => s.status === 'open' || s.status === 'upcoming');
    const faults: string[] = [];
    for (const s of decided) {
      const path = `/v1/consultations/${enc(s.id)}/decision`;
      const a = await portal.request(path);
      const f = schemaFaults(a, S.Decision);
      faults.push(...f);
      if (f.length) continue;
      const d = S.Decision.parse(a.json);
      if (d.consultationId !== s.id) faults.push(`${a.what}: consultationId is ${JSON.stringify(d.consultationId)}`);
      if (!found.reads.has('decision')) found.reads.set('decision', path);
    }
    if (undecided) {
      faults.push(...problemFaults(await portal.request(`/v1/consultations/${enc(undecided.id)}/decision`), 404));
    }
    if (decided.length === 0 && !undecided) throw new Skip('no consultation is decided, open or upcoming');
    return {
      faults,
      passed: `${count(decided.length, 'decision')} fit${decided.length === 1 ? 's' : ''} Decision${undecided ? '; 404 problem before a decision' : ''}`,
    };
  });

  await results.run('usage policy', async () => {
    const faults: string[] = [];
    const a = await portal.request('/v1/policy');
    faults.push(...schemaFaults(a, S.UsagePolicy));
    if (faults.length) return { faults, passed: '' };
    found.reads.set('usage policy', '/v1/policy');
    // Each consultation's form shows the version it asks people to accept.
    const versions = new Set([S.UsagePolicy.parse(a.json).version, ...found.consultations.map((c) => c.commenting.policyVersion)]);
    for (const version of versions) {
      const v = await portal.request(`/v1/policy?version=${enc(version)}`);
      const f = schemaFaults(v, S.UsagePolicy);
      faults.push(...f);
      if (f.length === 0 && S.UsagePolicy.parse(v.json).version !== version) faults.push(`${v.what}: answers another version`);
    }
    return { faults, passed: `the current policy and ${count(versions.size, 'version')} by ?version= fit UsagePolicy` };
  });

  await results.run('ETag and 304', async () => {
    if (found.reads.size === 0) throw new Skip('no read answered 200');
    const faults: string[] = [];
    for (const path of found.reads.values()) {
      const a = await portal.request(path);
      const etag = a.headers.get('ETag');
      if (!etag) {
        faults.push(`${a.what}: ETag missing`);
        continue;
      }
      const again = await portal.request(path, { headers: { 'If-None-Match': etag } });
      if (again.status !== 304) faults.push(`${again.what} with If-None-Match: expected 304, got ${again.status}`);
      else if (again.text.length > 0) faults.push(`${again.what}: the 304 has a body (${again.text.length} bytes)`);
    }
    return { faults, passed: `${found.reads.size} kinds of read (${[...found.reads.keys()].join(', ')}) answer 304 to their ETag` };
  });

  await results.run('Cache-Control', async () => {
    if (found.reads.size === 0) throw new Skip('no read answered 200');
    const faults: string[] = [];
    for (const path of found.reads.values()) faults.push(...cacheFaults(await portal.request(path)));
    const poll = found.reads.get('poll');
    if (poll) {
      // An answer about this participant (myVote) must not be served to another from a shared cache.
      const a = await portal.request(poll, { headers: { 'Sharek-Participant': PARTICIPANT } });
      const cc = tokens(a.headers.get('Cache-Control'));
      const vary = tokens(a.headers.get('Vary'));
      if (!cc.includes('private') && !cc.includes('no-store') && !vary.includes('sharek-participant') && !vary.includes('*')) {
        faults.push(`${a.what} with Sharek-Participant: neither Cache-Control private nor Vary: Sharek-Participant`);
      }
    }
    return { faults, passed: `${found.reads.size} kinds of read say how long to keep them${poll ? '; a participant’s poll is private or varies' : ''}` };
  });

  await results.run('paging: limit bounds', async () => {
    const faults: string[] = [];
    for (const bad of ['101', '0', 'abc']) {
      faults.push(...problemFaults(await portal.request(`/v1/consultations?limit=${bad}`), 400));
    }
    const one = await portal.request('/v1/consultations?limit=1');
    const f = schemaFaults(one, S.ConsultationPage);
    faults.push(...f);
    if (f.length === 0) {
      const page = S.ConsultationPage.parse(one.json);
      if (page.items.length > 1) faults.push(`${one.what}: ${page.items.length} items, limit ignored`);
      if (found.summaries.length > 1 && page.nextCursor === null) faults.push(`${one.what}: nextCursor null with more consultations to come`);
    }
    const max = await portal.request('/v1/consultations?limit=100');
    faults.push(...schemaFaults(max, S.ConsultationPage));
    const busiest = [...found.consultations].sort((a, b) => b.participation.comments - a.participation.comments)[0];
    if (busiest) faults.push(...problemFaults(await portal.request(`/v1/consultations/${enc(busiest.id)}/comments?limit=101`), 400));
    return { faults, passed: 'limit 1 and 100 honoured; 0, 101 and abc are 400 problems' };
  });

  await results.run('paging: cursors', async () => {
    needList();
    if (found.summaries.length < 2) throw new Skip('needs at least two consultations to page through');
    const faults: string[] = [];
    const expected = found.complete ? found.summaries.map((s) => s.id) : null;
    faults.push(...(await walk(portal, '/v1/consultations', S.ConsultationPage, expected)));
    const busiest = [...found.consultations].sort((a, b) => b.participation.comments - a.participation.comments)[0];
    let comments = '';
    if (busiest && busiest.participation.comments >= 2) {
      const all = await portal.request(`/v1/consultations/${enc(busiest.id)}/comments?limit=100`);
      const full = schemaFaults(all, S.CommentPage).length === 0 ? S.CommentPage.parse(all.json) : null;
      const ids = full && full.nextCursor === null ? full.items.map((c) => c.id) : null;
      faults.push(...(await walk(portal, `/v1/consultations/${enc(busiest.id)}/comments`, S.CommentPage, ids)));
      comments = ` and the comments of ${busiest.id}`;
    }
    faults.push(...problemFaults(await portal.request('/v1/consultations?cursor=not-a-cursor!'), 400));
    return { faults, passed: `one by one, the consultations${comments} come each once, in order, to nextCursor null; a bad cursor is a 400 problem` };
  });

  await results.run('errors: malformed id', async () => {
    const faults = [
      ...problemFaults(await portal.request(`/v1/consultations/${enc('no such id!')}`), [400, 404]),
      ...problemFaults(await portal.request(`/v1/polls/${enc('../x')}`), [400, 404]),
    ];
    return { faults, passed: 'a malformed id is a 400 (or 404) problem' };
  });

  await results.run('errors: unknown id', async () => {
    const faults = [
      ...problemFaults(await portal.request('/v1/consultations/sharek-conformance-no-such-consultation'), 404),
      ...problemFaults(await portal.request('/v1/polls/sharek-conformance-no-such-poll'), 404),
    ];
    return { faults, passed: 'an unknown consultation or poll is a 404 problem' };
  });

  const target = () => {
    const open = found.summaries.find((s) => s.status === 'open') ?? found.summaries[0];
    if (!open) throw new Skip('no consultation to send the request to');
    return `/v1/consultations/${enc(open.id)}/comments`;
  };

  await results.run('errors: malformed JSON', async () => {
    const a = await portal.request(target(), { method: 'POST', headers: writeHeaders(), body: '{"body": "unfinished' });
    return { faults: problemFaults(a, 400), passed: 'a body that is not JSON is a 400 problem' };
  });

  await results.run('errors: oversized body', async () => {
    // A megabyte: far over any comment's length, so no portal could store it even if it read it.
    const body = JSON.stringify({ body: 'س'.repeat(512 * 1024), stakeholderType: 'individual', policyVersion: '1' });
    const a = await portal.request(target(), { method: 'POST', headers: writeHeaders(), body });
    return { faults: problemFaults(a, 413), passed: 'a 1 MB body is a 413 problem' };
  });

  return found;
}

/** The headers the widget sends with a write, with fresh ids. */
export function writeHeaders(participant: string = crypto.randomUUID()): Record<string, string> {
  return { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), 'Sharek-Participant': participant };
}

/** Faults of a read's Cache-Control: present, cacheable or revalidated, never `no-store`. */
function cacheFaults(a: Answer): string[] {
  const value = a.headers.get('Cache-Control');
  if (a.status !== 200) return [`${a.what}: expected 200, got ${a.status}`];
  if (!value) return [`${a.what}: Cache-Control missing`];
  const cc = tokens(value);
  if (cc.includes('no-store')) return [`${a.what}: Cache-Control ${JSON.stringify(value)} keeps a read out of every cache`];
  if (!cc.some((d) => /^(s-)?max-age=\d+$/.test(d) || d === 'no-cache')) {
    return [`${a.what}: Cache-Control ${JSON.stringify(value)} has no max-age (nor no-cache)`];
  }
  return [];
}

/**
 * Follows nextCursor one item at a time: each page fits, no item comes twice,
 * the walk ends with null, and (when the whole list is known) it is the list,
 * in order. A list longer than MAX_WALK is checked as far as that.
 */
async function walk(
  portal: Portal,
  path: string,
  schema: typeof S.ConsultationPage | typeof S.CommentPage,
  expected: string[] | null,
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < MAX_WALK; pages++) {
    const a: Answer = await portal.request(`${path}?limit=1${cursor ? `&cursor=${enc(cursor)}` : ''}`);
    const f = schemaFaults(a, schema);
    if (f.length) return f;
    const page: { items: Array<{ id: string }>; nextCursor: string | null } = schema.parse(a.json);
    for (const item of page.items) {
      if (seen.includes(item.id)) return [`${a.what}: ${item.id} again, already on an earlier page`];
      seen.push(item.id);
    }
    cursor = page.nextCursor;
    if (cursor === null) {
      if (expected && expected.join('\n') !== seen.join('\n')) {
        return [`GET ${path}?limit=1…: the pages hold ${seen.length} items, not the ${expected.length} of limit=100 in the same order`];
      }
      return [];
    }
    if (page.items.length === 0) return [`${a.what}: an empty page with a nextCursor`];
  }
  // A long list: no fault within the pages walked, which is as far as the kit goes.
  return [];
}
