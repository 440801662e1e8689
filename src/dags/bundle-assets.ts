/**
 * What a bundle of the validator (dist/) must carry to run without
 * node_modules, as on a GitHub runner: the entry points besides cli/action,
 * and the files to copy next to the bundle, by package path. The loaders
 * (static/assets.ts, static/ruff.ts, static/ruff-process.ts) look next to the
 * bundle first and fall back to node_modules.
 */
export const bundleEntryPoints: Record<string, string> = {
  // ruff runs in a child started with --liftoff-only (see static/ruff-process.ts).
  'ruff-runner': 'src/dags/static/ruff-runner.ts',
};

export const bundleAssets: { from: string; to: string }[] = [
  { from: 'web-tree-sitter/web-tree-sitter.wasm', to: 'web-tree-sitter.wasm' },
  { from: 'tree-sitter-python/tree-sitter-python.wasm', to: 'tree-sitter-python.wasm' },
  // CommonJS that reads ruff_wasm_bg.wasm from its own folder; .cjs because
  // the project's package.json makes .js files ES modules.
  { from: '@astral-sh/ruff-wasm-nodejs/ruff_wasm.js', to: 'ruff_wasm.cjs' },
  { from: '@astral-sh/ruff-wasm-nodejs/ruff_wasm_bg.wasm', to: 'ruff_wasm_bg.wasm' },
];
