// Helpers for tests that talk to the local control plane started by
// cluster-setup.ts. Each test file asks for its own namespace so files can run
// in parallel without seeing each other's objects.
import { execa } from 'execa';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { clusterBin, kubeconfigPath } from './paths.ts';

export { kubeconfigPath };
export const kubectlBinary = join(clusterBin, 'kubectl');

/** Environment for child processes that should reach the test cluster. */
export function clusterEnv(): NodeJS.ProcessEnv {
  return { ...process.env, KUBECONFIG: kubeconfigPath, PATH: `${clusterBin}:${process.env.PATH ?? ''}` };
}

/** Runs the pinned kubectl against the test cluster; rejects with its stderr on failure. */
export async function kubectl(args: string[], input?: string) {
  return execa(kubectlBinary, ['--kubeconfig', kubeconfigPath, ...args], { input, reject: false });
}

/** `kubectl get … -o json` against the test cluster, parsed; rejects with kubectl's stderr. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary API objects
export async function getJson<T = any>(args: string[]): Promise<T> {
  const result = await kubectl([...args, '-o', 'json']);
  if (result.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')}: ${String(result.stderr)}`);
  return JSON.parse(String(result.stdout)) as T;
}

/**
 * Creates a namespace with a random suffix and the given labels, e.g.
 * { 'pod-security.kubernetes.io/enforce': 'restricted' }. The cluster is torn
 * down at the end of the run, so namespaces need no cleanup.
 */
export async function testNamespace(prefix: string, labels: Record<string, string> = {}): Promise<string> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  const created = await kubectl(['create', 'namespace', name]);
  if (created.exitCode !== 0) throw new Error(`creating namespace ${name}: ${created.stderr}`);
  const pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  if (pairs.length > 0) {
    const labelled = await kubectl(['label', 'namespace', name, ...pairs]);
    if (labelled.exitCode !== 0) throw new Error(`labelling namespace ${name}: ${labelled.stderr}`);
  }
  return name;
}
