// Two builds from the same sources:
// - dist/sharek.js: one minified ESM file with everything, what a webmaster's
//   <script type="module" src> loads from any origin;
// - dist/esm/: ES modules with .d.ts types for bundlers, dependencies left as imports.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
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

export default [
  {
    input: 'src/sharek.ts',
    output: { file: 'dist/sharek.js', format: 'es', sourcemap: false },
    onwarn,
    plugins: [
      typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationDir: undefined, outDir: 'dist' }),
      minifyCss(),
      resolve({ browser: true }),
      terser({ format: { comments: false }, ecma: 2022, module: true, compress: { passes: 2 } }),
      sizes(),
    ],
  },
  {
    input: ['src/index.ts', 'src/define.ts', 'src/sharek.ts', 'src/consultation/consultation.ts', 'src/comment-form/comment-form.ts', 'src/comments/comments.ts', 'src/poll/poll.ts', 'src/decision/decision.ts', 'src/consultations/consultations.ts'],
    output: { dir: 'dist/esm', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    external,
    onwarn,
    plugins: [typescript({ tsconfig: './tsconfig.build.json' })],
  },
];
