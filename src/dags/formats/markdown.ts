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

/** `linkOf`: a URL for a file (from the repository root) at a line; with it, the file and line cells are links. */
export function renderMarkdownSummary(
  report: Report,
  pathOf: (file: string) => string = (file) => file,
  limitBytes = summaryLimitBytes,
  linkOf?: (path: string, line: number) => string,
): string {
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
    const path = pathOf(finding.file);
    const link = linkOf?.(path, finding.line);
    const place = link === undefined ? [cell(path), String(finding.line)] : [`[${linkText(path)}](${link})`, `[${finding.line}](${link})`];
    const row = `| ${icons[finding.severity]} | ${place.join(' | ')} | \`${finding.rule}\` | ${cell(finding.message)} |\n`;
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

/** A link's text inside a table cell: no brackets to end it early. */
function linkText(text: string): string {
  return cell(text).replaceAll('[', '\\[').replaceAll(']', '\\]');
}

/** A Markdown table cell: no raw pipes, newlines or HTML. */
export function cell(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('|', '\\|').replaceAll(/\r?\n/g, '<br>');
}
