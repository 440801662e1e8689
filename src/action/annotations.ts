/**
 * Findings as annotations on the files they are about. A step shows at most
 * 10 error, 10 warning and 10 notice annotations and drops the rest, so the
 * most severe are sent first, each kind stops short of its limit (room is
 * kept for the step's own failure message and for the notice that points to
 * the summary), and the job summary carries the full list.
 */
import type { Finding, Severity } from '../dags/report.ts';

export const annotationsPerSeverity = 10;

export type Annotation = { severity: Severity; message: string; file?: string; line?: number; column?: number; title?: string };
export type AnnotationSink = (annotation: Annotation) => void;

const order: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Sends the findings that fit, most severe first, and returns how many were
 * left out. `failing`: the step will also report one error of its own, which
 * counts against the 10 errors.
 */
export function annotateFindings(findings: Finding[], pathOf: (file: string) => string, sink: AnnotationSink, failing: boolean): number {
  const room: Record<Severity, number> = { error: annotationsPerSeverity - (failing ? 1 : 0), warning: annotationsPerSeverity, notice: annotationsPerSeverity - 1 };
  let left = 0;
  // A stable sort: within a severity the report's order (by file and line) is kept.
  for (const finding of [...findings].sort((a, b) => order[a.severity] - order[b.severity])) {
    if (room[finding.severity] <= 0) {
      left++;
      continue;
    }
    room[finding.severity]--;
    sink({
      severity: finding.severity,
      message: finding.message,
      file: pathOf(finding.file),
      line: finding.line,
      column: finding.column ?? undefined,
      title: finding.rule,
    });
  }
  return left;
}

/** The notice that says where the findings left out are. */
export function summaryPointer(left: number): Annotation {
  return { severity: 'notice', message: `${left} more finding(s) are not annotated (a step shows 10 of each kind): the job summary lists them all` };
}
