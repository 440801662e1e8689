/** The CLI's side of the settings: argv parsed strictly, then read into the typed options of settings.ts. */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { checkEnvironmentName } from '../overlays/environments.ts';
import type { DeployOptions, EngineOptions } from './settings.ts';

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

export const engineFlags: Record<string, OptionSpec> = {
  overlay: { type: 'string' },
  namespace: { type: 'string' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  commit: { type: 'string' },
  'run-url': { type: 'string' },
  'field-manager': { type: 'string' },
};

export const deployFlags: Record<string, OptionSpec> = {
  ...engineFlags,
  'force-conflicts': { type: 'boolean' },
  'recreate-statefulsets': { type: 'boolean' },
  'no-prune': { type: 'boolean' },
  'prune-secrets': { type: 'boolean' },
  'prune-pvcs': { type: 'boolean' },
  'no-wait': { type: 'boolean' },
  timeout: { type: 'string' },
  rollback: { type: 'boolean' },
  'dry-run-all': { type: 'boolean' },
  'no-health-gate': { type: 'boolean' },
  'rotate-fernet-key': { type: 'boolean' },
  'resize-volumes': { type: 'boolean' },
  'connect-timeout': { type: 'string' },
  'request-timeout': { type: 'string' },
  'steal-lock': { type: 'boolean' },
  adopt: { type: 'boolean' },
  rendered: { type: 'string' },
};

export type ParsedArgs = { positionals: string[]; values: Record<string, string | boolean | undefined> };

export function parseCommandArgs(argv: string[], options: Record<string, OptionSpec>, command: string): ParsedArgs {
  try {
    const { positionals, values } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { positionals, values };
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

/** A string flag's value; a flag given without one is refused. */
export function flagText(values: ParsedArgs['values'], name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) throw new UsageError(`--${name} needs a value`);
  return value;
}

export function environmentArg(positionals: string[], command: string): string {
  if (positionals.length !== 1 || positionals[0] === undefined) throw new UsageError(`usage: airflow-gitops ${command} <environment> [options]`);
  return checkEnvironmentName(positionals[0]);
}

export function engineOptionsFrom(parsed: ParsedArgs, command: string): EngineOptions {
  const text = (name: string) => flagText(parsed.values, name);
  return {
    environment: environmentArg(parsed.positionals, command),
    overlay: text('overlay'),
    namespace: text('namespace'),
    kubeconfig: text('kubeconfig'),
    context: text('context'),
    commit: text('commit'),
    runUrl: text('run-url'),
    fieldManager: text('field-manager'),
  };
}

export function deployOptionsFrom(parsed: ParsedArgs, command: string): DeployOptions {
  const flag = (name: string) => parsed.values[name] === true;
  return {
    ...engineOptionsFrom(parsed, command),
    forceConflicts: flag('force-conflicts'),
    recreateStatefulSets: flag('recreate-statefulsets'),
    prune: !flag('no-prune'),
    pruneSecrets: flag('prune-secrets'),
    prunePvcs: flag('prune-pvcs'),
    wait: !flag('no-wait'),
    timeout: flagText(parsed.values, 'timeout'),
    rollback: flag('rollback'),
    dryRunAll: flag('dry-run-all'),
    healthGate: !flag('no-health-gate'),
    rotateFernetKey: flag('rotate-fernet-key'),
    resizeVolumes: flag('resize-volumes'),
    connectTimeout: flagText(parsed.values, 'connect-timeout'),
    requestTimeout: flagText(parsed.values, 'request-timeout'),
    stealLock: flag('steal-lock'),
    adopt: flag('adopt'),
    rendered: flagText(parsed.values, 'rendered'),
  };
}
