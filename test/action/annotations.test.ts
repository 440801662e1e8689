import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/dags/report.ts';
import { annotateFindings, summaryPointer, type Annotation } from '../../src/action/annotations.ts';

function finding(severity: Severity, line: number, column: number | null = 1): Finding {
  return { file: 'etl/daily.py', line, column, severity, rule: 'missing-schedule', message: `message ${line}`, layer: 'static' };
}

const many = (severity: Severity, count: number) => Array.from({ length: count }, (_, i) => finding(severity, i + 1));

describe('annotateFindings', () => {
  it('sends the most severe first, 10 errors at most (9 when the step fails with its own), 10 warnings, 9 notices', () => {
    // Interleaved, as a report sorted by file and line is.
    const findings = [...many('notice', 11), ...many('warning', 3), ...many('error', 12)].sort((a, b) => a.line - b.line);
    const sent: Annotation[] = [];
    const left = annotateFindings(findings, (file) => `dags/${file}`, (a) => sent.push(a), false);
    expect(sent.map((a) => a.severity)).toEqual([...Array(10).fill('error'), ...Array(3).fill('warning'), ...Array(9).fill('notice')]);
    expect(left).toBe(4);
    const failing: Annotation[] = [];
    expect(annotateFindings(findings, (file) => file, (a) => failing.push(a), true)).toBe(5);
    expect(failing.filter((a) => a.severity === 'error')).toHaveLength(9);
  });

  it('gives 25 findings exactly 10 error and 10 warning annotations when the step fails, with the pointer as a notice', () => {
    const sent: Annotation[] = [];
    const left = annotateFindings([...many('warning', 12), ...many('error', 13)], (file) => file, (a) => sent.push(a), true);
    sent.push(summaryPointer(left), { severity: 'error', message: 'the step fails' });
    expect(sent.filter((a) => a.severity === 'error')).toHaveLength(10);
    expect(sent.filter((a) => a.severity === 'warning')).toHaveLength(10);
    expect(sent.filter((a) => a.severity === 'notice')).toEqual([{ severity: 'notice', message: '6 more finding(s) are not annotated (a step shows 10 of each kind): the job summary lists them all' }]);
  });

  it('places each annotation at the file (from the repository root), line and column', () => {
    const sent: Annotation[] = [];
    annotateFindings([finding('warning', 7, null), finding('error', 3, 5)], (file) => `dags/${file}`, (a) => sent.push(a), false);
    expect(sent).toEqual([
      { severity: 'error', message: 'message 3', file: 'dags/etl/daily.py', line: 3, column: 5, title: 'missing-schedule' },
      { severity: 'warning', message: 'message 7', file: 'dags/etl/daily.py', line: 7, column: undefined, title: 'missing-schedule' },
    ]);
  });
});
