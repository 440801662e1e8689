/** command: validate. The DAG checks, with annotations (capped), the full table in the summary and the JSON report as a file. */
import { writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { countBySeverity, defaultCacheFolder, renderJson, renderMarkdownSummary, renderText, validateDags } from '../../dags/index.ts';
import { annotateFindings } from '../annotations.ts';
import type { ValidateSettings } from '../settings.ts';
import type { ActionContext, ActionOutcome } from '../context.ts';

export async function validateAction(settings: ValidateSettings, context: ActionContext): Promise<ActionOutcome> {
  const dagsFolder = resolve(settings.workingDirectory, settings.dagsDirectory);
  const report = await validateDags({
    dagsFolder,
    import: settings.importCheck,
    python: settings.airflowPython === undefined ? undefined : resolve(settings.workingDirectory, settings.airflowPython),
    cacheFolder: resolve(settings.workingDirectory, defaultCacheFolder),
    env: context.env,
  });
  // Annotations need paths from the repository root (the workspace), not from the dags folder.
  const workspace = context.env.GITHUB_WORKSPACE ?? settings.workingDirectory;
  const pathOf = (file: string) => relative(workspace, join(dagsFolder, file)).split(sep).join('/');

  for (const line of renderText(report, relative(settings.workingDirectory, dagsFolder) || '.').trimEnd().split('\n')) context.log(line);
  const left = annotateFindings(report.findings, pathOf, context.annotate);
  if (left > 0) context.log(`${left} more finding(s) are not annotated (GitHub shows 10 of each kind per step): the job summary lists them all`);

  const reportFile = join(context.tempDir, 'airflow-gitops-validate.json');
  writeFileSync(reportFile, renderJson(report));
  const counts = countBySeverity(report.findings);
  return {
    outputs: { findings: report.findings.length, errors: counts.error, warnings: counts.warning, 'report-file': reportFile },
    summary: renderMarkdownSummary(report, pathOf),
    failure: counts.error > 0 ? `${counts.error} error(s) in ${settings.dagsDirectory}: the job summary lists every finding` : undefined,
  };
}
