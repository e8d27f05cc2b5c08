// custom-elements.json, generated from the elements' JSDoc (@summary, @fires, @slot, @csspart,
// @cssprop). `npm run manifest` writes it; scripts/check-manifest.mjs (part of `npm test`) fails
// when it is stale.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts'],
  litelement: true,
  outdir: '.',
  // Never rewrite package.json (it already has "customElements").
  packagejson: false,
  dependencies: false,
  plugins: [
    {
      // The analyzer reads files concurrently, so module order varies between runs: sort it, or
      // the freshness check fails at random.
      name: 'atento-stable-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
    {
      // A helper dispatching `new CustomEvent(type, …)` is read as an event named "type": keep
      // only events whose name is a real event name (the documented ones have dashes).
      name: 'atento-no-variable-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules)
          for (const d of mod.declarations ?? [])
            if (d.events) d.events = d.events.filter((e) => e.name?.includes('-'));
      },
    },
    {
      // Assignments to DOM nodes inside a vanilla element's constructor (`root.adoptedStyleSheets
      // = …`, `button.type = …`) are read as fields of the element: drop the ones HTMLElement or
      // its shadow root own, which the element never declares.
      name: 'atento-no-dom-fields',
      packageLinkPhase({ customElementsManifest }) {
        const dom = new Set(['adoptedStyleSheets', 'className', 'type', 'display', 'hidden', 'id']);
        for (const mod of customElementsManifest.modules)
          for (const d of mod.declarations ?? [])
            if (d.customElement && d.members)
              d.members = d.members.filter(
                (m) => !(m.kind === 'field' && dom.has(m.name) && !m.description),
              );
      },
    },
  ],
};
