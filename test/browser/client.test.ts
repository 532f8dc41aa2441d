import { expect } from '@open-wc/testing';
import { PortalClient, parseRetryAfter } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import * as S from '../../src/api/schemas.js';
import { consultation } from './fixtures.js';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** A client whose network is `handler`, recording every request it makes. */
function clientWith(handler: Handler, timeout = 1000) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const client = new PortalClient('https://portal.example/api/', {
    timeout,
    fetch: async (input, init = {}) => {
      calls.push({ url: String(input), headers: (init.headers ?? {}) as Record<string, string> });
      return handler(String(input), init);
    },
  });
  return { client, calls };
}

const json = (body: unknown, init: ResponseInit & { type?: string } = {}) =>
  new Response(JSON.stringify(body), { status: 200, ...init, headers: { 'Content-Type': init.type ?? 'application/json', ...(init.headers as object) } });

describe('the contract schemas', () => {
  it('accept a complete consultation', () => {
    expect(S.Consultation.safeParse(consultation()).success).to.equal(true);
  });

  it('refuse a document URL that is not http(s)', () => {
    const bad = consultation('open', { documents: [{ title: { en: 'x' }, url: 'javascript:alert(1)', mediaType: 'application/pdf' }] });
    expect(S.Consultation.safeParse(bad).success).to.equal(false);
  });

  it('refuse empty localized text and dates without an offset', () => {
    expect(S.Consultation.safeParse(consultation('open', { title: {} })).success).to.equal(false);
    expect(S.Consultation.safeParse(consultation('open', { opensAt: '2025-01-01T10:00:00' })).success).to.equal(false);
  });

  it('validate a new comment: body required, stakeholder type from the list', () => {
    expect(S.NewComment.safeParse({ body: 'نص', stakeholderType: 'academia', policyVersion: '1' }).success).to.equal(true);
    expect(S.NewComment.safeParse({ body: '   ', stakeholderType: 'academia', policyVersion: '1' }).success).to.equal(false);
    expect(S.NewComment.safeParse({ body: 'x', stakeholderType: 'robot', policyVersion: '1' }).success).to.equal(false);
  });
});

describe('PortalClient', () => {
  it('joins the base URL and the contract path', async () => {
    const { client, calls } = clientWith(() => json(consultation()));
    await client.getConsultation('fixture-consultation');
    expect(calls[0]!.url).to.equal('https://portal.example/api/v1/consultations/fixture-consultation');
  });

  it('turns an answer that breaks the schema into an error naming the field', async () => {
    const broken = { ...consultation(), sections: [{ ...consultation().sections[0], title: 42 }] };
    const { client } = clientWith(() => json(broken));
    const error = await client.getConsultation('x').catch((e) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect(error.kind).to.equal('invalid-answer');
    expect(error.message).to.contain('sections[0].title');
    expect(error.message).to.contain('GET /v1/consultations/x');
  });

  it('refuses an answer that is not JSON (an HTML error page)', async () => {
    const { client } = clientWith(() => new Response('<html>Bad gateway</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const error = await client.getConsultation('x').catch((e) => e);
    expect(error.kind).to.equal('invalid-answer');
    expect(error.message).to.contain('text/html');
  });

  it('turns problem+json into a typed error with its status and field errors', async () => {
    const problem = { type: 'about:blank', title: 'Not found', status: 404, detail: 'No such consultation' };
    const { client } = clientWith(() => json(problem, { status: 404, type: 'application/problem+json' }));
    const error = await client.getConsultation('x').catch((e) => e);
    expect(error.kind).to.equal('problem');
    expect(error.status).to.equal(404);
    expect(error.problem.detail).to.equal('No such consultation');
    expect(error.transient).to.equal(false);
  });

  it('reads Retry-After from a 429 and marks it worth retrying', async () => {
    const { client } = clientWith(() => json({ type: 'about:blank', title: 'Too many', status: 429 }, { status: 429, type: 'application/problem+json', headers: { 'Retry-After': '7' } }));
    const error = await client.getConsultation('x').catch((e) => e);
    expect(error.retryAfter).to.equal(7);
    expect(error.transient).to.equal(true);
    expect(parseRetryAfter(new Date(Date.now() + 30_000).toUTCString())).to.be.within(28, 31);
  });

  it('revalidates with If-None-Match and uses its copy on 304', async () => {
    const body = consultation();
    const { client, calls } = clientWith((_url, init) =>
      (init.headers as Record<string, string>)['If-None-Match'] === '"v1"'
        ? new Response(null, { status: 304, headers: { ETag: '"v1"' } })
        : json(body, { headers: { ETag: '"v1"' } }),
    );
    const first = await client.getConsultation('x');
    const second = await client.getConsultation('x');
    expect(calls.length).to.equal(2);
    expect(calls[0]!.headers['If-None-Match']).to.equal(undefined);
    expect(calls[1]!.headers['If-None-Match']).to.equal('"v1"');
    expect(second).to.deep.equal(first);
  });

  it('shares one request between callers asking for the same thing at once', async () => {
    const { client, calls } = clientWith(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return json(consultation());
    });
    const [a, b] = await Promise.all([client.getConsultation('x'), client.getConsultation('x')]);
    expect(calls.length).to.equal(1);
    expect(a).to.deep.equal(b);
  });

  it('gives up after its timeout with a timeout error', async () => {
    const { client } = clientWith(
      (_url, init) =>
        new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      50,
    );
    const error = await client.getConsultation('x').catch((e) => e);
    expect(error.kind).to.equal('timeout');
    expect(error.transient).to.equal(true);
  });

  it('reports a network failure as such', async () => {
    const { client } = clientWith(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await client.getConsultation('x').catch((e) => e);
    expect(error.kind).to.equal('network');
  });

  it('answers null for a decision not yet published', async () => {
    const { client } = clientWith(() => json({ type: 'about:blank', title: 'Not found', status: 404 }, { status: 404, type: 'application/problem+json' }));
    expect(await client.getDecision('x')).to.equal(null);
  });
});
