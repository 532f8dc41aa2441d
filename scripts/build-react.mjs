// Builds the React 19 example (demo/react/app.jsx) into demo/react/dist/app.js
// with esbuild. Part of `npm run build`, after rollup: the example imports
// Sharek by its package name (`sharek/define.js`), which resolves to dist/esm/.
//
// Split, as an application's bundler would: each element Sharek loads on demand
// (registry.ts) becomes a chunk of its own, so the page never downloads the
// elements it does not show (the agency's console among them).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('demo/react/dist', { recursive: true, force: true });

await build({
  entryPoints: ['demo/react/app.jsx'],
  outdir: 'demo/react/dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
