/**
 * Puts each workload's secrets hash (secrets/rollout.ts) on its pod template,
 * so a changed Secret rolls exactly the workloads that read it. Runs after
 * tracking, so the config hash is made again to cover the new annotation.
 * A workload reading a Secret whose value this plan does not have (a diff
 * without the secret values) keeps the hash it has in the cluster.
 */
import { clone, objectKey, type KubeObject } from '../objects.ts';
import { podTemplateOf, secretKeyRefs, secretsHash, secretsHashAnnotation } from '../secrets/rollout.ts';
import { configHash, configHashAnnotation } from './tracking.ts';

function liveHash(live: KubeObject | undefined): string | undefined {
  return live ? podTemplateOf(live)?.metadata?.annotations?.[secretsHashAnnotation] : undefined;
}

export function stampSecretsHashes(objects: KubeObject[], atDeploy: Set<string>, live: Map<string, KubeObject>): KubeObject[] {
  const known = new Map<string, Record<string, string>>();
  for (const o of objects) if (o.kind === 'Secret' && o.apiVersion === 'v1') known.set(o.metadata.name, (o.data as Record<string, string> | undefined) ?? {});
  return objects.map((original) => {
    const template = podTemplateOf(original);
    if (template?.spec === undefined) return original;
    const reads = secretKeyRefs(template.spec).map((r) => r.name);
    const hash = reads.some((name) => atDeploy.has(name)) ? liveHash(live.get(objectKey(original))) : secretsHash(template.spec, known);
    if (hash === undefined) return original;
    const object = clone(original);
    const copy = podTemplateOf(object);
    if (copy === undefined) return original;
    copy.metadata = { ...copy.metadata, annotations: { ...copy.metadata?.annotations, [secretsHashAnnotation]: hash } };
    if (object.metadata.annotations?.[configHashAnnotation] !== undefined) {
      object.metadata.annotations = { ...object.metadata.annotations, [configHashAnnotation]: configHash(object) };
    }
    return object;
  });
}
