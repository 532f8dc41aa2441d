// What most end-to-end files share: the real portal on a fresh database in a
// temporary folder, and headless Chromium; started before the file's tests,
// closed after them.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startPortal, type PortalOptions, type RunningPortal } from '../../portal/main.js';
// @ts-expect-error: a plain .mjs helper shared with the test scripts
import { CHROME_ARGS, requireChrome } from '../../scripts/setup.mjs';

export interface EndToEnd {
  portal: RunningPortal;
  browser: Browser;
  /** The temporary folder, removed after the file's tests. */
  dir: string;
}

/** Registers the file's before and after hooks; the portal and browser are on the returned object once the tests run. */
export function portalAndChromium(name: string, options: Omit<PortalOptions, 'port' | 'dbPath'> = {}): EndToEnd {
  const dir = mkdtempSync(join(tmpdir(), `sharek-${name}-`));
  const env = { dir } as EndToEnd;
  before(async () => {
    assert.ok(existsSync('dist/sharek.js'), 'dist/sharek.js is missing: npm test builds it first');
    env.portal = await startPortal({ ...options, port: 0, dbPath: join(dir, 'portal.sqlite') });
    env.browser = await puppeteer.launch({ executablePath: requireChrome(), headless: true, args: CHROME_ARGS });
  });
  after(async () => {
    await env.browser?.close();
    await env.portal?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return env;
}

export interface HostSite {
  /** The site's origin, e.g. `http://127.0.0.1:41234`: another origin than the portal's. */
  url: string;
  close(): Promise<void>;
}

/**
 * A ministry's site on another origin than the portal: answers each GET with
 * the HTML `page(path)` gives (404 when undefined), as a webmaster's CMS would.
 */
export async function startHostSite(
  page: (path: string) => string | undefined,
  { hang = () => false }: { /** Paths never answered, as a stalled network would. */ hang?: (path: string) => boolean } = {},
): Promise<HostSite> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (hang(path)) return;
    const body = page(path);
    if (body === undefined) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What a page did wrong while loading: console errors, uncaught exceptions and answers of 400 or more. */
export function watchPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
  page.on('pageerror', (e) => problems.push(`uncaught: ${String(e)}`));
  page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
  return { problems };
}
