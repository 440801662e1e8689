import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/dags/report.ts';
import { annotateFindings, type Annotation } from '../../src/action/annotations.ts';

function finding(severity: Severity, line: number, column: number | null = 1): Finding {
  return { file: 'etl/daily.py', line, column, severity, rule: 'missing-schedule', message: `message ${line}`, layer: 'static' };
}

describe('annotateFindings', () => {
  it('sends at most 10 annotations per severity and counts the rest', () => {
    const findings = [...Array.from({ length: 12 }, (_, i) => finding('error', i + 1)), ...Array.from({ length: 3 }, (_, i) => finding('warning', i + 1)), ...Array.from({ length: 11 }, (_, i) => finding('notice', i + 1))];
    const sent: Annotation[] = [];
    const left = annotateFindings(findings, (file) => `dags/${file}`, (a) => sent.push(a));
    expect(left).toBe(3);
    expect(sent.filter((a) => a.severity === 'error')).toHaveLength(10);
    expect(sent.filter((a) => a.severity === 'warning')).toHaveLength(3);
    expect(sent.filter((a) => a.severity === 'notice')).toHaveLength(10);
  });

  it('places each annotation at the file (from the repository root), line and column', () => {
    const sent: Annotation[] = [];
    annotateFindings([finding('warning', 7, null), finding('error', 3, 5)], (file) => `dags/${file}`, (a) => sent.push(a));
    expect(sent).toEqual([
      { severity: 'warning', message: 'message 7', file: 'dags/etl/daily.py', line: 7, column: undefined, title: 'missing-schedule' },
      { severity: 'error', message: 'message 3', file: 'dags/etl/daily.py', line: 3, column: 5, title: 'missing-schedule' },
    ]);
  });
});
