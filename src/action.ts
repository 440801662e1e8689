/**
 * GitHub Action entry: mask the secret inputs, read the inputs into one typed
 * settings object, run the command the CLI runs, then set the outputs and
 * write the job summary once. Errors are caught here only.
 */
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { describe } from './errors.ts';
import { inputCommand, readActionSettings } from './action/settings.ts';
import type { Annotation } from './action/annotations.ts';
import { engineEnvironment } from './action/context.ts';
import { setOutputs } from './action/outputs.ts';
import { runCommand } from './action/run-command.ts';
import { maskSecretInputs } from './action/secret-inputs.ts';
import { codeBlock, writeSummary } from './action/summary.ts';
import { WorkflowLog } from './github/workflow-log.ts';

function annotate(annotation: Annotation): void {
  // Only the properties that are set: an annotation without a file belongs to the run, not to a line.
  const all = { file: annotation.file, startLine: annotation.line, startColumn: annotation.column, title: annotation.title };
  const properties = Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
  if (annotation.severity === 'error') core.error(annotation.message, properties);
  else if (annotation.severity === 'warning') core.warning(annotation.message, properties);
  else core.notice(annotation.message, properties);
}

async function main(): Promise<void> {
  // Before anything else, so that no later line of the log can show a secret.
  const mask = maskSecretInputs(process.env, core.setSecret);
  // Every plain line may carry text from users' files: see workflow-log.ts.
  const log = new WorkflowLog(core.info);
  try {
    const settings = readActionSettings(process.env, process.cwd());
    const outcome = await runCommand(settings, {
      env: engineEnvironment(process.env),
      mask,
      log: (line) => log.text(mask.mask(line)),
      annotate: (annotation) => log.command(() => annotate({ ...annotation, message: mask.mask(annotation.message) })),
      tempDir: process.env.RUNNER_TEMP || tmpdir(),
    });
    setOutputs(outcome.outputs, mask, (name, value) => log.command(() => core.setOutput(name, value)));
    writeSummary(outcome.summary, mask, process.env);
    if (outcome.failure !== undefined) log.command(() => core.setFailed(mask.mask(outcome.failure ?? '')));
  } catch (error) {
    const message = mask.mask(describe(error));
    log.command(() => core.setFailed(message));
    // The summary is where a reader of the run looks first; say there why the step failed.
    writeSummary(`## airflow-gitops ${inputCommand(process.env)} failed\n\n${codeBlock(message)}\n`, mask, process.env);
  } finally {
    log.resume();
  }
}

await main();
