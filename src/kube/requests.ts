/** The few API calls the engine makes on objects, with this project's field manager. */
import type { KubeClient } from './client.ts';
import { apiVersionOf, collectionPath, objectPath, type ResourceInfo } from './discovery.ts';
import { isNotFound } from './errors.ts';
import type { KubeObject } from '../objects.ts';
import { pollUntil } from '../poll.ts';

/**
 * ApplyOptions.metadataOnly asks the server to answer with the object's metadata
 * only (PartialObjectMetadata): enough for managed fields and generation, and
 * less to encode and decode when a deploy writes many objects at once.
 */
export type ApplyOptions = { fieldManager: string; force: boolean; dryRun: boolean; metadataOnly?: boolean; onWarning?: (message: string) => void };

const metadataOnlyAccept = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json';

/** Server-side apply: the body is the raw object, sent as JSON (valid apply-patch YAML), strict field validation. */
export async function serverSideApply(client: KubeClient, info: ResourceInfo, object: KubeObject, options: ApplyOptions): Promise<KubeObject> {
  const answer = await client.request<KubeObject>('PATCH', objectPath(info, object), {
    body: object,
    contentType: 'application/apply-patch+yaml',
    accept: options.metadataOnly ? metadataOnlyAccept : undefined,
    onWarning: options.onWarning,
    query: {
      fieldManager: options.fieldManager,
      force: options.force,
      fieldValidation: 'Strict',
      dryRun: options.dryRun ? 'All' : undefined,
    },
  });
  return { ...answer, apiVersion: object.apiVersion, kind: object.kind };
}

/**
 * Validates a would-be new object under a generated name: used when the real
 * name is taken by an object that must be recreated (a dry-run create under that
 * name would only say "already exists"), and in the stand-in namespace. Only
 * the verdict matters, so the answer is metadata only.
 */
export function dryRunCreateAsNew(client: KubeClient, info: ResourceInfo, object: KubeObject, fieldManager: string): Promise<KubeObject> {
  const { name, ...metadata } = object.metadata;
  const body = { ...object, metadata: { ...metadata, generateName: `${name.slice(0, 50)}-` } };
  return client.request<KubeObject>('POST', collectionPath(info, object.metadata.namespace), {
    body,
    accept: metadataOnlyAccept,
    query: { fieldManager, fieldValidation: 'Strict', dryRun: 'All' },
  });
}

/** A JSON patch (RFC 6902); `test` operations make it fail instead of changing an object that moved on. */
export async function jsonPatch(client: KubeClient, info: ResourceInfo, object: Pick<KubeObject, 'metadata'>, operations: unknown[]): Promise<void> {
  await client.request('PATCH', objectPath(info, object), { body: operations, contentType: 'application/json-patch+json', accept: metadataOnlyAccept });
}

export async function getObject(client: KubeClient, info: ResourceInfo, object: Pick<KubeObject, 'metadata'>): Promise<KubeObject | undefined> {
  try {
    const live = await client.request<KubeObject>('GET', objectPath(info, object));
    return { ...live, apiVersion: live.apiVersion ?? apiVersionOf(info), kind: live.kind ?? info.kind };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Deletes; `Orphan` keeps dependents (pods, PVCs), `Background` lets the garbage collector remove them. */
export async function deleteObject(
  client: KubeClient,
  info: ResourceInfo,
  object: Pick<KubeObject, 'metadata'>,
  propagationPolicy: 'Background' | 'Foreground' | 'Orphan',
): Promise<void> {
  try {
    await client.request('DELETE', objectPath(info, object), { body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy } });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** Polls until the object is gone (finalizers done), so a recreate does not hit "being deleted". */
export async function waitUntilGone(client: KubeClient, info: ResourceInfo, object: Pick<KubeObject, 'metadata'>, timeoutMs: number): Promise<boolean> {
  const gone = async () => ((await getObject(client, info, object)) === undefined ? true : undefined);
  return (await pollUntil(gone, { timeoutMs, intervalMs: 150 })) ?? false;
}

/** Lists a collection (optionally by label); list items carry no apiVersion/kind, so both are filled in. */
export async function listObjects(client: KubeClient, info: ResourceInfo, namespace: string | undefined, labelSelector?: string): Promise<KubeObject[]> {
  const list = await client.request<{ items?: KubeObject[] }>('GET', collectionPath(info, namespace), { query: { labelSelector } });
  return (list.items ?? []).map((item) => ({ ...item, apiVersion: apiVersionOf(info), kind: info.kind }));
}
