/**
 * Remembers the static layer's facts (findings included) per file, by
 * content, so an unchanged file is neither parsed nor linted again. An entry
 * is valid while the file's path and bytes and the validator's own code
 * (including ruff and the tree-sitter grammar) are the same. The facts of one
 * file depend on nothing else: cross-file checks, suppressions and configured
 * severities are computed from them on every run.
 *
 * One JSON file for the whole folder: one read and one write per run, where a
 * file per entry would cost hundreds of small reads.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileFacts } from './facts.ts';
import { assetPath } from './assets.ts';
import { writeJsonAtomically } from '../json-file.ts';

type Stored = { code: string; files: Record<string, { sha256: string; facts: FileFacts }> };

/** Where the static facts of files are remembered: on disk (StaticCache) or in memory (MemoryStaticCache). */
export type FactsCache = {
  get(path: string, sha256: string): FileFacts | null;
  set(path: string, sha256: string, facts: FileFacts): void;
  save(): void;
};

/** The facts of one long-running process (validate --watch), by file. */
export class MemoryStaticCache implements FactsCache {
  private readonly entries = new Map<string, { sha256: string; facts: FileFacts }>();

  get(path: string, sha256: string): FileFacts | null {
    const entry = this.entries.get(path);
    return entry === undefined || entry.sha256 !== sha256 ? null : structuredClone(entry.facts);
  }

  set(path: string, sha256: string, facts: FileFacts): void {
    this.entries.set(path, { sha256, facts: structuredClone(facts) });
  }

  save(): void {
    // Nothing to write: the entries live as long as the process.
  }
}

export class StaticCache implements FactsCache {
  private readonly file: string;
  private readonly code: string;
  private readonly known: Stored['files'];
  private readonly next: Stored['files'] = {};
  private changed = false;

  constructor(folder: string) {
    this.file = join(folder, 'static.json');
    this.code = codeFingerprint();
    let stored: Stored | null = null;
    try {
      stored = JSON.parse(readFileSync(this.file, 'utf8')) as Stored;
    } catch {
      // No cache yet, or a broken one: everything is a miss.
    }
    this.known = stored !== null && stored.code === this.code ? stored.files : {};
  }

  get(path: string, sha256: string): FileFacts | null {
    const entry = this.known[path];
    if (entry === undefined || entry.sha256 !== sha256) return null;
    this.next[path] = entry;
    return structuredClone(entry.facts);
  }

  set(path: string, sha256: string, facts: FileFacts): void {
    this.next[path] = { sha256, facts: structuredClone(facts) };
    this.changed = true;
  }

  /** Writes the entries of this run's files (files gone from the folder drop out), when any was added or one dropped out. */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.known).length) return;
    writeJsonAtomically(this.file, { code: this.code, files: this.next } satisfies Stored);
  }
}

/**
 * Changes whenever the code that computes the facts may have: the size and
 * modification time of every file of the validator (src/dags from the
 * sources, or the bundle's folder) and of the WebAssembly files it loads.
 */
function codeFingerprint(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = basename(here) === 'static' ? dirname(here) : here;
  const require = createRequire(import.meta.url);
  const files = [
    ...listFiles(root),
    assetPath('web-tree-sitter/web-tree-sitter.wasm'),
    assetPath('tree-sitter-python/tree-sitter-python.wasm'),
    resolveOrNull(require, '@astral-sh/ruff-wasm-nodejs/ruff_wasm_bg.wasm'),
    resolveOrNull(require, '@astral-sh/ruff-wasm-nodejs/package.json'),
  ].filter((file): file is string => file !== null);
  const hash = createHash('sha256');
  for (const file of files) {
    const stat = statSync(file);
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.isFile() ? [path] : [];
  });
}

function resolveOrNull(require: NodeJS.Require, specifier: string): string | null {
  try {
    return require.resolve(specifier);
  } catch {
    return null; // a bundle carries its own copy, found by listFiles
  }
}
