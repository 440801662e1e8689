/**
 * Everything diff and deploy share before any write: render, connect, read the
 * inventory, build the managed Secrets, plan every object and the prune.
 */
import { CommandFailure } from '../errors.ts';
import type { Rendered } from './render.ts';
import { desiredSecrets, type SecretsPlan } from '../secrets/desired.ts';
import type { SecretMask } from '../secrets/mask.ts';
import type { DeploySettings } from './settings.ts';
import { checkParentTooling, readRecord, recordOf, unionRecord, type InventoryRecord } from './applyset.ts';
import type { Connection } from '../kube/connect.ts';
import { openEnvironment, type Opened } from './open.ts';
import { renderedGroupKinds } from './crds.ts';
import { listMembers, listRemainingMembers, readFingerprints, readParent, type LiveMember } from './inventory.ts';
import { isRecord, objectKey, type KubeObject } from '../objects.ts';
import { planObjects, type Plan, type PlanContext } from './plan.ts';
import { checkRenderedSet } from './input-set.ts';
import { planPrune, type PrunePlan } from './prune.ts';
import { getObject } from '../kube/requests.ts';
import { rotationCompleted, rotationProblems } from './fernet-rotation.ts';
import { stampSecretsHashes } from './secret-rollout.ts';
import { refuseBeforeWrite } from './refusals.ts';
import { preflight } from './preflight.ts';
import { planResizes, type ClaimResize } from './resize.ts';

export type PlanSettings = Pick<
  DeploySettings,
  'environment' | 'overlayDir' | 'namespace' | 'kubeconfig' | 'context' | 'revision' | 'fieldManager' | 'env' | 'forceConflicts' | 'recreateStatefulSets' | 'pruneSecrets' | 'prunePvcs' | 'dryRunAll' | 'timeouts' | 'adopt' | 'rotateFernetKey' | 'secretValuesAtDeploy' | 'resizeVolumes' | 'renderedFile'
>;

/** Everything known before the first write, built once: later steps derive from it and never change it. */
export type Prepared = Readonly<
  Connection & {
    rendered: Rendered;
    secrets: SecretsPlan;
    desired: KubeObject[];
    parent: KubeObject | undefined;
    previousRecord: InventoryRecord;
    members: Map<string, LiveMember>;
    context: PlanContext;
    plan: Plan;
    prune: PrunePlan;
    /** PVCs to expand before their StatefulSet is recreated (--resize-volumes). */
    resizes: ClaimResize[];
  }
>;

async function existingNamespaces(connection: Connection, names: string[]): Promise<Set<string>> {
  const info = connection.discovery.find({ apiVersion: 'v1', kind: 'Namespace' });
  if (!info) throw new Error('the cluster serves no Namespaces');
  const found = await Promise.all(names.map((n) => getObject(connection.client, info, { metadata: { name: n } })));
  // Nothing can be created in a namespace being deleted: one clear message instead of one per object.
  const terminating = found.filter((ns) => ns?.metadata.deletionTimestamp !== undefined).map((ns) => ns?.metadata.name);
  if (terminating.length > 0) throw new CommandFailure(`namespace ${terminating.join(', ')} is being deleted: wait until it is gone, then deploy again`);
  return new Set(names.filter((_, i) => found[i] !== undefined));
}

type InventoryState = Pick<Prepared, 'parent' | 'previousRecord' | 'members'> & { namespaces: Set<string> };

/** The environment's parent object, its members (by the current render's kinds and the recorded ones) and the namespaces that exist. */
async function readInventory(connection: Connection, rendered: Rendered): Promise<InventoryState> {
  const inventory = rendered.inventory;
  const namespaceNames = [...new Set([inventory.namespace, ...rendered.objects.map((o) => o.metadata.namespace).filter((n): n is string => !!n)])];
  // The current render's kinds are listed while the parent is read; what only the parent records comes after.
  // Secret is always searched: managed Secrets are members even when the render has none.
  const current = unionRecord(recordOf(rendered.objects, inventory.namespace), { groupKinds: ['Secret'], namespaces: [] });
  const listed = { groupKinds: current.groupKinds, namespaces: [inventory.namespace, ...current.namespaces] };
  const [parent, namespaces, members] = await Promise.all([
    readParent(connection.client, connection.discovery, inventory),
    existingNamespaces(connection, namespaceNames),
    listMembers(connection.client, connection.discovery, inventory, listed.groupKinds, listed.namespaces),
  ]);
  checkParentTooling(parent, inventory);
  const previousRecord = readRecord(parent);
  const remaining = await listRemainingMembers(connection.client, connection.discovery, inventory, previousRecord, listed);
  return { parent, previousRecord, members: new Map([...members, ...remaining]), namespaces };
}

/** The managed Secrets: live values kept, missing ones generated; every live Secret value is registered with the mask. */
async function buildSecrets(settings: PlanSettings, connection: Connection, rendered: Rendered, state: InventoryState, mask: SecretMask): Promise<SecretsPlan> {
  const namespace = rendered.inventory.namespace;
  const secretInfo = connection.discovery.find({ apiVersion: 'v1', kind: 'Secret' });
  const secrets = await desiredSecrets({
    rendered: rendered.objects,
    namespace,
    env: settings.env,
    labels: rendered.labels,
    mask,
    readLive: async (name) => {
      const member = state.members.get(`Secret/${namespace}/${name}`);
      if (member) return member.object;
      if (!secretInfo || !state.namespaces.has(namespace)) return undefined;
      return getObject(connection.client, secretInfo, { metadata: { name, namespace } });
    },
    rotateFernetKey: settings.rotateFernetKey,
    fernetRotationCompleted: (tag) => rotationCompleted(connection.client, connection.discovery, namespace, tag),
    valuesAtDeploy: settings.secretValuesAtDeploy,
  });
  for (const m of state.members.values()) if (m.object.kind === 'Secret') mask.addSecretData(stringRecord(m.object.data), true);
  return secrets;
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function planContext(settings: PlanSettings, connection: Connection, rendered: Rendered, state: InventoryState, desired: KubeObject[]): PlanContext {
  return {
    client: connection.client,
    discovery: connection.discovery,
    fieldManager: settings.fieldManager,
    forceConflicts: settings.forceConflicts,
    recreateStatefulSets: settings.recreateStatefulSets || settings.resizeVolumes === true,
    revision: settings.revision,
    live: new Map([...state.members].map(([k, m]) => [k, m.object])),
    recorded: readFingerprints(state.parent),
    existingNamespaces: state.namespaces,
    renderedGroupKinds: renderedGroupKinds(desired),
    renderedNamespaces: new Set(desired.filter((o) => o.kind === 'Namespace' && o.apiVersion === 'v1').map((o) => o.metadata.name)),
    dryRunAll: settings.dryRunAll,
    environment: settings.environment,
    inventoryId: rendered.inventory.id,
    adopt: settings.adopt,
  };
}

/** Reads the environment, builds its Secrets and plans every object and the prune, from an opened render and connection. */
export async function prepareOpened(settings: PlanSettings, mask: SecretMask, opened: Opened): Promise<Prepared> {
  const { connection, rendered } = opened;
  const [problems, state] = await Promise.all([
    preflight({ client: connection.client, discovery: connection.discovery, rendered: rendered.objects, overlayDir: settings.overlayDir }),
    readInventory(connection, rendered),
  ]);
  // This tool's own refusals come before any question to the API server.
  refuseBeforeWrite(problems);
  const secrets = await buildSecrets(settings, connection, rendered, state, mask);
  refuseBeforeWrite(secrets.problems);
  const live = new Map([...state.members].map(([k, m]) => [k, m.object]));
  const desired = stampSecretsHashes([...rendered.objects, ...secrets.secrets], new Set(secrets.atDeploy), live);
  refuseBeforeWrite(rotationProblems(desired, secrets.fernetRotation));
  const context = planContext(settings, connection, rendered, state, desired);
  // A render that is wrong as a whole is not dry-run object by object: some objects would pass alone.
  const setProblems = checkRenderedSet(desired, rendered.inventory, settings.environment);
  const plan = setProblems.length > 0 ? { items: [], deferred: [], problems: setProblems, refusedBy: 'the check of the render as a whole' } : await planObjects(desired, context);
  const resizing = await planResizes(plan.items, { ...connection, resizeVolumes: settings.resizeVolumes === true });
  refuseBeforeWrite(resizing.problems);
  const namespace = rendered.inventory.namespace;
  const suppliedAtDeploy = secrets.atDeploy.map((name) => objectKey({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace } }));
  const prune = planPrune(state.members, new Set([...desired.map(objectKey), ...suppliedAtDeploy]), settings);
  return { ...connection, rendered, secrets, desired, parent: state.parent, previousRecord: state.previousRecord, members: state.members, context, plan, prune, resizes: resizing.resizes };
}

export async function prepare(settings: PlanSettings, mask: SecretMask): Promise<Prepared> {
  const opened = await openEnvironment(settings);
  try {
    return await prepareOpened(settings, mask, opened);
  } catch (error) {
    opened.connection.client.close();
    throw error;
  }
}
