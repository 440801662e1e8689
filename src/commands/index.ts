/**
 * src/commands owns the commands both entries run, each a short pipeline over
 * the engines, and the one settings constructor.
 *
 * The CLI's commands. Each module exports `run(argv, io)` and returns the exit
 * code; the action calls the same functions through its own entry.
 */
import type { CommandIO } from './io.ts';

export type Command = {
  summary: string;
  load: () => Promise<{ run: (argv: string[], io: CommandIO) => Promise<number> }>;
};

// Loaded lazily so `validate` does not pay for the Kubernetes client and vice versa.
export const commands: Record<string, Command> = {
  validate: { summary: 'check a DAG folder (static checks, optionally a real Airflow import)', load: () => import('./validate.ts') },
  lock: { summary: "resolve requirements.txt into requirements.lock for the pinned Airflow (--check: fail when it is stale)", load: () => import('./lock.ts') },
  bump: { summary: "set an environment's pinned git-sync ref and/or Airflow image digest", load: () => import('./bump.ts') },
  render: { summary: 'render an overlay to multi-document YAML', load: () => import('./render.ts') },
  diff: { summary: 'server-side dry-run an overlay against the live cluster', load: () => import('./diff.ts') },
  deploy: { summary: 'dry-run, apply, prune and wait for an overlay', load: () => import('./deploy.ts') },
  environments: { summary: 'the environments, their order and promotion chain from environments.yaml (for the workflows)', load: () => import('./environments.ts') },
  destroy: { summary: 'remove what an environment applied, keeping its Secrets and PVCs unless asked (a dry run without --yes)', load: () => import('./destroy.ts') },
  secrets: { summary: 'list the Secrets an environment uses: origin and last change of each value, never the value', load: () => import('./secrets.ts') },
  promote: { summary: "open or update a pull request pinning one environment to another's ref", load: () => import('./promote.ts') },
  check: { summary: 'render an overlay and, with a kubeconfig, dry-run it; write the result as JSON', load: () => import('./check.ts') },
  'pr-comment': { summary: 'create or update the sticky pull-request comment of the checks', load: () => import('./pr-comment.ts') },
  init: { summary: 'write a new repository of your own: overlays, DAGs, workflows and the vendored template', load: () => import('./init.ts') },
  upgrade: { summary: "move a repository made by init to this engine's version (in place or as a pull request)", load: () => import('./upgrade.ts') },
  'pin-remote': { summary: "pin this DAG repository's commit in the platform repository (pull request or commit)", load: () => import('./pin-remote.ts') },
};
