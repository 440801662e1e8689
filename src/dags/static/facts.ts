/**
 * What the static layer learns about one file: its findings plus the facts
 * the checks across files and the import layer's placement need. Cached per
 * file by content (cache.ts).
 */
import type { Finding } from '../report.ts';
import type { AbsoluteImport } from './imported-modules.ts';
import type { Place } from './syntax.ts';
import type { TemplateUse } from './template-uses.ts';

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
  absoluteImports: AbsoluteImport[];
  /** Whether anything is called at module level (so the file does work when imported). */
  runsCodeAtImport: boolean;
  /** Jinja templates and template files the file's operators hand to Airflow. */
  templates: TemplateUse[];
};
