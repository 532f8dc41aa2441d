// What `npm publish` would ship: the two builds, their types and the
// custom-elements manifest, and nothing else (no sources, tests, portal, demo
// or source maps). Needs the build; builds when it is missing.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { before, test } from 'node:test';

interface PackFile {
  path: string;
  size: number;
}
let files: string[] = [];
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  module: string;
  types: string;
  customElements: string;
  bin: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
};

before(() => {
  if (!['dist/sharek.js', 'dist/esm/index.d.ts', 'custom-elements.json'].every((f) => existsSync(f))) {
    execSync('npm run build --silent', { stdio: 'inherit' });
  }
  const out = execSync('npm pack --dry-run --json --ignore-scripts', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  files = (JSON.parse(out) as Array<{ files: PackFile[] }>)[0]!.files.map((f) => f.path).sort();
});

/** What may be in the package: npm's own files, the manifest, the single-file build, the ESM build and its types. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICEN[CS]E(\.md|\.txt)?$/,
  /^custom-elements\.json$/,
  /^dist\/sharek\.js$/,
  // The script's chunks, named by their content.
  /^dist\/chunks\/[\w.-]+-[\w-]{8}\.js$/,
  /^dist\/esm\/([\w.-]+\/)*[\w.-]+\.(js|d\.ts)$/,
  // The conformance kit, `npx sharek-conformance` (scripts/conformance/, bundled with the contract's schemas).
  /^dist\/bin\/sharek-conformance\.js$/,
];

test('npm pack holds the builds, the types and the manifest, and nothing else', () => {
  const stray = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
  assert.deepEqual(stray, [], 'files that are neither a build, a type nor the manifest');
  assert.ok(!files.some((f) => /\.map$|\.tsbuildinfo$|^(src|test|portal|demo|scripts|locales)\//.test(f)));
  // Dependencies (tslib's decorator helpers too) are imported, not copied into the package.
  assert.deepEqual(files.filter((f) => f.includes('node_modules/')), []);
});

test('every entry point package.json names is in the package', () => {
  const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements, ...Object.values(pkg.bin), ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : [e.types, e.default]))];
  const missing = targets.map((t) => t.replace(/^\.\//, '')).filter((t) => !files.includes(t));
  assert.deepEqual(missing, []);
  // One entry per element and a define entry, each with its types.
  for (const entry of ['./define.js', './consultation.js', './comment-form.js', './comments.js', './poll.js', './decision.js']) {
    const e = pkg.exports[entry];
    assert.ok(e && typeof e === 'object' && e.types.endsWith('.d.ts'), `exports["${entry}"] with types`);
  }
  // Every module of the ESM build has its types.
  const js = files.filter((f) => f.startsWith('dist/esm/') && f.endsWith('.js'));
  assert.deepEqual(js.filter((f) => !files.includes(f.replace(/\.js$/, '.d.ts'))), []);
});

test('the conformance kit is a bin that runs with plain Node, without TypeScript or the package’s dependencies', () => {
  assert.equal(pkg.bin['sharek-conformance'], 'dist/bin/sharek-conformance.js');
  const bin = readFileSync(pkg.bin['sharek-conformance']!, 'utf8');
  assert.ok(bin.startsWith('#!/usr/bin/env node\n'));
  // Bundled: it imports only Node's own modules (zod is inside), so npx runs it however the package was installed.
  const imports = [...bin.matchAll(/^import .* from ["']([^"']+)["']/gm)].map((m) => m[1]);
  assert.deepEqual(imports.filter((i) => !i!.startsWith('node:')), []);
});

test('the shipped manifest documents every element', () => {
  const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8')) as {
    modules: Array<{ declarations?: Array<{ tagName?: string; customElement?: boolean }> }>;
  };
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => d.tagName);
  for (const tag of ['sharek-consultation', 'sharek-comment-form', 'sharek-comments', 'sharek-poll', 'sharek-decision', 'sharek-moderation']) {
    assert.ok(tags.includes(tag), `${tag} in ${pkg.customElements}`);
  }
});

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  members?: Array<{ name: string; privacy?: string }>;
  cssProperties?: Array<{ name: string }>;
}
const declarations = () =>
  (JSON.parse(readFileSync(pkg.customElements, 'utf8')) as { modules: Array<{ declarations?: Declaration[] }> }).modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName);

/** The theme every element takes: the custom properties hostStyles (src/shared/styles.ts) reads. */
const THEME = ['accent', 'accent-text', 'text', 'muted', 'surface', 'subtle', 'border', 'danger', 'radius', 'space', 'font', 'font-size', 'focus'];
/** The custom properties one element takes besides the theme: the room it holds, and the form's warning colour. */
const OWN: Record<string, string[]> = {
  'sharek-consultation': ['card-min-height'],
  'sharek-consultations': ['list-min-height'],
  'sharek-comments': ['comments-min-height'],
  'sharek-comment-form': ['form-min-height', 'warning'],
  'sharek-poll': ['poll-min-height'],
  'sharek-decision': ['decision-min-height'],
  // The agency's console, on a page of its own: nothing around it can jump, so it holds no room.
  'sharek-moderation': [],
};

test('the manifest lists, under every element, each custom property it honours: the theme and its own', () => {
  for (const d of declarations()) {
    const want = [...THEME, ...OWN[d.tagName!]!].map((p) => `--sharek-${p}`).sort();
    assert.deepEqual((d.cssProperties ?? []).map((p) => p.name).sort(), want, d.tagName);
  }
});

test('the manifest lists only public members', () => {
  for (const d of declarations()) {
    const names = (d.members ?? []).map((m) => m.name);
    assert.deepEqual((d.members ?? []).filter((m) => m.privacy && m.privacy !== 'public'), [], d.tagName);
    // Public in TypeScript for Sharek's own modules, marked @internal: not for a page.
    for (const internal of ['client', 'identity', 'locale', 'inLocale', 'value', 'statusOf', 'articleHash', 'hrefFor']) {
      assert.ok(!names.includes(internal), `${d.tagName}.${internal} in the manifest`);
    }
  }
});
