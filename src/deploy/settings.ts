/** What the engine needs to know for one run against one environment; built by commands/settings.ts. */
import type { Timeouts } from '../kube/client.ts';
import type { Revision } from './tracking.ts';

/**
 * The field manager of every environment starts with this. Releases before
 * per-environment managers applied with this name alone: objects still managed
 * under it are moved to their environment's manager on their next write.
 */
export const defaultFieldManager = 'airflow-gitops';

/** Each environment applies with a field manager of its own, so the API server tells their fields apart. */
export function fieldManagerFor(environment: string): string {
  return `${defaultFieldManager}-${environment}`;
}

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
  /** After the rollout, Airflow's own health report and import errors decide (health-gate.ts). */
  healthGate: boolean;
  /** Allows a new Fernet key on a running installation, rotating it the way Airflow does (secrets/fernet.ts). */
  rotateFernetKey?: boolean;
  /** Plan without the secret values (diff in a job without them): such Secrets are shown as supplied at deploy. */
  secretValuesAtDeploy?: boolean;
  /** Expands the PVCs of a StatefulSet whose claim templates grew, then recreates it without its pods (resize.ts). */
  resizeVolumes?: boolean;
  /** Take over objects that another environment of this tool owns (its part-of label, its field manager). */
  adopt: boolean;
  /** Take the environment's deploy lock even while another deploy holds it. */
  stealLock: boolean;
  /** Bounds on every call to the API server and on the kubeconfig's exec plugin. */
  timeouts: Timeouts;
  /** Deploy this already rendered YAML file instead of running kustomize on the overlay (render.ts). */
  renderedFile?: string;
};
