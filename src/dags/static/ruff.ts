/**
 * Ruff (its WebAssembly build) for syntax errors, compile-time errors and its
 * maintained Airflow 3 migration rules (AIR3xx: removed and moved APIs,
 * `schedule_interval`, removed context keys, operators moved to providers).
 * The rule ids in findings are ruff's rule names, e.g. `airflow3-removal`.
 * Runs in the process that imports it; ruff-process.ts runs it in a child
 * with the flags that make it fast.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Finding, Severity } from '../report.ts';
import { withReplacement } from './replacements.ts';

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
  lint: {
    // AIR3: Airflow 3 migration. F7: statements Python refuses to compile
    // (return/yield/break outside their block...). F82: undefined names.
    select: ['AIR3', 'F7', 'F82'],
    // Several AIR3 rules are still preview rules.
    preview: true,
  },
  'target-version': 'py311',
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
    .map((diagnostic) => {
      const rule = diagnostic.code === null || diagnostic.code === 'invalid-syntax' ? 'syntax-error' : diagnostic.code;
      return {
        file: path,
        line: diagnostic.start_location.row,
        column: diagnostic.start_location.column,
        severity: severityOf(rule),
        rule,
        message: rule.startsWith('airflow3') ? withReplacement(diagnostic.message, diagnostic.fix?.message ?? null) : diagnostic.message,
        layer: 'static',
      };
    });
}

/**
 * Removed APIs fail the import on Airflow 3; "suggested" updates still work
 * for now, and a runtime-varying argument only makes needless DAG versions.
 */
function severityOf(rule: string): Severity {
  if (rule.startsWith('airflow3-suggested') || rule === 'airflow3-dag-dynamic-value') return 'warning';
  return 'error';
}
