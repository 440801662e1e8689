/**
 * The shape of a static rule. Each rule lives in rules/<id>.ts and is listed
 * in rules/index.ts; its findings carry its id and its severity, so the id in
 * a finding, in a suppression and in docs/validate.md is one and the same.
 */
import type { Node } from 'web-tree-sitter';
import type { LockedModules } from '../../requirements/index.ts';
import type { Finding, Severity } from '../report.ts';
import type { Source } from '../source.ts';
import type { DagModel } from './dag-model.ts';
import type { FileFacts } from './facts.ts';
import type { Place } from './syntax.ts';

/** One file's syntax tree and the DAG model read from it. */
export type FileContext = { file: string; root: Node; model: DagModel };

/** Every file of the folder at once, for the checks across files. */
export type FolderContext = {
  /** The dags folder's absolute path, for the files a DAG file refers to (template files). */
  dagsFolder: string;
  sources: Source[];
  files: FileFacts[];
  /** The modules the team's lock provides (see dependencies.ts); null when there is no lock. */
  lockedModules: LockedModules | null;
};

type RuleHead = {
  /** The name users write in suppressions and in the settings file. */
  id: string;
  severity: Severity;
};

export type FileRule = RuleHead & { scope: 'file'; check(context: FileContext): Finding[] };
export type FolderRule = RuleHead & { scope: 'folder'; check(context: FolderContext): Finding[] };
export type Rule = FileRule | FolderRule;

/** Makes a finding of the rule at a place of a file. */
export type Report = (file: string, place: Place, message: string) => Finding;

export function fileRule(id: string, severity: Severity, check: (context: FileContext, report: Report) => Finding[]): FileRule {
  const report = reporter(id, severity);
  return { id, severity, scope: 'file', check: (context) => check(context, report) };
}

export function folderRule(id: string, severity: Severity, check: (context: FolderContext, report: Report) => Finding[]): FolderRule {
  const report = reporter(id, severity);
  return { id, severity, scope: 'folder', check: (context) => check(context, report) };
}

function reporter(rule: string, severity: Severity): Report {
  return (file, place, message) => ({ file, line: place.line, column: place.column, severity, rule, message, layer: 'static' });
}

export function quote(value: string | null): string {
  return value === null ? '(computed)' : `'${value}'`;
}
