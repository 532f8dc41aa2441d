// `npm run lint`, one of the suites of `npm test`: typescript-eslint's
// recommended rules, Lit's and the web-components rules on the widget, and the
// project's own rules, each of which keeps a decision from being undone:
// - only the sanitiser turns strings into HTML (the strict CSP and Trusted
//   Types depend on it: see src/shared/sanitize.ts), and it hands Lit nodes, so
//   no module imports unsafeHTML; nothing writes a `style`
//   attribute (`style-src 'self'` refuses it: custom properties go through
//   src/shared/css-props.ts), nothing evaluates code;
// - no element module imports another element's: what two elements share
//   lives in src/shared/ (or src/api/), and the card loads the elements it
//   shows through src/registry.ts.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

const ELEMENTS = ['consultation', 'consultations', 'comments', 'comment-form', 'poll', 'decision', 'moderation'];

/** Imports no widget module makes, each with the reason the linter gives. */
const UNSAFE_IMPORTS = [
  ...['unsafe-html', 'unsafe-svg', 'unsafe-mathml'].map((name) => ({
    name: `lit/directives/${name}.js`,
    message: 'Only src/shared/sanitize.ts turns strings into HTML, and it hands Lit nodes, never a string to parse.',
  })),
  {
    name: 'lit/directives/style-map.js',
    message: "styleMap writes a style attribute, which style-src without 'unsafe-inline' refuses: use cssProps() from src/shared/css-props.ts.",
  },
];

/** unsafeStatic puts a string into a template's markup: only the card and the console's preview, for the tag names of a registered prefix. */
const UNSAFE_STATIC = {
  name: 'lit/static-html.js',
  importNames: ['unsafeStatic'],
  message: 'unsafeStatic puts a string into the markup: use literal`…` (see headingTag in src/shared/heading.ts).',
};

/** No element's folder imports from another element's. */
const ACROSS_ELEMENTS = {
  group: ELEMENTS.map((name) => `../${name}/*`),
  message: "An element's module imports no other element's: put what they share in src/shared/ (texts.ts, heading.ts, …).",
};

const restrictedImports = (paths, patterns = []) => ['error', { paths, patterns }];

const HTML_FROM_STRINGS = [
  {
    selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
    message: 'Only the sanitiser turns strings into HTML (sanitizedHtml from src/shared/sanitize.ts).',
  },
  {
    selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]",
    message: 'Only the sanitiser turns strings into HTML (sanitizedHtml from src/shared/sanitize.ts).',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'Only the sanitiser turns strings into HTML (sanitizedHtml from src/shared/sanitize.ts).',
  },
];

const STYLE_ATTRIBUTE = [
  {
    selector: 'TaggedTemplateExpression TemplateElement[value.raw=/\\sstyle=/]',
    message: "A style attribute is refused by style-src without 'unsafe-inline': set custom properties with cssProps() (src/shared/css-props.ts).",
  },
  {
    selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value='style']",
    message: "A style attribute is refused by style-src without 'unsafe-inline': set custom properties with cssProps() (src/shared/css-props.ts).",
  },
];

export default defineConfig(
  // The widget and its tests. The portal, the scripts and the integrations have owners of their own and can join later.
  { ignores: ['dist/', 'src/generated/', 'demo/', 'integrations/', 'portal/', 'scripts/', 'node_modules/', '.data/', '**/*.mjs', 'test/e2e/pages/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Unused names are TypeScript's job (noUnusedLocals, noUnusedParameters); `_name` marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { ...lit.configs['flat/recommended'].plugins, ...wc.configs['flat/recommended'].plugins },
    rules: {
      ...lit.configs['flat/recommended'].rules,
      ...wc.configs['flat/recommended'].rules,
      'no-restricted-imports': restrictedImports([...UNSAFE_IMPORTS, UNSAFE_STATIC]),
      'no-restricted-syntax': ['error', ...HTML_FROM_STRINGS, ...STYLE_ATTRIBUTE],
    },
  },
  {
    files: ELEMENTS.map((name) => `src/${name}/**/*.ts`),
    rules: { 'no-restricted-imports': restrictedImports([...UNSAFE_IMPORTS, UNSAFE_STATIC], [ACROSS_ELEMENTS]) },
  },
  {
    // The card's inner elements under its own prefix (a prefix define() registered: only valid tag names).
    files: ['src/consultation/inner-tags.ts', 'src/moderation/preview-tag.ts'],
    rules: { 'no-restricted-imports': restrictedImports(UNSAFE_IMPORTS, [ACROSS_ELEMENTS]) },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Chai's property assertions: expect(x).to.exist.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Tests reach into elements and hostile data on purpose, control characters included.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-control-regex': 'off',
    },
  },
);
