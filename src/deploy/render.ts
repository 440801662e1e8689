/** render = kustomize build + parse + tracking metadata; the YAML artefact is one document per object. */
import { stringify } from 'yaml';
import { inventoryFor, primaryNamespace, type Inventory } from './applyset.ts';
import type { KubeObject } from '../objects.ts';
import { redacted } from '../secrets/mask.ts';
import { kustomizeBuild } from '../kustomize/build.ts';
import { parseManifests } from '../kustomize/parse.ts';
import { addTracking, stampRevision, trackingLabels, type Revision } from './tracking.ts';

export type RenderOptions = {
  overlayDir: string;
  environment: string;
  /** Namespace holding the environment's inventory; found from the render when absent. */
  namespace?: string;
  revision: Revision;
  env: NodeJS.ProcessEnv;
};

export type Rendered = {
  overlayDir: string;
  environment: string;
  inventory: Inventory;
  labels: Record<string, string>;
  /** Objects with tracking labels and config hash, without per-deploy annotations. */
  objects: KubeObject[];
};

export async function renderOverlay(options: RenderOptions): Promise<Rendered> {
  const text = await kustomizeBuild(options.overlayDir, options.env);
  const raw = parseManifests(text, `kustomize output of ${options.overlayDir}`);
  const inventory = inventoryFor(options.environment, primaryNamespace(raw, options.namespace));
  const labels = trackingLabels(options.environment, inventory.id);
  return { overlayDir: options.overlayDir, environment: options.environment, inventory, labels, objects: addTracking(raw, labels) };
}

/** Secret values never go into an artefact (it is uploaded, attached, read in reviews): keys stay, values do not. */
function withoutSecretValues(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret') return object;
  const hide = (data: unknown) =>
    data && typeof data === 'object' ? Object.fromEntries(Object.keys(data).map((k) => [k, redacted])) : data;
  return { ...object, ...(object.data ? { data: hide(object.data) } : {}), ...(object.stringData ? { stringData: hide(object.stringData) } : {}) };
}

/** The artefact: a comment saying what it is, then every object stamped with the revision, Secret values redacted. */
export function toYaml(rendered: Rendered, revision: Revision): string {
  const header = [
    `# airflow-gitops render of environment '${rendered.environment}' from ${rendered.overlayDir}`,
    ...(revision.commit ? [`# commit: ${revision.commit}`] : []),
    ...(revision.runUrl ? [`# run: ${revision.runUrl}`] : []),
  ];
  const docs = rendered.objects.map((o) => stringify(withoutSecretValues(stampRevision(o, revision)), { lineWidth: 0 }));
  return `${header.join('\n')}\n---\n${docs.join('---\n')}`;
}
