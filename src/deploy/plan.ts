/**
 * The plan: for every rendered object, what applying it would do, decided by
 * the API server itself (server-side dry-run) unless the object is provably
 * unchanged since this project last applied it. Rejections, field-manager
 * conflicts and immutable-field changes become problems; nothing is written
 * while planning.
 */
import type { KubeClient } from '../kube/client.ts';
import { conflictMessage, fieldConflicts } from './conflicts.ts';
import type { Discovery, ResourceInfo } from '../kube/discovery.ts';
import { KubeApiError } from '../kube/errors.ts';
import { diffFields, projectOnto, type FieldChange } from './field-diff.ts';
import { judgeImmutable, type Recreate } from './immutable.ts';
import { describeObject, groupKind, objectKey, type KubeObject } from '../objects.ts';
import { foreignOwner, legacyManagerPatch, sameObject, unchangedSinceLastApply } from './ownership.ts';
import { dryRunCreateAsNew, getObject, serverSideApply } from '../kube/requests.ts';
import { commitAnnotation, runUrlAnnotation, stampRevision, type Revision } from './tracking.ts';
import { takesOver } from '../secrets/desired.ts';

export type PlanAction = 'create' | 'change' | 'unchanged' | 'recreate';

export type PlannedObject = {
  /** What will be applied (stamped with this deploy's revision when it is written). */
  object: KubeObject;
  info: ResourceInfo;
  live?: KubeObject;
  action: PlanAction;
  changes: FieldChange[];
  recreate?: Recreate;
  /** What the API server warned about when dry-running it (Pod Security, deprecations). */
  warnings?: string[];
};

export type PlanProblem = { object: string; message: string };
/** `refusedBy` names who found the problems: the API server (a dry-run) unless said otherwise. */
export type Plan = { items: PlannedObject[]; deferred: KubeObject[]; problems: PlanProblem[]; refusedBy?: string };

export type PlanContext = {
  client: KubeClient;
  discovery: Discovery;
  fieldManager: string;
  forceConflicts: boolean;
  recreateStatefulSets: boolean;
  revision: Revision;
  /** Live objects of this environment's inventory, by objectKey. */
  live: Map<string, KubeObject>;
  /** Ownership fingerprints recorded after the last apply, by objectKey. */
  recorded: Map<string, string>;
  existingNamespaces: Set<string>;
  /** Group-kinds and namespaces the render itself creates (so objects needing them wait for the cluster phase). */
  renderedGroupKinds: Set<string>;
  renderedNamespaces: Set<string>;
  /** Dry-run every object, even ones recognised as unchanged. */
  dryRunAll: boolean;
  /** This environment, to refuse objects another one owns, unless `adopt`. */
  environment: string;
  inventoryId: string;
  adopt: boolean;
};

/** The revision annotations already on the live object: reusing them keeps them from counting as a change. */
function liveRevision(live: KubeObject | undefined): Revision | undefined {
  const annotations = live?.metadata.annotations;
  if (annotations?.[commitAnnotation] === undefined && annotations?.[runUrlAnnotation] === undefined) return undefined;
  return { commit: annotations?.[commitAnnotation], runUrl: annotations?.[runUrlAnnotation] };
}

function rejection(object: KubeObject, error: unknown): string {
  if (!(error instanceof KubeApiError)) throw error;
  const fields = error.causes.filter((c) => c.field).map((c) => `${c.field}: ${c.message}`);
  const detail = fields.length > 0 && !error.message.includes(fields[0] ?? '') ? ` (${fields.join('; ')})` : '';
  return `${describeObject(object)}: rejected by the API server: ${error.message}${detail}`;
}

type Outcome = { item: PlannedObject } | { deferred: KubeObject } | { problem: PlanProblem } | { standIn: KubeObject };

/** Namespace that always exists, where objects bound for a namespace not yet created are checked. */
const standInNamespace = 'default';

/**
 * An object whose namespace this render creates cannot be dry-run there yet,
 * and cannot exist yet either: it will be created. It is dry-run as a new
 * object in the stand-in namespace (schema, strict fields, admission), so a bad
 * object stops the deploy before even the namespace is written.
 */
async function checkInStandIn(desired: KubeObject, info: ResourceInfo, ctx: PlanContext): Promise<Outcome> {
  const moved = { ...desired, metadata: { ...desired.metadata, namespace: standInNamespace } };
  const object = stampRevision(desired, ctx.revision);
  try {
    await dryRunCreateAsNew(ctx.client, info, moved, ctx.fieldManager);
  } catch (error) {
    // Not allowed to dry-run there (RBAC): the check waits for the real namespace.
    if (!(error instanceof KubeApiError) || error.status === 403) return { deferred: desired };
    return { problem: { object: describeObject(desired), message: rejection(desired, error) } };
  }
  return { item: { object, info, action: 'create', changes: diffFields(undefined, object) } };
}

/** Objects the cluster cannot check yet because the render creates their namespace or kind first. */
function prerequisite(desired: KubeObject, info: ResourceInfo | undefined, ctx: PlanContext): Outcome | undefined {
  const name = describeObject(desired);
  if (info === undefined) {
    if (ctx.renderedGroupKinds.has(groupKind(desired))) return { deferred: desired };
    return { problem: { object: name, message: `${name}: the cluster does not serve ${desired.apiVersion} ${desired.kind}: install its CRD or remove it from the overlay` } };
  }
  const namespace = desired.metadata.namespace;
  if (info.namespaced && !namespace) {
    return { problem: { object: name, message: `${name}: namespaced kind without metadata.namespace: set namespace: in the overlay` } };
  }
  if (info.namespaced && namespace && !ctx.existingNamespaces.has(namespace)) {
    if (ctx.renderedNamespaces.has(namespace)) return { standIn: desired };
    return { problem: { object: name, message: `${name}: namespace '${namespace}' does not exist and the render does not create it` } };
  }
  return undefined;
}

async function planRecreate(desired: KubeObject, live: KubeObject, info: ResourceInfo, recreate: Recreate, ctx: PlanContext): Promise<Outcome> {
  const object = stampRevision(desired, ctx.revision);
  try {
    await dryRunCreateAsNew(ctx.client, info, object, ctx.fieldManager);
  } catch (error) {
    return { problem: { object: describeObject(desired), message: rejection(desired, error) } };
  }
  const before = { ...(projectOnto(live, object) as KubeObject), apiVersion: object.apiVersion, kind: object.kind };
  return { item: { object, info, live, action: 'recreate', changes: diffFields(before, object), recreate } };
}

async function planOne(desired: KubeObject, ctx: PlanContext): Promise<Outcome> {
  const info = ctx.discovery.find(desired);
  const blocked = prerequisite(desired, info, ctx);
  if (blocked !== undefined && 'standIn' in blocked && info) return checkInStandIn(blocked.standIn, info, ctx);
  if (blocked !== undefined || info === undefined) return blocked as Outcome;
  const listed = ctx.live.get(objectKey(desired));
  if (listed && !ctx.dryRunAll && unchangedSinceLastApply(desired, listed, ctx.recorded.get(objectKey(desired)), ctx.fieldManager)) {
    return { item: { object: listed, info, live: listed, action: 'unchanged', changes: [] } };
  }
  const probe = stampRevision(desired, liveRevision(listed) ?? ctx.revision);
  // Taking over (--adopt), moving fields from the manager older releases used, or a Secret made by hand
  // (kubectl create secret) whose values this deploy now manages, means owning what they owned.
  const takeOver = ctx.adopt || takesOver(desired) || (listed !== undefined && legacyManagerPatch(listed, ctx.fieldManager) !== undefined);
  const warnings: string[] = [];
  const options = { fieldManager: ctx.fieldManager, force: ctx.forceConflicts || takeOver, dryRun: true, onWarning: (w: string) => warnings.push(w) };
  const [liveResult, dryResult] = await Promise.allSettled([
    listed ? Promise.resolve(listed) : getObject(ctx.client, info, desired),
    serverSideApply(ctx.client, info, probe, options),
  ]);
  if (liveResult.status === 'rejected') throw liveResult.reason;
  const live = liveResult.value;
  const name = describeObject(desired);
  const owner = live && !listed && !ctx.adopt ? foreignOwner(live, { inventoryId: ctx.inventoryId, fieldManager: ctx.fieldManager }) : undefined;
  if (owner) {
    const message = `${name} already exists and belongs to ${owner}: not taken over. Remove it from this overlay, or deploy with --adopt to hand it to environment '${ctx.environment}'`;
    return { problem: { object: name, message } };
  }
  if (dryResult.status === 'rejected') {
    const error = dryResult.reason;
    const conflicts = fieldConflicts(error);
    if (conflicts) return { problem: { object: name, message: conflictMessage(desired, conflicts) } };
    const verdict = judgeImmutable(error, live, desired, ctx.recreateStatefulSets);
    if (verdict && 'problem' in verdict) return { problem: { object: name, message: verdict.problem } };
    if (verdict && live) return planRecreate(desired, live, info, verdict.recreate, ctx);
    return { problem: { object: name, message: rejection(desired, error) } };
  }
  const predicted = dryResult.value;
  if (live && sameObject(live, predicted)) return { item: { object: probe, info, live, action: 'unchanged', changes: [] } };
  const object = stampRevision(desired, ctx.revision);
  return { item: { object, info, live, action: live ? 'change' : 'create', changes: diffFields(live, predicted), ...(warnings.length > 0 ? { warnings } : {}) } };
}

export async function planObjects(objects: KubeObject[], ctx: PlanContext): Promise<Plan> {
  const outcomes = await Promise.all(objects.map((o) => planOne(o, ctx)));
  const plan: Plan = { items: [], deferred: [], problems: [] };
  for (const outcome of outcomes) {
    if ('item' in outcome) plan.items.push(outcome.item);
    else if ('deferred' in outcome) plan.deferred.push(outcome.deferred);
    else if ('problem' in outcome) plan.problems.push(outcome.problem);
  }
  return plan;
}
