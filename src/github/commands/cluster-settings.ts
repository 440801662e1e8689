/**
 * diff and deploy read the engine's own settings: the action's inputs (already
 * checked, under their input names) become the CLI's flags and go through the
 * same parser, so both entries mean the same thing by every option.
 */
import { deployOptions, deploySettings, parseCommandArgs, type DeploySettings } from '../../settings.ts';
import type { ClusterSettings } from '../action-settings.ts';

export function clusterArgv(settings: ClusterSettings, kubeconfigPath: string | undefined): string[] {
  const argv = [settings.environment, '--timeout', settings.timeout];
  if (kubeconfigPath !== undefined) argv.push('--kubeconfig', kubeconfigPath);
  if (settings.context !== undefined) argv.push('--context', settings.context);
  const flags: [boolean, string][] = [
    [settings.forceConflicts, '--force-conflicts'],
    [settings.recreateStatefulSets, '--recreate-statefulsets'],
    [!settings.prune, '--no-prune'],
    [settings.pruneSecrets, '--prune-secrets'],
    [settings.prunePvcs, '--prune-pvcs'],
    [!settings.wait, '--no-wait'],
    [settings.rollback, '--rollback'],
  ];
  for (const [on, flag] of flags) if (on) argv.push(flag);
  return argv;
}

export function engineDeploySettings(settings: ClusterSettings, kubeconfigPath: string | undefined, env: NodeJS.ProcessEnv): DeploySettings {
  return deploySettings(parseCommandArgs(clusterArgv(settings, kubeconfigPath), deployOptions, settings.command), settings.workingDirectory, { ...env, ...settings.secretValues });
}
