// Builds the React 19 example (demo/react/app.jsx) into demo/react/dist/app.js
// with esbuild. Part of `npm run build`, after rollup: the example imports
// Sharek by its package name (`sharek/define.js`), which resolves to dist/esm/.
import { build } from 'esbuild';

await build({
  entryPoints: ['demo/react/app.jsx'],
  outfile: 'demo/react/dist/app.js',
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
