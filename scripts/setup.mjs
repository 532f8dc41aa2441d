// What `npm start` and `npm test` need before they run, using only Node's own modules:
// the dependencies (installed when node_modules is missing) and a Chromium for tests.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureDependencies() {
  if (existsSync('node_modules/.package-lock.json')) return;
  console.log('node_modules is missing: installing dependencies (about a minute or two)…');
  execSync(existsSync('package-lock.json') ? 'npm ci' : 'npm install', { stdio: 'inherit' });
}

const CHROMES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The Chromium to test in: CHROME_PATH, then the usual places. Null when there is none. */
export function findChrome() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  return CHROMES.find((p) => existsSync(p)) ?? null;
}

export function requireChrome() {
  const chrome = findChrome();
  if (chrome) return chrome;
  console.error(
    [
      process.env.CHROME_PATH ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist.` : 'No Chromium or Chrome found.',
      'The tests run in a real Chromium. Install one, then run npm test again:',
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
      '  Fedora:         sudo dnf install -y chromium',
      '  macOS:          brew install --cask chromium',
      'or point CHROME_PATH at an installed Chrome or Chromium binary.',
    ].join('\n'),
  );
  process.exit(1);
}

/** Flags for headless Chromium on a machine without a sandbox or outside network. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
