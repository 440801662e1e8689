/**
 * Python 2 statements. tree-sitter's grammar still knows `print x` and
 * `exec code`, which lets us name the real problem where Python (and ruff)
 * only say "invalid syntax".
 */
import { fileRule } from '../rule.ts';
import { descendants, placeOf } from '../syntax.ts';

const statements: Record<string, string> = {
  print_statement: 'Python 2 print statement: Airflow 3 runs Python 3, write print(...)',
  exec_statement: 'Python 2 exec statement: Airflow 3 runs Python 3, write exec(...)',
};

export const python2Syntax = fileRule('python2-syntax', 'error', ({ file, root }, report) =>
  descendants(root, new Set(Object.keys(statements))).map((node) => report(file, placeOf(node), statements[node.type] ?? node.type)),
);
