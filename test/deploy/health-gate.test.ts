// How the health gate names an import error: the file, the line of the last
// traceback frame in that file, and the exception's message.
import { describe, expect, it } from 'vitest';
import { describeImportError } from '../../src/deploy/health-gate.ts';

describe('describeImportError', () => {
  it('names the file, the line of its last frame and the message', () => {
    const stack_trace = [
      'Traceback (most recent call last):',
      '  File "<frozen importlib._bootstrap>", line 241, in _call_with_frames_removed',
      '  File "/opt/airflow/dags/repo/dags/broken_dag.py", line 7, in <module>',
      '    raise RuntimeError("the warehouse is away")',
      'RuntimeError: the warehouse is away',
      '',
    ].join('\n');
    expect(describeImportError({ filename: 'dags/broken_dag.py', stack_trace })).toBe('dags/broken_dag.py:7: RuntimeError: the warehouse is away');
  });

  it('keeps a syntax error on its own line', () => {
    const stack_trace = [
      '  File "/opt/airflow/dags/repo/dags/typo.py", line 3',
      '    def (:',
      '        ^',
      'SyntaxError: invalid syntax',
    ].join('\n');
    expect(describeImportError({ filename: 'typo.py', stack_trace })).toBe('typo.py:3: SyntaxError: invalid syntax');
  });

  it('gives the message alone when no frame is in the file', () => {
    expect(describeImportError({ filename: 'a.py', stack_trace: 'ModuleNotFoundError: No module named x' })).toBe('a.py: ModuleNotFoundError: No module named x');
  });
});
