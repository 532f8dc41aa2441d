// The WordPress plugin as the zip a ministry uploads (Plugins → Add New →
// Upload Plugin): integrations/wordpress/ in a folder `sharek/`, with the
// single-file build beside it as `sharek/dist/sharek.js` (and `dist/chunks/`
// when the build makes one; never `dist/esm/`), the script's content hash for
// caches in `sharek/dist/sharek.asset.php`, and the package's version in the
// plugin's header and readme. Writes dist/sharek-wordpress.zip.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const root = new URL('../', import.meta.url).pathname;
const source = join(root, 'integrations/wordpress');
const dist = join(root, 'dist');
const out = join(dist, 'sharek-wordpress.zip');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Every file under `dir`, as paths relative to it, sorted so the zip is the same for the same input. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

if (!existsSync(join(dist, 'sharek.js'))) {
  console.error('build-wordpress: dist/sharek.js is missing; run rollup first (npm run build)');
  process.exit(1);
}

// A fixed date for every entry: the zip changes only when its content does.
const mtime = new Date('2024-01-01T00:00:00Z');
/** @type {Record<string, [Uint8Array, { mtime: Date }]>} */
const entries = {};
const add = (name, data) => {
  entries[`sharek/${name}`] = [typeof data === 'string' ? Buffer.from(data) : data, { mtime }];
};

for (const file of filesUnder(source)) {
  let data = readFileSync(join(source, file));
  if (file === 'sharek.php') {
    data = data
      .toString()
      .replace(/^( \* Version:\s+).*$/m, `$1${version}`)
      .replace(/define\( 'SHAREK_VERSION', '[^']*' \);/, `define( 'SHAREK_VERSION', '${version}' );`);
  } else if (file === 'readme.txt') {
    data = data.toString().replace(/^Stable tag: .*$/m, `Stable tag: ${version}`);
  }
  add(file, data);
}

// The script and what the build emits for it; dist/esm/ is the bundlers' build, not the browser's.
const script = readFileSync(join(dist, 'sharek.js'));
add('dist/sharek.js', script);
const hash = createHash('sha256').update(script);
if (existsSync(join(dist, 'chunks'))) {
  // The chunks themselves; their .br/.gz twins are for the reference portal, WordPress's server compresses its own way.
  for (const file of filesUnder(join(dist, 'chunks')).filter((f) => f.endsWith('.js'))) {
    const data = readFileSync(join(dist, 'chunks', file));
    add(`dist/chunks/${file}`, data);
    hash.update(file).update(data);
  }
}
add('dist/sharek.asset.php', `<?php return array( 'version' => '${version}-${hash.digest('hex').slice(0, 12)}' );\n`);

const zip = zipSync(entries, { level: 9 });
writeFileSync(out, zip);
console.log(`${relative(root, out)}: ${Object.keys(entries).length} files, ${(zip.length / 1024).toFixed(1)} KB`);
