/**
 * Finds the WebAssembly files the static layer loads. A bundle (dist/) may
 * carry a copy next to itself; otherwise they come from node_modules.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** `specifier` is the file's path in its package, e.g. `tree-sitter-python/tree-sitter-python.wasm`. */
export function assetPath(specifier: string): string {
  const besideThisModule = fileURLToPath(new URL(`./${specifier.slice(specifier.lastIndexOf('/') + 1)}`, import.meta.url));
  if (existsSync(besideThisModule)) return besideThisModule;
  return createRequire(import.meta.url).resolve(specifier);
}
