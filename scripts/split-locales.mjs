// Part of `npm run localize`: moves the moderation console's messages (ids
// `moderation.…`) out of each generated locale file into one of their own,
// `src/generated/locales/<locale>-moderation.ts`, which the console loads
// itself. Citizens' pages load the Arabic messages of the elements they
// show, and never the console's.
import { readFileSync, writeFileSync } from 'node:fs';

for (const locale of ['ar']) {
  const path = `src/generated/locales/${locale}.ts`;
  const source = readFileSync(path, 'utf8');
  const start = source.indexOf('export const templates = {');
  const end = source.lastIndexOf('};');
  if (start < 0 || end < start) throw new Error(`${path}: no templates object`);
  const open = source.indexOf('\n', start) + 1;
  // One entry per line, each starting with its quoted id (lit-localize's output).
  const entries = source.slice(open, end).split(/\n(?=\s*')/);
  const console_ = entries.filter((e) => /^\s*'moderation\./.test(e));
  const rest = entries.filter((e) => !/^\s*'moderation\./.test(e));
  // The locale's own file stays byte for byte what lit-localize wrote, less the console's lines.
  let kept = rest.join('\n');
  if (!/\n\s*$/.test(kept)) kept = kept.replace(/,?\s*$/, ',\n    ');
  writeFileSync(path, source.slice(0, open) + kept + source.slice(end));
  const lines = console_.map((e) => e.trim().replace(/,?$/, ',')).join('\n');
  // Only the imports its messages use (TypeScript refuses unused ones).
  const imports = ['html', 'str'].filter((name) => lines.includes(`${name}\``)).map((name) => `import {${name}} from '${name === 'html' ? 'lit' : '@lit/localize'}';\n`);
  writeFileSync(
    `src/generated/locales/${locale}-moderation.ts`,
    `// Do not modify this file by hand! Re-generate it by running npm run localize (scripts/split-locales.mjs).\n${imports.join('')}\n` +
      `/* eslint-disable no-irregular-whitespace */\n\nexport const templates = {\n${lines}\n};\n`,
  );
  console.log(`${path}: ${rest.length} messages; ${locale}-moderation.ts: ${console_.length}`);
}
