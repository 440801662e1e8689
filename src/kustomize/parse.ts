/** Splits kustomize output into objects and rejects documents the API server could never accept. */
import { parseAllDocuments } from 'yaml';
import { CommandFailure } from '../errors.ts';
import type { KubeObject } from '../objects.ts';

export function parseManifests(text: string, source: string): KubeObject[] {
  const objects: KubeObject[] = [];
  parseAllDocuments(text).forEach((doc, index) => {
    if (doc.errors.length > 0) throw new CommandFailure(`${source}, document ${index + 1}: ${doc.errors[0]?.message}`);
    const value = doc.toJS() as unknown;
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
