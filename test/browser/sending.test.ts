// The one send-and-retry rule (src/shared/sending.ts) that the comment form and
// the poll share, on a clock the test moves by hand: no test here waits.
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { ApiError } from '../../src/api/errors.js';
import { Sending, type Timers } from '../../src/shared/sending.js';

/** Timers that fire only when the test moves time on. */
function manualClock() {
  let now = 0;
  let nextId = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => (due.set(++nextId, { at: now + ms, fn }), nextId),
    clearTimeout: (id) => void due.delete(id as number),
  };
  /** Moves time on by `ms`, firing what falls due in order, and lets the sender's promises settle. */
  async function advance(ms: number) {
    await settle();
    const end = now + ms;
    for (;;) {
      const [id, next] = [...due].filter(([, t]) => t.at <= end).sort(([, a], [, b]) => a.at - b.at)[0] ?? [];
      if (!next) break;
      due.delete(id!);
      now = next.at;
      next.fn();
      await settle();
    }
    now = end;
    await settle();
  }
  return { timers, advance };
}

const settle = () => new Promise((r) => setTimeout(r));

const host = (): ReactiveControllerHost & { updates: number } => ({
  updates: 0,
  addController() {},
  removeController() {},
  requestUpdate() {
    this.updates++;
  },
  updateComplete: Promise.resolve(true),
});

const offline = () => new ApiError('network', 'Failed to fetch');
const problem = (status: number, retryAfter?: number) => new ApiError('problem', `answered ${status}`, { status, retryAfter });

/** A request that fails with each of `failures` in turn, then answers 'ok'. */
function request(...failures: ApiError[]) {
  const calls: number[] = [];
  const send = () => {
    calls.push(calls.length);
    const failure = failures.shift();
    return failure ? Promise.reject(failure) : Promise.resolve('ok');
  };
  return { send, calls };
}

describe('Sending (src/shared/sending.ts)', () => {
  it('tries again once per entry of retryDelays, waiting each, and counts the seconds down', async () => {
    const clock = manualClock();
    const sending = new Sending(host(), { retryDelays: () => [3000, 5000], timers: clock.timers });
    const r = request(offline(), problem(503));
    const answer = sending.send(r.send);
    await settle();
    expect(sending.state).to.equal('waiting');
    expect(sending.secondsLeft).to.equal(3);
    expect(sending.failure!.kind).to.equal('network');
    await clock.advance(1000);
    expect(sending.secondsLeft).to.equal(2);
    await clock.advance(2000);
    expect(r.calls.length).to.equal(2);
    expect(sending.secondsLeft).to.equal(5);
    await clock.advance(4999);
    expect(r.calls.length, 'not before the second delay is over').to.equal(2);
    await clock.advance(1);
    expect(await answer).to.equal('ok');
    expect(sending.state).to.equal('idle');
    expect(sending.busy).to.equal(false);
  });

  it('gives up with the last failure when the delays run out, and at once when trying again cannot help', async () => {
    const clock = manualClock();
    const sending = new Sending(host(), { retryDelays: () => [10], timers: clock.timers });
    const twice = request(offline(), offline());
    const failed = sending.send(twice.send).catch((e: unknown) => e);
    await clock.advance(10);
    expect(((await failed) as ApiError).kind).to.equal('network');
    expect(twice.calls.length).to.equal(2);
    const refused = request(problem(403));
    expect(((await sending.send(refused.send).catch((e: unknown) => e)) as ApiError).status).to.equal(403);
    expect(refused.calls.length).to.equal(1);
    expect(sending.state).to.equal('idle');
  });

  it('waits as long as Retry-After says, unless that is longer than the element will wait', async () => {
    const clock = manualClock();
    const sending = new Sending(host(), { retryDelays: () => [10, 10], longestWait: 60_000, timers: clock.timers });
    const busy = request(problem(429, 30));
    const answer = sending.send(busy.send);
    await settle();
    expect(sending.secondsLeft).to.equal(30);
    expect(sending.failure!.status).to.equal(429);
    await clock.advance(29_000);
    expect(busy.calls.length).to.equal(1);
    await clock.advance(1000);
    expect(await answer).to.equal('ok');
    const tooLong = request(problem(429, 120));
    expect(((await sending.send(tooLong.send).catch((e: unknown) => e)) as ApiError).status).to.equal(429);
    expect(tooLong.calls.length).to.equal(1);
  });

  it('with waitOutRateLimits false, a 429 fails at once so the element can say how long to wait', async () => {
    const sending = new Sending(host(), { retryDelays: () => [10, 10], waitOutRateLimits: false });
    const busy = request(problem(429, 5));
    const failure = (await sending.send(busy.send).catch((e: unknown) => e)) as ApiError;
    expect([failure.status, failure.retryAfter, busy.calls.length]).to.deep.equal([429, 5, 1]);
  });

  it('on 401 asks to sign in once, and sends again when a token came', async () => {
    const sending = new Sending(host(), { retryDelays: () => [] });
    let asked = 0;
    const signedIn = request(problem(401));
    expect(await sending.send(signedIn.send, async () => (++asked, true))).to.equal('ok');
    expect([asked, signedIn.calls.length]).to.deep.equal([1, 2]);
    const refused = request(problem(401), problem(401));
    const failure = (await sending.send(refused.send, async () => (++asked, true)).catch((e: unknown) => e)) as ApiError;
    expect(failure.status).to.equal(401);
    expect([asked, refused.calls.length], 'asked once per send').to.deep.equal([2, 2]);
  });

  it('coming back online cuts a wait short', async () => {
    const clock = manualClock();
    const sending = new Sending(host(), { retryDelays: () => [600_000], timers: clock.timers });
    const r = request(offline());
    const answer = sending.send(r.send);
    await settle();
    expect(sending.state).to.equal('waiting');
    dispatchEvent(new Event('online'));
    expect(await answer).to.equal('ok');
    expect(r.calls.length).to.equal(2);
  });
});
