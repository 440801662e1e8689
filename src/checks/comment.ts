/**
 * The sticky comment of the pull-request checks: the DAG findings as a table
 * and, per environment, what rendering gave and what a deploy would create,
 * change and prune. Text from the team's files (paths, messages) is data: it
 * is escaped so it cannot close a table cell, open HTML or ping anyone.
 */
import type { EnvironmentResult, Finding, ValidationReport } from './results.ts';

export const checksMarker = '<!-- airflow-gitops:checks -->';

export type CommentFacts = {
  validation?: ValidationReport;
  environments: EnvironmentResult[];
  commit?: string;
  runUrl?: string;
  /** The DAG folder, from the repository's root: the report's paths are relative to it. */
  dagsDirectory?: string;
};

/** GitHub refuses a comment body over 65536 characters; the rows stop well short of it. */
const maxFindingRows = 50;
const maxCellLength = 300;

export function cell(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > maxCellLength ? `${flat.slice(0, maxCellLength - 1)}…` : flat;
  return short.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, '@\u200b').replace(/`/g, "'");
}

const icons: Record<string, string> = { error: '❌ error', warning: '⚠️ warning' };

function findingRow(finding: Finding, folder: string): string {
  const path = folder === '' || folder === '.' ? finding.file : `${folder.replace(/\/+$/, '')}/${finding.file}`;
  return `| ${icons[finding.severity] ?? cell(finding.severity)} | \`${cell(path)}\` | ${finding.line} | ${cell(finding.rule)} | ${cell(finding.message)} |`;
}

function validationSection(report: ValidationReport | undefined, folder: string): string[] {
  if (report === undefined) return ['**DAGs**: ❌ the validation did not report (see the workflow run).'];
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  const head = `**DAGs**: ${report.files} file(s) checked, ${errors === 0 ? '✅ no errors' : `❌ ${errors} error(s)`}, ${warnings} warning(s)`;
  if (report.findings.length === 0) return [head];
  const sorted = [...report.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const rows = sorted.slice(0, maxFindingRows).map((finding) => findingRow(finding, folder));
  const rest = report.findings.length - rows.length;
  return [head, '', '| | file | line | rule | message |', '| --- | --- | --- | --- | --- |', ...rows, ...(rest > 0 ? ['', `… and ${rest} more in the job summary of the workflow run.`] : [])];
}

function environmentRow(result: EnvironmentResult): string {
  const name = `\`${cell(result.environment)}\``;
  if (result.error !== undefined) return `| ${name} | ❌ | | | | | ${cell(result.error)} |`;
  const objects = result.objects === undefined ? '–' : String(result.objects);
  const d = result.diff;
  if (d === undefined) return `| ${name} | ${objects} | – | – | – | – | ${cell(result.diffSkipped ?? 'not diffed')} |`;
  return `| ${name} | ${objects} | ${d.create + d.deferred} | ${d.change + d.recreate} | ${d.prune} | ${d.unchanged} | server-side dry-run against the cluster |`;
}

function environmentSection(results: EnvironmentResult[]): string[] {
  if (results.length === 0) return ['**Environments**: no overlay was checked.'];
  return [
    '**Environments**',
    '',
    '| environment | rendered objects | to create | to change | to prune | unchanged | diff |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(environmentRow),
  ];
}

export function checksComment(facts: CommentFacts): string {
  const about = [facts.commit ? `commit \`${facts.commit.slice(0, 12)}\`` : undefined, facts.runUrl ? `[workflow run](${facts.runUrl})` : undefined].filter(Boolean).join(' · ');
  const lines = [checksMarker, '### airflow-gitops checks', ...(about ? ['', about] : []), '', ...validationSection(facts.validation, facts.dagsDirectory ?? ''), '', ...environmentSection(facts.environments), ''];
  return lines.join('\n');
}

/** The checks fail when a DAG has an error, an overlay did not render, or a diff was refused. */
export function checksFailed(facts: CommentFacts): boolean {
  const dagErrors = facts.validation === undefined || facts.validation.findings.some((f) => f.severity === 'error');
  return dagErrors || facts.environments.some((e) => e.error !== undefined);
}
