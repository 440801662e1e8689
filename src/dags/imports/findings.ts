/**
 * Turns one import reply into findings. Errors are placed where they were
 * raised inside the dags folder; errors raised inside Airflow's own checks
 * (a cycle, a bad argument) are placed at the task or DAG they name, found in
 * the static layer's model of the file.
 */
import { relative, sep } from 'node:path';
import type { Finding } from '../report.ts';
import type { FileFacts } from '../static/facts.ts';
import type { ImportReply, RaisedError } from './reply.ts';

type Context = { root: string; facts: Map<string, FileFacts>; parseBudgetSeconds: number };

const maxMessageLines = 4;

export function findingsOfReply(file: string, reply: ImportReply, context: Context): Finding[] {
  const at = (line: number, column: number | null, severity: Finding['severity'], rule: string, message: string, where = file): Finding =>
    ({ file: where, line, column, severity, rule, message, layer: 'import' });
  switch (reply.outcome) {
    case 'timeout':
      return [at(1, null, 'error', 'import-timeout', `importing this file took longer than the import timeout (${reply.duration_s.toFixed(0)} s) and was killed: Airflow would fail it the same way`)];
    case 'died':
      return [at(1, null, 'error', 'import-crashed', `the process importing this file ${reply.how} (os._exit, a crash or a signal in the DAG code): Airflow's parsing process dies the same way`)];
    case 'crashed':
      return [at(1, null, 'error', 'import-crashed', `the import could not be completed: ${reply.message}`)];
  }
  const findings: Finding[] = [];
  for (const error of reply.errors) {
    const place = errorPlace(file, error, context);
    const rule = error.message.startsWith('AirflowTaskTimeout') ? 'import-timeout' : 'import-error';
    const via = place.file === file ? '' : ` (while importing ${file})`;
    findings.push(at(place.line, place.column, 'error', rule, `${shorten(error.message)}${via}`, place.file));
    // Raised in a helper: Airflow lists the error under this file, so report it here too, at the import.
    const entry = place.file === file ? null : importLine(file, error, context.root);
    if (entry !== null) findings.push(at(entry.line, null, 'error', rule, `${shorten(error.message)} (${entry.chain})`));
  }
  for (const warning of reply.warnings) {
    const where = warning.file ? relativePath(warning.file, context.root) : file;
    findings.push(at(warning.line ?? 1, null, 'warning', 'import-warning', `${warning.category}: ${shorten(warning.message)}`, where));
  }
  for (const inflation of reply.inflation) {
    findings.push(at(inflation.line, inflation.column + 1, 'warning', 'runtime-varying-value',
      `${inflation.message} (${inflation.code}): Airflow makes a new DAG version on every parse`));
  }
  const timedOut = findings.some((finding) => finding.rule === 'import-timeout');
  if (!timedOut && reply.duration_s > context.parseBudgetSeconds) {
    findings.push(at(1, null, 'warning', 'slow-parse',
      `Airflow took ${reply.duration_s.toFixed(2)} s to import this file (budget ${context.parseBudgetSeconds} s): move heavy top-level code into tasks`));
  }
  return findings;
}

function errorPlace(file: string, error: RaisedError, context: Context): { file: string; line: number; column: number | null } {
  if (error.file !== null && error.line !== null) {
    return { file: relativePath(error.file, context.root), line: error.line, column: error.column };
  }
  const facts = context.facts.get(file);
  const task = facts?.taskPlaces.find((candidate) => candidate.taskId === error.task_id);
  if (task) return { file, line: task.place.line, column: task.place.column };
  const dag = facts?.dagPlaces.find((candidate) => candidate.dagId !== null && candidate.dagId === error.dag_id) ?? facts?.dagPlaces[0];
  if (dag) return { file, line: dag.place.line, column: dag.place.column };
  return { file, line: 1, column: null };
}

/** The line of `file` the error passed through on its way to a helper, and the chain as text. */
function importLine(file: string, error: RaisedError, root: string): { line: number; chain: string } | null {
  const chain = (error.chain ?? []).map(([path, line]) => ({ file: relativePath(path, root), line }));
  const first = chain[0];
  if (first === undefined || first.file !== file || chain.length < 2) return null;
  const last = chain[chain.length - 1] as { file: string; line: number };
  return { line: first.line, chain: `raised in ${last.file}:${last.line}; import chain: ${chain.map((step) => `${step.file}:${step.line}`).join(' -> ')}` };
}

function relativePath(absolute: string, root: string): string {
  return relative(root, absolute).split(sep).join('/');
}

function shorten(message: string): string {
  const lines = message.trim().split('\n');
  return lines.length > maxMessageLines ? `${lines.slice(0, maxMessageLines).join('\n')}\n…` : lines.join('\n');
}
