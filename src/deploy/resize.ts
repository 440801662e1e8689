/**
 * Volume growth for StatefulSets. A StatefulSet's volumeClaimTemplates cannot
 * change, and recreating it (orphan delete, create) leaves every existing PVC
 * at its old size. With --resize-volumes, a template whose storage grew has
 * each existing PVC of the StatefulSet expanded first (when its StorageClass
 * allows expansion), then the StatefulSet is recreated without its pods; a
 * shrink is refused, since Kubernetes cannot shrink a claim. Any recreate that
 * changes a template's StorageClass says which PVCs keep the old class.
 */
import type { KubeClient } from '../kube/client.ts';
import { objectPath, type Discovery } from '../kube/discovery.ts';
import { listObjects } from '../kube/requests.ts';
import { listAt, textAt, type KubeObject } from '../objects.ts';
import type { PlannedObject } from './plan.ts';
import { bytesOf } from './quantity.ts';

export type ClaimResize = { namespace: string; claim: string; from: string; to: string };

type Claim = KubeObject;
/** A claim template or a claim, read the same way: its name, class and requested size. */
type ClaimFacts = { name: string; storageClass?: string; storage?: string };

function templates(object: KubeObject | undefined): ClaimFacts[] {
  return listAt(object?.spec, 'volumeClaimTemplates').map((t) => ({
    name: textAt(t, 'metadata', 'name') ?? '',
    storageClass: textAt(t, 'spec', 'storageClassName'),
    storage: textAt(t, 'spec', 'resources', 'requests', 'storage'),
  }));
}

const requested = (claim: Claim) => textAt(claim.spec, 'resources', 'requests', 'storage');
const classOf = (claim: Claim) => textAt(claim.spec, 'storageClassName');

/** The StatefulSet's own claims: `<template>-<statefulset>-<ordinal>`. */
function claimsOf(all: Claim[], statefulSet: string, template: string): Claim[] {
  const prefix = `${template}-${statefulSet}-`;
  return all.filter((c) => c.metadata.name.startsWith(prefix) && /^\d+$/.test(c.metadata.name.slice(prefix.length)));
}

export type ResizePlan = { problems: string[]; resizes: ClaimResize[] };

type Context = { client: KubeClient; discovery: Discovery; resizeVolumes: boolean };

async function expandable(ctx: Context, cache: Map<string, boolean>, className: string | undefined): Promise<boolean> {
  if (className === undefined) return false;
  if (!cache.has(className)) {
    const info = ctx.discovery.find({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass' });
    const classes = info ? await listObjects(ctx.client, info, undefined) : [];
    for (const c of classes) cache.set(c.metadata.name, c.allowVolumeExpansion === true);
  }
  return cache.get(className) === true;
}

async function planOne(item: PlannedObject, all: Claim[], ctx: Context, cache: Map<string, boolean>, out: ResizePlan): Promise<void> {
  const sts = item.object.metadata.name;
  const notes: string[] = [];
  for (const wanted of templates(item.object)) {
    const name = wanted.name;
    const before = templates(item.live).find((t) => t.name === name);
    const claims = claimsOf(all, sts, name);
    const newClass = wanted.storageClass;
    const keeping = claims.filter((c) => newClass !== undefined && classOf(c) !== newClass);
    if (keeping.length > 0) {
      notes.push(
        `PVCs keeping their old StorageClass (a claim's class cannot change): ${keeping.map((c) => `${c.metadata.name} (${classOf(c) ?? 'default'})`).join(', ')}; ` +
          `to move them to '${newClass}', scale the StatefulSet to 0, copy their data to new claims (or back it up), delete the old PVCs, and scale up again: the StatefulSet creates them anew with the new class`,
      );
    }
    const to = wanted.storage;
    const from = before?.storage;
    if (!ctx.resizeVolumes || to === undefined || from === undefined || bytesOf(to) === bytesOf(from)) continue;
    if (bytesOf(to) < bytesOf(from)) {
      out.problems.push(`StatefulSet ${item.object.metadata.namespace}/${sts}: claim template '${name}' shrinks from ${from} to ${to}: Kubernetes cannot shrink a PersistentVolumeClaim, so existing volumes would stay at ${from}; keep ${from} or move the data to new, smaller claims yourself`);
      continue;
    }
    for (const claim of claims) {
      const size = requested(claim) ?? '0';
      if (bytesOf(size) >= bytesOf(to)) continue;
      const className = classOf(claim);
      if (!(await expandable(ctx, cache, className))) {
        out.problems.push(`PersistentVolumeClaim ${claim.metadata.namespace}/${claim.metadata.name}: StorageClass '${className ?? '(none)'}' does not allow volume expansion (allowVolumeExpansion is not true), so it cannot grow from ${size} to ${to}`);
        continue;
      }
      out.resizes.push({ namespace: claim.metadata.namespace ?? '', claim: claim.metadata.name, from: size, to });
    }
  }
  if (item.recreate) {
    const resized = out.resizes.filter((r) => claimsOfSet(r, sts, templates(item.object)));
    if (resized.length > 0) item.recreate.reason = `${item.recreate.reason.split('; recreating')[0]}; expanding ${resized.map((r) => `${r.claim} ${r.from} -> ${r.to}`).join(', ')}, then recreating the StatefulSet with orphan deletion (its pods and PVCs stay and are adopted)`;
    if (notes.length > 0) item.recreate.reason += `. ${notes.join('. ')}`;
  }
}

function claimsOfSet(resize: ClaimResize, sts: string, tpls: ClaimFacts[]): boolean {
  return tpls.some((t) => resize.claim.startsWith(`${t.name}-${sts}-`));
}

/** Resizes and notes for every StatefulSet the plan recreates; checked before anything is written. */
export async function planResizes(items: PlannedObject[], ctx: Context): Promise<ResizePlan> {
  const out: ResizePlan = { problems: [], resizes: [] };
  const recreated = items.filter((i) => i.action === 'recreate' && i.object.kind === 'StatefulSet' && i.live);
  if (recreated.length === 0) return out;
  const info = ctx.discovery.find({ apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
  if (!info) return out;
  const cache = new Map<string, boolean>();
  for (const namespace of new Set(recreated.map((i) => i.object.metadata.namespace))) {
    const all = await listObjects(ctx.client, info, namespace);
    for (const item of recreated.filter((i) => i.object.metadata.namespace === namespace)) await planOne(item, all, ctx, cache, out);
  }
  return out;
}

/** Expands the claims of the StatefulSets recreated in this phase, before they are recreated. */
export async function expandClaims(client: KubeClient, discovery: Discovery, resizes: ClaimResize[], phase: PlannedObject[], log: (line: string) => void): Promise<void> {
  const info = discovery.find({ apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
  if (!info) return;
  const sets = phase.filter((i) => i.action === 'recreate' && i.object.kind === 'StatefulSet');
  const mine = resizes.filter((r) => sets.some((s) => s.object.metadata.namespace === r.namespace && claimsOfSet(r, s.object.metadata.name, templates(s.object))));
  await Promise.all(
    mine.map(async (r) => {
      const body = { spec: { resources: { requests: { storage: r.to } } } };
      await client.request('PATCH', objectPath(info, { metadata: { name: r.claim, namespace: r.namespace } }), { body, contentType: 'application/merge-patch+json' });
      log(`expanding PersistentVolumeClaim ${r.namespace}/${r.claim}: ${r.from} -> ${r.to}`);
    }),
  );
}

function sizeLine(claim: Claim): string {
  const capacity = textAt(claim.status, 'capacity', 'storage') ?? '?';
  const pending = listAt(claim.status, 'conditions').map((c) => textAt(c, 'type')).filter((t) => t === 'Resizing' || t === 'FileSystemResizePending');
  return `  PersistentVolumeClaim ${claim.metadata.namespace}/${claim.metadata.name}: requested ${requested(claim) ?? '?'}, capacity ${capacity}${pending.length > 0 ? ` (${pending.join(', ')}: the volume grows when the driver and, for the file system, the pod are done)` : ''}`;
}

/** Each resized claim's size after the deploy, waiting a little for the resizer to report the new capacity. */
export async function claimSizes(client: KubeClient, discovery: Discovery, resizes: ClaimResize[], waitMs: number): Promise<string[]> {
  const info = discovery.find({ apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
  if (!info || resizes.length === 0) return [];
  const deadline = Date.now() + waitMs;
  for (;;) {
    const lists = await Promise.all([...new Set(resizes.map((r) => r.namespace))].map((ns) => listObjects(client, info, ns)));
    const claims = lists.flat().filter((c) => resizes.some((r) => r.claim === c.metadata.name && r.namespace === c.metadata.namespace));
    const done = claims.every((c) => bytesOf(textAt(c.status, 'capacity', 'storage') ?? '0') >= bytesOf(requested(c) ?? '0'));
    if (done || Date.now() >= deadline) return ['sizes of the expanded PersistentVolumeClaims:', ...claims.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)).map(sizeLine)];
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
