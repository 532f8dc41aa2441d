// custom-elements.json, generated from the elements' JSDoc headers (@event, @csspart, @cssproperty, @slot).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The manifest documents what a page or a CMS may use: private and protected members (the analyzer
      // lists them, marked) are left out. What TypeScript must keep public for Sharek's own modules
      // carries `@internal` in its JSDoc, which the analyzer already leaves out.
      name: 'sharek-public-members-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const d of mod.declarations ?? []) {
            if (d.members) d.members = d.members.filter((m) => !m.privacy || m.privacy === 'public');
          }
        }
      },
    },
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
