/**
 * What a name in a DAG file refers to, from its imports: `DAG` after
 * `from airflow.sdk import DAG` is `airflow.sdk.DAG`, `sdk.Variable.get` after
 * `import airflow.sdk as sdk` is `airflow.sdk.Variable.get`. Checks match on
 * these qualified names, so an unrelated local `DAG` class is not mistaken
 * for Airflow's.
 */
import type { Node } from 'web-tree-sitter';
import { descendants } from './syntax.ts';

export class Names {
  private readonly imported = new Map<string, string>();

  constructor(module: Node) {
    for (const statement of descendants(module, new Set(['import_statement', 'import_from_statement']))) {
      if (statement.type === 'import_statement') this.addImport(statement);
      else this.addImportFrom(statement);
    }
  }

  /** The qualified name of an identifier or attribute chain; null for anything else. */
  resolve(node: Node | null | undefined): string | null {
    if (!node) return null;
    if (node.type === 'identifier') return this.imported.get(node.text) ?? node.text;
    if (node.type === 'attribute') {
      const object = this.resolve(node.childForFieldName('object'));
      const attribute = node.childForFieldName('attribute')?.text;
      return object !== null && attribute ? `${object}.${attribute}` : null;
    }
    return null;
  }

  /** The qualified name of what a call calls: `DAG(...)`, `task.bash(...)`. */
  callee(call: Node): string | null {
    return this.resolve(call.childForFieldName('function'));
  }

  /** A decorator's target, with or without a call: `@task`, `@task()`, `@task.bash(...)`. */
  decorator(decorator: Node): string | null {
    const expression = decorator.namedChild(0);
    if (!expression) return null;
    return expression.type === 'call' ? this.callee(expression) : this.resolve(expression);
  }

  private addImport(statement: Node): void {
    for (const name of statement.namedChildren) {
      if (!name) continue;
      if (name.type === 'dotted_name') {
        // `import airflow.sdk` binds `airflow`, which then resolves to itself.
        const head = name.text.split('.')[0] as string;
        this.imported.set(head, head);
      } else if (name.type === 'aliased_import') {
        const module = name.childForFieldName('name')?.text;
        const alias = name.childForFieldName('alias')?.text;
        if (module && alias) this.imported.set(alias, module);
      }
    }
  }

  private addImportFrom(statement: Node): void {
    const module = statement.childForFieldName('module_name')?.text;
    if (!module || module.startsWith('.')) return;
    for (const name of statement.childrenForFieldName('name')) {
      if (!name) continue;
      if (name.type === 'dotted_name') this.imported.set(name.text, `${module}.${name.text}`);
      else if (name.type === 'aliased_import') {
        const original = name.childForFieldName('name')?.text;
        const alias = name.childForFieldName('alias')?.text;
        if (original && alias) this.imported.set(alias, `${module}.${original}`);
      }
    }
  }
}

function airflowName(qualified: string | null, pattern: RegExp): boolean {
  return qualified !== null && qualified.startsWith('airflow.') && pattern.test(qualified);
}

export const isDagClass = (name: string | null): boolean => airflowName(name, /\.DAG$/);
export const isDagDecorator = (name: string | null): boolean => airflowName(name, /\.dag$/);
export const isTaskDecorator = (name: string | null): boolean => airflowName(name, /\.task(\.\w+)?$/);
export const isTaskGroupDecorator = (name: string | null): boolean => airflowName(name, /\.task_group$/);
export const isTaskGroupClass = (name: string | null): boolean => airflowName(name, /\.TaskGroup$/);
export const isChain = (name: string | null): boolean => airflowName(name, /\.chain$/);
