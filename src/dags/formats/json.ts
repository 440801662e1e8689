/** The JSON report: exactly `{"files": n, "findings": [...]}`, each finding with the documented fields. */
import type { Report } from '../report.ts';

export function renderJson(report: Report): string {
  const findings = report.findings.map(({ file, line, column, severity, rule, message, layer }) => ({ file, line, column, severity, rule, message, layer }));
  return `${JSON.stringify({ files: report.files, findings }, null, 2)}\n`;
}
