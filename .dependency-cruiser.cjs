// dependency-cruiser: no import cycle in the server (`npm run lint:cycles`; test/platform/import-cycles.test.ts
// runs the same rule in the suite). A cycle makes the load order decide which module sees `undefined`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module that imports itself through others: move the shared part down, or invert the dependency.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports are erased by the compiler and make no load-order cycle, but they still tie the files
    // together: they count too, so the layering the folders promise holds for types as well.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
