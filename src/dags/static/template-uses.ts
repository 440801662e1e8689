/**
 * The templates a DAG file hands to Airflow: string arguments of operators
 * that contain Jinja, or that name a template file (`sql="report.sql"`,
 * `bash_command="run.sh"`), literal or through a module-level constant, in
 * lists and dicts too (`templates_dict`, `op_kwargs`). The template rules
 * (rules/removed-template-variable.ts, rules/template-needs-logical-date.ts)
 * read them; the static cache keeps them with the file's facts.
 */
import type { Node } from 'web-tree-sitter';
import type { DagModel } from './dag-model.ts';
import { looksLikeTemplate } from './jinja.ts';
import { callArguments, placeOf, stringValue, unwrap, type Place } from './syntax.ts';

export type TemplateUse = {
  dagId: string | null;
  argument: string;
  text: string;
  /** Where the template's text starts in the DAG file. */
  place: Place;
};

/** Extensions of the template files operators load (their template_ext): SQL and shell scripts. */
export const templateFileExtensions = ['.sql', '.hql', '.sh', '.bash'];

/** Arguments Airflow never renders. */
const notRendered = new Set(['task_id', 'dag', 'params', 'doc', 'doc_md', 'doc_rst', 'doc_json', 'doc_yaml', 'trigger_rule', 'pool', 'queue']);

export function templateUses(model: DagModel): TemplateUse[] {
  const uses: TemplateUse[] = [];
  for (const dag of model.dags) {
    for (const task of dag.tasks) {
      if (task.taskflow) continue;
      for (const [argument, value] of callArguments(task.node).keywords) {
        if (notRendered.has(argument)) continue;
        for (const node of literalStrings(value, model)) {
          const text = stringValue(node);
          if (text === null || !(looksLikeTemplate(text) || templateFileExtensions.some((extension) => text.endsWith(extension)))) continue;
          uses.push({ dagId: dag.dagId, argument, text, place: contentStart(node) });
        }
      }
    }
  }
  return uses;
}

/** The string literals of a value: itself, a module-level constant's value, the items of a list, tuple or dict. */
function literalStrings(node: Node | undefined, model: DagModel, depth = 0): Node[] {
  if (!node || depth > 4) return [];
  const value = unwrap(node);
  if (value.type === 'string' || value.type === 'concatenated_string') return isFString(value) ? [] : [value];
  if (value.type === 'identifier') return literalStrings(model.moduleValues.get(value.text), model, depth + 1);
  if (value.type === 'list' || value.type === 'tuple') return value.namedChildren.flatMap((item) => literalStrings(item ?? undefined, model, depth + 1));
  if (value.type === 'dictionary') {
    return value.namedChildren.flatMap((pair) => (pair?.type === 'pair' ? literalStrings(pair.childForFieldName('value') ?? undefined, model, depth + 1) : []));
  }
  return [];
}

/** In an f-string `{{` is an escaped brace, not Jinja. */
function isFString(node: Node): boolean {
  const start = node.type === 'string' ? node.namedChildren.find((child) => child?.type === 'string_start') : null;
  return start ? /f/i.test(start.text) : false;
}

/** The place of the first character inside the quotes (for a concatenation, of the first part). */
function contentStart(node: Node): Place {
  const first = node.type === 'concatenated_string' ? node.namedChild(0) : node;
  const start = first?.namedChildren.find((child) => child?.type === 'string_start');
  if (!start) return placeOf(node);
  return { line: start.endPosition.row + 1, column: start.endPosition.column + 1 };
}
