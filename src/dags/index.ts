/**
 * src/dags owns the DAG validator: it lists the files Airflow would parse
 * (files/), checks them without Python (static/) and, when asked, by importing
 * them with the real Airflow (imports/), and renders one report of findings
 * (report.ts, formats/). This module is its API for the CLI and the Action.
 */
export { defaultCacheFolder, validateDags, type ValidateOptions } from './validate.ts';
export { watchDags, type WatchOptions } from './watch.ts';
export { hasErrors, countBySeverity, type Finding, type Report, type Severity, type Layer, type ImportedFile } from './report.ts';
export { renderText } from './formats/text.ts';
export { renderJson } from './formats/json.ts';
export { renderGithub } from './formats/github.ts';
export { cell, renderMarkdownSummary, summaryLimitBytes } from './formats/markdown.ts';
export { configFileName } from './config.ts';
