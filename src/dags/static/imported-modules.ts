/**
 * The modules a file imports, as dotted names, including every module a
 * `from a.b import c` may load (a.b and a.b.c). Relative imports are resolved
 * against the file's own package, as the dags folder is on sys.path.
 */
import type { Node } from 'web-tree-sitter';
import { descendants, placeOf, type Place } from './syntax.ts';

/**
 * An absolute import statement: `import a.b` or `from a.b import c`.
 * `guarded`: the code says what happens when it fails (inside `try` with a
 * handler that catches ImportError, or under `if TYPE_CHECKING:`).
 */
export type AbsoluteImport = { module: string; place: Place; statement: string; guarded: boolean };

/** The absolute imports of a file, with their places, to check the names they import by. */
export function absoluteImports(module: Node): AbsoluteImport[] {
  const found: AbsoluteImport[] = [];
  for (const statement of descendants(module, new Set(['import_statement', 'import_from_statement']))) {
    const names = statement.type === 'import_statement'
      ? statement.childrenForFieldName('name').map((name) => (name?.type === 'aliased_import' ? name.childForFieldName('name') : name))
      : [statement.childForFieldName('module_name')];
    const guarded = isGuarded(statement);
    for (const name of names) {
      if (name?.type === 'dotted_name') found.push({ module: name.text, place: placeOf(name), statement: statement.text, guarded });
    }
  }
  return found;
}

const importErrorCatchers = new Set(['ImportError', 'ModuleNotFoundError', 'Exception', 'BaseException']);

/** Whether an import runs in a `try` body that catches its failure, or only for type checkers. */
function isGuarded(statement: Node): boolean {
  for (let child: Node = statement, parent = statement.parent; parent !== null; child = parent, parent = parent.parent) {
    if (parent.type === 'try_statement' && parent.childForFieldName('body')?.id === child.id && catchesImportError(parent)) return true;
    if (parent.type === 'if_statement' && parent.childForFieldName('consequence')?.id === child.id && /\bTYPE_CHECKING\b/.test(parent.childForFieldName('condition')?.text ?? '')) return true;
  }
  return false;
}

function catchesImportError(tryStatement: Node): boolean {
  return tryStatement.namedChildren.some((clause) => {
    if (clause?.type !== 'except_clause') return false;
    const caught = clause.namedChildren.find((child) => child !== null && child.type !== 'block' && child.type !== 'comment');
    // A bare `except:` catches everything.
    if (caught === undefined || caught === null) return true;
    const names = caught.text.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? [];
    return names.some((name) => importErrorCatchers.has(name.split('.').pop() ?? name));
  });
}

export function importedModules(module: Node, path: string): string[] {
  const found = new Set<string>();
  for (const statement of descendants(module, new Set(['import_statement', 'import_from_statement']))) {
    if (statement.type === 'import_statement') {
      for (const name of statement.childrenForFieldName('name')) {
        const dotted = name?.type === 'aliased_import' ? name.childForFieldName('name')?.text : name?.text;
        if (dotted) found.add(dotted);
      }
      continue;
    }
    const from = statement.childForFieldName('module_name');
    const base = from?.type === 'relative_import' ? resolveRelative(from.text, path) : from?.text;
    if (!base) continue;
    found.add(base);
    for (const name of statement.childrenForFieldName('name')) {
      const imported = name?.type === 'aliased_import' ? name.childForFieldName('name')?.text : name?.text;
      if (imported) found.add(`${base}.${imported}`);
    }
  }
  return [...found];
}

/** `from .helpers import x` in `team/dag.py` is `team.helpers`. */
function resolveRelative(relative: string, path: string): string | null {
  const dots = /^\.+/.exec(relative)?.[0].length ?? 0;
  const packageParts = path.split('/').slice(0, -1);
  if (dots - 1 > packageParts.length) return null;
  const base = packageParts.slice(0, packageParts.length - (dots - 1));
  const rest = relative.slice(dots);
  return [...base, ...(rest ? rest.split('.') : [])].join('.') || null;
}

/** The module name a file in the dags folder is imported by: `lib/helpers.py` is `lib.helpers`. */
export function moduleNameOf(path: string): string {
  return path.replace(/\.py$/i, '').replace(/\/__init__$/, '').split('/').join('.');
}
