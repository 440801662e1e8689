// Renders an overlay into a test namespace and applies it to the local
// control plane with server-side apply, for real or as a server-side dry run.
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { getJson, kubectl } from '../cluster.ts';
import { waitFor } from '../wait.ts';

export { getJson };
import { build, variant, withNamespace, type K8sObject, type VariantChanges } from './render.ts';

export const fieldManager = 'airflow-gitops-template-test';

/** The overlay, or a variant of it, rendered with every namespaced object in `namespace`. */
export async function renderInto(env: string, namespace: string, changes: VariantChanges = {}): Promise<K8sObject[]> {
  const dir = await variant(env, {
    ...changes,
    kustomization: (text) => withNamespace(changes.kustomization ? changes.kustomization(text) : text, namespace),
  });
  return build(dir);
}

export function toYaml(objects: K8sObject[]): string {
  return objects.map((o) => stringify(o)).join('---\n');
}

export interface ApplyResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function apply(objects: K8sObject[], options: { dryRun: boolean }): Promise<ApplyResult> {
  const args = ['apply', '--server-side', `--field-manager=${fieldManager}`, '-f', '-'];
  if (options.dryRun) args.push('--dry-run=server');
  const result = await kubectl(args, toYaml(objects));
  return { exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Creates the Secrets the template refers to, with random values that exist only in the test cluster. */
export async function createSecrets(namespace: string, secrets: Record<string, string[]>): Promise<void> {
  for (const [name, keys] of Object.entries(secrets)) {
    const literals = keys.map((key) => `--from-literal=${key}=${randomBytes(16).toString('hex')}`);
    const created = await kubectl(['-n', namespace, 'create', 'secret', 'generic', name, ...literals]);
    if (created.exitCode !== 0) throw new Error(`creating Secret ${name}: ${String(created.stderr)}`);
  }
}

/** Waits until `check` returns no pending items; then fails listing what was still pending. */
export async function waitUntil(what: string, check: () => Promise<string[]>, timeoutMs: number): Promise<void> {
  let pending: string[] = [];
  await waitFor(what, async () => {
    pending = await check();
    return pending.length === 0 ? true : undefined;
  }, timeoutMs, 2_000).catch(() => {
    throw new Error(`${what}: still waiting for ${pending.join(', ')}`);
  });
}

/** The Secrets (and keys) every overlay of the template refers to. */
export const airflowSecrets = {
  'airflow-secrets': ['fernet-key', 'jwt-secret', 'api-secret-key'],
  'airflow-postgresql': ['password'],
  'airflow-redis': ['password'],
  'airflow-admin': ['password'],
};
