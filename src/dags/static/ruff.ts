/**
 * Ruff (its WebAssembly build) for syntax errors, compile-time errors and its
 * maintained Airflow 3 migration rules (AIR3xx: removed and moved APIs,
 * `schedule_interval`, removed context keys, operators moved to providers).
 * The rule ids in findings are ruff's rule names, e.g. `airflow3-removal`.
 * Runs in the process that imports it; ruff-process.ts runs it in a child
 * with the flags that make it fast, where the native ruff of the same
 * version (ruff-native.ts) is not to be had.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../report.ts';
import { ruffFinding, ruffSelection } from './ruff-finding.ts';

type RuffDiagnostic = {
  code: string | null;
  message: string;
  fix: { message: string | null } | null;
  start_location: { row: number; column: number };
};
type RuffWorkspace = { check(contents: string): RuffDiagnostic[] };
type RuffModule = { Workspace: new (options: unknown, positionEncoding: number) => RuffWorkspace };

const utf16Positions = 1;

const ruffSettings = {
  lint: { select: ruffSelection.select, preview: ruffSelection.preview },
  'target-version': ruffSelection.targetVersion,
};

let workspace: RuffWorkspace | undefined;

function ruff(): RuffWorkspace {
  if (workspace === undefined) {
    // A bundle carries the package's CommonJS glue as ruff_wasm.cjs (see bundle-assets.ts).
    const require = createRequire(import.meta.url);
    const beside = fileURLToPath(new URL('./ruff_wasm.cjs', import.meta.url));
    const { Workspace } = require(existsSync(beside) ? beside : '@astral-sh/ruff-wasm-nodejs') as RuffModule;
    workspace = new Workspace(ruffSettings, utf16Positions);
  }
  return workspace;
}

export function ruffFindings(path: string, text: string): Finding[] {
  return ruff()
    .check(text)
    .map((diagnostic) => ruffFinding(path, {
      name: diagnostic.code,
      message: diagnostic.message,
      fixMessage: diagnostic.fix?.message ?? null,
      row: diagnostic.start_location.row,
      column: diagnostic.start_location.column,
    }));
}
