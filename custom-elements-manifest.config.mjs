/**
 * Custom Elements Manifest of the elements, from the sources' JSDoc tags (@summary, @slot, @event,
 * @csspart, @cssproperty) and Lit decorators. `npm run manifest` writes ./custom-elements.json
 * (committed, so API changes show up in review) and copies it to dist/lib/ beside the library.
 *
 * The analyzer (0.11.0) parses with its own TypeScript 5.4.5; the sources use nothing newer.
 */
export default {
  globs: ['src/components/**/*.ts'],
  // Style sheets are no API; their CSS text would only make the manifest churn.
  exclude: ['src/**/*.styles.ts', 'src/**/*-styles.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  packagejson: false, // package.json's customElements points at dist/lib/custom-elements.json; leave it alone
  plugins: [
    {
      name: 'strike-map-public-api',
      packageLinkPhase({ customElementsManifest }) {
        // Only the elements: helper functions and controllers of src/components are not API.
        customElementsManifest.modules = customElementsManifest.modules
          .map((mod) => {
            const declarations = (mod.declarations ?? []).filter((d) => d.customElement);
            const names = new Set(declarations.map((d) => d.name));
            const exports = (mod.exports ?? []).filter((e) => names.has(e.declaration?.name));
            return { ...mod, declarations, exports };
          })
          .filter((mod) => mod.declarations.length);
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            // `this.dispatchEvent(new CustomEvent(type, …))` in a generic emit() helper is recorded as an
            // event literally named "type"; the real names come from the @event tags.
            if (declaration.events) declaration.events = declaration.events.filter((e) => !(e.name === 'type' && !e.description));
            // Lit's default attribute is the property name lowercased (`layerName` → `layername`), and
            // the HTML parser lowercases every attribute anyway; the analyzer keeps the camelCase.
            for (const attribute of declaration.attributes ?? []) attribute.name = attribute.name.toLowerCase();
            for (const member of declaration.members ?? []) if (member.attribute) member.attribute = member.attribute.toLowerCase();
            // The manifest describes the public API: private and protected members are implementation.
            if (declaration.members) declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected');
          }
        }
      },
    },
  ],
};
