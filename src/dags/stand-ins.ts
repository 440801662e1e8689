/**
 * Variables and connections read while Airflow parses a file. Airflow reads
 * them from AIRFLOW_VAR_<NAME> and AIRFLOW_CONN_<NAME> environment variables
 * before any other place, so the import check passes the settings file's
 * stand-ins that way. Without a stand-in the import fails where the static
 * layer already warns (parse-time-variable, parse-time-connection): that
 * warning then carries the hint, and the import error is left out, so one
 * missing Variable is one finding.
 */
import { createHash } from 'node:crypto';
import type { StandIns } from './config.ts';
import type { Finding } from './report.ts';

const placeholder = 'airflow-gitops-stand-in';

/** The environment variables that give Airflow the stand-ins. */
export function standInEnvironment(standIns: StandIns): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of standIns.variables) env[`AIRFLOW_VAR_${name.toUpperCase()}`] = value === 'any' ? placeholder : value;
  for (const [name, value] of standIns.connections) env[`AIRFLOW_CONN_${name.toUpperCase()}`] = value === 'any' ? `generic://${placeholder}` : value;
  return env;
}

/** Changes when the stand-ins do: part of the import cache's key. */
export function standInsFingerprint(standIns: StandIns): string {
  return createHash('sha256').update(JSON.stringify([[...standIns.variables], [...standIns.connections]])).digest('hex').slice(0, 16);
}

const missing = [
  { kind: 'variables', rule: 'parse-time-variable', pattern: /Variable (\S+) (?:does not exist|not found)/, env: 'AIRFLOW_VAR_' },
  { kind: 'connections', rule: 'parse-time-connection', pattern: /conn_id `([^`]+)` isn't defined/, env: 'AIRFLOW_CONN_' },
] as const;

/**
 * Import errors for a missing Variable or connection on a line the static
 * layer warns about are left out; the warning says how to give the import
 * check a stand-in. Returns the import findings to keep.
 */
export function explainMissingStandIns(importFindings: Finding[], staticFindings: Finding[]): Finding[] {
  return importFindings.filter((candidate) => {
    if (candidate.rule !== 'import-error') return true;
    for (const { kind, rule, pattern, env } of missing) {
      const name = pattern.exec(candidate.message)?.[1];
      const warning = staticFindings.find((known) => known.rule === rule && known.file === candidate.file && known.line === candidate.line);
      if (name === undefined || warning === undefined) continue;
      warning.message += `. The import check failed here because '${name}' does not exist where it ran: Airflow reads ${env}${name.toUpperCase()} first, so give it a stand-in in .airflow-gitops-validate.yaml (import: ${kind}: {${name}: any})`;
      return false;
    }
    return true;
  });
}
