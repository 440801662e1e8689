/** command: validate. The DAG checks, with annotations (capped), the full table in the summary and the JSON report as a file. */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { countBySeverity, defaultCacheFolder, renderJson, renderMarkdownSummary, renderText, validateDags, type Report } from '../../dags/index.ts';
import { EnvironmentError, UsageError } from '../../errors.ts';
import { commitFileLinker } from '../../github/links.ts';
import { annotateFindings, summaryPointer } from '../annotations.ts';
import type { ValidateSettings } from '../settings.ts';
import type { ActionContext, ActionOutcome } from '../context.ts';

/** An empty DAG folder is most often a wrong dags-directory: a warning, or the step's failure with require-dags. */
function emptyFolder(settings: ValidateSettings, report: Report, context: ActionContext): string | undefined {
  if (report.files > 0) return undefined;
  const message = `${settings.dagsDirectory} holds no DAG file to check (resolved to ${settings.dagsFolder})`;
  if (settings.requireDags) return `${message}; require-dags is true`;
  context.annotate({ severity: 'warning', message: `${message}; set require-dags: true to fail the step instead`, title: 'empty-dags-folder' });
  return undefined;
}

/** The interpreter for the import check, checked here so that a missing one is named by its input, not by the CLI's flag. */
function airflowPython(settings: ValidateSettings): string | undefined {
  if (settings.airflowPython === undefined) return undefined;
  const python = resolve(settings.workingDirectory, settings.airflowPython);
  if (settings.importCheck && !existsSync(python)) throw new UsageError(`input 'airflow-python': no Python interpreter at ${python}`);
  return python;
}

async function runValidator(settings: ValidateSettings, context: ActionContext): Promise<Report> {
  try {
    return await validateDags({
      dagsFolder: settings.dagsFolder,
      import: settings.importCheck,
      python: airflowPython(settings),
      lock: settings.requirementsLock,
      cacheFolder: resolve(settings.workingDirectory, defaultCacheFolder),
      env: context.env,
    });
  } catch (error) {
    // The validator's advice for a missing Airflow speaks of the CLI's --import and --python.
    if (!(error instanceof EnvironmentError) || !error.message.startsWith('--import needs')) throw error;
    const detail = error.message.replace(/^--import needs a Python with Airflow 3: /, '').replace(/, or pass --python .*$/, '');
    throw new EnvironmentError(`input 'import-check' needs a Python with Airflow 3: set input 'airflow-python' to an interpreter with apache-airflow installed (${detail})`);
  }
}

export async function validateAction(settings: ValidateSettings, context: ActionContext): Promise<ActionOutcome> {
  const dagsFolder = settings.dagsFolder;
  const report = await runValidator(settings, context);
  // Annotations need paths from the repository root (the workspace), not from the dags folder.
  const workspace = context.env.GITHUB_WORKSPACE ?? settings.workingDirectory;
  const pathOf = (file: string) => relative(workspace, join(dagsFolder, file)).split(sep).join('/');

  for (const line of renderText(report, relative(settings.workingDirectory, dagsFolder) || '.').trimEnd().split('\n')) context.log(line);
  const counts = countBySeverity(report.findings);
  const empty = emptyFolder(settings, report, context);
  const failure = empty ?? (counts.error > 0 ? `${counts.error} error(s) in ${settings.dagsDirectory}: the job summary lists every finding` : undefined);
  const left = annotateFindings(report.findings, pathOf, context.annotate, failure !== undefined);
  if (left > 0) context.annotate(summaryPointer(left));

  const reportFile = join(context.tempDir, 'airflow-gitops-validate.json');
  writeFileSync(reportFile, renderJson(report));
  return {
    outputs: { findings: report.findings.length, errors: counts.error, warnings: counts.warning, 'report-file': reportFile },
    summary: renderMarkdownSummary(report, pathOf, undefined, commitFileLinker(context.env)),
    failure,
  };
}
