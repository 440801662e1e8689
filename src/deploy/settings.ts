/** What the engine needs to know for one run against one environment; built by commands/settings.ts. */
import type { Revision } from './tracking.ts';

/** The field manager this tool applies with unless told otherwise. */
export const defaultFieldManager = 'airflow-gitops';

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
  /** Allows a new Fernet key on a running installation, rotating it the way Airflow does (secrets/fernet.ts). */
  rotateFernetKey?: boolean;
  /** Plan without the secret values (diff in a job without them): such Secrets are shown as supplied at deploy. */
  secretValuesAtDeploy?: boolean;
  /** Expands the PVCs of a StatefulSet whose claim templates grew, then recreates it without its pods (resize.ts). */
  resizeVolumes?: boolean;
};
