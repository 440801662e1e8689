/** The DAG validator's programmatic API, used by the CLI command and the GitHub Action. */
export { validateDags, type ValidateOptions } from './validate.ts';
export { watchDags, type WatchOptions } from './watch.ts';
export { hasErrors, countBySeverity, type Finding, type Report, type Severity, type Layer, type ImportedFile } from './report.ts';
export { renderText } from './formats/text.ts';
export { renderJson } from './formats/json.ts';
export { renderGithub } from './formats/github.ts';
export { renderMarkdownSummary, summaryLimitBytes } from './formats/markdown.ts';
export { configFileName } from './config.ts';
