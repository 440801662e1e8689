import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  EnvironmentLock,
  claimSizes,
  conflictMessage,
  countPlan,
  executePrune,
  expandClaims,
  fieldConflicts,
  formatPlan,
  isCrd,
  legacyManagerPatch,
  ownershipFingerprint,
  planObjects,
  prepareOpened,
  rotationJob,
  runRotation,
  takesOver,
  waitEstablished,
  waitForWorkloads
} from "./chunk-J7OGU2WJ.js";
import {
  openedFrom,
  startEnvironment
} from "./chunk-J3WNSU2D.js";
import {
  fingerprintsKey,
  healthyTemplatesKey,
  isWaitable,
  phaseOf,
  phaseOrder,
  readHealthyTemplates
} from "./chunk-K4N6FAJZ.js";
import {
  deleteObject,
  getObject,
  jsonPatch,
  serverSideApply,
  waitUntilGone
} from "./chunk-4B2IDAP7.js";
import {
  Discovery
} from "./chunk-I3JNE5F2.js";
import {
  clone,
  compareText,
  containerStatusesOf,
  count,
  describeObject,
  isRecord,
  objectKey,
  parentObject,
  partOfLabel,
  podSpecOf,
  podTemplateOf,
  readRecord,
  recordOf,
  recordsIn,
  sameRecord,
  specOf,
  stableJson,
  stampRevision,
  textAt,
  unionRecord
} from "./chunk-PRALPFIX.js";
import {
  KubeApiError,
  isNotFound
} from "./chunk-R3FHXGE5.js";
import {
  CommandFailure
} from "./chunk-VGK45RJW.js";

// src/deploy/diagnostics.ts
var maxPods = 3;
async function eventsOf(client, namespace, kind, name) {
  const ns = encodeURIComponent(namespace ?? "default");
  const list = await client.request("GET", `/api/v1/namespaces/${ns}/events`, {
    query: { fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` }
  });
  const when = (e) => e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? "";
  return (list.items ?? []).sort((a, b) => compareText(when(a), when(b))).slice(-10).map((e) => `${e.type ?? ""} ${e.reason ?? ""}${e.count && e.count > 1 ? ` (x${e.count})` : ""}: ${e.message ?? ""}`.trim());
}
async function containerLog(client, pod, container, lines) {
  const ns = encodeURIComponent(pod.metadata.namespace ?? "default");
  const path = `/api/v1/namespaces/${ns}/pods/${encodeURIComponent(pod.metadata.name)}/log`;
  const previous = (container.restartCount ?? 0) > 0;
  try {
    const text = await client.requestText("GET", path, { query: { container: container.name, tailLines: lines, previous } });
    const out = text.split("\n").filter((l) => l.length > 0);
    return out.length > 0 ? out : ["(no log lines)"];
  } catch (error) {
    if (error instanceof KubeApiError) return [`(logs unavailable: ${error.message})`];
    throw error;
  }
}
async function claimEvents(client, pod) {
  const claims = recordsIn(podSpecOf(pod)?.volumes).map((v) => isRecord(v.persistentVolumeClaim) ? v.persistentVolumeClaim.claimName : void 0).filter((c) => typeof c === "string");
  const out = [];
  for (const claim of claims) {
    const events = await eventsOf(client, pod.metadata.namespace, "PersistentVolumeClaim", claim).catch(() => []);
    if (events.length > 0) out.push(`    events of its PersistentVolumeClaim ${claim}:`, ...events.map((e) => `      ${e}`));
  }
  return out;
}
async function describePods(client, pods, logLines = 20) {
  const out = [];
  for (const pod of pods.slice(0, maxPods)) {
    out.push(`  pod ${pod.metadata.namespace}/${pod.metadata.name}:`);
    const events = await eventsOf(client, pod.metadata.namespace, "Pod", pod.metadata.name).catch((e) => [`(events unavailable: ${e.message})`]);
    out.push("    events:", ...(events.length > 0 ? events : ["(none)"]).map((e) => `      ${e}`));
    out.push(...await claimEvents(client, pod));
    const containers = containerStatusesOf(pod).map((c) => ({ name: String(c.name), restartCount: count(c.restartCount) }));
    for (const container of containers) {
      const log = await containerLog(client, pod, container, logLines);
      out.push(`    logs of ${container.name}${(container.restartCount ?? 0) > 0 ? " (previous run)" : ""}:`, ...log.map((l) => `      ${l}`));
    }
  }
  if (pods.length > maxPods) out.push(`  (${pods.length - maxPods} more pods not shown)`);
  return out;
}

// src/deploy/execute.ts
async function writeOne(client, item, options) {
  const name = describeObject(item.object);
  if (item.action === "recreate" && item.recreate) {
    const policy = item.recreate.strategy === "orphan-and-create" ? "Orphan" : "Background";
    options.onWrite(`recreate ${name} (delete with ${policy.toLowerCase()} propagation, then create): ${item.recreate.reason}`);
    await deleteObject(client, item.info, item.object, policy);
    if (!await waitUntilGone(client, item.info, item.object, 6e4)) throw new CommandFailure(`${name}: still being deleted after 60 s; not recreated`);
  }
  const legacy = item.live && item.action !== "recreate" ? legacyManagerPatch(item.live, options.fieldManager) : void 0;
  if (legacy) await jsonPatch(client, item.info, item.object, legacy);
  try {
    const result = await serverSideApply(client, item.info, item.object, { fieldManager: options.fieldManager, force: options.force || takesOver(item.object), dryRun: false, metadataOnly: true });
    if (item.action !== "recreate") options.onWrite(`${item.action === "create" ? "created" : "changed"} ${name}`);
    return result;
  } catch (error) {
    const conflicts = fieldConflicts(error);
    if (conflicts) throw new CommandFailure(conflictMessage(item.object, conflicts));
    if (error instanceof KubeApiError) throw new CommandFailure(`${name}: the API server refused the write: ${error.message}`);
    throw error;
  }
}
async function writePhase(client, items, options) {
  const writes = items.filter((i) => i.action !== "unchanged");
  const results = await Promise.allSettled(writes.map((i) => writeOne(client, i, options)));
  const out = /* @__PURE__ */ new Map();
  const failures = [];
  results.forEach((r, i) => r.status === "fulfilled" ? out.set(writes[i], r.value) : failures.push(r.reason));
  if (failures.length > 0) {
    if (failures.length === 1) throw failures[0];
    throw new CommandFailure(failures.map((f) => f instanceof Error ? f.message : String(f)).join("\n"));
  }
  return out;
}

// src/deploy/rollback.ts
var rollable = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "DaemonSet"]);
function isRollable(object) {
  return rollable.has(object.kind);
}
function rollbackCandidates(written) {
  return written.filter((i) => i.action === "change" && isRollable(i.object) && i.live !== void 0);
}
async function rollBack(client, items, fieldManager, healthy) {
  await Promise.all(
    items.map((item) => {
      const previous = healthy.get(objectKey(item.object)) ?? (item.live ? podTemplateOf(item.live) : void 0);
      const body = clone(item.object);
      body.spec = { ...specOf(body), template: previous };
      return serverSideApply(client, item.info, body, { fieldManager, force: true, dryRun: false, metadataOnly: true });
    })
  );
  return items.map((i) => describeObject(i.object));
}

// src/deploy/claim-events.ts
async function claimEvents2(client, namespace, name) {
  const list = await client.request("GET", `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`, {
    query: { fieldSelector: `involvedObject.kind=PersistentVolumeClaim,involvedObject.name=${name}` }
  });
  const when = (e) => e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? "";
  return (list.items ?? []).sort((a, b) => compareText(when(a), when(b))).slice(-5).map((e) => `${e.type ?? ""} ${e.reason ?? ""}${e.count && e.count > 1 ? ` (x${e.count})` : ""}: ${e.message ?? ""}`.trim());
}
async function pendingClaimEvents(client, namespace) {
  try {
    const list = await client.request("GET", `/api/v1/namespaces/${encodeURIComponent(namespace)}/persistentvolumeclaims`);
    const pending = (list.items ?? []).filter((c) => textAt(c.status, "phase") === "Pending");
    const out = [];
    for (const claim of pending) {
      const events = await claimEvents2(client, namespace, claim.metadata.name);
      const storageClass = textAt(claim.spec, "storageClassName") ?? "(default)";
      out.push(`  PersistentVolumeClaim ${namespace}/${claim.metadata.name} is Pending (StorageClass ${storageClass}):`, ...(events.length > 0 ? events : ["(no events)"]).map((e) => `    ${e}`));
    }
    return out;
  } catch (error) {
    return [`  (claims unavailable: ${error instanceof Error ? error.message : String(error)})`];
  }
}

// src/deploy/health-gate.ts
var service = "airflow-api-server";
var port = "airflow-ui";
var adminSecret = "airflow-admin";
function describeImportError(error) {
  const lines = error.stack_trace.trim().split("\n");
  const message = lines.filter((l) => l.trim().length > 0 && !/^\s/.test(l)).pop() ?? lines.pop() ?? "";
  const base = error.filename.split("/").pop() ?? error.filename;
  let line;
  for (const l of lines) {
    const frame = /File "([^"]+)", line (\d+)/.exec(l);
    if (frame?.[1]?.endsWith(base)) line = frame[2];
  }
  return `${error.filename}${line ? `:${line}` : ""}: ${message.trim()}`;
}
function apiServerNamespace(desired) {
  const found = desired.find((o) => o.kind === "Service" && o.metadata.name === service);
  return found?.metadata.namespace;
}
var AirflowApi = class {
  client;
  base;
  cookie = "";
  constructor(client, namespace) {
    this.client = client;
    this.base = `/api/v1/namespaces/${namespace}/services/${service}:${port}/proxy`;
  }
  async login(password) {
    const answer = await this.client.request("POST", `${this.base}/auth/token`, { body: { username: "admin", password } });
    this.cookie = `_token=${answer.access_token}`;
  }
  get(path) {
    return this.client.request("GET", `${this.base}${path}`, { headers: { cookie: this.cookie } });
  }
};
async function adminPassword(client, namespace) {
  try {
    const secret = await client.request("GET", `/api/v1/namespaces/${namespace}/secrets/${adminSecret}`);
    const value = secret.data?.password;
    return value ? Buffer.from(value, "base64").toString("utf8") : void 0;
  } catch (error) {
    if (isNotFound(error)) return void 0;
    throw error;
  }
}
async function round(api, since) {
  const health = await api.get("/api/v2/monitor/health");
  const unhealthy = Object.entries(health).filter(([, v]) => v?.status !== "healthy").map(([k, v]) => `${k}: ${v?.status ?? "unknown"}`);
  const found = await api.get("/api/v2/importErrors?limit=1000");
  const errors = found.import_errors.filter((e) => new Date(e.timestamp) >= since);
  const dags = await api.get("/api/v2/dags?limit=1000&exclude_stale=true");
  const reparsed = dags.dags.length > 0 && dags.dags.every((d) => d.last_parsed_time && new Date(d.last_parsed_time) >= since);
  return { unhealthy, errors, reparsed };
}
async function airflowHealthGate(client, desired, since, timeoutMs, log) {
  const namespace = apiServerNamespace(desired);
  if (!namespace) return void 0;
  const password = await adminPassword(client, namespace);
  if (!password) {
    log(`health gate skipped: no Secret ${namespace}/${adminSecret} to log in with`);
    return void 0;
  }
  const api = new AirflowApi(client, namespace);
  const deadline = Date.now() + timeoutMs;
  let last;
  let lastError = "";
  while (Date.now() < deadline) {
    try {
      await api.login(password);
      last = await round(api, since);
      if (last.errors.length > 0) {
        return `Airflow reports ${last.errors.length} import error(s) in the deployed DAGs:
${last.errors.map((e) => `  ${describeImportError(e)}`).join("\n")}`;
      }
      if (last.unhealthy.length === 0 && last.reparsed) {
        log("healthy: Airflow reports every component healthy and no import error");
        return void 0;
      }
    } catch (error) {
      lastError = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 2e3));
  }
  if (!last) return `Airflow's API did not answer through the service proxy within ${timeoutMs / 1e3} s: ${lastError}`;
  if (last.unhealthy.length > 0) return `Airflow is not healthy after ${timeoutMs / 1e3} s: ${last.unhealthy.join(", ")}`;
  log("healthy: every component healthy and no import error, though not every DAG was parsed again in time");
  return void 0;
}

// src/deploy/deploy.ts
var DeployFailure = class extends CommandFailure {
  name = "DeployFailure";
  result;
  constructor(message, result) {
    super(message);
    this.result = result;
  }
};
var waitedPhases = /* @__PURE__ */ new Set(["databases", "migration", "workloads"]);
var Deployment = class {
  p;
  settings;
  log;
  result;
  written = [];
  after = /* @__PURE__ */ new Map();
  /** Pod templates each workload was last Ready with, as the parent recorded them. */
  healthy;
  /** The parent as last written, and the discovery as last loaded (again after new CRDs). */
  parent;
  discovery;
  constructor(p, settings, log) {
    this.p = p;
    this.settings = settings;
    this.log = log;
    this.parent = p.parent;
    this.healthy = readHealthyTemplates(p.parent);
    this.discovery = p.discovery;
    this.result = {
      environment: settings.environment,
      namespace: p.rendered.inventory.namespace,
      created: [],
      changed: [],
      recreated: [],
      unchanged: 0,
      pruned: [],
      keptFromPrune: [],
      generatedSecrets: p.secrets.generated,
      ready: [],
      rolledBack: [],
      warnings: [],
      wrote: false
    };
  }
  fail(message) {
    throw new DeployFailure(message, this.result);
  }
  async writeParent(record, fingerprints, healthy, stamp) {
    const { client, rendered } = this.p;
    const { discovery, parent } = this;
    const labels = Object.fromEntries(Object.entries(rendered.labels).filter(([k]) => k !== partOfLabel));
    let object = parentObject(rendered.inventory, record, labels);
    const data = { [fingerprintsKey]: stableJson(Object.fromEntries([...fingerprints].sort())) };
    if (healthy.size > 0) data[healthyTemplatesKey] = stableJson(Object.fromEntries([...healthy].sort()));
    object.data = data;
    if (parent && !stamp && sameRecord(record, readRecord(parent)) && stableJson(parent.data ?? {}) === stableJson(object.data)) return;
    object = stamp ? stampRevision(object, this.settings.revision) : object;
    const info = discovery.find(object);
    if (!info) throw new Error("the cluster serves no ConfigMaps");
    this.parent = await serverSideApply(client, info, object, { fieldManager: this.settings.fieldManager, force: true, dryRun: false });
    this.result.wrote = true;
  }
  async applyPhase(phase, items) {
    await expandClaims(this.p.client, this.p.discovery, this.p.resizes, items, this.log);
    const results = await writePhase(this.p.client, items, { fieldManager: this.settings.fieldManager, force: this.settings.forceConflicts || this.settings.adopt, onWrite: this.log });
    for (const [item, live] of results) {
      this.after.set(objectKey(item.object), live);
      this.written.push(item);
      this.result.wrote = true;
      const name = describeObject(item.object);
      (item.action === "create" ? this.result.created : item.action === "change" ? this.result.changed : this.result.recreated).push(name);
    }
    if (phase === "cluster") {
      const crds = [...results.keys()].filter((i) => isCrd(i.object)).map((i) => i.object.metadata.name);
      if (crds.length > 0) await waitEstablished(this.p.client, crds, 6e4);
    }
  }
  /** Objects that needed this render's namespaces or CRDs: checked now, before anything else is written. */
  async planDeferred() {
    const { plan } = this.p;
    if (plan.deferred.length === 0) return [];
    if (this.written.some((i) => isCrd(i.object))) this.discovery = await Discovery.load(this.p.client);
    const existingNamespaces = /* @__PURE__ */ new Set([...this.p.context.existingNamespaces, ...this.p.context.renderedNamespaces]);
    const context = { ...this.p.context, discovery: this.discovery, existingNamespaces };
    const later = await planObjects(plan.deferred, context);
    const still = later.deferred.map((o) => ({ object: describeObject(o), message: `${describeObject(o)}: still not servable after its namespace/CRD was created` }));
    const problems = [...later.problems, ...still];
    if (problems.length > 0) {
      this.fail(`the API server refused objects; only the namespaces/CRDs they need were written (${this.result.created.join(", ") || "none"}):
${problems.map((p) => `  ${p.message}`).join("\n")}`);
    }
    return later.items;
  }
  async waitPhase(items) {
    const targets = items.filter((i) => isWaitable(i.object)).map((i) => {
      const live = this.after.get(objectKey(i.object)) ?? i.live ?? i.object;
      return { object: live, info: i.info, generation: Number(live.metadata.generation ?? 0) };
    });
    if (targets.length === 0) return;
    const outcome = await waitForWorkloads(this.p.client, this.discovery, targets, this.settings.timeoutSeconds * 1e3, (name) => this.log(`ready ${name}`));
    this.result.ready.push(...outcome.ready.filter((n) => !this.result.ready.includes(n)));
    if (outcome.state === "ready") return;
    const lines = [];
    if (outcome.state === "failed") {
      lines.push(`${outcome.object} failed: ${outcome.message}`, ...await describePods(this.p.client, outcome.pods));
    } else {
      lines.push(`timed out after ${this.settings.timeoutSeconds} s waiting for:`);
      for (const p of outcome.pending) lines.push(`  ${p.object}: ${p.message}`, ...await describePods(this.p.client, p.pods));
    }
    lines.push(...await pendingClaimEvents(this.p.client, this.p.rendered.inventory.namespace));
    if (this.settings.rollback) {
      const candidates = rollbackCandidates(this.written);
      this.result.rolledBack = await rollBack(this.p.client, candidates, this.settings.fieldManager, this.healthy);
      lines.push(candidates.length > 0 ? `rolled back to the last healthy pod template: ${this.result.rolledBack.join(", ")}` : "nothing to roll back: no existing workload was changed");
    }
    this.fail(lines.join("\n"));
  }
  /** Airflow's own verdict after the rollout (health-gate.ts); fails the deploy like a failed rollout. */
  async healthGate(since) {
    const timeoutMs = Math.min(this.settings.timeoutSeconds, 180) * 1e3;
    const problem = await airflowHealthGate(this.p.client, this.p.desired, since, timeoutMs, this.log);
    if (!problem) return;
    const lines = [problem];
    if (this.settings.rollback) {
      const candidates = rollbackCandidates(this.written);
      this.result.rolledBack = await rollBack(this.p.client, candidates, this.settings.fieldManager, this.healthy);
      lines.push(candidates.length > 0 ? `rolled back to the last healthy pod template: ${this.result.rolledBack.join(", ")}` : "nothing to roll back: no existing workload was changed");
    }
    this.fail(lines.join("\n"));
  }
  async run() {
    const { plan, prune, rendered } = this.p;
    const started = /* @__PURE__ */ new Date();
    if (plan.problems.length > 0) {
      this.fail(`nothing was written: ${plan.refusedBy ?? "the API server"} refused ${plan.problems.length} object(s):
${plan.problems.map((p) => `  ${p.message}`).join("\n")}`);
    }
    if (this.p.secrets.generated.length > 0) this.log(`generated once (kept from now on): ${this.p.secrets.generated.join(", ")}`);
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
      if (!recorded && (phase !== "cluster" || this.p.context.existingNamespaces.has(rendered.inventory.namespace))) {
        await this.writeParent(unionRecord(this.p.previousRecord, current), new Map([...this.p.context.recorded]), this.healthy, false);
        recorded = true;
      }
      await this.applyPhase(phase, inPhase);
      if (phase === "cluster") {
        items.push(...await this.planDeferred());
        continue;
      }
      if (this.settings.wait && waitedPhases.has(phase)) await this.waitPhase(inPhase);
    }
    if (this.settings.wait && this.settings.healthGate && this.result.wrote) await this.healthGate(started);
    await this.rotateFernetKey();
    if (this.settings.prune && prune.remove.length > 0) {
      for (const m of prune.remove) this.log(`pruning ${describeObject(m.object)}`);
      this.result.pruned = await executePrune(this.p.client, prune.remove);
      this.result.wrote = true;
    }
    this.result.keptFromPrune = prune.keep.map((k) => describeObject(k.member.object));
    const fingerprints = /* @__PURE__ */ new Map();
    for (const item of items) {
      const live = this.after.get(objectKey(item.object)) ?? item.live;
      const fingerprint = live ? ownershipFingerprint(live, this.settings.fieldManager) : void 0;
      if (fingerprint) fingerprints.set(objectKey(item.object), fingerprint);
    }
    const kept = recordOf(prune.keep.map((k) => k.member.object), rendered.inventory.namespace);
    const finalRecord = this.settings.prune ? unionRecord(current, kept) : unionRecord(this.p.previousRecord, current);
    await this.writeParent(finalRecord, fingerprints, this.healthyAfter(items), this.result.wrote);
    for (const line of await claimSizes(this.p.client, this.p.discovery, this.p.resizes, 3e4)) this.log(line);
    this.log(this.summary());
    return this.result;
  }
  /** After the workloads run with the new key first: re-encrypt what is stored (fernet-rotation.ts). */
  async rotateFernetKey() {
    const { fernetRotation, droppedFernetKeys } = this.p.secrets;
    if (droppedFernetKeys > 0) this.log(`the Fernet key rotation completed: dropped ${droppedFernetKeys} old key(s) from the key list`);
    if (fernetRotation === void 0) return;
    const job = rotationJob(this.p.desired, fernetRotation.secret, fernetRotation.tag);
    try {
      await runRotation(this.p.client, this.p.discovery, job, { fieldManager: this.settings.fieldManager, timeoutSeconds: this.settings.timeoutSeconds }, this.log);
      this.result.wrote = true;
      this.log("the old Fernet key stays in the list until the next deploy, which drops it");
    } catch (error) {
      this.result.wrote = true;
      this.fail(error instanceof Error ? error.message : String(error));
    }
  }
  /** Every workload waited for is Ready now: its template is the one to roll back to next time. */
  healthyAfter(items) {
    if (!this.settings.wait) return this.healthy;
    const healthy = new Map(this.healthy);
    const waited = new Set(items.map((i) => objectKey(i.object)));
    for (const object of this.p.desired) {
      const template = isRollable(object) && waited.has(objectKey(object)) ? podTemplateOf(object) : void 0;
      if (template) healthy.set(objectKey(object), template);
    }
    return healthy;
  }
  summary() {
    const r = this.result;
    const warned = r.warnings.length > 0 ? `; ${r.warnings.length} warning(s) from the API server, shown with the plan` : "";
    if (!r.wrote) return `no changes: nothing written (${r.unchanged} objects unchanged)${warned}`;
    return `done: ${r.created.length} created, ${r.changed.length} changed, ${r.recreated.length} recreated, ${r.pruned.length} pruned, ${r.unchanged} unchanged${warned}`;
  }
};
async function namespaceExists(started) {
  const info = { group: "", version: "v1", plural: "namespaces", namespaced: false, kind: "Namespace" };
  return await getObject(started.client, info, { metadata: { name: started.rendered.inventory.namespace } }) !== void 0;
}
var lockDurationSeconds = 60;
async function lockEnvironment(settings, started, log) {
  return EnvironmentLock.acquire(started.client, {
    environment: settings.environment,
    namespace: started.rendered.inventory.namespace,
    namespaceExists: namespaceExists(started),
    runUrl: settings.revision.runUrl,
    steal: settings.stealLock,
    waitMs: settings.timeoutSeconds * 1e3,
    durationSeconds: lockDurationSeconds,
    log
  });
}
async function deploy(settings, mask, log, starting) {
  const started = await (starting ?? startEnvironment(settings));
  try {
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

export {
  DeployFailure,
  lockDurationSeconds,
  deploy
};
