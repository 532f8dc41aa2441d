// npm start: install if needed, build the widget when its sources changed
// since the last build (or when asked: `npm start -- --build`), then serve the
// demo on the reference portal.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies } from './setup.mjs';

ensureDependencies();

/** What `npm run build` reads, and what it writes. */
const INPUTS = ['src', 'locales', 'demo/react/app.jsx', 'integrations', 'rollup.config.mjs', 'scripts/minify-css.mjs', 'scripts/build-react.mjs', 'scripts/build-wordpress.mjs', 'custom-elements-manifest.config.mjs', 'package.json', 'tsconfig.build.json'];
const OUTPUTS = ['dist/sharek.js', 'dist/esm/index.js', 'custom-elements.json', 'demo/react/dist/app.js'];

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const asked = process.argv.includes('--build') || process.env.SHAREK_BUILD === '1';
const built = Math.min(...OUTPUTS.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)));
const changed = INPUTS.filter((p) => newest(p) > built);
if (asked || !built || changed.length) {
  const why = asked ? 'asked to' : !built ? 'no build yet' : `changed since the last build: ${changed.join(', ')}`;
  console.log(`Building the widget (${why})…`);
  execSync('npm run build --silent', { stdio: 'inherit' });
} else {
  console.log(`The build is up to date (${new Date(built).toLocaleString()}); \`npm start -- --build\` rebuilds it.`);
}
execSync('node --import tsx portal/main.ts', { stdio: 'inherit' });
