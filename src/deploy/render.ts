/**
 * render = kustomize build + parse + tracking metadata; the YAML artefact is one document per object.
 * A deploy can also start from a file rendered before (this tool's artefact or kustomize's output):
 * the same parse and tracking, without running kustomize again.
 */
import { readFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { CommandFailure } from '../errors.ts';
import { inventoryFor, primaryNamespace, type Inventory } from './applyset.ts';
import type { KubeObject } from '../objects.ts';
import { redacted } from '../secrets/mask.ts';
import { kustomizeBuild } from '../kustomize/build.ts';
import { parseManifests } from '../kustomize/parse.ts';
import { addTracking, stampRevision, trackingLabels, type Revision } from './tracking.ts';

export type RenderOptions = {
  overlayDir: string;
  /** A file rendered before, deployed as it is instead of rendering `overlayDir`. */
  renderedFile?: string;
  environment: string;
  /** Namespace holding the environment's inventory; found from the render when absent. */
  namespace?: string;
  revision: Revision;
  env: NodeJS.ProcessEnv;
  /** kustomize's output for `overlayDir`, when the caller started the build already. */
  kustomizeOutput?: Promise<string>;
};

export type Rendered = {
  overlayDir: string;
  environment: string;
  inventory: Inventory;
  labels: Record<string, string>;
  /** Objects with tracking labels and config hash, without per-deploy annotations. */
  objects: KubeObject[];
};

/** A Secret of the artefact carries `(redacted)` instead of its values: deploying it would write those words. */
function refuseRedacted(objects: KubeObject[], source: string): void {
  const values = (data: unknown) => (data && typeof data === 'object' ? Object.values(data) : []);
  const hidden = objects.filter((o) => o.kind === 'Secret' && [...values(o.data), ...values(o.stringData)].includes(redacted));
  if (hidden.length === 0) return;
  const names = hidden.map((o) => `Secret ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`).join(', ');
  throw new CommandFailure(`${source}: ${names} carries ${redacted} instead of its values (a render artefact never holds secret values): deploy from the overlay, or from kustomize's own output`);
}

async function renderedText(options: RenderOptions): Promise<{ text: string; source: string }> {
  if (options.renderedFile === undefined) {
    const text = await (options.kustomizeOutput ?? kustomizeBuild(options.overlayDir, options.env));
    return { text, source: `kustomize output of ${options.overlayDir}` };
  }
  return { text: await readFile(options.renderedFile, 'utf8'), source: options.renderedFile };
}

export async function renderOverlay(options: RenderOptions): Promise<Rendered> {
  const { text, source } = await renderedText(options);
  const raw = parseManifests(text, source);
  if (options.renderedFile !== undefined) refuseRedacted(raw, source);
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
