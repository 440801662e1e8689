/**
 * Every static check of one file: the structure rules on tree-sitter's tree,
 * plus ruff's findings (syntax, compile-time errors, Airflow 3 migration),
 * which ruff-process.ts computes for all files at once beside this work.
 * Returns the file's findings plus the facts the cross-file checks need.
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

/** The tree-sitter checks of one file; ruff's findings are added with `addRuffFindings`. */
export async function checkFile(source: Source): Promise<FileFacts> {
  const facts: FileFacts = { path: source.path, findings: [...source.findings], dagIds: [], dagPlaces: [], taskPlaces: [], importedModules: [], runsCodeAtImport: false };
  if (source.text === null) return facts;
  await withTree(source.text, (tree) => {
    // One root object for every walk: web-tree-sitter keeps the children it
    // has read on each node object, so later walks of the same objects do not
    // cross into WebAssembly again (`tree.rootNode` makes a new object each time).
    const root = tree.rootNode;
    facts.findings.push(...python2Syntax(source.path, root));
    const model = buildDagModel(root);
    for (const rule of structureRules) facts.findings.push(...rule(source.path, model));
    for (const dag of model.dags) {
      facts.dagPlaces.push({ dagId: dag.dagId, place: dag.place });
      if (dag.dagId !== null) facts.dagIds.push({ dagId: dag.dagId, place: dag.dagIdPlace, repeated: dag.repeated });
      for (const task of dag.tasks) if (task.taskId !== null) facts.taskPlaces.push({ taskId: task.taskId, place: task.place });
    }
    facts.importedModules = importedModules(root, source.path);
    facts.runsCodeAtImport = model.parseTimeCalls.length > 0;
  });
  return facts;
}

/** Adds ruff's findings, minus those our own rules explain better on the same spot. */
export function addRuffFindings(facts: FileFacts, ruff: Finding[]): void {
  // Where Python 2 syntax explains the syntax error, say that instead.
  const python2Lines = new Set(facts.findings.filter((f) => f.rule === 'python2-syntax').map((f) => f.line));
  // ruff's broader dynamic-value rule says less than ours where both apply.
  const startDates = new Set(facts.findings.filter((f) => f.rule === 'dynamic-start-date').map((f) => `${f.line}:${f.column}`));
  facts.findings.push(...ruff.filter((f) =>
    !(f.rule === 'syntax-error' && python2Lines.has(f.line)) &&
    !(f.rule === 'airflow3-dag-dynamic-value' && startDates.has(`${f.line}:${f.column}`))));
}
