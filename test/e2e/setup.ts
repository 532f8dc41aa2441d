// What most end-to-end files share: the real portal on a fresh database in a
// temporary folder, and headless Chromium; started before the file's tests,
// closed after them.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
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
