// Builds the conformance kit (scripts/conformance/) into
// dist/bin/sharek-conformance.js, the package's `sharek-conformance` bin: plain
// JavaScript for Node 20 with the contract's zod schemas (src/api/schemas.ts)
// bundled in, so the checks use the very schemas the widget uses and need
// neither tsx nor TypeScript. Part of `npm run build`.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = 'dist/bin/sharek-conformance.js';
await build({
  entryPoints: ['scripts/conformance/main.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
