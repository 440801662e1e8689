/**
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
import { fingerprintsKey } from './inventory.ts';
import { describeObject, objectKey, stableJson, type KubeObject } from '../objects.ts';
import { ownershipFingerprint } from './ownership.ts';
import { isWaitable, phaseOf, phaseOrder, type PhaseName } from './phases.ts';
import { planObjects, type PlannedObject } from './plan.ts';
import { prepare, type Prepared } from './prepare.ts';
import { executePrune } from './prune.ts';
import { countPlan, formatPlan, hasChanges } from './plan-report.ts';
import { serverSideApply } from '../kube/requests.ts';
import { rollBack, rollbackCandidates } from './rollback.ts';
import { waitForWorkloads, type WaitTarget } from './wait.ts';
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

  constructor(p: Prepared, settings: DeploySettings, log: (line: string) => void) {
    this.p = p;
    this.settings = settings;
    this.log = log;
    this.result = {
      environment: settings.environment,
      namespace: p.rendered.inventory.namespace,
      created: [], changed: [], recreated: [], unchanged: 0, pruned: [], keptFromPrune: [], generatedSecrets: p.secrets.generated, ready: [], rolledBack: [], wrote: false,
    };
  }

  fail(message: string): never {
    throw new DeployFailure(message, this.result);
  }

  async writeParent(record: InventoryRecord, fingerprints: Map<string, string>, stamp: boolean): Promise<void> {
    const { client, discovery, rendered, parent } = this.p;
    // The parent carries the environment's labels but is not a member of its own set.
    const labels = Object.fromEntries(Object.entries(rendered.labels).filter(([k]) => k !== partOfLabel));
    let object = parentObject(rendered.inventory, record, labels);
    object.data = { [fingerprintsKey]: stableJson(Object.fromEntries([...fingerprints].sort())) };
    if (parent && !stamp && sameRecord(record, readRecord(parent)) && stableJson(parent.data ?? {}) === stableJson(object.data)) return;
    object = stamp ? stampRevision(object, this.settings.revision) : object;
    const info = discovery.find(object);
    if (!info) throw new Error('the cluster serves no ConfigMaps');
    this.p.parent = await serverSideApply(client, info, object, { fieldManager: this.settings.fieldManager, force: true, dryRun: false });
    this.result.wrote = true;
  }

  async applyPhase(phase: PhaseName, items: PlannedObject[]): Promise<void> {
    const results = await writePhase(this.p.client, items, { fieldManager: this.settings.fieldManager, force: this.settings.forceConflicts, onWrite: this.log });
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
    const { plan, context } = this.p;
    if (plan.deferred.length === 0) return [];
    // New kinds are served only after their CRDs: discover again if any were written.
    if (this.written.some((i) => isCrd(i.object))) {
      context.discovery = await Discovery.load(this.p.client);
      this.p.discovery = context.discovery;
    }
    for (const ns of context.renderedNamespaces) context.existingNamespaces.add(ns);
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
    const outcome = await waitForWorkloads(this.p.client, this.p.discovery, targets, this.settings.timeoutSeconds * 1000, (name) => this.log(`ready ${name}`));
    this.result.ready.push(...outcome.ready.filter((n) => !this.result.ready.includes(n)));
    if (outcome.state === 'ready') return;
    const lines: string[] = [];
    if (outcome.state === 'failed') {
      lines.push(`${outcome.object} failed: ${outcome.message}`, ...(await describePods(this.p.client, outcome.pods)));
    } else {
      lines.push(`timed out after ${this.settings.timeoutSeconds} s waiting for:`);
      for (const p of outcome.pending) lines.push(`  ${p.object}: ${p.message}`, ...(await describePods(this.p.client, p.pods)));
    }
    if (this.settings.rollback) {
      const candidates = rollbackCandidates(this.written);
      this.result.rolledBack = await rollBack(this.p.client, candidates, this.settings.fieldManager);
      lines.push(candidates.length > 0 ? `rolled back to the previous pod template: ${this.result.rolledBack.join(', ')}` : 'nothing to roll back: no existing workload was changed');
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
      this.result.rolledBack = await rollBack(this.p.client, candidates, this.settings.fieldManager);
      lines.push(candidates.length > 0 ? `rolled back to the previous pod template: ${this.result.rolledBack.join(', ')}` : 'nothing to roll back: no existing workload was changed');
    }
    this.fail(lines.join('\n'));
  }

  async run(): Promise<DeployResult> {
    const { plan, prune, rendered } = this.p;
    const started = new Date();
    if (plan.problems.length > 0) {
      this.fail(`nothing was written: the API server refused ${plan.problems.length} object(s):\n${plan.problems.map((p) => `  ${p.message}`).join('\n')}`);
    }
    if (this.p.secrets.generated.length > 0) this.log(`generated once (kept from now on): ${this.p.secrets.generated.join(', ')}`);
    const counts = countPlan(plan, prune);
    this.result.unchanged = counts.unchanged;
    this.log(`plan for ${rendered.environment} (namespace ${rendered.inventory.namespace}, ${this.p.desired.length} objects):`);
    for (const line of formatPlan(plan, prune)) this.log(line);
    const items = [...plan.items];
    const current = recordOf(this.p.desired, rendered.inventory.namespace);
    for (const phase of phaseOrder) {
      const inPhase = items.filter((i) => phaseOf(i.object) === phase);
      if (phase === 'config') {
        // The parent (a ConfigMap itself) records every group-kind, old and new, alongside the first
        // namespaced writes: an interrupted deploy still finds all members next time.
        const record = unionRecord(this.p.previousRecord, current);
        await Promise.all([this.writeParent(record, new Map([...this.p.context.recorded]), false), this.applyPhase(phase, inPhase)]);
      } else await this.applyPhase(phase, inPhase);
      if (phase === 'cluster') {
        items.push(...(await this.planDeferred()));
        continue;
      }
      if (this.settings.wait && waitedPhases.has(phase)) await this.waitPhase(inPhase);
    }
    if (this.settings.wait && this.result.wrote) await this.healthGate(started);
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
    const finalRecord = this.settings.prune ? current : unionRecord(this.p.previousRecord, current);
    await this.writeParent(finalRecord, fingerprints, this.result.wrote);
    this.log(this.summary());
    return this.result;
  }

  summary(): string {
    const r = this.result;
    if (!r.wrote) return `no changes: nothing written (${r.unchanged} objects unchanged)`;
    return `done: ${r.created.length} created, ${r.changed.length} changed, ${r.recreated.length} recreated, ${r.pruned.length} pruned, ${r.unchanged} unchanged`;
  }
}

export async function deploy(settings: DeploySettings, mask: SecretMask, log: (line: string) => void): Promise<DeployResult> {
  const prepared = await prepare(settings, mask);
  try {
    return await new Deployment(prepared, settings, log).run();
  } finally {
    prepared.client.close();
  }
}

export { hasChanges };
