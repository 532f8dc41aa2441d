/**
 * The running portal as the security review found it exposed (issue 15):
 * startPortal on a temporary database, over real HTTP, with sign-in from
 * the test issuer whose JWKS is served over HTTP too, one reverse proxy
 * trusted (so each test can come from its own address through
 * `X-Forwarded-For`), and the default abuse limits.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startPortal, type PortalOptions, type RunningPortal } from '../../portal/main.js';
import { AUDIENCE, fixtureSeed, ISSUER, TEST_JWKS } from './fixture.js';

export const DEV_ADMIN = 'live-portal-development-token';

export interface Live {
  portal: RunningPortal;
  dir: string;
  dbPath: string;
  rootDir: string;
  /** The test issuer's JWKS URL; `jwks.keys` is what it serves (tests rotate it). */
  jwksUrl: string;
  jwks: { keys: unknown[] };
  /** How many times the JWKS was fetched. */
  jwksFetches(): number;
  close(): Promise<void>;
}

/** A stand-in for dist/ and demo/ (no build needed), with the `/en/` folder finding 8 is about. */
export function standInSite(dir: string): string {
  const rootDir = join(dir, 'site');
  mkdirSync(join(rootDir, 'dist'), { recursive: true });
  mkdirSync(join(rootDir, 'demo', 'en'), { recursive: true });
  writeFileSync(join(rootDir, 'dist', 'sharek.js'), 'export const sharek = 1;\n');
  writeFileSync(join(rootDir, 'demo', 'index.html'), '<!doctype html><html lang="ar" dir="rtl"><title>عرض</title></html>\n');
  writeFileSync(join(rootDir, 'demo', 'en', 'index.html'), '<!doctype html><html lang="en"><title>Demo</title></html>\n');
  return rootDir;
}

export async function startLive(options: Partial<PortalOptions> = {}): Promise<Live> {
  const dir = mkdtempSync(join(tmpdir(), 'sharek-live-'));
  const jwks = { keys: [...TEST_JWKS.keys] as unknown[] };
  let fetches = 0;
  const keys = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await listen(keys);
  const jwksUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/jwks.json`;
  const dbPath = join(dir, 'portal.sqlite');
  const rootDir = standInSite(dir);
  const portal = await startPortal({
    port: 0,
    dbPath,
    rootDir,
    seed: fixtureSeed,
    origins: ['https://www.ministry.example.jo'],
    adminToken: DEV_ADMIN,
    oidc: { issuer: ISSUER, audience: AUDIENCE, jwksUrl },
    trustProxy: 1,
    logError: () => {},
    log: () => {},
    production: false,
    ...options,
  });
  return {
    portal,
    dir,
    dbPath,
    rootDir,
    jwksUrl,
    jwks,
    jwksFetches: () => fetches,
    close: async () => {
      await portal.close();
      keys.closeAllConnections();
      await new Promise((r) => keys.close(r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const listen = (server: Server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

/** A fresh address for each caller, as the (trusted) proxy would write it. */
let n = 0;
export const freshAddress = () => `203.0.113.${(++n % 250) + 1}`;

/** Headers of a write by a new anonymous participant from `address`. */
export const anonymous = (address: string, over: Record<string, string> = {}): Record<string, string> => ({
  'Content-Type': 'application/json',
  'Sharek-Participant': randomUUID(),
  'Idempotency-Key': randomUUID(),
  'X-Forwarded-For': address,
  ...over,
});

export const post = (p: RunningPortal, path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${p.url}/api${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

/** A request exactly as written (a Host of the client's choosing, a path fetch would normalise), over node:http. */
export function raw(p: RunningPortal, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: p.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
