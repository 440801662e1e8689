/** What every command adapter of the action gets, and what it gives back. */
import type { SecretMask } from '../secrets/mask.ts';
import type { AnnotationSink } from './annotations.ts';
import type { ActionOutputs } from './outputs.ts';

export type ActionContext = {
  /** The environment for the engine: the runner's, without the INPUT_* variables (secrets among them). */
  env: NodeJS.ProcessEnv;
  mask: SecretMask;
  log: (line: string) => void;
  annotate: AnnotationSink;
  /** Where files meant for later steps go (RUNNER_TEMP in a workflow run). */
  tempDir: string;
};

export type ActionOutcome = {
  outputs: ActionOutputs;
  /** Markdown for the job summary. */
  summary: string;
  /** Set when the step must fail; outputs and summary are still written. */
  failure?: string;
};

/** The runner's environment minus the action's inputs, so child processes (kustomize, credential plugins) never see them. */
export function engineEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('INPUT_')));
}
