// Two builds from the same sources:
// - dist/sharek.js: what a webmaster's <script type="module" src> loads from
//   any origin: a small minified entry that loads each element's code, the
//   sanitiser's fallback and each language's messages from content-hashed
//   chunks beside it (dist/chunks/), imported relative to the entry's URL;
// - dist/esm/: ES modules with .d.ts types for bundlers, dependencies left as imports.
import { readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyCss from './scripts/minify-css.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).map((d) => new RegExp(`^${d}(/|$)`));

/** Prints each file's minified and gzip size, so growth is seen at every build. */
const sizes = () => ({
  name: 'sizes',
  generateBundle(_options, bundle) {
    for (const file of Object.values(bundle)) {
      if (file.type !== 'chunk') continue;
      const min = Buffer.byteLength(file.code);
      const gz = gzipSync(file.code, { level: 9 }).length;
      console.log(`${file.fileName}: ${(min / 1024).toFixed(1)} KB minified, ${(gz / 1024).toFixed(1)} KB gzip`);
    }
  },
});

// zod's comments that rollup cannot place, and its own internal cycle, are not ours to fix.
const onwarn = (warning, warn) => {
  if (warning.code === 'INVALID_ANNOTATION' || (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message))) return;
  warn(warning);
};

/** Brotli and gzip beside each file of the script, so the portal serves them compressed without compressing on every request. */
const precompress = () => ({
  name: 'precompress',
  writeBundle(options, bundle) {
    for (const file of Object.values(bundle)) {
      if (file.type !== 'chunk') continue;
      const path = `${options.dir}/${file.fileName}`;
      writeFileSync(`${path}.br`, brotliCompressSync(file.code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      writeFileSync(`${path}.gz`, gzipSync(file.code, { level: 9 }));
    }
  },
});

/** Chunks are named by their content: remove the last build's, so only this build's are shipped. */
const freshChunks = () => ({ name: 'fresh-chunks', buildStart: () => rmSync('dist/chunks', { recursive: true, force: true }) });

export default [
  {
    input: 'src/sharek.ts',
    output: {
      dir: 'dist',
      entryFileNames: 'sharek.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      format: 'es',
      sourcemap: false,
      // The libraries in chunks named after them: cached across releases of the elements.
      // Named chunks: the libraries (cached across releases of the elements), the loader (small, so the card's request
      // starts early), the core every element needs (the contract, the client, the base class, shared helpers), and the
      // sanitiser's fallback with DOMPurify. Each element, and each language's messages, is a chunk of its own.
      manualChunks: (id) => {
        if (/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(id)) return 'lit';
        if (/node_modules\/dompurify\/|src\/shared\/purify\.ts$/.test(id)) return 'dompurify';
        if (/src\/(registry|api\/preload|shared\/localize)\.ts$/.test(id)) return 'loader';
        // (The personal-data check is the comment form's alone: it stays in that element's chunk.)
        if (/node_modules\/zod\/|src\/api\/(?!personal-data)|src\/shared\//.test(id)) return 'core';
        return undefined;
      },
    },
    // sharek.js stays a facade over a chunk with the loader (registry, locales, preload): the chunks import that chunk,
    // never the entry, so two copies of the script from two URLs (sharek.js?v=1, ?v=2) share one loader, one Lit and one
    // lit-html Trusted Types policy.
    onwarn,
    plugins: [
      freshChunks(),
      typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationDir: undefined, outDir: 'dist' }),
      minifyCss(),
      resolve({ browser: true }),
      terser({ format: { comments: false }, ecma: 2022, module: true, compress: { passes: 2 } }),
      sizes(),
      precompress(),
    ],
  },
  {
    input: ['src/index.ts', 'src/define.ts', 'src/sharek.ts', 'src/consultation/consultation.ts', 'src/comment-form/comment-form.ts', 'src/comments/comments.ts', 'src/poll/poll.ts', 'src/decision/decision.ts', 'src/consultations/consultations.ts', 'src/moderation/moderation.ts'],
    output: { dir: 'dist/esm', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    external,
    onwarn,
    plugins: [typescript({ tsconfig: './tsconfig.build.json' })],
  },
];
