/**
 * The action's inputs become one typed settings object, per command. Every
 * input the action reads is listed in `actionInputs` (a test holds action.yml
 * to the same list, defaults included), and an input meant for another
 * command is refused rather than silently ignored.
 */
import { confinedPath } from './workspace-path.ts';
import { UsageError } from '../errors.ts';
import { checkEnvironmentName } from '../overlays/environments.ts';
import { Inputs } from './inputs.ts';
import { durationSeconds, type OptionNamer } from '../commands/settings.ts';
import type { DeploySettings } from '../deploy/settings.ts';
import type { PromoteOptions } from '../promotion/promote.ts';

export const commandNames = ['validate', 'bump', 'render', 'diff', 'deploy', 'promote', 'pending'] as const;
export type CommandName = (typeof commandNames)[number];

type InputSpec = { commands: readonly CommandName[] | 'all'; default?: string; secret?: boolean };

const cluster = ['diff', 'deploy'] as const;
const environmentCommands = ['bump', 'render', 'diff', 'deploy'] as const;

export const actionInputs: Record<string, InputSpec> = {
  command: { commands: 'all' },
  'working-directory': { commands: 'all', default: '.' },
  environment: { commands: environmentCommands },
  'dags-directory': { commands: ['validate'], default: 'dags' },
  'import-check': { commands: ['validate'], default: 'false' },
  'require-dags': { commands: ['validate'], default: 'false' },
  'airflow-python': { commands: ['validate'] },
  'requirements-lock': { commands: ['validate'] },
  ref: { commands: ['bump'] },
  'allow-ref-name': { commands: ['bump'], default: 'false' },
  image: { commands: ['bump'] },
  commit: { commands: ['bump'], default: 'false' },
  'render-file': { commands: ['render'] },
  kubeconfig: { commands: cluster, secret: true },
  context: { commands: cluster },
  'git-ssh-key': { commands: cluster, secret: true },
  'known-hosts': { commands: cluster },
  'postgres-password': { commands: cluster, secret: true },
  'redis-password': { commands: cluster, secret: true },
  'force-conflicts': { commands: cluster, default: 'false' },
  'recreate-statefulsets': { commands: cluster, default: 'false' },
  prune: { commands: cluster, default: 'true' },
  'prune-secrets': { commands: cluster, default: 'false' },
  'prune-pvcs': { commands: cluster, default: 'false' },
  wait: { commands: ['deploy'], default: 'true' },
  timeout: { commands: ['deploy'], default: '5m' },
  rollback: { commands: ['deploy'], default: 'false' },
  'from-environment': { commands: ['promote'] },
  'to-environment': { commands: ['promote'] },
  'allow-any-order': { commands: ['promote'], default: 'false' },
  'pull-request': { commands: ['promote'], default: 'true' },
  base: { commands: ['promote'] },
  labels: { commands: ['promote'] },
  draft: { commands: ['promote'], default: 'false' },
  environments: { commands: ['pending'] },
  // The runner fills in the workflow's token for every step; promotion also accepts an App or personal token.
  token: { commands: ['bump', 'promote', 'pending'], secret: true, default: '${{ github.token }}' },
};

export const secretInputNames = Object.entries(actionInputs)
  .filter(([, spec]) => spec.secret === true)
  .map(([name]) => name);

type Common = { workingDirectory: string };

export type ValidateSettings = Common & {
  command: 'validate';
  /** As given, for messages. */
  dagsDirectory: string;
  /** The absolute path, inside the workspace. */
  dagsFolder: string;
  importCheck: boolean;
  requireDags: boolean;
  /** The interpreter may live outside the workspace (a runner's tool cache). */
  airflowPython?: string;
  /** The team's requirements.lock, an absolute path inside the workspace, when given. */
  requirementsLock?: string;
};
export type BumpSettings = Common & { command: 'bump'; environment: string; ref: string; image?: string; allowRefName: boolean; commit: boolean; token?: string };
/** renderFile: an absolute path inside the workspace, when given. */
export type RenderSettings = Common & { command: 'render'; environment: string; renderFile?: string };
export type ClusterSettings = Common & {
  command: 'diff' | 'deploy';
  environment: string;
  /** The kubeconfig's content (not a path); undefined: use $KUBECONFIG or ~/.kube/config. */
  kubeconfig?: string;
  context?: string;
  /** Environment variables the engine reads the Airflow Secrets' values from. */
  secretValues: Record<string, string>;
  /** Kept as written: the engine's settings constructor reads it (see cluster-settings.ts). */
  timeout: string;
} & Pick<DeploySettings, 'forceConflicts' | 'recreateStatefulSets' | 'prune' | 'pruneSecrets' | 'prunePvcs' | 'wait' | 'rollback'>;
/** The promotion's own options, as the action's inputs give them (the rest is fixed by the action). */
export type PromoteSettings = Common & { command: 'promote' } & Pick<PromoteOptions, 'from' | 'to' | 'allowAnyOrder' | 'pullRequest' | 'base' | 'labels' | 'draft' | 'token'>;
export type PendingSettings = Common & { command: 'pending'; environments: string[]; token?: string };
export type ActionSettings = ValidateSettings | BumpSettings | RenderSettings | ClusterSettings | PromoteSettings | PendingSettings;

function environmentInput(inputs: Inputs, name: string, command: string): string {
  const value = inputs.required(name, `for command '${command}'`);
  try {
    return checkEnvironmentName(value);
  } catch (error) {
    throw new UsageError(`input '${name}': ${(error as Error).message}`);
  }
}

function environmentList(inputs: Inputs): string[] {
  inputs.required('environments', "for command 'pending'");
  return inputs.list('environments').map((name) => {
    try {
      return checkEnvironmentName(name);
    } catch (error) {
      throw new UsageError(`input 'environments': ${(error as Error).message}`);
    }
  });
}

function refuseForeignInputs(inputs: Inputs, command: CommandName): void {
  for (const [name, spec] of Object.entries(actionInputs)) {
    // Inputs with a default are always set by the runner; only an explicit value can be out of place.
    if (spec.commands === 'all' || spec.default !== undefined || spec.commands.includes(command)) continue;
    if (inputs.text(name) !== undefined) {
      throw new UsageError(`input '${name}' is not used by command '${command}' (it is for ${spec.commands.join(', ')})`);
    }
  }
}

const durationProblem = (value: string) => ((durationSeconds(value) ?? 0) > 0 ? undefined : 'is not a duration like 300, 300s or 5m');

/** How the action names an option in a message: by its input. */
export const inputName: OptionNamer = (option) => `input '${option}'`;

/** A private key needs its final newline, which YAML block scalars and secret stores tend to drop. */
function withFinalNewline(value: string): string {
  return value.endsWith('\n') ? value : `${value}\n`;
}

function clusterSettings(inputs: Inputs, command: 'diff' | 'deploy', common: Common): ClusterSettings {
  const secretValues: Record<string, string> = {};
  const sshKey = inputs.raw('git-ssh-key');
  if (sshKey.trim().length > 0) secretValues.AIRFLOW_GITOPS_GIT_SSH_KEY = withFinalNewline(sshKey.trim());
  const knownHosts = inputs.text('known-hosts');
  if (knownHosts !== undefined) secretValues.AIRFLOW_GITOPS_GIT_KNOWN_HOSTS = withFinalNewline(knownHosts);
  const postgres = inputs.text('postgres-password');
  if (postgres !== undefined) secretValues.AIRFLOW_GITOPS_POSTGRES_PASSWORD = postgres;
  const redis = inputs.text('redis-password');
  if (redis !== undefined) secretValues.AIRFLOW_GITOPS_REDIS_PASSWORD = redis;
  return {
    ...common,
    command,
    environment: environmentInput(inputs, 'environment', command),
    kubeconfig: inputs.text('kubeconfig'),
    context: inputs.text('context'),
    secretValues,
    forceConflicts: inputs.boolean('force-conflicts', false),
    recreateStatefulSets: inputs.boolean('recreate-statefulsets', false),
    prune: inputs.boolean('prune', true),
    pruneSecrets: inputs.boolean('prune-secrets', false),
    prunePvcs: inputs.boolean('prune-pvcs', false),
    wait: inputs.boolean('wait', true),
    timeout: inputs.checked('timeout', durationProblem) ?? '5m',
    rollback: inputs.boolean('rollback', false),
  };
}

/** The command input as given (for messages written before or without valid settings). */
export function inputCommand(env: NodeJS.ProcessEnv): string {
  return new Inputs(env).text('command') ?? '(no command)';
}

function validateSettings(inputs: Inputs, common: Common, workspace: string): ValidateSettings {
  const dagsDirectory = inputs.text('dags-directory') ?? 'dags';
  return {
    ...common,
    command: 'validate',
    dagsDirectory,
    dagsFolder: confinedPath(workspace, common.workingDirectory, dagsDirectory, 'dags-directory'),
    importCheck: inputs.boolean('import-check', false),
    requireDags: inputs.boolean('require-dags', false),
    airflowPython: inputs.text('airflow-python'),
    requirementsLock: optionalPath(inputs.text('requirements-lock'), (path) => confinedPath(workspace, common.workingDirectory, path, 'requirements-lock')),
  };
}

function optionalPath(value: string | undefined, confine: (path: string) => string): string | undefined {
  return value === undefined ? undefined : confine(value);
}

export function readActionSettings(env: NodeJS.ProcessEnv, cwd: string): ActionSettings {
  const inputs = new Inputs(env);
  const command = inputs.choice('command', commandNames);
  if (command === undefined) throw new UsageError(`input 'command' is required: one of ${commandNames.join(', ')}`);
  refuseForeignInputs(inputs, command);
  // The runner starts the step in the workspace; outside a run, the current folder stands for it.
  const workspace = env.GITHUB_WORKSPACE || cwd;
  const common: Common = { workingDirectory: confinedPath(workspace, cwd, inputs.text('working-directory') ?? '.', 'working-directory') };
  switch (command) {
    case 'validate':
      return validateSettings(inputs, common, workspace);
    case 'bump': {
      const ref = inputs.text('ref') ?? env.GITHUB_SHA;
      if (ref === undefined) throw new UsageError("input 'ref' is required for command 'bump' outside a workflow run (GITHUB_SHA is not set)");
      return {
        ...common,
        command,
        environment: environmentInput(inputs, 'environment', command),
        ref,
        image: inputs.text('image'),
        allowRefName: inputs.boolean('allow-ref-name', false),
        commit: inputs.boolean('commit', false),
        token: inputs.text('token'),
      };
    }
    case 'render': {
      const renderFile = inputs.text('render-file');
      return {
        ...common,
        command,
        environment: environmentInput(inputs, 'environment', command),
        renderFile: renderFile === undefined ? undefined : confinedPath(workspace, common.workingDirectory, renderFile, 'render-file'),
      };
    }
    case 'diff':
    case 'deploy':
      return clusterSettings(inputs, command, common);
    case 'pending':
      return { ...common, command, environments: environmentList(inputs), token: inputs.text('token') };
    case 'promote':
      return {
        ...common,
        command,
        from: environmentInput(inputs, 'from-environment', command),
        to: environmentInput(inputs, 'to-environment', command),
        allowAnyOrder: inputs.boolean('allow-any-order', false),
        pullRequest: inputs.boolean('pull-request', true),
        base: inputs.text('base'),
        labels: inputs.list('labels'),
        draft: inputs.boolean('draft', false),
        token: inputs.text('token'),
      };
  }
}
