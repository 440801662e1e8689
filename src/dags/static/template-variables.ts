/**
 * Every context variable the templates of the folder read, placed in the file
 * a user edits: inside the DAG file for a template written inline, inside the
 * template file (`report.sql`) for one the task loads. Template files are
 * looked up beside the DAG file, as Airflow's Jinja loader does first, and
 * only inside the dags folder. Computed once per run for all template rules.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { contextVariables, looksLikeTemplate } from './jinja.ts';
import type { FolderContext } from './rule.ts';
import type { Place } from './syntax.ts';
import { templateFileExtensions, type TemplateUse } from './template-uses.ts';

export type TemplateVariable = {
  file: string;
  place: Place;
  name: string;
  guarded: boolean;
  dagId: string | null;
  /** For a template file: the DAG file and argument that load it. */
  loadedBy: string | null;
};

const computed = new WeakMap<FolderContext, TemplateVariable[]>();

export function templateVariables(context: FolderContext): TemplateVariable[] {
  let variables = computed.get(context);
  if (variables === undefined) {
    const root = realpathSync(context.dagsFolder);
    variables = context.files.flatMap((facts) => facts.templates.flatMap((use) => variablesOf(facts.path, use, root)));
    computed.set(context, variables);
  }
  return variables;
}

function variablesOf(dagFile: string, use: TemplateUse, root: string): TemplateVariable[] {
  if (templateFileExtensions.some((extension) => use.text.endsWith(extension)) && !looksLikeTemplate(use.text)) {
    const template = readTemplateFile(root, dagFile, use.text);
    if (template === null) return [];
    return (contextVariables(template.text) ?? []).map((variable) => ({
      file: template.path,
      place: { line: variable.line + 1, column: variable.column + 1 },
      name: variable.name,
      guarded: variable.guarded,
      dagId: use.dagId,
      loadedBy: `${use.argument}= at ${dagFile}:${use.place.line}`,
    }));
  }
  return (contextVariables(use.text) ?? []).map((variable) => ({
    file: dagFile,
    place: {
      line: use.place.line + variable.line,
      column: variable.line === 0 ? use.place.column + variable.column : variable.column + 1,
    },
    name: variable.name,
    guarded: variable.guarded,
    dagId: use.dagId,
    loadedBy: null,
  }));
}

/** The template file `name` beside the DAG file, if it is a file inside the dags folder. */
function readTemplateFile(root: string, dagFile: string, name: string): { path: string; text: string } | null {
  try {
    const absolute = realpathSync(join(root, dirname(dagFile), name));
    const path = relative(root, absolute);
    if (path.startsWith('..') || path === '' || absolute !== join(root, path)) return null;
    return { path: path.split(sep).join('/'), text: readFileSync(absolute, 'utf8') };
  } catch {
    return null;
  }
}
