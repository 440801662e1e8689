/**
 * GitHub Actions workflow commands (`::error file=...,line=...::message`),
 * which become annotations on the pull request's files. GitHub shows at most
 * 10 per step: the job summary (markdown.ts) carries the full list.
 */
import type { Finding, Report } from '../report.ts';

/** `pathOf` turns a dags-folder path into a path relative to the repository root. */
export function renderGithub(report: Report, pathOf: (file: string) => string): string {
  return report.findings.map((finding) => `${command(finding, pathOf(finding.file))}\n`).join('');
}

function command(finding: Finding, file: string): string {
  const properties = [`file=${escapeProperty(file)}`, `line=${finding.line}`];
  if (finding.column !== null) properties.push(`col=${finding.column}`);
  properties.push(`title=${escapeProperty(finding.rule)}`);
  return `::${finding.severity} ${properties.join(',')}::${escapeData(finding.message)}`;
}

/** Escaping as GitHub's toolkit does it for a command's message. */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escaping for a property value, where ':' and ',' are separators too. */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
