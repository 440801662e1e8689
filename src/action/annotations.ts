/**
 * Findings as annotations on the files they are about. GitHub shows at most
 * 10 annotations of each kind per step and drops the rest, so only the first
 * 10 of each severity are sent and the job summary carries the full list.
 */
import type { Finding, Severity } from '../dags/report.ts';

export const annotationsPerSeverity = 10;

export type Annotation = { severity: Severity; message: string; file: string; line: number; column?: number; title: string };
export type AnnotationSink = (annotation: Annotation) => void;

/** Sends up to 10 annotations per severity; returns how many findings were left out. */
export function annotateFindings(findings: Finding[], pathOf: (file: string) => string, sink: AnnotationSink): number {
  const sent: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  let left = 0;
  for (const finding of findings) {
    if (sent[finding.severity] >= annotationsPerSeverity) {
      left++;
      continue;
    }
    sent[finding.severity]++;
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
