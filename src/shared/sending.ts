/**
 * Sending what a person asked to send (a comment, a vote) until the portal
 * has it. A network failure, a timeout, 5xx or 429 (unless the element would
 * rather say how long to wait) is tried again by itself: once per entry of
 * `retryDelays`, waiting that many milliseconds first, or as long as the
 * portal's `Retry-After` says; coming back online cuts a wait
 * short. A 401 asks the element's sign-in once and, when it brings a token,
 * sends again. The request carries its own Idempotency-Key, so however often
 * it goes, the portal acts once.
 *
 * A send goes on after its element has left the page: the person asked for
 * it, and the key makes a late arrival harmless.
 */
import type { ReactiveControllerHost } from 'lit';
import { ApiError } from '../api/errors.js';

/** The timers a wait runs on; a test gives its own to run the waits without waiting. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** The page's timers, looked up at each call (so a test that replaces `window.setTimeout` is obeyed too). */
const pageTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export interface SendingOptions {
  /** Milliseconds before each automatic retry: the element's `retryDelays`. */
  retryDelays: () => readonly number[];
  /**
   * The longest wait worth making, in ms: a `Retry-After` beyond it fails the
   * send at once, for an element that shows no countdown. No limit by default.
   */
  longestWait?: number;
  /**
   * False: a 429 (too many from here) fails the send at once, so the element
   * can say how long to wait, rather than waiting it out. True by default.
   */
  waitOutRateLimits?: boolean;
  timers?: Timers;
}

export class Sending {
  /** `sending`: a request is on its way; `waiting`: the next try is `secondsLeft` away. */
  state: 'idle' | 'sending' | 'waiting' = 'idle';
  /** Whole seconds until the next try, while waiting. */
  secondsLeft = 0;
  /** Why the last try failed; while waiting, what is being waited out (a 429 says the portal is busy). */
  failure?: ApiError;

  constructor(private readonly host: ReactiveControllerHost, private readonly options: SendingOptions) {}

  /** A send is under way, trying or waiting to try again. */
  get busy(): boolean {
    return this.state !== 'idle';
  }

  /**
   * Sends `request` until the portal answers; when trying again can no longer
   * help, throws the last failure as an ApiError. `signIn`, asked at the first
   * 401, says whether it brought a token (the request then reads it again).
   */
  async send<T>(request: () => Promise<T>, signIn?: () => Promise<boolean>): Promise<T> {
    let askedToSignIn = false;
    // A new send starts with no failure: a wait shown now is this send's, not an earlier one's.
    this.failure = undefined;
    for (let retry = 0; ; ) {
      this.set('sending');
      try {
        const answer = await request();
        this.failure = undefined;
        this.set('idle');
        return answer;
      } catch (error) {
        const failure = error instanceof ApiError ? error : new ApiError('network', String(error));
        this.failure = failure;
        if (failure.status === 401 && signIn && !askedToSignIn) {
          askedToSignIn = true;
          if (await signIn()) continue;
        }
        const wait = this.waitBefore(failure, retry++);
        if (wait === undefined) {
          this.set('idle');
          throw failure;
        }
        await this.wait(wait);
      }
    }
  }

  /** Milliseconds to wait before the `retry`th retry of `failure`, or undefined when trying again cannot help. */
  private waitBefore(failure: ApiError, retry: number): number | undefined {
    const delay = this.options.retryDelays()[retry];
    if (!failure.transient || delay === undefined) return undefined;
    if (failure.status === 429 && this.options.waitOutRateLimits === false) return undefined;
    const wait = failure.retryAfter !== undefined ? failure.retryAfter * 1000 : delay;
    return wait > (this.options.longestWait ?? Infinity) ? undefined : wait;
  }

  /** Waits `ms`, counting the seconds down; coming back online ends the wait at once. */
  private wait(ms: number): Promise<void> {
    const timers = this.options.timers ?? pageTimers;
    this.secondsLeft = Math.ceil(ms / 1000);
    this.set('waiting');
    return new Promise((resolve) => {
      let tick: unknown;
      const countDown = () => {
        tick = timers.setTimeout(() => {
          this.secondsLeft = Math.max(0, this.secondsLeft - 1);
          this.host.requestUpdate();
          countDown();
        }, 1000);
      };
      const done = () => {
        timers.clearTimeout(tick);
        timers.clearTimeout(timer);
        removeEventListener('online', done);
        resolve();
      };
      const timer = timers.setTimeout(done, ms);
      countDown();
      addEventListener('online', done);
    });
  }

  private set(state: Sending['state']) {
    this.state = state;
    this.host.requestUpdate();
  }
}
