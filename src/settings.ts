/**
 * One parser for the engine's commands: argv (CLI) or a record of inputs
 * (action) become typed settings, and bad values are rejected here, quoted,
 * naming the flag.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.ts';
import type { Revision } from './kustomize/tracking.ts';
import { checkEnvironmentName, overlayDirFor } from './overlays/environments.ts';
import { defaultFieldManager } from './kube/requests.ts';

export type EngineSettings = {
  environment: string;
  repoRoot: string;
  overlayDir: string;
  namespace?: string;
  kubeconfig?: string;
  context?: string;
  revision: Revision;
  fieldManager: string;
  env: NodeJS.ProcessEnv;
};

export type DeploySettings = EngineSettings & {
  forceConflicts: boolean;
  recreateStatefulSets: boolean;
  prune: boolean;
  pruneSecrets: boolean;
  prunePvcs: boolean;
  wait: boolean;
  timeoutSeconds: number;
  rollback: boolean;
  dryRunAll: boolean;
};

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

export const engineOptions: Record<string, OptionSpec> = {
  overlay: { type: 'string' },
  namespace: { type: 'string' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  commit: { type: 'string' },
  'run-url': { type: 'string' },
  'field-manager': { type: 'string' },
};

export const deployOptions: Record<string, OptionSpec> = {
  ...engineOptions,
  'force-conflicts': { type: 'boolean' },
  'recreate-statefulsets': { type: 'boolean' },
  'no-prune': { type: 'boolean' },
  'prune-secrets': { type: 'boolean' },
  'prune-pvcs': { type: 'boolean' },
  'no-wait': { type: 'boolean' },
  timeout: { type: 'string' },
  rollback: { type: 'boolean' },
  'dry-run-all': { type: 'boolean' },
};

export type ParsedArgs = { positionals: string[]; values: Record<string, string | boolean | undefined> };

export function parseCommandArgs(argv: string[], options: Record<string, OptionSpec>, command: string): ParsedArgs {
  try {
    const { positionals, values } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { positionals, values: values as ParsedArgs['values'] };
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

function text(values: ParsedArgs['values'], name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) throw new UsageError(`--${name} needs a value`);
  return value;
}

/** The commit and run URL recorded on changed objects: from flags, else from GitHub Actions' environment. */
export function revisionFrom(values: ParsedArgs['values'], env: NodeJS.ProcessEnv): Revision {
  const commit = text(values, 'commit') ?? env.GITHUB_SHA;
  if (commit !== undefined && !/^[0-9a-f]{40}$/i.test(commit)) throw new UsageError(`--commit ${JSON.stringify(commit)} is not a full 40-character commit SHA`);
  let runUrl = text(values, 'run-url');
  if (runUrl === undefined && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    runUrl = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  }
  if (runUrl !== undefined && !/^https?:\/\/[^\s"']+$/.test(runUrl)) throw new UsageError(`--run-url ${JSON.stringify(runUrl)} is not an http(s) URL`);
  return { commit: commit?.toLowerCase(), runUrl };
}

export function environmentArg(positionals: string[], command: string): string {
  if (positionals.length !== 1 || positionals[0] === undefined) throw new UsageError(`usage: airflow-gitops ${command} <environment> [options]`);
  return checkEnvironmentName(positionals[0]);
}

export function engineSettings(parsed: ParsedArgs, command: string, cwd: string, env: NodeJS.ProcessEnv): EngineSettings {
  const environment = environmentArg(parsed.positionals, command);
  const fieldManager = text(parsed.values, 'field-manager') ?? defaultFieldManager;
  if (!/^[A-Za-z0-9][-A-Za-z0-9_.]{0,127}$/.test(fieldManager)) throw new UsageError(`--field-manager ${JSON.stringify(fieldManager)} is not a valid field manager name`);
  const namespace = text(parsed.values, 'namespace');
  if (namespace !== undefined && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) throw new UsageError(`--namespace ${JSON.stringify(namespace)} is not a valid namespace name`);
  return {
    environment,
    repoRoot: cwd,
    overlayDir: overlayDirFor(cwd, environment, text(parsed.values, 'overlay')),
    namespace,
    kubeconfig: text(parsed.values, 'kubeconfig'),
    context: text(parsed.values, 'context'),
    revision: revisionFrom(parsed.values, env),
    fieldManager,
    env,
  };
}

export function deploySettings(parsed: ParsedArgs, cwd: string, env: NodeJS.ProcessEnv): DeploySettings {
  const timeout = text(parsed.values, 'timeout') ?? '300';
  const match = /^(\d+)(s|m)?$/.exec(timeout);
  if (!match) throw new UsageError(`--timeout ${JSON.stringify(timeout)} is not a duration like 300, 300s or 5m`);
  const timeoutSeconds = Number(match[1]) * (match[2] === 'm' ? 60 : 1);
  if (timeoutSeconds <= 0) throw new UsageError('--timeout must be more than 0');
  const flag = (name: string) => parsed.values[name] === true;
  return {
    ...engineSettings(parsed, 'deploy', cwd, env),
    forceConflicts: flag('force-conflicts'),
    recreateStatefulSets: flag('recreate-statefulsets'),
    prune: !flag('no-prune'),
    pruneSecrets: flag('prune-secrets'),
    prunePvcs: flag('prune-pvcs'),
    wait: !flag('no-wait'),
    timeoutSeconds,
    rollback: flag('rollback'),
    dryRunAll: flag('dry-run-all'),
  };
}
