/**
 * One diagnostic of ruff as a finding, the same from either build of ruff
 * (ruff.ts, the WebAssembly one; ruff-native.ts, the program): the rule id is
 * ruff's rule name, e.g. `airflow3-removal`, and syntax errors are
 * `syntax-error`.
 */
import type { Finding, Severity } from '../report.ts';
import { withReplacement } from './replacements.ts';

/** What both builds check, the same way. */
export const ruffSelection = {
  // AIR3: Airflow 3 migration. F7: statements Python refuses to compile
  // (return/yield/break outside their block...). F82: undefined names.
  select: ['AIR3', 'F7', 'F82'],
  // Several AIR3 rules are still preview rules.
  preview: true,
  targetVersion: 'py311',
};

export type RuffDiagnostic = {
  /** ruff's rule name; null or `invalid-syntax` for a syntax error. */
  name: string | null;
  message: string;
  fixMessage: string | null;
  row: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
};

export function ruffFinding(path: string, diagnostic: RuffDiagnostic): Finding {
  const rule = diagnostic.name === null || diagnostic.name === 'invalid-syntax' ? 'syntax-error' : diagnostic.name;
  return {
    file: path,
    line: diagnostic.row,
    column: diagnostic.column,
    severity: severityOf(rule),
    rule,
    message: rule.startsWith('airflow3') ? withReplacement(diagnostic.message, diagnostic.fixMessage) : diagnostic.message,
    layer: 'static',
  };
}

/**
 * Removed APIs fail the import on Airflow 3; "suggested" updates still work
 * for now, and a runtime-varying argument only makes needless DAG versions.
 */
function severityOf(rule: string): Severity {
  if (rule.startsWith('airflow3-suggested') || rule === 'airflow3-dag-dynamic-value') return 'warning';
  return 'error';
}
