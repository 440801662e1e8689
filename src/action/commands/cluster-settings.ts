/**
 * diff and deploy hand the action's checked inputs to the engine through the
 * same settings constructor the CLI uses, so both entries mean the same thing
 * by every option.
 */
import { deploySettings } from '../../commands/settings.ts';
import type { DeploySettings } from '../../deploy/settings.ts';
import { inputName, type ClusterSettings } from '../settings.ts';

export function engineDeploySettings(settings: ClusterSettings, kubeconfigPath: string | undefined, env: NodeJS.ProcessEnv): DeploySettings {
  return deploySettings(
    {
      environment: settings.environment,
      kubeconfig: kubeconfigPath,
      context: settings.context,
      forceConflicts: settings.forceConflicts,
      recreateStatefulSets: settings.recreateStatefulSets,
      prune: settings.prune,
      pruneSecrets: settings.pruneSecrets,
      prunePvcs: settings.prunePvcs,
      wait: settings.wait,
      timeout: settings.timeout,
      rollback: settings.rollback,
    },
    { cwd: settings.workingDirectory, env: { ...env, ...settings.secretValues }, name: inputName },
  );
}
