/** Shared test helpers for the DAG validator tests. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { validateDags } from '../../src/dags/index.ts';
import type { Finding } from '../../src/dags/report.ts';
import { repoRoot } from './paths.ts';

export const corpus = join(repoRoot, 'test', 'fixtures', 'dags', 'corpus');
export const airflowPython = join(repoRoot, '.venv', 'airflow', 'bin', 'python');

/** The Airflow venv the import tests need; scripts/test.sh creates it before the tests run. */
export function requireAirflowPython(): string {
  if (!existsSync(airflowPython)) {
    throw new Error(`no Airflow venv at ${airflowPython}: run 'bash scripts/setup-airflow-venv.sh' first (scripts/test.sh does)`);
  }
  return airflowPython;
}

/** A temporary folder removed after the test file's tests. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `${prefix}-`));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Runs a Python snippet with Airflow's interpreter, in a private AIRFLOW_HOME, and returns its JSON output. */
export function runAirflowPython(script: string, args: string[] = []): unknown {
  const home = mkdtempSync(join(tmpdir(), 'airflow-home-'));
  const output = join(home, 'output.json');
  try {
    execFileSync(requireAirflowPython(), [script, ...args, output], {
      env: { ...process.env, AIRFLOW_HOME: home, AIRFLOW__CORE__LOAD_EXAMPLES: 'False' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return JSON.parse(readFileSync(output, 'utf8'));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Findings as `file:line rule` strings, for readable assertions. */
export function places(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`);
}

/** One folder of fixture DAGs per static rule, named by the rule's id. */
export const ruleFixtures = join(repoRoot, 'test', 'fixtures', 'dags', 'rules');

export type FixtureFinding = Pick<Finding, 'file' | 'line' | 'rule' | 'severity' | 'message'>;

/** Every static finding on a rule's fixture folder (any rule, so a fixture that trips another rule shows it). */
export async function fixtureFindings(ruleId: string): Promise<FixtureFinding[]> {
  const report = await validateDags({ dagsFolder: join(ruleFixtures, ruleId), cacheFolder: null });
  return report.findings.map(({ file, line, rule, severity, message }) => ({ file, line, rule, severity, message }));
}
