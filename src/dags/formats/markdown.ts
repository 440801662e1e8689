/**
 * The findings as a Markdown table for the GitHub job summary. GitHub rejects
 * a summary over 1 MiB, so rows stop before that with a note saying how many
 * were left out.
 */
import { countBySeverity, type Report } from '../report.ts';

/** GitHub rejects a step's job summary over this size. */
export const summaryLimitBytes = 1024 * 1024;
/** Room kept for the note and for whatever else the step writes to the summary. */
const reserveBytes = 16 * 1024;

const icons = { error: '❌ error', warning: '⚠️ warning', notice: 'ℹ️ notice' };

export function renderMarkdownSummary(report: Report, pathOf: (file: string) => string = (file) => file, limitBytes = summaryLimitBytes): string {
  const counts = countBySeverity(report.findings);
  const head = [
    '## DAG validation',
    '',
    `${report.files} file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s).`,
    '',
  ];
  if (report.findings.length === 0) return `${head.join('\n')}\nNo findings.\n`;
  head.push('| Severity | File | Line | Rule | Message |', '| --- | --- | --- | --- | --- |');
  let text = `${head.join('\n')}\n`;
  let size = Buffer.byteLength(text);
  let shown = 0;
  for (const finding of report.findings) {
    const row = `| ${icons[finding.severity]} | ${cell(pathOf(finding.file))} | ${finding.line} | \`${finding.rule}\` | ${cell(finding.message)} |\n`;
    const rowSize = Buffer.byteLength(row);
    if (size + rowSize > limitBytes - reserveBytes) break;
    text += row;
    size += rowSize;
    shown++;
  }
  const hidden = report.findings.length - shown;
  if (hidden > 0) text += `\n${hidden} more finding(s) not shown: a job summary is limited to 1 MiB. Run \`airflow-gitops validate --format json\` for the full list.\n`;
  return text;
}

/** A Markdown table cell: no raw pipes, newlines or HTML. */
export function cell(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('|', '\\|').replaceAll(/\r?\n/g, '<br>');
}
