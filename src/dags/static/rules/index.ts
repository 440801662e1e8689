/**
 * The registry of the static layer's own rules, by id: one file per rule,
 * named by its id. The order here is the order of docs/validate.md's table.
 */
import type { FileRule, FolderRule, Rule } from '../rule.ts';
import { dagNotCalled } from './dag-not-called.ts';
import { dagsFolderInImport } from './dags-folder-in-import.ts';
import { dependencyCycle } from './dependency-cycle.ts';
import { duplicateDagId } from './duplicate-dag-id.ts';
import { duplicateTaskId } from './duplicate-task-id.ts';
import { dynamicStartDate } from './dynamic-start-date.ts';
import { missingDependency } from './missing-dependency.ts';
import { missingSchedule } from './missing-schedule.ts';
import { parseTimeConnection } from './parse-time-connection.ts';
import { parseTimeDatabase } from './parse-time-database.ts';
import { parseTimeNetwork } from './parse-time-network.ts';
import { parseTimeVariable } from './parse-time-variable.ts';
import { python2Syntax } from './python2-syntax.ts';
import { removedTemplateVariable } from './removed-template-variable.ts';
import { skippedByAirflow } from './skipped-by-airflow.ts';
import { templateNeedsLogicalDate } from './template-needs-logical-date.ts';

/** Rules that read one file's syntax tree and DAG model. */
export const fileRules: FileRule[] = [
  python2Syntax,
  duplicateTaskId,
  dependencyCycle,
  parseTimeVariable,
  parseTimeConnection,
  parseTimeNetwork,
  parseTimeDatabase,
  dynamicStartDate,
  missingSchedule,
  dagNotCalled,
];

/** Rules that need every file of the folder at once. */
export const folderRules: FolderRule[] = [duplicateDagId, skippedByAirflow, dagsFolderInImport, missingDependency, removedTemplateVariable, templateNeedsLogicalDate];

export const rules: Rule[] = [...fileRules, ...folderRules];
