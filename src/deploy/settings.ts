/** What the engine needs to know for one run against one environment; built by commands/settings.ts. */
import type { Timeouts } from '../kube/client.ts';
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
  /** Take the environment's deploy lock even while another deploy holds it. */
  stealLock: boolean;
  /** Bounds on every call to the API server and on the kubeconfig's exec plugin. */
  timeouts: Timeouts;
};
