/**
 * src/deploy is the deploy engine: it owns everything between a rendered
 * overlay and a live environment (prepare, plan, apply in phases, inventory
 * and prune, wait, rollback), on top of the Kubernetes client in src/kube.
 *
 * deploy: plan everything (stop before any write if anything is refused),
 * then apply phase by phase, waiting for the databases, the migration Job and
 * the workloads in turn; prune; record the inventory.
 */
import { CommandFailure } from '../errors.ts';
import { stampRevision } from './tracking.ts';
import type { SecretMask } from '../secrets/mask.ts';
import type { DeploySettings } from './settings.ts';
import { parentObject, partOfLabel, readRecord, recordOf, sameRecord, unionRecord, type InventoryRecord } from './applyset.ts';
import { isCrd, waitEstablished } from './crds.ts';
import { describePods } from './diagnostics.ts';
import { Discovery } from '../kube/discovery.ts';
import { writePhase } from './execute.ts';
import { fingerprintsKey, healthyTemplatesKey, readHealthyTemplates } from './inventory.ts';
import { describeObject, objectKey, podTemplateOf, stableJson, type KubeObject } from '../objects.ts';
import { ownershipFingerprint } from './ownership.ts';
import { isWaitable, phaseOf, phaseOrder, type PhaseName } from './phases.ts';
import { planObjects, type PlannedObject } from './plan.ts';
import { prepareOpened, type Prepared } from './prepare.ts';
import { openedFrom, startEnvironment, type Started } from './open.ts';
import { EnvironmentLock } from './lock.ts';
import { executePrune } from './prune.ts';
import { countPlan, formatPlan, hasChanges } from './plan-report.ts';
import { getObject, serverSideApply } from '../kube/requests.ts';
import { isRollable, rollBack, rollbackCandidates } from './rollback.ts';
import { waitForWorkloads, type WaitTarget } from './wait.ts';
import { rotationJob, runRotation } from './fernet-rotation.ts';
import { pendingClaimEvents } from './claim-events.ts';
import { claimSizes, expandClaims } from './resize.ts';
import { airflowHealthGate } from './health-gate.ts';

export type DeployResult = {
  environment: string;
  namespace: string;
  created: string[];
  changed: string[];
  recreated: string[];
  unchanged: number;
  pruned: string[];
  keptFromPrune: string[];
  generatedSecrets: string[];
  ready: string[];
  rolledBack: string[];
  /** "Deployment ns/web: <text>": what the API server warned about while checking the objects written. */
  warnings: string[];
  /** Whether anything at all was written to the cluster. */
  wrote: boolean;
};

/** A failed deploy still says what it did before failing. */
export class DeployFailure extends CommandFailure {
  override name = 'DeployFailure';
  readonly result: DeployResult;
  constructor(message: string, result: DeployResult) {
    super(message);
    this.result = result;
  }
}

const waitedPhases = new Set<PhaseName>(['databases', 'migration', 'workloads']);

class Deployment {
  readonly p: Prepared;
  readonly settings: DeploySettings;
  readonly log: (line: string) => void;
  readonly result: DeployResult;
  readonly written: PlannedObject[] = [];
  readonly after = new Map<string, KubeObject>();
  /** Pod templates each workload was last Ready with, as the parent recorded them. */
  readonly healthy: Map<string, unknown>;
  /** The parent as last written, and the discovery as last loaded (again after new CRDs). */
  parent: KubeObject | undefined;
  discovery: Discovery;

  constructor(p: Prepared, settings: DeploySettings, log: (line: string) => void) {
    this.p = p;
    this.settings = settings;
    this.log = log;
    this.parent = p.parent;
    this.healthy = readHealthyTemplates(p.parent);
    this.discovery = p.discovery;
    this.result = {
      environment: settings.environment,
      namespace: p.rendered.inventory.namespace,
      created: [], changed: [], recreated: [], unchanged: 0, pruned: [], keptFromPrune: [], generatedSecrets: p.secrets.generated, ready: [], rolledBack: [], warnings: [], wrote: false,
    };
  }

  fail(message: string): never {
    throw new DeployFailure(message, this.result);
  }

  async writeParent(record: InventoryRecord, fingerprints: Map<string, string>, healthy: Map<string, unknown>, stamp: boolean): Promise<void> {
    const { client, rendered } = this.p;
    const { discovery, parent } = this;
    // The parent carries the environment's labels but is not a member of its own set.
    const labels = Object.fromEntries(Object.entries(rendered.labels).filter(([k]) => k !== partOfLabel));
    let object = parentObject(rendered.inventory, record, labels);
    const data: Record<string, string> = { [fingerprintsKey]: stableJson(Object.fromEntries([...fingerprints].sort())) };
    if (healthy.size > 0) data[healthyTemplatesKey] = stableJson(Object.fromEntries([...healthy].sort()));
    object.data = data;
    if (parent && !stamp && sameRecord(record, readRecord(parent)) && stableJson(parent.data ?? {}) === stableJson(object.data)) return;
    object = stamp ? stampRevision(object, this.settings.revision) : object;
    const info = discovery.find(object);
    if (!info) throw new Error('the cluster serves no ConfigMaps');
    this.parent = await serverSideApply(client, info, object, { fieldManager: this.settings.fieldManager, force: true, dryRun: false });
    this.result.wrote = true;
  }

  async applyPhase(phase: PhaseName, items: PlannedObject[]): Promise<void> {
    await expandClaims(this.p.client, this.p.discovery, this.p.resizes, items, this.log);
    const results = await writePhase(this.p.client, items, { fieldManager: this.settings.fieldManager, force: this.settings.forceConflicts || this.settings.adopt, onWrite: this.log });
    for (const [item, live] of results) {
      this.after.set(objectKey(item.object), live);
      this.written.push(item);
      this.result.wrote = true;
      const name = describeObject(item.object);
      (item.action === 'create' ? this.result.created : item.action === 'change' ? this.result.changed : this.result.recreated).push(name);
    }
    if (phase === 'cluster') {
      const crds = [...results.keys()].filter((i) => isCrd(i.object)).map((i) => i.object.metadata.name);
      if (crds.length > 0) await waitEstablished(this.p.client, crds, 60_000);
    }
  }

  /** Objects that needed this render's namespaces or CRDs: checked now, before anything else is written. */
  async planDeferred(): Promise<PlannedObject[]> {
    const { plan } = this.p;
    if (plan.deferred.length === 0) return [];
    // New kinds are served only after their CRDs: discover again if any were written.
    if (this.written.some((i) => isCrd(i.object))) this.discovery = await Discovery.load(this.p.client);
    const existingNamespaces = new Set([...this.p.context.existingNamespaces, ...this.p.context.renderedNamespaces]);
    const context = { ...this.p.context, discovery: this.discovery, existingNamespaces };
    const later = await planObjects(plan.deferred, context);
    const still = later.deferred.map((o) => ({ object: describeObject(o), message: `${describeObject(o)}: still not servable after its namespace/CRD was created` }));
    const problems = [...later.problems, ...still];
    if (problems.length > 0) {
      this.fail(`the API server refused objects; only the namespaces/CRDs they need were written (${this.result.created.join(', ') || 'none'}):\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
    }
    return later.items;
  }

  async waitPhase(items: PlannedObject[]): Promise<void> {
    const targets: WaitTarget[] = items
      .filter((i) => isWaitable(i.object))
      .map((i) => {
        const live = this.after.get(objectKey(i.object)) ?? i.live ?? i.object;
        return { object: live, info: i.info, generation: Number(live.metadata.generation ?? 0) };
      });
    if (targets.length === 0) return;
    const outcome = await waitForWorkloads(this.p.client, this.discovery, targets, this.settings.timeoutSeconds * 1000, (name) => this.log(`ready ${name}`));
    this.result.ready.push(...outcome.ready.filter((n) => !this.result.ready.includes(n)));
    if (outcome.state === 'ready') return;
    const lines: string[] = [];
    if (outcome.state === 'failed') {
      lines.push(`${outcome.object} failed: ${outcome.message}`, ...(await describePods(this.p.client, outcome.pods)));
    } else {
      lines.push(`timed out after ${this.settings.timeoutSeconds} s waiting for:`);
      for (const p of outcome.pending) lines.push(`  ${p.object}: ${p.message}`, ...(await describePods(this.p.client, p.pods)));
    }
    lines.push(...(await pendingClaimEvents(this.p.client, this.p.rendered.inventory.namespace)));
    if (this.settings.rollback) {
      const candidates = rollbackCandidates(this.written);
      this.result.rolledBack = await rollBack(this.p.client, candidates, this.settings.fieldManager, this.healthy);
      lines.push(candidates.length > 0 ? `rolled back to the last healthy pod template: ${this.result.rolledBack.join(', ')}` : 'nothing to roll back: no existing workload was changed');
    }
    this.fail(lines.join('\n'));
  }

  /** Airflow's own verdict after the rollout (health-gate.ts); fails the deploy like a failed rollout. */
  async healthGate(since: Date): Promise<void> {
    const timeoutMs = Math.min(this.settings.timeoutSeconds, 180) * 1000;
    const problem = await airflowHealthGate(this.p.client, this.p.desired, since, timeoutMs, this.log);
    if (!problem) return;
    const lines = [problem];
    if (this.settings.rollback) {
      const candidates = rollbackCandidates(this.written);
      this.result.rolledBack = await rollBack(this.p.client, candidates, this.settings.fieldManager, this.healthy);
      lines.push(candidates.length > 0 ? `rolled back to the last healthy pod template: ${this.result.rolledBack.join(', ')}` : 'nothing to roll back: no existing workload was changed');
    }
    this.fail(lines.join('\n'));
  }

  async run(): Promise<DeployResult> {
    const { plan, prune, rendered } = this.p;
    const started = new Date();
    if (plan.problems.length > 0) {
      this.fail(`nothing was written: ${plan.refusedBy ?? 'the API server'} refused ${plan.problems.length} object(s):\n${plan.problems.map((p) => `  ${p.message}`).join('\n')}`);
    }
    if (this.p.secrets.generated.length > 0) this.log(`generated once (kept from now on): ${this.p.secrets.generated.join(', ')}`);
    const counts = countPlan(plan, prune);
    this.result.unchanged = counts.unchanged;
    this.log(`plan for ${rendered.environment} (namespace ${rendered.inventory.namespace}, ${this.p.desired.length} objects):`);
    for (const line of formatPlan(plan, prune)) this.log(line);
    const items = [...plan.items];
    this.result.warnings = items.flatMap((i) => (i.warnings ?? []).map((w) => `${describeObject(i.object)}: ${w}`));
    const current = recordOf(this.p.desired, rendered.inventory.namespace);
    let recorded = false;
    for (const phase of phaseOrder) {
      const inPhase = items.filter((i) => phaseOf(i.object) === phase);
      // The parent records every group-kind, old and new, before any member is written, so an interrupted
      // deploy leaves nothing it does not list. In a namespace this deploy creates, it can only follow the
      // cluster phase (whose Namespaces and CRDs are never pruned anyway).
      if (!recorded && (phase !== 'cluster' || this.p.context.existingNamespaces.has(rendered.inventory.namespace))) {
        await this.writeParent(unionRecord(this.p.previousRecord, current), new Map([...this.p.context.recorded]), this.healthy, false);
        recorded = true;
      }
      await this.applyPhase(phase, inPhase);
      if (phase === 'cluster') {
        items.push(...(await this.planDeferred()));
        continue;
      }
      if (this.settings.wait && waitedPhases.has(phase)) await this.waitPhase(inPhase);
    }
    if (this.settings.wait && this.settings.healthGate && this.result.wrote) await this.healthGate(started);
    // Re-encrypting what is stored needs a healthy Airflow with the new key list.
    await this.rotateFernetKey();
    if (this.settings.prune && prune.remove.length > 0) {
      for (const m of prune.remove) this.log(`pruning ${describeObject(m.object)}`);
      this.result.pruned = await executePrune(this.p.client, prune.remove);
      this.result.wrote = true;
    }
    this.result.keptFromPrune = prune.keep.map((k) => describeObject(k.member.object));
    const fingerprints = new Map<string, string>();
    for (const item of items) {
      const live = this.after.get(objectKey(item.object)) ?? item.live;
      const fingerprint = live ? ownershipFingerprint(live, this.settings.fieldManager) : undefined;
      if (fingerprint) fingerprints.set(objectKey(item.object), fingerprint);
    }
    // Kept objects (PVCs, Secrets) stay listed, so that a later --prune-pvcs or --prune-secrets still finds them.
    const kept = recordOf(prune.keep.map((k) => k.member.object), rendered.inventory.namespace);
    const finalRecord = this.settings.prune ? unionRecord(current, kept) : unionRecord(this.p.previousRecord, current);
    await this.writeParent(finalRecord, fingerprints, this.healthyAfter(items), this.result.wrote);
    for (const line of await claimSizes(this.p.client, this.p.discovery, this.p.resizes, 30_000)) this.log(line);
    this.log(this.summary());
    return this.result;
  }

  /** After the workloads run with the new key first: re-encrypt what is stored (fernet-rotation.ts). */
  async rotateFernetKey(): Promise<void> {
    const { fernetRotation, droppedFernetKeys } = this.p.secrets;
    if (droppedFernetKeys > 0) this.log(`the Fernet key rotation completed: dropped ${droppedFernetKeys} old key(s) from the key list`);
    if (fernetRotation === undefined) return;
    const job = rotationJob(this.p.desired, fernetRotation.secret, fernetRotation.tag);
    try {
      await runRotation(this.p.client, this.p.discovery, job, { fieldManager: this.settings.fieldManager, timeoutSeconds: this.settings.timeoutSeconds }, this.log);
      this.result.wrote = true;
      this.log('the old Fernet key stays in the list until the next deploy, which drops it');
    } catch (error) {
      this.result.wrote = true;
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }

  /** Every workload waited for is Ready now: its template is the one to roll back to next time. */
  healthyAfter(items: PlannedObject[]): Map<string, unknown> {
    if (!this.settings.wait) return this.healthy;
    const healthy = new Map(this.healthy);
    const waited = new Set(items.map((i) => objectKey(i.object)));
    // The rendered template (an unchanged item carries the live object, with the server's defaults).
    for (const object of this.p.desired) {
      const template = isRollable(object) && waited.has(objectKey(object)) ? podTemplateOf(object) : undefined;
      if (template) healthy.set(objectKey(object), template);
    }
    return healthy;
  }

  summary(): string {
    const r = this.result;
    const warned = r.warnings.length > 0 ? `; ${r.warnings.length} warning(s) from the API server, shown with the plan` : '';
    if (!r.wrote) return `no changes: nothing written (${r.unchanged} objects unchanged)${warned}`;
    return `done: ${r.created.length} created, ${r.changed.length} changed, ${r.recreated.length} recreated, ${r.pruned.length} pruned, ${r.unchanged} unchanged${warned}`;
  }
}

/** Whether the environment's namespace exists (a first deploy locks elsewhere until it does). */
async function namespaceExists(started: Started): Promise<boolean> {
  // Namespaces are core v1 on every cluster: no need to wait for discovery.
  const info = { group: '', version: 'v1', plural: 'namespaces', namespaced: false, kind: 'Namespace' };
  return (await getObject(started.client, info, { metadata: { name: started.rendered.inventory.namespace } })) !== undefined;
}

/** Lease duration: a deploy whose process died frees its environment after this long. */
export const lockDurationSeconds = 60;

async function lockEnvironment(settings: DeploySettings, started: Started, log: (line: string) => void): Promise<EnvironmentLock> {
  return EnvironmentLock.acquire(started.client, {
    environment: settings.environment,
    namespace: started.rendered.inventory.namespace,
    namespaceExists: namespaceExists(started),
    runUrl: settings.revision.runUrl,
    steal: settings.stealLock,
    waitMs: settings.timeoutSeconds * 1000,
    durationSeconds: lockDurationSeconds,
    log,
  });
}

/** `starting`: the render and connection (open.ts), when the caller started them already. */
export async function deploy(settings: DeploySettings, mask: SecretMask, log: (line: string) => void, starting?: Promise<Started>): Promise<DeployResult> {
  const started = await (starting ?? startEnvironment(settings));
  try {
    // Taken before the environment is read, so that Secrets are generated and the inventory written by one deploy at a time.
    const lock = await lockEnvironment(settings, started, log);
    try {
      const prepared = await prepareOpened(settings, mask, await openedFrom(started));
      return await new Deployment(prepared, settings, log).run();
    } finally {
      await lock.release();
    }
  } finally {
    started.client.close();
  }
}

export { hasChanges };
