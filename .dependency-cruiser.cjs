// The layer order of src/, checked by `npm run lint:layers` (part of `npm test`).
// A module may import from its own folder and from any layer below its own,
// never from a layer above, and never from another folder of its own layer.
// docs/architecture.md draws the same order.
const layers = [
  { name: 'ground', paths: ['^src/objects\\.ts$', '^src/errors\\.ts$', '^src/poll\\.ts$'] },
  { name: 'clients', paths: ['^src/kube/', '^src/kustomize/', '^src/overlays/', '^src/secrets/', '^src/git/', '^src/github/', '^src/requirements/'] },
  { name: 'engines', paths: ['^src/deploy/', '^src/dags/', '^src/promotion/', '^src/checks/', '^src/scaffold/'] },
  { name: 'commands', paths: ['^src/commands/'] },
  { name: 'entries', paths: ['^src/cli\\.ts$', '^src/action\\.ts$', '^src/action/'] },
];

const above = (index) => layers.slice(index + 1).flatMap((layer) => layer.paths);
const folderOf = (path) => path.replace(/\^|\\\.ts\$|\$/g, '').replace(/\\/g, '');

const upward = layers.slice(0, -1).map((layer, index) => ({
  name: `no-upward-from-${layer.name}`,
  comment: `${layer.name} may not import a layer above it (${layers.slice(index + 1).map((l) => l.name).join(', ')})`,
  severity: 'error',
  from: { path: layer.paths },
  to: { path: above(index) },
}));

// Folders of one layer stand side by side: none reaches into another. The
// entries are exempt: action.ts is the action/ folder's own front door.
const sideways = layers
  .filter((layer) => layer.name !== 'entries' && layer.paths.length > 1)
  .flatMap((layer) =>
    layer.paths.map((path) => ({
      name: `no-sideways-from-${folderOf(path).replace(/^src\//, '').replace(/[^a-z]/g, '')}`,
      comment: `${folderOf(path)} may not import another module of the ${layer.name} layer`,
      severity: 'error',
      from: { path },
      to: { path: layer.paths.filter((other) => other !== path) },
    })),
  );

module.exports = {
  forbidden: [
    ...upward,
    ...sideways,
    { name: 'no-circular', comment: 'imports run one way: no cycles', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
    {
      name: 'no-unresolvable',
      comment: 'an import that does not resolve cannot be placed in a layer',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true, path: '^[.]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
