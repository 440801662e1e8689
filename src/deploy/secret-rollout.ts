/**
 * Puts each workload's secrets hash (secrets/rollout.ts) on its pod template,
 * so a changed Secret rolls exactly the workloads that read it. Runs after
 * tracking, so the config hash is made again to cover the new annotation.
 * A workload reading a Secret whose value this plan does not have (a diff
 * without the secret values) keeps the hash it has in the cluster.
 */
import { clone, objectKey, recordAt, type KubeObject } from '../objects.ts';
import { liveSecretsHash, podSpecOf, secretKeyRefs, secretsHash, secretsHashAnnotation } from '../secrets/rollout.ts';
import { configHash, configHashAnnotation } from './tracking.ts';

/** Adds the annotation to a copy's pod template. */
function withHash(original: KubeObject, hash: string): KubeObject {
  const object = clone(original);
  const spec = recordAt(object.spec);
  const template = recordAt(spec, 'template');
  const metadata = recordAt(template, 'metadata');
  const annotations = { ...recordAt(metadata, 'annotations'), [secretsHashAnnotation]: hash };
  object.spec = { ...spec, template: { ...template, metadata: { ...metadata, annotations } } };
  if (object.metadata.annotations?.[configHashAnnotation] !== undefined) {
    object.metadata.annotations = { ...object.metadata.annotations, [configHashAnnotation]: configHash(object) };
  }
  return object;
}

export function stampSecretsHashes(objects: KubeObject[], atDeploy: Set<string>, live: Map<string, KubeObject>): KubeObject[] {
  const known = new Map<string, Record<string, string>>();
  for (const o of objects) if (o.kind === 'Secret' && o.apiVersion === 'v1') known.set(o.metadata.name, (o.data as Record<string, string> | undefined) ?? {});
  return objects.map((original) => {
    const pod = podSpecOf(original);
    if (pod === undefined) return original;
    const reads = secretKeyRefs(pod).map((r) => r.name);
    const current = live.get(objectKey(original));
    const hash = reads.some((name) => atDeploy.has(name)) ? (current ? liveSecretsHash(current) : undefined) : secretsHash(pod, known);
    return hash === undefined ? original : withHash(original, hash);
  });
}
