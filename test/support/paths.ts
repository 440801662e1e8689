import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const clusterDir = join(repoRoot, '.cluster');
export const clusterBin = join(clusterDir, 'bin');
export const kubeconfigPath = join(clusterDir, 'kubeconfig');
