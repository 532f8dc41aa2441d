/**
 * The browser's client for the portal API contract.
 *
 * One client per base URL per page (`clientFor`), so every element on a page
 * shares its ETag cache and its in-flight requests: two cards showing the same
 * consultation make one request. Every answer is validated with the
 * contract's schema before an element sees it.
 */
import type * as z from 'zod/mini';
import { ApiError } from './errors.js';
import { absoluteBase, takeEarly } from './preload.js';

export { pageApi } from './preload.js';
import * as S from './schemas.js';

export interface ClientOptions {
  /** Milliseconds before a request is abandoned. */
  timeout?: number;
  fetch?: typeof fetch;
}

export interface WriteOptions {
  /** A UUID made once per draft or per vote, so a retried send is not a second one. */
  idempotencyKey?: string;
  /** Who is taking part: `Authorization` and/or `Sharek-Participant`. */
  headers?: Record<string, string>;
}

const writeHeaders = (o: WriteOptions) => ({ ...o.headers, ...(o.idempotencyKey ? { 'Idempotency-Key': o.idempotencyKey } : {}) });

interface Cached {
  etag: string;
  json: unknown;
}

const enc = encodeURIComponent;

export class PortalClient {
  readonly base: string;
  private readonly timeout: number;
  private readonly fetcher: typeof fetch;
  private readonly etags = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(base: string, options: ClientOptions = {}) {
    this.base = base.replace(/\/+$/, '');
    this.timeout = options.timeout ?? 15000;
    this.fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  getConsultation(id: string) {
    return this.get(`/v1/consultations/${enc(id)}`, S.Consultation);
  }

  listConsultations(query: { status?: string; agency?: string; cursor?: string; limit?: number } = {}) {
    return this.get(`/v1/consultations${search(query)}`, S.ConsultationPage);
  }

  listComments(id: string, query: { section?: string; cursor?: string; limit?: number } = {}) {
    return this.get(`/v1/consultations/${enc(id)}/comments${search(query)}`, S.CommentPage);
  }

  getPoll(id: string, headers: Record<string, string> = {}) {
    return this.get(`/v1/polls/${enc(id)}`, S.Poll, headers);
  }

  /** The decision, or `null` while none is published (the portal answers 404). */
  async getDecision(id: string): Promise<S.Decision | null> {
    try {
      return await this.get(`/v1/consultations/${enc(id)}/decision`, S.Decision);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  getPolicy(version?: string) {
    return this.get(`/v1/policy${search({ version })}`, S.UsagePolicy);
  }

  /** Sends a comment once: the same `idempotencyKey` again gives the same answer and no second comment. */
  async postComment(consultationId: string, comment: S.NewComment, options: WriteOptions): Promise<S.CommentAccepted> {
    const path = `/v1/consultations/${enc(consultationId)}/comments`;
    const res = await this.send('POST', path, { headers: writeHeaders(options), body: comment });
    return validate(S.CommentAccepted, await readJson(res, `POST ${path}`), `POST ${path}`);
  }

  /** Reports a comment that breaks the usage policy (202: the moderators will look). */
  async reportComment(commentId: string, report: S.Report, options: WriteOptions): Promise<void> {
    await this.send('POST', `/v1/comments/${enc(commentId)}/reports`, { headers: writeHeaders(options), body: report });
  }

  /** Votes once; the answer is the poll with the results the caller may see. */
  async vote(pollId: string, vote: S.Vote, options: WriteOptions): Promise<S.Poll> {
    const path = `/v1/polls/${enc(pollId)}/votes`;
    const res = await this.send('POST', path, { headers: writeHeaders(options), body: vote });
    return validate(S.Poll, await readJson(res, `POST ${path}`), `POST ${path}`);
  }

  /**
   * GET with validation, ETag revalidation and shared in-flight requests.
   * Requests that differ by caller headers are not shared.
   */
  get<T extends z.ZodMiniType>(path: string, schema: T, headers: Record<string, string> = {}): Promise<z.infer<T>> {
    const key = path + '\n' + JSON.stringify(headers);
    let pending = this.inFlight.get(key) as Promise<z.infer<T>> | undefined;
    if (!pending) {
      pending = this.revalidate(path, key, schema, headers).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async revalidate<T extends z.ZodMiniType>(
    path: string,
    key: string,
    schema: T,
    headers: Record<string, string>,
  ): Promise<z.infer<T>> {
    const cached = this.etags.get(key);
    const res = await this.send('GET', path, { headers: { ...headers, ...(cached ? { 'If-None-Match': cached.etag } : {}) } });
    if (res.status === 304 && cached) return validate(schema, cached.json, `GET ${path}`);
    const json = await readJson(res, `GET ${path}`);
    const value = validate(schema, json, `GET ${path}`);
    const etag = res.headers.get('ETag');
    if (etag) this.etags.set(key, { etag, json });
    return value;
  }

  private embedAnswer?: Promise<boolean>;

  /**
   * True when the portal says this page's origin may not embed it (its
   * CORS-open `GET /v1/embed-check`). Asked only after a request from another
   * origin failed like a network failure, once per page while the answer
   * holds; then the console says, once, what the webmaster must change.
   * False when the check itself cannot be made: then it was the network.
   */
  private refusesThisOrigin(): Promise<boolean> {
    if (typeof location === 'undefined' || new URL(this.base).origin === location.origin) return Promise.resolve(false);
    this.embedAnswer ??= this.fetcher(`${this.base}/v1/embed-check`, { credentials: 'omit', mode: 'cors', signal: AbortSignal.timeout(this.timeout) })
      .then(async (res) => {
        const answer = res.ok ? S.EmbedCheck.safeParse(await res.json()) : undefined;
        if (!answer?.success) throw new Error('no embed check');
        if (!answer.data.allowed) {
          console.error(
            `[sharek] The portal at ${this.base} does not allow pages on ${location.origin} to embed it, so the browser refused its answers. ` +
              `On the reference portal, add ${location.origin} to SHAREK_ORIGINS (comma-separated); on another portal, ask its operators to allow this origin.`,
          );
        }
        return !answer.data.allowed;
      })
      .catch(() => {
        this.embedAnswer = undefined;
        return false;
      });
    return this.embedAnswer;
  }

  /**
   * Sends one request with a timeout, and turns every failure into an ApiError:
   * the network, the timeout, and any non-2xx/304 answer (problem+json or not).
   */
  async send(method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Response> {
    const request = `${method} ${path}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeout);
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    // The card's first read may have been started by the script already (preload.ts).
    const early = method === 'GET' && Object.keys(headers).length === 1 ? takeEarly(this.base + path) : undefined;
    try {
      res = early ? await untilAborted(early, controller.signal) : await this.fetcher(this.base + path, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: controller.signal,
        credentials: 'omit',
        mode: 'cors',
      });
    } catch (e) {
      if (controller.signal.aborted) {
        throw new ApiError('timeout', `${request}: no answer within ${this.timeout} ms`, { request });
      }
      // A portal that refuses this page's origin looks like a network failure to a page: ask it.
      if (await this.refusesThisOrigin()) {
        throw new ApiError('refused-origin', `${request}: the portal does not allow ${location.origin} to embed it`, { request });
      }
      throw new ApiError('network', `${request}: ${(e as Error).message || 'network failure'}`, { request });
    } finally {
      clearTimeout(timer);
    }
    if (res.ok || res.status === 304) return res;
    throw await problemError(res, request);
  }
}

/** `answer`, or a rejection once `signal` aborts (a request started elsewhere cannot be aborted here). */
function untilAborted<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  return Promise.race([answer, new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }))]);
}

async function problemError(res: Response, request: string): Promise<ApiError> {
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
  let problem: S.Problem | undefined;
  if ((res.headers.get('Content-Type') ?? '').includes('json')) {
    const parsed = S.Problem.safeParse(await res.json().catch(() => undefined));
    if (parsed.success) problem = parsed.data;
  }
  const what = problem ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}` : res.statusText || 'error';
  return new ApiError('problem', `${request} answered ${res.status} (${what})`, { request, status: res.status, problem, retryAfter });
}

/** `Retry-After` in seconds, from either of its forms (seconds or an HTTP date). */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function readJson(res: Response, request: string): Promise<unknown> {
  const type = res.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) {
    throw new ApiError('invalid-answer', `${request}: expected JSON, got "${type || 'no content type'}"`, { request, status: res.status });
  }
  try {
    return await res.json();
  } catch {
    throw new ApiError('invalid-answer', `${request}: the answer is not valid JSON`, { request, status: res.status });
  }
}

/** Parse with the contract's schema; a failure names the first wrong field. */
export function validate<T extends z.ZodMiniType>(schema: T, json: unknown, request: string): z.infer<T> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') : '(root)';
  throw new ApiError('invalid-answer', `${request}: invalid answer at field "${field}": ${issue.message}`, { request });
}

function search(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

const clients = new Map<string, PortalClient>();

/** The page's shared client for a base URL (resolved against the page's URL). */
export function clientFor(base: string): PortalClient {
  const absolute = absoluteBase(base);
  let client = clients.get(absolute);
  if (!client) clients.set(absolute, (client = new PortalClient(absolute)));
  return client;
}
