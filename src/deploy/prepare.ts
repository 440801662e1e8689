/**
 * Everything diff and deploy share before any write: render, connect, read the
 * inventory, build the managed Secrets, plan every object and the prune.
 */
import { CommandFailure } from '../errors.ts';
import { renderOverlay, type Rendered } from './render.ts';
import { desiredSecrets, type SecretsPlan } from '../secrets/desired.ts';
import type { SecretMask } from '../secrets/mask.ts';
import type { DeploySettings } from './settings.ts';
import { checkParentTooling, readRecord, recordOf, unionRecord, type InventoryRecord } from './applyset.ts';
import { connect, type Connection } from '../kube/connect.ts';
import { renderedGroupKinds } from './crds.ts';
import { listMembers, listRemainingMembers, readFingerprints, readParent, type LiveMember } from './inventory.ts';
import { objectKey, type KubeObject } from '../objects.ts';
import { planObjects, type Plan, type PlanContext } from './plan.ts';
import { planPrune, type PrunePlan } from './prune.ts';
import { getObject } from '../kube/requests.ts';
import { rotationCompleted, rotationProblems } from './fernet-rotation.ts';
import { stampSecretsHashes } from './secret-rollout.ts';
import { refuseBeforeWrite } from './refusals.ts';
import { preflight } from './preflight.ts';
import { planResizes, type ClaimResize } from './resize.ts';

export type PlanSettings = Pick<
  DeploySettings,
  'environment' | 'overlayDir' | 'namespace' | 'kubeconfig' | 'context' | 'revision' | 'fieldManager' | 'env' | 'forceConflicts' | 'recreateStatefulSets' | 'pruneSecrets' | 'prunePvcs' | 'dryRunAll' | 'rotateFernetKey' | 'secretValuesAtDeploy' | 'resizeVolumes'
>;

export type Prepared = Connection & {
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
};

/** Cluster-scoped objects must not carry a namespace (kustomize adds one to kinds it does not know). */
function normalizeScope(objects: KubeObject[], connection: Connection): KubeObject[] {
  return objects.map((o) => {
    const info = connection.discovery.find(o);
    if (info && !info.namespaced && o.metadata.namespace !== undefined) {
      const metadata = { ...o.metadata };
      delete metadata.namespace;
      return { ...o, metadata };
    }
    return o;
  });
}

async function existingNamespaces(connection: Connection, names: string[]): Promise<Set<string>> {
  const info = connection.discovery.find({ apiVersion: 'v1', kind: 'Namespace' });
  if (!info) throw new Error('the cluster serves no Namespaces');
  const found = await Promise.all(names.map((n) => getObject(connection.client, info, { metadata: { name: n } })));
  // Nothing can be created in a namespace being deleted: one clear message instead of one per object.
  const terminating = found.filter((ns) => ns?.metadata.deletionTimestamp !== undefined).map((ns) => ns?.metadata.name);
  if (terminating.length > 0) throw new CommandFailure(`namespace ${terminating.join(', ')} is being deleted: wait until it is gone, then deploy again`);
  return new Set(names.filter((_, i) => found[i] !== undefined));
}

/** The Secrets this deploy manages (secrets/desired.ts), read from the inventory or the cluster. */
function managedSecrets(settings: PlanSettings, connection: Connection, rendered: Rendered, members: Map<string, LiveMember>, namespaceExists: boolean, mask: SecretMask): Promise<SecretsPlan> {
  const namespace = rendered.inventory.namespace;
  const secretInfo = connection.discovery.find({ apiVersion: 'v1', kind: 'Secret' });
  return desiredSecrets({
    rendered: rendered.objects,
    namespace,
    env: settings.env,
    labels: rendered.labels,
    mask,
    readLive: async (name) => {
      const member = members.get(`Secret/${namespace}/${name}`);
      if (member) return member.object;
      if (!secretInfo || !namespaceExists) return undefined;
      return getObject(connection.client, secretInfo, { metadata: { name, namespace } });
    },
    rotateFernetKey: settings.rotateFernetKey,
    fernetRotationCompleted: (tag) => rotationCompleted(connection.client, connection.discovery, namespace, tag),
    valuesAtDeploy: settings.secretValuesAtDeploy,
  });
}

export async function prepare(settings: PlanSettings, mask: SecretMask): Promise<Prepared> {
  const [renderedRaw, connection] = await Promise.all([
    renderOverlay({ overlayDir: settings.overlayDir, environment: settings.environment, namespace: settings.namespace, revision: settings.revision, env: settings.env }),
    connect(settings),
  ]);
  try {
    const rendered = { ...renderedRaw, objects: normalizeScope(renderedRaw.objects, connection) };
    const inventory = rendered.inventory;
    const namespaceNames = [...new Set([inventory.namespace, ...rendered.objects.map((o) => o.metadata.namespace).filter((n): n is string => !!n)])];
    // The current render's kinds are listed while the parent is read; what only the parent records comes after.
    // Secret is always searched: managed Secrets are members even when the render has none.
    const current = unionRecord(recordOf(rendered.objects, inventory.namespace), { groupKinds: ['Secret'], namespaces: [] });
    const listed = { groupKinds: current.groupKinds, namespaces: [inventory.namespace, ...current.namespaces] };
    const [problems, parent, namespaces, members] = await Promise.all([
      preflight({ client: connection.client, discovery: connection.discovery, rendered: rendered.objects, overlayDir: settings.overlayDir }),
      readParent(connection.client, connection.discovery, inventory),
      existingNamespaces(connection, namespaceNames),
      listMembers(connection.client, connection.discovery, inventory, listed.groupKinds, listed.namespaces),
    ]);
    refuseBeforeWrite(problems);
    checkParentTooling(parent, inventory);
    const previousRecord = readRecord(parent);
    for (const [key, member] of await listRemainingMembers(connection.client, connection.discovery, inventory, previousRecord, listed)) members.set(key, member);
    const secrets = await managedSecrets(settings, connection, rendered, members, namespaces.has(inventory.namespace), mask);
    // This tool's own refusals come before any question to the API server.
    refuseBeforeWrite(secrets.problems);
    for (const m of members.values()) if (m.object.kind === 'Secret') mask.addSecretData(m.object.data as Record<string, string> | undefined, true);
    const liveObjects = new Map([...members].map(([k, m]) => [k, m.object]));
    const desired = stampSecretsHashes([...rendered.objects, ...secrets.secrets], new Set(secrets.atDeploy), liveObjects);
    refuseBeforeWrite(rotationProblems(desired, secrets.fernetRotation));
    const context: PlanContext = {
      client: connection.client,
      discovery: connection.discovery,
      fieldManager: settings.fieldManager,
      forceConflicts: settings.forceConflicts,
      recreateStatefulSets: settings.recreateStatefulSets || settings.resizeVolumes === true,
      revision: settings.revision,
      live: liveObjects,
      recorded: readFingerprints(parent),
      existingNamespaces: namespaces,
      renderedGroupKinds: renderedGroupKinds(desired),
      renderedNamespaces: new Set(desired.filter((o) => o.kind === 'Namespace' && o.apiVersion === 'v1').map((o) => o.metadata.name)),
      dryRunAll: settings.dryRunAll,
    };
    const plan = await planObjects(desired, context);
    const resizing = await planResizes(plan.items, { ...connection, resizeVolumes: settings.resizeVolumes === true });
    refuseBeforeWrite(resizing.problems);
    const suppliedAtDeploy = secrets.atDeploy.map((name) => objectKey({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: inventory.namespace } }));
    const prune = planPrune(members, new Set([...desired.map(objectKey), ...suppliedAtDeploy]), settings);
    return { ...connection, rendered, secrets, desired, parent, previousRecord, members, context, plan, prune, resizes: resizing.resizes };
  } catch (error) {
    connection.client.close();
    throw error;
  }
}
