/**
 * The variables a Jinja template reads from its context, with their places,
 * read from the syntax tree of nunjucks' parser (a JavaScript port of Jinja's
 * grammar), never from regular expressions. Names the template binds itself
 * (`set`, `for`, macro arguments, imports) are left out, and so are filter
 * and test names and keyword-argument names.
 *
 * nunjucks does not read every Jinja construct (`{% with %}`, `{% do %}`,
 * slices, `x.0`): such a template is reported as unreadable (null) and the
 * callers leave it to the import layer, which renders with Airflow's Jinja.
 */
import parser, { type TemplateNode } from 'nunjucks/src/parser.js';

export type VariableUse = {
  name: string;
  /** 0-based line and column inside the template text. */
  line: number;
  column: number;
  /** Read through `is defined`, `| default(...)`: safe when the variable is missing. */
  guarded: boolean;
};

const implicitNames = new Set(['loop', 'caller', 'varargs', 'kwargs', 'super', 'self']);

/** Whether a string is a template at all (Airflow renders every templated string, but only these do anything). */
export function looksLikeTemplate(text: string): boolean {
  return text.includes('{{') || text.includes('{%') || text.includes('{#');
}

/** The context variables `source` reads, or null when the parser cannot read it. */
export function contextVariables(source: string): VariableUse[] | null {
  let root: TemplateNode;
  try {
    root = parser.parse(source);
  } catch {
    return null;
  }
  const bound = new Set<string>(implicitNames);
  const uses: VariableUse[] = [];
  walk(root, false, bound, uses);
  return uses.filter((use) => !bound.has(use.name));
}

function walk(node: unknown, guarded: boolean, bound: Set<string>, uses: VariableUse[]): void {
  if (!isNode(node)) return;
  switch (node.typename) {
    case 'Symbol':
      uses.push({ name: String(node.value), line: node.lineno, column: node.colno, guarded });
      return;
    case 'Filter':
    case 'FilterAsync': {
      // The filter's own name is no variable; `default` makes its first argument safe.
      const name = isNode(node.name) ? String(node.name.value) : '';
      const args = isNode(node.args) ? (node.args.children ?? []) : [];
      args.forEach((arg, index) => walk(arg, guarded || (index === 0 && (name === 'default' || name === 'd')), bound, uses));
      return;
    }
    case 'Is': {
      // `x is defined`: the test name is no variable, and the test is safe on a missing x.
      const test = isNode(node.right) ? node.right : null;
      const testName = test?.typename === 'Symbol' ? String(test.value) : test?.typename === 'FunCall' && isNode(test.name) ? String(test.name.value) : '';
      walk(node.left, guarded || testName === 'defined' || testName === 'undefined', bound, uses);
      if (test?.typename === 'FunCall') walk(test.args, guarded, bound, uses);
      return;
    }
    case 'If':
    case 'IfAsync':
    case 'InlineIf': {
      // `{% if x is defined %}...x...{% endif %}`: x is safe in the branch the test guards.
      walk(node.cond, guarded, bound, uses);
      const tested = definedTests(node.cond);
      const before = uses.length;
      walkField(node.body, guarded, bound, uses);
      for (const use of uses.slice(before)) if (tested.has(use.name)) use.guarded = true;
      walkField(node.else_, guarded, bound, uses);
      return;
    }
    case 'Pair':
      // Keyword-argument names are Symbols too.
      if (isNode(node.key) && node.key.typename !== 'Symbol') walk(node.key, guarded, bound, uses);
      walk(node.value, guarded, bound, uses);
      return;
    case 'LookupVal':
      walk(node.target, guarded, bound, uses);
      if (isNode(node.val) && node.val.typename !== 'Literal') walk(node.val, guarded, bound, uses);
      return;
    default:
      bindNames(node, bound);
      for (const field of node.fields) walkField(node[field], guarded, bound, uses);
      if (node.typename === 'Set') walkField(node.body, guarded, bound, uses);
  }
}

function walkField(value: unknown, guarded: boolean, bound: Set<string>, uses: VariableUse[]): void {
  if (Array.isArray(value)) for (const child of value) walk(child, guarded, bound, uses);
  else walk(value, guarded, bound, uses);
}

/** The names a condition tests with `is defined` (alone or joined with `and`). */
function definedTests(condition: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (!isNode(node)) return;
    if (node.typename === 'And') {
      visit(node.left);
      visit(node.right);
    } else if (node.typename === 'Is' && isNode(node.left) && node.left.typename === 'Symbol' && isNode(node.right) && node.right.value === 'defined') {
      names.add(String(node.left.value));
    }
  };
  visit(condition);
  return names;
}

/** Names a statement binds: loop targets, set targets, macro names and arguments, imports. */
function bindNames(node: TemplateNode, bound: Set<string>): void {
  const symbols = (value: unknown): TemplateNode[] => {
    if (!isNode(value)) return Array.isArray(value) ? value.flatMap(symbols) : [];
    if (value.typename === 'Symbol') return [value];
    if (value.typename === 'Pair') return symbols(value.key);
    return (value.children ?? []).flatMap(symbols);
  };
  const add = (value: unknown) => symbols(value).forEach((symbol) => bound.add(String(symbol.value)));
  if (node.typename === 'For' || node.typename === 'AsyncEach' || node.typename === 'AsyncAll') add(node.name);
  if (node.typename === 'Set') add(node.targets);
  if (node.typename === 'Macro' || node.typename === 'Caller') {
    add(node.name);
    add(node.args);
  }
  if (node.typename === 'Import') add(node.target);
  if (node.typename === 'FromImport') add(node.names);
}

function isNode(value: unknown): value is TemplateNode {
  return typeof value === 'object' && value !== null && typeof (value as { typename?: unknown }).typename === 'string';
}
