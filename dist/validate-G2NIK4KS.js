import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  commitFileLinker
} from "./chunk-VJPR55DX.js";
import {
  countBySeverity,
  defaultCacheFolder,
  renderJson,
  renderMarkdownSummary,
  renderText,
  validateDags
} from "./chunk-LY2ZCFWI.js";
import "./chunk-RBNP2GGL.js";
import "./chunk-6M56B45Z.js";
import "./chunk-CT3SYMP3.js";
import {
  EnvironmentError,
  UsageError
} from "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/action/commands/validate.ts
import { existsSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

// src/action/annotations.ts
var annotationsPerSeverity = 10;
var order = { error: 0, warning: 1, notice: 2 };
function annotateFindings(findings, pathOf, sink, failing) {
  const room = { error: annotationsPerSeverity - (failing ? 1 : 0), warning: annotationsPerSeverity, notice: annotationsPerSeverity - 1 };
  let left = 0;
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
      column: finding.column ?? void 0,
      title: finding.rule
    });
  }
  return left;
}
function summaryPointer(left) {
  return { severity: "notice", message: `${left} more finding(s) are not annotated (a step shows 10 of each kind): the job summary lists them all` };
}

// src/action/commands/validate.ts
function emptyFolder(settings, report, context) {
  if (report.files > 0) return void 0;
  const message = `${settings.dagsDirectory} holds no DAG file to check (resolved to ${settings.dagsFolder})`;
  if (settings.requireDags) return `${message}; require-dags is true`;
  context.annotate({ severity: "warning", message: `${message}; set require-dags: true to fail the step instead`, title: "empty-dags-folder" });
  return void 0;
}
function airflowPython(settings) {
  if (settings.airflowPython === void 0) return void 0;
  const python = resolve(settings.workingDirectory, settings.airflowPython);
  if (settings.importCheck && !existsSync(python)) throw new UsageError(`input 'airflow-python': no Python interpreter at ${python}`);
  return python;
}
async function runValidator(settings, context) {
  try {
    return await validateDags({
      dagsFolder: settings.dagsFolder,
      import: settings.importCheck,
      python: airflowPython(settings),
      lock: settings.requirementsLock,
      cacheFolder: resolve(settings.workingDirectory, defaultCacheFolder),
      env: context.env
    });
  } catch (error) {
    if (!(error instanceof EnvironmentError) || !error.message.startsWith("--import needs")) throw error;
    const detail = error.message.replace(/^--import needs a Python with Airflow 3: /, "").replace(/, or pass --python .*$/, "");
    throw new EnvironmentError(`input 'import-check' needs a Python with Airflow 3: set input 'airflow-python' to an interpreter with apache-airflow installed (${detail})`);
  }
}
async function validateAction(settings, context) {
  const dagsFolder = settings.dagsFolder;
  const report = await runValidator(settings, context);
  const workspace = context.env.GITHUB_WORKSPACE ?? settings.workingDirectory;
  const pathOf = (file) => relative(workspace, join(dagsFolder, file)).split(sep).join("/");
  for (const line of renderText(report, relative(settings.workingDirectory, dagsFolder) || ".").trimEnd().split("\n")) context.log(line);
  const counts = countBySeverity(report.findings);
  const empty = emptyFolder(settings, report, context);
  const failure = empty ?? (counts.error > 0 ? `${counts.error} error(s) in ${settings.dagsDirectory}: the job summary lists every finding` : void 0);
  const left = annotateFindings(report.findings, pathOf, context.annotate, failure !== void 0);
  if (left > 0) context.annotate(summaryPointer(left));
  const reportFile = join(context.tempDir, "airflow-gitops-validate.json");
  writeFileSync(reportFile, renderJson(report));
  return {
    outputs: { findings: report.findings.length, errors: counts.error, warnings: counts.warning, "report-file": reportFile },
    summary: renderMarkdownSummary(report, pathOf, void 0, commitFileLinker(context.env)),
    failure
  };
}
export {
  validateAction
};
