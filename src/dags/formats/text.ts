/** Plain text, one finding a line, in the `file:line:column:` form editors link. */
import { countBySeverity, type Report } from '../report.ts';

export function renderText(report: Report, dagsFolder: string): string {
  const lines = report.findings.map((finding) => {
    const place = `${dagsFolder}/${finding.file}:${finding.line}${finding.column === null ? '' : `:${finding.column}`}`;
    return `${place}: ${finding.severity} [${finding.rule}] ${finding.message.replaceAll('\n', '\n    ')}`;
  });
  const counts = countBySeverity(report.findings);
  const files = `${report.files} file${report.files === 1 ? '' : 's'} checked`;
  lines.push(`${files}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s)`);
  return `${lines.join('\n')}\n`;
}
