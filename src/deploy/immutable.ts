/**
 * Changes Kubernetes refuses to make in place, and what the deploy does about
 * them: a Job's pod template is immutable (the Job is deleted and created
 * again), and a StatefulSet's volumeClaimTemplates are immutable (explained;
 * with --recreate-statefulsets the StatefulSet is deleted with orphan
 * propagation, keeping pods and PVCs, and created again).
 */
import { KubeApiError } from '../kube/errors.ts';
import { describeObject, isRecord, recordsIn, specOf, type KubeObject } from '../objects.ts';

export type Recreate = { strategy: 'delete-and-create' | 'orphan-and-create'; reason: string };
export type ImmutableVerdict = { recreate: Recreate } | { problem: string } | undefined;

function isImmutableError(error: unknown): error is KubeApiError {
  if (!(error instanceof KubeApiError) || error.status !== 422) return false;
  const texts = [error.message, ...error.causes.map((c) => c.message ?? '')];
  return texts.some((t) => /field is immutable|are forbidden/.test(t));
}

function isSubset(wanted: unknown, live: unknown): boolean {
  if (wanted !== null && typeof wanted === 'object' && !Array.isArray(wanted)) {
    if (live === null || typeof live !== 'object' || Array.isArray(live)) return false;
    return Object.entries(wanted).every(([k, v]) => isSubset(v, (live as Record<string, unknown>)[k]));
  }
  if (Array.isArray(wanted)) return Array.isArray(live) && wanted.length === live.length && wanted.every((v, i) => isSubset(v, live[i]));
  return JSON.stringify(wanted) === JSON.stringify(live);
}

type ClaimTemplate = { name: string; spec: unknown; storage: unknown };

/** The volumeClaimTemplates of a StatefulSet: name, spec and requested storage of each. */
function claimTemplatesOf(object: KubeObject): ClaimTemplate[] {
  return recordsIn(specOf(object).volumeClaimTemplates).map((t) => {
    const spec = isRecord(t.spec) ? t.spec : undefined;
    const resources = isRecord(spec?.resources) ? spec.resources : {};
    const requests = isRecord(resources.requests) ? resources.requests : {};
    const name = isRecord(t.metadata) && typeof t.metadata.name === 'string' ? t.metadata.name : '(unnamed)';
    return { name, spec, storage: requests.storage };
  });
}

/** Describes how the rendered volumeClaimTemplates differ from the live ones, or undefined if they do not. */
export function claimTemplateChanges(live: KubeObject, desired: KubeObject): string[] | undefined {
  const liveTemplates = claimTemplatesOf(live);
  const wanted = claimTemplatesOf(desired);
  const changes: string[] = [];
  for (const template of wanted) {
    const name = template.name;
    const current = liveTemplates.find((t) => t.name === name);
    if (current === undefined) changes.push(`claim template '${name}' is new`);
    else if (!isSubset(template.spec, current.spec)) {
      const before = current.storage;
      const after = template.storage;
      changes.push(before !== after ? `claim template '${name}': storage ${String(before)} -> ${String(after)}` : `claim template '${name}': its spec changed`);
    }
  }
  for (const template of liveTemplates) {
    if (!wanted.some((t) => t.name === template.name)) changes.push(`claim template '${template.name}' was removed`);
  }
  return changes.length > 0 ? changes : undefined;
}

export function judgeImmutable(error: unknown, live: KubeObject | undefined, desired: KubeObject, recreateStatefulSets: boolean): ImmutableVerdict {
  if (!isImmutableError(error) || live === undefined) return undefined;
  const name = describeObject(desired);
  if (desired.kind === 'Job') {
    return { recreate: { strategy: 'delete-and-create', reason: `${name}: a Job's pod template cannot change in place, so the Job is deleted and created again` } };
  }
  if (desired.kind === 'StatefulSet') {
    const changes = claimTemplateChanges(live, desired);
    if (changes === undefined) return undefined;
    const what = changes.join('; ');
    if (recreateStatefulSets) {
      return {
        recreate: {
          strategy: 'orphan-and-create',
          reason: `${name}: ${what}; recreating the StatefulSet with orphan deletion (its pods and PVCs stay and are adopted). Existing PVCs keep their size: expand them separately if the storage class allows it`,
        },
      };
    }
    return {
      problem:
        `${name}: ${what}. Kubernetes does not allow changing a StatefulSet's volumeClaimTemplates. ` +
        'Rerun with --recreate-statefulsets to delete the StatefulSet without deleting its pods or PVCs (orphan propagation) and create it again; ' +
        'existing PVCs keep their size: to grow them too, rerun with --resize-volumes (when their StorageClass allows volume expansion)',
    };
  }
  return undefined;
}
