/** Splits kustomize output into objects and rejects documents the API server could never accept. */
import { parseAllDocuments } from 'yaml';
import { CommandFailure } from '../errors.ts';
import type { KubeObject } from '../objects.ts';
import { readBlockYaml } from './block-yaml.ts';

/** Each document's value; kustomize's usual output is read by block-yaml.ts, anything else by `yaml`, which also reports errors. */
function documentValues(text: string, source: string): unknown[] {
  const fast = readBlockYaml(text);
  if (fast !== undefined) return fast;
  return parseAllDocuments(text).map((doc, index) => {
    if (doc.errors.length > 0) throw new CommandFailure(`${source}, document ${index + 1}: ${doc.errors[0]?.message}`);
    return doc.toJS() as unknown;
  });
}

export function parseManifests(text: string, source: string): KubeObject[] {
  const objects: KubeObject[] = [];
  documentValues(text, source).forEach((value, index) => {
    if (value === null || value === undefined) return;
    const where = `${source}, document ${index + 1}`;
    if (typeof value !== 'object' || Array.isArray(value)) throw new CommandFailure(`${where}: not a Kubernetes object`);
    const object = value as Partial<KubeObject>;
    if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') {
      throw new CommandFailure(`${where}: missing apiVersion or kind`);
    }
    if (typeof object.metadata?.name !== 'string' || object.metadata.name.length === 0) {
      throw new CommandFailure(`${where} (${object.kind}): missing metadata.name`);
    }
    objects.push(object as KubeObject);
  });
  return objects;
}
