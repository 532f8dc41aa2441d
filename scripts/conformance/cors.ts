/**
 * The cross-origin checks: a page on the given embedding origin can send what
 * the widget sends (the preflight for a comment and for a read with its
 * headers), reads its answers (Access-Control-Allow-Origin, Vary: Origin,
 * ETag and Retry-After exposed), and a page on an origin the portal does not
 * list cannot.
 */
import { EmbedCheck } from '../../src/api/schemas.js';
import { schemaFaults, tokens, type Answer, type Portal } from './http.js';
import { Skip, type Results } from './results.js';

/** An origin no portal lists (`.invalid` is reserved, RFC 2606). */
export const UNLISTED_ORIGIN = 'https://not-allowed.invalid';

const WRITE_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'sharek-participant'];
const READ_HEADERS = ['authorization', 'if-none-match', 'sharek-participant'];

export async function corsChecks(portal: Portal, results: Results, origin: string | undefined, consultationPath: string | undefined): Promise<void> {
  const needOrigin = () => {
    if (!origin) throw new Skip('give --origin <an embedding origin the portal allows> to check CORS');
    return origin;
  };
  const path = () => {
    if (!consultationPath) throw new Skip('no consultation to ask about');
    return consultationPath;
  };

  await results.run('CORS: preflight', async () => {
    const from = needOrigin();
    const faults = [
      ...preflightFaults(await preflight(portal, `${path()}/comments`, from, 'POST', WRITE_HEADERS), from, 'POST', WRITE_HEADERS),
      ...preflightFaults(await preflight(portal, path(), from, 'GET', READ_HEADERS), from, 'GET', READ_HEADERS),
    ];
    return { faults, passed: `${from} may POST a comment and GET with the widget's headers` };
  });

  await results.run('CORS: answers', async () => {
    const from = needOrigin();
    const a = await portal.request(path(), { headers: { Origin: from } });
    const faults: string[] = [];
    const allow = a.headers.get('Access-Control-Allow-Origin');
    if (allow !== from && allow !== '*') faults.push(`${a.what} from ${from}: Access-Control-Allow-Origin ${allow === null ? 'missing' : JSON.stringify(allow)}`);
    if (allow !== '*' && !tokens(a.headers.get('Vary')).includes('origin')) {
      faults.push(`${a.what}: Vary: Origin missing, so a shared cache can hand one site's answer to another`);
    }
    const exposed = tokens(a.headers.get('Access-Control-Expose-Headers'));
    for (const h of ['etag', 'retry-after']) {
      if (!exposed.includes(h) && !exposed.includes('*')) faults.push(`${a.what}: Access-Control-Expose-Headers lacks ${h}`);
    }
    return { faults, passed: `answers ${from} by name, with Vary: Origin, exposing ETag and Retry-After` };
  });

  await results.run('CORS: unlisted origin refused', async () => {
    const faults: string[] = [];
    const a = await portal.request(path(), { headers: { Origin: UNLISTED_ORIGIN } });
    const allow = a.headers.get('Access-Control-Allow-Origin');
    if (allow === UNLISTED_ORIGIN || allow === '*') faults.push(`${a.what} from ${UNLISTED_ORIGIN}: Access-Control-Allow-Origin ${JSON.stringify(allow)}`);
    const p = await preflight(portal, `${path()}/comments`, UNLISTED_ORIGIN, 'POST', WRITE_HEADERS);
    const pAllow = p.headers.get('Access-Control-Allow-Origin');
    if (p.status >= 200 && p.status < 300 && (pAllow === UNLISTED_ORIGIN || pAllow === '*')) {
      faults.push(`${p.what} from ${UNLISTED_ORIGIN}: the preflight allows it (${p.status}, Access-Control-Allow-Origin ${JSON.stringify(pAllow)})`);
    }
    return { faults, passed: `${UNLISTED_ORIGIN} gets no Access-Control-Allow-Origin` };
  });

  await results.run('CORS: embed-check', async () => {
    const faults: string[] = [];
    const asks: Array<[string, boolean]> = [[UNLISTED_ORIGIN, false]];
    if (origin) asks.push([origin, true]);
    for (const [from, allowed] of asks) {
      const a = await portal.request('/v1/embed-check', { headers: { Origin: from } });
      const f = schemaFaults(a, EmbedCheck);
      faults.push(...f);
      if (f.length === 0 && EmbedCheck.parse(a.json).allowed !== allowed) faults.push(`${a.what} from ${from}: says allowed ${String(!allowed)}`);
      // Any page may ask: the widget reads the answer from a refused site too.
      if (f.length === 0 && !['*', from].includes(a.headers.get('Access-Control-Allow-Origin') ?? '')) {
        faults.push(`${a.what} from ${from}: the page cannot read the answer (Access-Control-Allow-Origin ${JSON.stringify(a.headers.get('Access-Control-Allow-Origin'))})`);
      }
    }
    return { faults, passed: `says no to ${UNLISTED_ORIGIN}${origin ? ` and yes to ${origin}` : ''}, readable by either` };
  });
}

function preflight(portal: Portal, path: string, origin: string, method: string, headers: string[]): Promise<Answer> {
  return portal.request(path, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers.join(',') },
  });
}

function preflightFaults(a: Answer, origin: string, method: string, headers: string[]): string[] {
  const what = `${a.what} (preflight for ${method} from ${origin})`;
  if (a.status < 200 || a.status >= 300) return [`${what}: ${a.status}`];
  const faults: string[] = [];
  const allow = a.headers.get('Access-Control-Allow-Origin');
  if (allow !== origin && allow !== '*') faults.push(`${what}: Access-Control-Allow-Origin ${allow === null ? 'missing' : JSON.stringify(allow)}`);
  // GET and POST are CORS-safelisted methods: the browser does not need them in Access-Control-Allow-Methods.
  const allowed = tokens(a.headers.get('Access-Control-Allow-Headers'));
  // `*` does not cover Authorization (Fetch standard).
  const missing = headers.filter((h) => !allowed.includes(h) && !(allowed.includes('*') && h !== 'authorization'));
  if (missing.length) faults.push(`${what}: Access-Control-Allow-Headers lacks ${missing.join(', ')}`);
  return faults;
}
