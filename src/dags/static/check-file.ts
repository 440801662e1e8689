/**
 * Every static check of one file: the structure rules on tree-sitter's tree,
 * plus ruff's findings (syntax, compile-time errors, Airflow 3 migration),
 * which ruff-process.ts computes for all files at once beside this work.
 * Returns the file's findings plus the facts the cross-file checks need.
 */
import type { Finding } from '../report.ts';
import type { Source } from '../source.ts';
import { buildDagModel } from './dag-model.ts';
import type { FileFacts } from './facts.ts';
import { absoluteImports, importedModules } from './imported-modules.ts';
import { withTree } from './parser.ts';
import { dynamicStartDate } from './rules/dynamic-start-date.ts';
import { fileRules } from './rules/index.ts';
import { python2Syntax } from './rules/python2-syntax.ts';
import { templateUses } from './template-uses.ts';

/** The tree-sitter checks of one file; ruff's findings are added with `addRuffFindings`. */
export async function checkFile(source: Source): Promise<FileFacts> {
  const facts: FileFacts = { path: source.path, findings: [...source.findings], dagIds: [], dagPlaces: [], taskPlaces: [], importedModules: [], absoluteImports: [], runsCodeAtImport: false, templates: [] };
  if (source.text === null) return facts;
  await withTree(source.text, (tree) => {
    // One root object for every walk: web-tree-sitter keeps the children it
    // has read on each node object, so later walks of the same objects do not
    // cross into WebAssembly again (`tree.rootNode` makes a new object each time).
    const root = tree.rootNode;
    const model = buildDagModel(root);
    for (const rule of fileRules) facts.findings.push(...rule.check({ file: source.path, root, model }));
    for (const dag of model.dags) {
      facts.dagPlaces.push({ dagId: dag.dagId, place: dag.place });
      if (dag.dagId !== null) facts.dagIds.push({ dagId: dag.dagId, place: dag.dagIdPlace, repeated: dag.repeated });
      for (const task of dag.tasks) if (task.taskId !== null) facts.taskPlaces.push({ taskId: task.taskId, place: task.place });
    }
    facts.importedModules = importedModules(root, source.path);
    facts.absoluteImports = absoluteImports(root);
    facts.runsCodeAtImport = model.parseTimeCalls.length > 0;
    facts.templates = templateUses(model);
  });
  return facts;
}

/** Adds ruff's findings, minus those our own rules explain better on the same spot. */
export function addRuffFindings(facts: FileFacts, ruff: Finding[]): void {
  // Where Python 2 syntax explains the syntax error, say that instead.
  const python2Lines = new Set(facts.findings.filter((f) => f.rule === python2Syntax.id).map((f) => f.line));
  // ruff's broader dynamic-value rule says less than ours where both apply.
  const startDates = new Set(facts.findings.filter((f) => f.rule === dynamicStartDate.id).map((f) => `${f.line}:${f.column}`));
  facts.findings.push(...ruff.filter((f) =>
    !(f.rule === 'syntax-error' && python2Lines.has(f.line)) &&
    !(f.rule === 'airflow3-dag-dynamic-value' && startDates.has(`${f.line}:${f.column}`))));
}
