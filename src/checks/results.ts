/**
 * What the pull-request checks hand to the comment: the DAG validator's JSON
 * report and one result per environment (written by `airflow-gitops check`).
 * They travel between jobs as files, so they are read back strictly: a file
 * of the wrong shape is an error naming the file, never a half-filled table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';

export type Finding = { file: string; line: number; column?: number; severity: string; rule: string; message: string };
export type ValidationReport = { files: number; findings: Finding[] };

export type DiffCounts = { create: number; change: number; recreate: number; prune: number; unchanged: number; deferred: number };
export type EnvironmentResult = {
  environment: string;
  namespace?: string;
  objects?: number;
  diff?: DiffCounts;
  /** Why there is no diff (no kubeconfig for this environment). */
  diffSkipped?: string;
  error?: string;
};

export const validationFile = 'validation.json';
export const environmentFilePattern = /^environment-([a-z0-9-]+)\.json$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new UsageError(`${file}: not a JSON file: ${(error as Error).message}`);
  }
}

function checkFinding(value: unknown, file: string, index: number): Finding {
  const place = `${file}: findings[${index}]`;
  if (!isRecord(value)) throw new UsageError(`${place} is not an object`);
  const { file: path, line, column, severity, rule, message } = value;
  if (typeof path !== 'string' || typeof line !== 'number' || typeof severity !== 'string' || typeof rule !== 'string' || typeof message !== 'string') {
    throw new UsageError(`${place} lacks file, line, severity, rule or message`);
  }
  return { file: path, line, column: typeof column === 'number' ? column : undefined, severity, rule, message };
}

export function readValidation(file: string): ValidationReport {
  const value = readJson(file);
  if (!isRecord(value) || typeof value.files !== 'number' || !Array.isArray(value.findings)) throw new UsageError(`${file}: expected {"files": n, "findings": [...]}, the validator's JSON report`);
  return { files: value.files, findings: value.findings.map((f, i) => checkFinding(f, file, i)) };
}

const countNames = ['create', 'change', 'recreate', 'prune', 'unchanged', 'deferred'] as const;

function checkCounts(value: unknown, file: string): DiffCounts | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new UsageError(`${file}: diff is not an object`);
  const counts = {} as DiffCounts;
  for (const name of countNames) {
    const count = value[name];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new UsageError(`${file}: diff.${name} is not a count`);
    counts[name] = count;
  }
  return counts;
}

export function readEnvironment(file: string): EnvironmentResult {
  const value = readJson(file);
  if (!isRecord(value) || typeof value.environment !== 'string') throw new UsageError(`${file}: expected an environment result with "environment"`);
  const text = (name: string) => (typeof value[name] === 'string' ? (value[name] as string) : undefined);
  return {
    environment: value.environment,
    namespace: text('namespace'),
    objects: typeof value.objects === 'number' ? value.objects : undefined,
    diff: checkCounts(value.diff, file),
    diffSkipped: text('diffSkipped'),
    error: text('error'),
  };
}

/** Every result in a folder (the artifacts of the check jobs, downloaded into one place), environments sorted by name. */
export function readResults(folder: string): { validation?: ValidationReport; environments: EnvironmentResult[] } {
  const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
  const base = (name: string) => name.split(/[\\/]/).at(-1) ?? name;
  const validation = names.find((name) => base(name) === validationFile);
  const environments = names.filter((name) => environmentFilePattern.test(base(name))).map((name) => readEnvironment(join(folder, name)));
  environments.sort((a, b) => a.environment.localeCompare(b.environment));
  return { validation: validation === undefined ? undefined : readValidation(join(folder, validation)), environments };
}
