/**
 * Python 2 statements. tree-sitter's grammar still knows `print x` and
 * `exec code`, which lets us name the real problem where Python (and ruff)
 * only say "invalid syntax".
 */
import type { Node } from 'web-tree-sitter';
import type { Finding } from '../../report.ts';
import { descendants, placeOf } from '../syntax.ts';
import { finding } from './finding.ts';

const statements: Record<string, string> = {
  print_statement: 'Python 2 print statement: Airflow 3 runs Python 3, write print(...)',
  exec_statement: 'Python 2 exec statement: Airflow 3 runs Python 3, write exec(...)',
};

export function python2Syntax(file: string, module: Node): Finding[] {
  return descendants(module, new Set(Object.keys(statements))).map((node) =>
    finding(file, placeOf(node), 'error', 'python2-syntax', statements[node.type] as string),
  );
}
