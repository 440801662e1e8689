/**
 * Tracking metadata added to every rendered object. Labels are stable (they
 * identify the environment and its inventory); the commit and run URL are
 * annotations that the deploy writes only on objects it changes, so a new
 * commit does not rewrite (or roll) everything.
 */
import { createHash } from 'node:crypto';
import { partOfLabel } from './applyset.ts';
import { clone, stableJson, type KubeObject } from '../objects.ts';

export const managedByLabel = 'app.kubernetes.io/managed-by';
export const managedByValue = 'airflow-gitops';
export const environmentLabel = 'airflow-gitops/environment';
export const commitAnnotation = 'airflow-gitops/commit';
export const runUrlAnnotation = 'airflow-gitops/run-url';
/** Hash of what was applied: lets a deploy recognise an object it applied unchanged without a dry-run. */
export const configHashAnnotation = 'airflow-gitops/config-hash';

export type Revision = { commit?: string; runUrl?: string };

export function trackingLabels(environment: string, applysetId: string): Record<string, string> {
  return { [managedByLabel]: managedByValue, [environmentLabel]: environment, [partOfLabel]: applysetId };
}

/** sha256 over the object without the per-deploy annotations and without the hash itself. */
export function configHash(object: KubeObject): string {
  const perDeploy = [configHashAnnotation, commitAnnotation, runUrlAnnotation];
  const annotations = Object.fromEntries(Object.entries(object.metadata.annotations ?? {}).filter(([k]) => !perDeploy.includes(k)));
  const copy = { ...object, metadata: { ...object.metadata, annotations } };
  return createHash('sha256').update(stableJson(copy)).digest('hex').slice(0, 32);
}

/**
 * Adds the tracking labels and (except on Secrets, whose hash would be a
 * fingerprint of their values) the config hash. Pod templates are left alone:
 * a label there would restart pods for bookkeeping.
 */
export function addTracking(objects: KubeObject[], labels: Record<string, string>): KubeObject[] {
  return objects.map((original) => {
    const object = clone(original);
    object.metadata.labels = { ...object.metadata.labels, ...labels };
    if (object.kind !== 'Secret') {
      object.metadata.annotations = { ...object.metadata.annotations, [configHashAnnotation]: configHash(object) };
    }
    return object;
  });
}

/** Adds the commit and run URL annotations (when known) to a copy of `object`. */
export function stampRevision(object: KubeObject, revision: Revision): KubeObject {
  const stamped = clone(object);
  const extra: Record<string, string> = {};
  if (revision.commit) extra[commitAnnotation] = revision.commit;
  if (revision.runUrl) extra[runUrlAnnotation] = revision.runUrl;
  if (Object.keys(extra).length > 0) stamped.metadata.annotations = { ...stamped.metadata.annotations, ...extra };
  return stamped;
}
