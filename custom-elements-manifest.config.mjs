// custom-elements.json, generated from the elements' JSDoc headers (@event, @csspart, @cssproperty, @slot).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The analyzer also lists `dispatchEvent(new SomeEvent())` calls it cannot name; the JSDoc @event tags name them.
      name: 'sharek-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const d of mod.declarations ?? []) {
            if (d.events) d.events = d.events.filter((e) => e.name?.startsWith('sharek-'));
          }
        }
      },
    },
  ],
};
