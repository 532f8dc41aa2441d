// Element and client tests in a real Chromium. The reference portal runs in
// this process on a temporary database and is reachable at /api, as it is
// behind `npm start`, so tests can talk to the real thing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';
import { CHROME_ARGS, requireChrome } from './scripts/setup.mjs';

const dir = mkdtempSync(join(tmpdir(), 'sharek-wtr-'));
const { startPortal } = await tsImport('./portal/main.ts', import.meta.url);
// Every browser test reaches the portal from one loopback address: the per-address comment
// limit (20 per 10 minutes) would be shared by all of them, and many share one participant id;
// the portal's own tests cover both limits.
const portal = await startPortal({ port: 0, dbPath: join(dir, 'portal.sqlite'), origins: [], adminToken: 'wtr-admin-token', rateLimits: { perAddress: 10_000, perParticipant: 10_000 } });
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
// A portal whose answers carry XSS payloads, under /hostile-api (test/browser/hostile.test.ts).
const { hostilePortal } = await tsImport('./test/fixtures/hostile-portal.ts', import.meta.url);

/** Forwards /api/* to the portal, body and headers included. */
async function apiProxy(ctx, next) {
  if (!ctx.path.startsWith('/api/')) return next();
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const headers = { ...ctx.request.headers };
  delete headers.host;
  const res = await fetch(portal.url + ctx.url, {
    method: ctx.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  ctx.status = res.status;
  res.headers.forEach((value, key) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(key)) ctx.set(key, value);
  });
  ctx.body = Buffer.from(await res.arrayBuffer());
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 300_000,
  browsers: [chromeLauncher({ launchOptions: { executablePath: requireChrome(), headless: true, args: CHROME_ARGS } })],
  // a11ySnapshot (the accessibility tree, as a screen reader gets it) is not among the default commands.
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), a11ySnapshotPlugin()],
  middleware: [apiProxy, hostilePortal],
  testFramework: { config: { timeout: 10_000 } },
};
