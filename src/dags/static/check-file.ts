/**
 * Every static check of one file: ruff (syntax, compile-time errors, Airflow 3
 * migration), then the structure rules on tree-sitter's tree. Returns the
 * file's findings plus the facts the cross-file checks need.
 */
import type { Finding } from '../report.ts';
import type { Source } from '../source.ts';
import { buildDagModel } from './dag-model.ts';
import { importedModules } from './imported-modules.ts';
import { withTree } from './parser.ts';
import { uncalledDagFunctions } from './rules/dag-call.ts';
import { dependencyCycles } from './rules/cycles.ts';
import { parseTimeAccess } from './rules/parse-time.ts';
import { python2Syntax } from './rules/python2.ts';
import { missingSchedule } from './rules/schedule.ts';
import { dynamicStartDate } from './rules/start-date.ts';
import { duplicateTaskIds } from './rules/tasks.ts';
import type { Place } from './syntax.ts';

export type DagIdSite = { dagId: string; place: Place; repeated: boolean };

export type FileFacts = {
  path: string;
  findings: Finding[];
  /** DAGs with a literal dag_id. */
  dagIds: DagIdSite[];
  /** Every DAG the file defines, with or without a literal id, with its place. */
  dagPlaces: { dagId: string | null; place: Place }[];
  /** Tasks with a literal task_id, to place import errors that name a task. */
  taskPlaces: { taskId: string; place: Place }[];
  importedModules: string[];
  /** Whether anything is called at module level (so the file does work when imported). */
  runsCodeAtImport: boolean;
};

const structureRules = [missingSchedule, dynamicStartDate, parseTimeAccess, duplicateTaskIds, dependencyCycles, uncalledDagFunctions];

/** `ruff` are ruff's findings for the file (see ruff-process.ts, which lints all files in one go). */
export async function checkFile(source: Source, ruff: Finding[]): Promise<FileFacts> {
  const facts: FileFacts = { path: source.path, findings: [...source.findings], dagIds: [], dagPlaces: [], taskPlaces: [], importedModules: [], runsCodeAtImport: false };
  if (source.text === null) return facts;
  const text = source.text;
  await withTree(text, (tree) => {
    const python2 = python2Syntax(source.path, tree.rootNode);
    // Where Python 2 syntax explains the syntax error, say that instead.
    const explained = new Set(python2.map((finding) => finding.line));
    facts.findings.push(...python2, ...ruff.filter((finding) => !(finding.rule === 'syntax-error' && explained.has(finding.line))));
    const model = buildDagModel(tree.rootNode);
    for (const rule of structureRules) facts.findings.push(...rule(source.path, model));
    // ruff's broader dynamic-value rule says less than ours where both apply.
    const startDates = new Set(facts.findings.filter((f) => f.rule === 'dynamic-start-date').map((f) => `${f.line}:${f.column}`));
    facts.findings = facts.findings.filter((f) => !(f.rule === 'airflow3-dag-dynamic-value' && startDates.has(`${f.line}:${f.column}`)));
    for (const dag of model.dags) {
      facts.dagPlaces.push({ dagId: dag.dagId, place: dag.place });
      if (dag.dagId !== null) facts.dagIds.push({ dagId: dag.dagId, place: dag.dagIdPlace, repeated: dag.repeated });
      for (const task of dag.tasks) if (task.taskId !== null) facts.taskPlaces.push({ taskId: task.taskId, place: task.place });
    }
    facts.importedModules = importedModules(tree.rootNode, source.path);
    facts.runsCodeAtImport = model.parseTimeCalls.length > 0;
  });
  return facts;
}
