// Part of `npm run localize`, after `lit-localize build`: splits each
// generated locale file by the element whose code writes the message, so a
// page loads the Arabic of the elements it shows and no other (issue 12: a
// list page never fetches the comment form's 87 messages).
//
//   src/generated/locales/ar.ts                the messages of src/shared and src/api,
//                                              and any written in two element folders
//   src/generated/locales/ar-<element>.ts      the messages written only in src/<element>/
//
// Which files write which message comes from @lit/localize-tools' own
// analysis of the sources (the extractor's), file by file. No element folder
// imports another's files (test/e2e/messages.test.ts checks it), so an element
// shows only its own messages and the shared ones: src/shared/localize.ts
// loads exactly those before its first render.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { extractMessagesFromProgram } from '@lit/localize-tools/lib/program-analysis.js';

/** The element folders: `src/<name>/<name>.ts` (test/e2e/messages.test.ts checks they are registry.ts's ELEMENT_NAMES). */
const ELEMENTS = readdirSync('src').filter((name) => existsSync(`src/${name}/${name}.ts`));

const config = readConfigFileAndWriteSchema('lit-localize.json');
// The extractor keeps one message per id for the whole program; a message written in several files (`Article ${n}`)
// must be found in each, so it is analysed file by file, with the program's type checker.
const { program } = new (class extends RuntimeLitLocalizer {
  get program() {
    return super.program;
  }
})(config);
const checker = program.getTypeChecker();
/** Message id → the folders under src/ whose code writes it. */
const folders = new Map();
for (const file of program.getSourceFiles()) {
  if (file.isDeclarationFile || !relative('src', file.fileName).match(/^[\w-]+[\\/]/)) continue;
  const folder = relative('src', file.fileName).split(/[\\/]/)[0];
  for (const m of extractMessagesFromProgram({ getSourceFiles: () => [file], getTypeChecker: () => checker }).messages) {
    (folders.get(m.name) ?? folders.set(m.name, new Set()).get(m.name)).add(folder);
  }
}
/** The element a message belongs to, or `''` for the shared file. */
const elementOf = (id) => {
  const where = [...(folders.get(id) ?? [])];
  return where.length === 1 && ELEMENTS.includes(where[0]) ? where[0] : '';
};

for (const locale of config.targetLocales) {
  const path = `src/generated/locales/${locale}.ts`;
  const source = readFileSync(path, 'utf8');
  const start = source.indexOf('export const templates = {');
  const end = source.lastIndexOf('};');
  if (start < 0 || end < start) throw new Error(`${path}: no templates object`);
  const open = source.indexOf('\n', start) + 1;
  // One entry per line, each starting with its quoted id (lit-localize's output).
  const entries = source
    .slice(open, end)
    .split(/\n(?=\s*')/)
    .filter((e) => /^\s*'/.test(e));
  const idOf = (entry) => /^\s*'([^']+)'/.exec(entry)[1];
  const unknown = entries.map(idOf).filter((id) => !folders.has(id));
  if (unknown.length) throw new Error(`${path}: messages no source writes (run lit-localize extract first): ${unknown.join(', ')}`);
  if (entries.every((e) => elementOf(idOf(e)) === '')) {
    console.log(`${path}: already split (run \`npm run localize\` to rebuild it from locales/${locale}.xlf)`);
    continue;
  }
  const lines = (list) => list.map((e) => e.trim().replace(/,?$/, ',')).join('\n');
  // Only the imports its messages use (TypeScript refuses unused ones).
  const imports = (text) =>
    ['html', 'str'].filter((name) => text.includes(`${name}\``)).map((name) => `import {${name}} from '${name === 'html' ? 'lit' : '@lit/localize'}';\n`);
  const file = (text, why) =>
    `// Do not modify this file by hand! Re-generate it by running npm run localize (scripts/split-locales.mjs).\n// ${why}\n${imports(text).join('')}\n` +
    `/* eslint-disable no-irregular-whitespace */\n\nexport const templates = {\n${text}\n};\n`;

  const shared = lines(entries.filter((e) => elementOf(idOf(e)) === ''));
  writeFileSync(path, file(shared, 'The messages every element may show: src/shared, src/api, and those written in more than one element.'));
  const counts = [`${path}: ${entries.filter((e) => elementOf(idOf(e)) === '').length}`];
  for (const element of ELEMENTS) {
    const own = entries.filter((e) => elementOf(idOf(e)) === element);
    writeFileSync(`src/generated/locales/${locale}-${element}.ts`, file(lines(own), `The messages of src/${element}/ alone, loaded with that element.`));
    counts.push(`${element} ${own.length}`);
  }
  console.log(`split ${counts.join(', ')}`);
}
