import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  openEnvironment
} from "./chunk-J3WNSU2D.js";
import {
  listMembers,
  listRemainingMembers,
  phaseOf,
  phaseOrder,
  readFingerprints,
  readParent
} from "./chunk-K4N6FAJZ.js";
import {
  nextOrigin,
  originAnnotation,
  originText,
  readOrigins,
  referencedSecrets,
  secretCatalog
} from "./chunk-BKWCNDSE.js";
import {
  deleteObject,
  dryRunCreateAsNew,
  getObject,
  listObjects,
  serverSideApply,
  waitUntilGone
} from "./chunk-4B2IDAP7.js";
import {
  apiVersionOf,
  collectionPath,
  objectPath
} from "./chunk-I3JNE5F2.js";
import {
  checkParentTooling,
  clone,
  commitAnnotation,
  compareText,
  conditionsOf,
  configHash,
  configHashAnnotation,
  containerStatusesOf,
  count,
  describeObject,
  environmentLabel,
  fieldAt,
  groupKind,
  isRecord,
  listAt,
  managedByLabel,
  managedByValue,
  objectKey,
  partOfLabel,
  readRecord,
  recordAt,
  recordOf,
  recordsIn,
  runUrlAnnotation,
  specOf,
  stableJson,
  stampRevision,
  statusOf,
  text,
  textAt,
  unionRecord
} from "./chunk-PRALPFIX.js";
import {
  defaultFieldManager
} from "./chunk-WZ76NZZT.js";
import {
  KubeApiError,
  isNotFound,
  pollUntil,
  redacted
} from "./chunk-R3FHXGE5.js";
import {
  require_dist
} from "./chunk-CT3SYMP3.js";
import {
  CommandFailure,
  UsageError
} from "./chunk-VGK45RJW.js";
import {
  __toESM
} from "./chunk-XNDQ27F5.js";

// src/deploy/crds.ts
function isCrd(object) {
  return object.kind === "CustomResourceDefinition" && object.apiVersion.startsWith("apiextensions.k8s.io/");
}
function renderedGroupKinds(objects) {
  return new Set(
    objects.filter(isCrd).map((o) => {
      const spec = specOf(o);
      const kind = isRecord(spec.names) ? spec.names.kind : void 0;
      return `${String(kind)}.${String(spec.group)}`;
    })
  );
}
async function waitEstablished(client, names, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (const name of names) {
    const established = async () => {
      const crd = await client.request("GET", `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${encodeURIComponent(name)}`);
      return conditionsOf(crd).some((c) => c.type === "Established" && c.status === "True") ? true : void 0;
    };
    const ok = await pollUntil(established, { timeoutMs: Math.max(0, deadline - Date.now()), intervalMs: 200 });
    if (!ok) throw new CommandFailure(`CustomResourceDefinition ${name} is not Established after ${timeoutMs / 1e3} s`);
  }
}

// src/deploy/ownership.ts
import { createHash } from "node:crypto";
function entries(object) {
  return object.metadata.managedFields ?? [];
}
function ownershipFingerprint(live, fieldManager) {
  const entry = entries(live).find((e) => e.manager === fieldManager && e.operation === "Apply" && !e.subresource);
  if (entry === void 0) return void 0;
  return createHash("sha256").update(stableJson({ apiVersion: entry.apiVersion, fields: entry.fieldsV1 })).digest("hex").slice(0, 32);
}
function unchangedSinceLastApply(desired, live, recorded, fieldManager) {
  const hash = desired.metadata.annotations?.[configHashAnnotation];
  if (hash === void 0 || live.metadata.annotations?.[configHashAnnotation] !== hash) return false;
  if (live.metadata.deletionTimestamp !== void 0) return false;
  const fingerprint = ownershipFingerprint(live, fieldManager);
  return fingerprint !== void 0 && fingerprint === recorded;
}
function sameObject(live, predicted) {
  const withoutTimes = (o) => stableJson({ ...o, metadata: { ...o.metadata, managedFields: entries(o).map(({ time: _time, ...rest }) => rest) } });
  return withoutTimes(live) === withoutTimes(predicted);
}
function foreignOwner(live, own) {
  const partOf = live.metadata.labels?.[partOfLabel];
  if (partOf !== void 0 && partOf !== own.inventoryId) {
    const environment = live.metadata.labels?.[environmentLabel];
    return environment ? `environment '${environment}' (its ${partOfLabel} label)` : `another ApplySet (${partOfLabel}: ${partOf})`;
  }
  const other = entries(live).find((e) => e.operation === "Apply" && e.manager !== own.fieldManager && e.manager?.startsWith(`${defaultFieldManager}-`));
  return other ? `field manager "${other.manager}" of another environment` : void 0;
}
function legacyManagerPatch(live, fieldManager) {
  const all = entries(live);
  if (fieldManager === defaultFieldManager || all.some((e) => e.manager === fieldManager && e.operation === "Apply")) return void 0;
  const index = all.findIndex((e) => e.manager === defaultFieldManager && e.operation === "Apply" && !e.subresource);
  if (index < 0) return void 0;
  const path = `/metadata/managedFields/${index}/manager`;
  return [
    { op: "test", path, value: defaultFieldManager },
    { op: "replace", path, value: fieldManager }
  ];
}

// src/deploy/conflicts.ts
function fieldConflicts(error) {
  if (!(error instanceof KubeApiError) || error.status !== 409) return void 0;
  const conflicts = error.causes.filter((c) => c.reason === "FieldManagerConflict").map((c) => ({ manager: /conflict with "([^"]*)"/.exec(c.message ?? "")?.[1] ?? "another field manager", field: c.field ?? "(unknown field)" }));
  return conflicts.length > 0 ? conflicts : void 0;
}
function conflictMessage(object, conflicts) {
  const byManager = /* @__PURE__ */ new Map();
  for (const c of conflicts) byManager.set(c.manager, [...byManager.get(c.manager) ?? [], c.field]);
  const owners = [...byManager.entries()].map(([manager, fields]) => `field manager "${manager}" owns ${fields.join(", ")}`);
  return `${describeObject(object)}: ${owners.join("; ")}. Another tool or a person changed these fields; rerun with --force-conflicts to take them over`;
}

// src/deploy/field-diff.ts
var serverMetadata = ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink"];
var serverAnnotations = ["deployment.kubernetes.io/revision", "kubectl.kubernetes.io/last-applied-configuration", configHashAnnotation];
function without(record, keys) {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
}
function stripServerFields(object) {
  const copy = clone(object);
  delete copy.status;
  copy.metadata = without(copy.metadata, serverMetadata);
  if (copy.metadata.annotations) {
    const annotations = without(copy.metadata.annotations, serverAnnotations);
    if (Object.keys(annotations).length === 0) delete copy.metadata.annotations;
    else copy.metadata.annotations = annotations;
  }
  return copy;
}
function namedItems(list) {
  const map = /* @__PURE__ */ new Map();
  for (const item of list) {
    if (!isRecord(item) || typeof item.name !== "string" || map.has(item.name)) return void 0;
    map.set(item.name, item);
  }
  return map;
}
function walk(before, after, path, out) {
  if (isRecord(before) && isRecord(after)) {
    for (const key of /* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)])) {
      walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const b = namedItems(before);
    const a = namedItems(after);
    if (b && a) {
      for (const name of /* @__PURE__ */ new Set([...b.keys(), ...a.keys()])) walk(b.get(name), a.get(name), `${path}[name=${name}]`, out);
      return;
    }
    if (before.length === after.length) {
      before.forEach((item, i) => walk(item, after[i], `${path}[${i}]`, out));
      return;
    }
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (before === void 0) out.push({ path, op: "add", after });
  else if (after === void 0) out.push({ path, op: "remove", before });
  else out.push({ path, op: "change", before, after });
}
function hideSecretValues(value, path) {
  if (value === void 0) return void 0;
  if (/^(data|stringData)(\.|$)/.test(path)) {
    return path.includes(".") || !isRecord(value) ? redacted : Object.fromEntries(Object.keys(value).map((key) => [key, redacted]));
  }
  if (path === "" && isRecord(value)) {
    const copy = { ...value };
    for (const field2 of ["data", "stringData"]) if (copy[field2] !== void 0) copy[field2] = hideSecretValues(copy[field2], field2);
    return copy;
  }
  return value;
}
function hideSecretValue(change) {
  const hidden = { path: change.path, op: change.op };
  if (change.before !== void 0) hidden.before = hideSecretValues(change.before, change.path);
  if (change.after !== void 0) hidden.after = hideSecretValues(change.after, change.path);
  return hidden;
}
function diffFields(live, desired) {
  const out = [];
  walk(live ? stripServerFields(live) : void 0, stripServerFields(desired), "", out);
  return desired.kind === "Secret" ? out.map(hideSecretValue) : out;
}
function show(value) {
  const text2 = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? "null";
  return text2.length > 160 ? `${text2.slice(0, 157)}...` : text2;
}
function multiline(value) {
  return typeof value === "string" && value.includes("\n") ? value.split("\n") : void 0;
}
function lineDiff(before, after) {
  const n = before.length;
  const m = after.length;
  if (n * m > 4e6) return [`- (${n} lines)`, `+ (${m} lines)`];
  const lcs = new Int32Array((n + 1) * (m + 1));
  const at = (i2, j2) => lcs[i2 * (m + 1) + j2] ?? 0;
  for (let i2 = n - 1; i2 >= 0; i2--) {
    for (let j2 = m - 1; j2 >= 0; j2--) {
      lcs[i2 * (m + 1) + j2] = before[i2] === after[j2] ? at(i2 + 1, j2 + 1) + 1 : Math.max(at(i2 + 1, j2), at(i2, j2 + 1));
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || at(i, j + 1) > at(i + 1, j))) out.push(`+ ${after[j++]}`);
    else out.push(`- ${before[i++]}`);
  }
  return out;
}
function formatChanges(changes, indent = "    ") {
  const lines = [];
  for (const c of changes) {
    const before = multiline(c.before);
    const after = multiline(c.after);
    if (c.op === "change" && before && after) {
      lines.push(`${indent}${c.path}:`, ...lineDiff(before, after).map((l) => `${indent}  ${l}`));
    } else if (c.op === "add") lines.push(`${indent}+ ${c.path}: ${show(c.after)}`);
    else if (c.op === "remove") lines.push(`${indent}- ${c.path}: ${show(c.before)}`);
    else lines.push(`${indent}~ ${c.path}: ${show(c.before)} -> ${show(c.after)}`);
  }
  return lines;
}
function projectOnto(live, desired) {
  if (isRecord(live) && isRecord(desired)) {
    return Object.fromEntries(Object.keys(desired).filter((k) => k in live).map((k) => [k, projectOnto(live[k], desired[k])]));
  }
  if (Array.isArray(live) && Array.isArray(desired)) {
    const byName = namedItems(live);
    return desired.map((item, i) => {
      const match = byName && isRecord(item) && typeof item.name === "string" ? byName.get(item.name) : live[i];
      return match === void 0 ? void 0 : projectOnto(match, item);
    }).filter((item) => item !== void 0);
  }
  return live;
}

// src/deploy/immutable.ts
function isImmutableError(error) {
  if (!(error instanceof KubeApiError) || error.status !== 422) return false;
  const texts = [error.message, ...error.causes.map((c) => c.message ?? "")];
  return texts.some((t) => /field is immutable|are forbidden/.test(t));
}
function isSubset(wanted, live) {
  if (wanted !== null && typeof wanted === "object" && !Array.isArray(wanted)) {
    if (live === null || typeof live !== "object" || Array.isArray(live)) return false;
    return Object.entries(wanted).every(([k, v]) => isSubset(v, live[k]));
  }
  if (Array.isArray(wanted)) return Array.isArray(live) && wanted.length === live.length && wanted.every((v, i) => isSubset(v, live[i]));
  return JSON.stringify(wanted) === JSON.stringify(live);
}
function claimTemplatesOf(object) {
  return recordsIn(specOf(object).volumeClaimTemplates).map((t) => {
    const spec = isRecord(t.spec) ? t.spec : void 0;
    const resources = isRecord(spec?.resources) ? spec.resources : {};
    const requests = isRecord(resources.requests) ? resources.requests : {};
    const name = isRecord(t.metadata) && typeof t.metadata.name === "string" ? t.metadata.name : "(unnamed)";
    return { name, spec, storage: requests.storage };
  });
}
function claimTemplateChanges(live, desired) {
  const liveTemplates = claimTemplatesOf(live);
  const wanted = claimTemplatesOf(desired);
  const changes = [];
  for (const template of wanted) {
    const name = template.name;
    const current = liveTemplates.find((t) => t.name === name);
    if (current === void 0) changes.push(`claim template '${name}' is new`);
    else if (!isSubset(template.spec, current.spec)) {
      const before = current.storage;
      const after = template.storage;
      changes.push(before !== after ? `claim template '${name}': storage ${String(before)} -> ${String(after)}` : `claim template '${name}': its spec changed`);
    }
  }
  for (const template of liveTemplates) {
    if (!wanted.some((t) => t.name === template.name)) changes.push(`claim template '${template.name}' was removed`);
  }
  return changes.length > 0 ? changes : void 0;
}
function judgeImmutable(error, live, desired, recreateStatefulSets) {
  if (!isImmutableError(error) || live === void 0) return void 0;
  const name = describeObject(desired);
  if (desired.kind === "Job") {
    return { recreate: { strategy: "delete-and-create", reason: `${name}: a Job's pod template cannot change in place, so the Job is deleted and created again` } };
  }
  if (desired.kind === "StatefulSet") {
    const changes = claimTemplateChanges(live, desired);
    if (changes === void 0) return void 0;
    const what = changes.join("; ");
    if (recreateStatefulSets) {
      return {
        recreate: {
          strategy: "orphan-and-create",
          reason: `${name}: ${what}; recreating the StatefulSet with orphan deletion (its pods and PVCs stay and are adopted). Existing PVCs keep their size: expand them separately if the storage class allows it`
        }
      };
    }
    return {
      problem: `${name}: ${what}. Kubernetes does not allow changing a StatefulSet's volumeClaimTemplates. Rerun with --recreate-statefulsets to delete the StatefulSet without deleting its pods or PVCs (orphan propagation) and create it again; existing PVCs keep their size: to grow them too, rerun with --resize-volumes (when their StorageClass allows volume expansion)`
    };
  }
  return void 0;
}

// src/secrets/external.ts
function targetName(object) {
  const spec = object.spec;
  if (typeof spec !== "object" || spec === null) return object.metadata.name;
  const target = spec.target;
  if (typeof target !== "object" || target === null) return object.metadata.name;
  const name = target.name;
  return typeof name === "string" && name.length > 0 ? name : object.metadata.name;
}
function externalSecretTargets(objects) {
  const targets = /* @__PURE__ */ new Set();
  for (const object of objects) {
    if (object.kind !== "ExternalSecret" || !object.apiVersion.startsWith("external-secrets.io/")) continue;
    const name = targetName(object);
    if (name !== void 0) targets.add(name);
  }
  return targets;
}

// src/secrets/fernet.ts
import { createHash as createHash2 } from "node:crypto";

// src/secrets/generate.ts
import { randomBytes } from "node:crypto";
function fernetKey() {
  return randomBytes(32).toString("base64url") + "=";
}
function randomToken() {
  return randomBytes(48).toString("base64url");
}
function isFernetKey(value) {
  if (!/^[A-Za-z0-9_-]{43}=$/.test(value)) return false;
  return Buffer.from(value, "base64url").length === 32;
}

// src/secrets/fernet.ts
function fernetKeys(value) {
  return value.split(",").map((k) => k.trim()).filter((k) => k.length > 0);
}
function keyTag(key) {
  return createHash2("sha256").update(`airflow-gitops fernet rotation
${key}`).digest("hex").slice(0, 16);
}
function rotateTo(newKey, liveKeys, source) {
  const keys = [newKey, ...liveKeys.filter((k) => k !== newKey)];
  return { value: keys.join(","), source, rotateTo: newKey };
}
async function decideFernet(input, variable, option) {
  const { live, given: given2, rotate } = input;
  if (live === void 0 || fernetKeys(live).length === 0) {
    if (given2 !== void 0) return { value: given2, source: "given" };
    return { value: fernetKey(), source: "generated" };
  }
  const liveKeys = fernetKeys(live);
  const current = liveKeys[0] ?? "";
  if (given2 !== void 0 && given2 !== current) {
    if (!rotate) {
      return {
        refused: `${variable} differs from the Fernet key this installation runs with: replacing it would leave every stored connection password and variable unreadable. To change it, rerun with ${option}: the new key goes first in the key list, \`airflow rotate-fernet-key\` re-encrypts what is stored, and a later deploy drops the old key`
      };
    }
    return rotateTo(given2, liveKeys, "given");
  }
  if (rotate && liveKeys.length === 1) return given2 !== void 0 ? { refused: `${option} needs a new key: ${variable} is the key already in use (leave it unset to generate one)` } : rotateTo(fernetKey(), liveKeys, "generated");
  if (liveKeys.length > 1) {
    if (rotate) return { value: live, source: "live", rotateTo: current };
    if (await input.rotationCompleted(current)) return { value: current, source: "live", dropped: liveKeys.length - 1 };
  }
  return { value: live, source: given2 !== void 0 ? "given" : "live" };
}

// src/secrets/desired.ts
var rotateFernetOption = "--rotate-fernet-key";
var lineFiles = /* @__PURE__ */ new Set(["AIRFLOW_GITOPS_GIT_SSH_KEY", "AIRFLOW_GITOPS_GIT_KNOWN_HOSTS"]);
function given(env, name) {
  const value = env[name];
  if (value === void 0 || value.trim().length === 0) return void 0;
  return lineFiles.has(name) ? `${value.replace(/\s+$/, "")}
` : value;
}
function validateGiven(spec, env) {
  const fernet = spec.keys["fernet-key"];
  const value = fernet ? given(env, fernet.env) : void 0;
  if (value !== void 0 && !isFernetKey(value)) {
    throw new UsageError(`${fernet?.env} is not a valid Fernet key (32 bytes, URL-safe base64, 44 characters ending in '=')`);
  }
}
async function valueOf(spec, key, source, live, input, plan) {
  const fromEnv = given(input.env, source.env);
  if (source.generate === "fernet") {
    const decision = await decideFernet(
      { live, given: fromEnv, rotate: input.rotateFernetKey === true, rotationCompleted: (k) => input.fernetRotationCompleted?.(keyTag(k)) ?? Promise.resolve(false) },
      source.env,
      rotateFernetOption
    );
    if ("refused" in decision) return { refused: `Secret ${input.namespace}/${spec.name}: ${decision.refused}` };
    for (const k of fernetKeys(decision.value)) input.mask.add(k);
    if (decision.rotateTo !== void 0) plan.fernetRotation = { secret: spec.name, tag: keyTag(decision.rotateTo) };
    plan.droppedFernetKeys += decision.dropped ?? 0;
    if (decision.source === "generated") plan.generated.push(`${spec.name}/${key}`);
    return { value: decision.value, source: decision.source };
  }
  if (fromEnv !== void 0) return { value: fromEnv, source: "given" };
  if (live !== void 0) return { value: live, source: "live" };
  if (source.generate) {
    plan.generated.push(`${spec.name}/${key}`);
    return { value: randomToken(), source: "generated" };
  }
  return { missing: true };
}
async function buildOne(spec, readers, input, plan) {
  const live = await input.readLive(spec.name);
  const liveData = live?.data ?? {};
  input.mask.addSecretData(liveData, true);
  const recorded = readOrigins(live);
  const madeHere = live !== void 0 && Object.entries(input.labels).every(([k, v]) => live.metadata.labels?.[k] === v);
  const now = (input.now ?? /* @__PURE__ */ new Date()).toISOString().replace(/\.\d+Z$/, "Z");
  const data = {};
  const origins = {};
  const missing = [];
  for (const [key, source] of Object.entries(spec.keys)) {
    const liveValue = liveData[key] !== void 0 ? Buffer.from(liveData[key], "base64").toString("utf8") : void 0;
    const outcome = await valueOf(spec, key, source, liveValue, input, plan);
    if ("refused" in outcome) {
      plan.problems.push(outcome.refused);
      return;
    }
    if ("missing" in outcome) {
      missing.push(`${key} (set ${source.env})`);
      continue;
    }
    input.mask.add(outcome.value);
    data[key] = Buffer.from(outcome.value).toString("base64");
    const origin = outcome.source === "live" ? "by hand" : outcome.source;
    origins[key] = nextOrigin(recorded[key], outcome.value !== liveValue, origin, live, now, madeHere && source.generate ? "generated" : "by hand");
  }
  if (missing.length > 0) {
    const name = `Secret ${input.namespace}/${spec.name}`;
    if (input.valuesAtDeploy) plan.atDeploy.push(spec.name);
    else plan.problems.push(`${name}${readers.length > 0 ? `, read by ${readers.join(", ")},` : ""} has no value for ${missing.join(", ")}`);
    return;
  }
  const type = typeof live?.type === "string" ? live.type : "Opaque";
  const metadata = { name: spec.name, namespace: input.namespace, labels: { ...input.labels }, annotations: { [originAnnotation]: originText(origins) } };
  plan.secrets.push({ apiVersion: "v1", kind: "Secret", metadata, type, data });
}
async function desiredSecrets(input) {
  const refs = referencedSecrets(input.rendered);
  const renderedSecrets = new Set(input.rendered.filter((o) => o.kind === "Secret").map((o) => o.metadata.name));
  for (const name of externalSecretTargets(input.rendered)) renderedSecrets.add(name);
  const plan = { secrets: [], generated: [], problems: [], atDeploy: [], droppedFernetKeys: 0 };
  const work = [];
  for (const spec of secretCatalog) {
    if (renderedSecrets.has(spec.name)) continue;
    validateGiven(spec, input.env);
    const readers = refs.get(`${input.namespace}/${spec.name}`) ?? [];
    const anyGiven = Object.values(spec.keys).some((k) => given(input.env, k.env) !== void 0);
    if (readers.length === 0 && !anyGiven) continue;
    work.push(buildOne(spec, readers, input, plan));
  }
  await Promise.all(work);
  const order = secretCatalog.flatMap((spec) => Object.keys(spec.keys).map((key) => `${spec.name}/${key}`));
  plan.generated.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return plan;
}
function takesOver(object) {
  return object.kind === "Secret" && object.apiVersion === "v1" && object.metadata.annotations?.[originAnnotation] !== void 0;
}

// src/deploy/plan.ts
function liveRevision(live) {
  const annotations = live?.metadata.annotations;
  if (annotations?.[commitAnnotation] === void 0 && annotations?.[runUrlAnnotation] === void 0) return void 0;
  return { commit: annotations?.[commitAnnotation], runUrl: annotations?.[runUrlAnnotation] };
}
function rejection(object, error) {
  if (!(error instanceof KubeApiError)) throw error;
  const fields = error.causes.filter((c) => c.field).map((c) => `${c.field}: ${c.message}`);
  const detail = fields.length > 0 && !error.message.includes(fields[0] ?? "") ? ` (${fields.join("; ")})` : "";
  return `${describeObject(object)}: rejected by the API server: ${error.message}${detail}`;
}
var standInNamespace = "default";
async function checkInStandIn(desired, info, ctx) {
  const moved = { ...desired, metadata: { ...desired.metadata, namespace: standInNamespace } };
  const object = stampRevision(desired, ctx.revision);
  try {
    await dryRunCreateAsNew(ctx.client, info, moved, ctx.fieldManager);
  } catch (error) {
    if (!(error instanceof KubeApiError) || error.status === 403) return { deferred: desired };
    return { problem: { object: describeObject(desired), message: rejection(desired, error) } };
  }
  return { item: { object, info, action: "create", changes: diffFields(void 0, object) } };
}
function prerequisite(desired, info, ctx) {
  const name = describeObject(desired);
  if (info === void 0) {
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
  return void 0;
}
async function planRecreate(desired, live, info, recreate, ctx) {
  const object = stampRevision(desired, ctx.revision);
  try {
    await dryRunCreateAsNew(ctx.client, info, object, ctx.fieldManager);
  } catch (error) {
    return { problem: { object: describeObject(desired), message: rejection(desired, error) } };
  }
  const before = { ...projectOnto(live, object), apiVersion: object.apiVersion, kind: object.kind };
  return { item: { object, info, live, action: "recreate", changes: diffFields(before, object), recreate } };
}
async function planOne(desired, ctx) {
  const info = ctx.discovery.find(desired);
  const blocked = prerequisite(desired, info, ctx);
  if (blocked !== void 0 && "standIn" in blocked && info) return checkInStandIn(blocked.standIn, info, ctx);
  if (blocked !== void 0 || info === void 0) return blocked;
  const listed = ctx.live.get(objectKey(desired));
  if (listed && !ctx.dryRunAll && unchangedSinceLastApply(desired, listed, ctx.recorded.get(objectKey(desired)), ctx.fieldManager)) {
    return { item: { object: listed, info, live: listed, action: "unchanged", changes: [] } };
  }
  const probe = stampRevision(desired, liveRevision(listed) ?? ctx.revision);
  const takeOver = ctx.adopt || takesOver(desired) || listed !== void 0 && legacyManagerPatch(listed, ctx.fieldManager) !== void 0;
  const warnings = [];
  const options = { fieldManager: ctx.fieldManager, force: ctx.forceConflicts || takeOver, dryRun: true, onWarning: (w) => warnings.push(w) };
  const [liveResult, dryResult] = await Promise.allSettled([
    listed ? Promise.resolve(listed) : getObject(ctx.client, info, desired),
    serverSideApply(ctx.client, info, probe, options)
  ]);
  if (liveResult.status === "rejected") throw liveResult.reason;
  const live = liveResult.value;
  const name = describeObject(desired);
  const owner = live && !listed && !ctx.adopt ? foreignOwner(live, { inventoryId: ctx.inventoryId, fieldManager: ctx.fieldManager }) : void 0;
  if (owner) {
    const message = `${name} already exists and belongs to ${owner}: not taken over. Remove it from this overlay, or deploy with --adopt to hand it to environment '${ctx.environment}'`;
    return { problem: { object: name, message } };
  }
  if (dryResult.status === "rejected") {
    const error = dryResult.reason;
    const conflicts = fieldConflicts(error);
    if (conflicts) return { problem: { object: name, message: conflictMessage(desired, conflicts) } };
    const verdict = judgeImmutable(error, live, desired, ctx.recreateStatefulSets);
    if (verdict && "problem" in verdict) return { problem: { object: name, message: verdict.problem } };
    if (verdict && live) return planRecreate(desired, live, info, verdict.recreate, ctx);
    return { problem: { object: name, message: rejection(desired, error) } };
  }
  const predicted = dryResult.value;
  if (live && sameObject(live, predicted)) return { item: { object: probe, info, live, action: "unchanged", changes: [] } };
  const object = stampRevision(desired, ctx.revision);
  return { item: { object, info, live, action: live ? "change" : "create", changes: diffFields(live, predicted), ...warnings.length > 0 ? { warnings } : {} } };
}
async function planObjects(objects, ctx) {
  const outcomes = await Promise.all(objects.map((o) => planOne(o, ctx)));
  const plan = { items: [], deferred: [], problems: [] };
  for (const outcome of outcomes) {
    if ("item" in outcome) plan.items.push(outcome.item);
    else if ("deferred" in outcome) plan.deferred.push(outcome.deferred);
    else if ("problem" in outcome) plan.problems.push(outcome.problem);
  }
  return plan;
}

// src/deploy/lock.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { hostname, userInfo } from "node:os";
var firstDeployLockNamespace = "default";
function lockName(environment) {
  return `airflow-gitops-${environment}`;
}
function leasePath(namespace, name) {
  return `/apis/coordination.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/leases${name ? `/${encodeURIComponent(name)}` : ""}`;
}
var microTime = (ms) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
function leaseSpec(lease) {
  return isRecord(lease.spec) ? lease.spec : {};
}
function heldBy(lease) {
  if (lease === void 0) return void 0;
  const spec = leaseSpec(lease);
  const holder = text(spec.holderIdentity);
  if (!holder) return void 0;
  const renewed = text(spec.renewTime) ?? text(spec.acquireTime) ?? "";
  const expires = (Date.parse(renewed) || 0) + 1e3 * (count(spec.leaseDurationSeconds) || 0);
  return { holder, acquired: text(spec.acquireTime) ?? renewed, renewed, expires };
}
function describeHeld(held, where) {
  return `held by ${held.holder} (Lease ${where}, taken ${held.acquired}, renewed ${held.renewed}, expires ${new Date(held.expires).toISOString()})`;
}
var EnvironmentLock = class _EnvironmentLock {
  holder;
  /** Where the Lease is: the environment's namespace, or `default` while that one does not exist. */
  namespace;
  client;
  options;
  version = "";
  renewer;
  renewing;
  /** The create started before the namespace was known to exist: the first attempt's outcome. */
  firstCreate;
  /** The first deploy's Lease, read at the same time: the first attempt's look at it. */
  firstRead;
  /** Deleting a Lease that create made in the environment's namespace after all, once the lock went to `default`. */
  stray = Promise.resolve();
  /** Set when another deploy took the lock over while this one held it. */
  lost = false;
  constructor(client, options) {
    this.client = client;
    this.options = options;
    this.namespace = options.namespace;
    const who = `${userInfo().username}@${hostname()} pid ${process.pid} ${randomBytes2(3).toString("hex")}`;
    this.holder = options.runUrl ? `${who} ${options.runUrl}` : who;
  }
  static async acquire(client, options) {
    const lock = new _EnvironmentLock(client, options);
    try {
      await lock.place();
      await lock.take();
    } catch (error) {
      await lock.stray;
      if (error instanceof KubeApiError && error.status === 403) {
        throw new CommandFailure(
          `cannot take the deploy lock of ${options.environment} (Lease ${lock.where}): ${error.message}. The deploying identity needs get, create, update and delete on leases.coordination.k8s.io in namespace ${lock.namespace}`
        );
      }
      throw error;
    }
    return lock;
  }
  get name() {
    return lockName(this.options.environment);
  }
  get where() {
    return `${this.namespace}/${this.name}`;
  }
  async read(namespace = this.namespace) {
    try {
      return await this.client.request("GET", leasePath(namespace, this.name));
    } catch (error) {
      if (isNotFound(error)) return void 0;
      throw error;
    }
  }
  body(previous, now) {
    const transitions = previous ? count(leaseSpec(previous).leaseTransitions) + 1 : 0;
    return {
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: {
        name: this.name,
        namespace: this.namespace,
        labels: { [managedByLabel]: managedByValue },
        ...previous ? { resourceVersion: previous.metadata.resourceVersion } : {}
      },
      spec: {
        holderIdentity: this.holder,
        leaseDurationSeconds: this.options.durationSeconds,
        acquireTime: microTime(now),
        renewTime: microTime(now),
        leaseTransitions: transitions
      }
    };
  }
  /**
   * Creates the Lease where none exists: one request in the usual case (the last holder deleted it).
   * True when taken, false when a Lease is already there (held, expired or released: `attempt` judges it).
   */
  async create() {
    const started = this.firstCreate;
    this.firstCreate = void 0;
    const created = await (started ?? this.post());
    if ("error" in created) throw created.error;
    if (created.version === void 0) return false;
    this.version = created.version;
    return true;
  }
  async post() {
    try {
      const written = await this.client.request("POST", leasePath(this.namespace), { body: this.body(void 0, Date.now()) });
      return { version: String(written.metadata.resourceVersion ?? "") };
    } catch (error) {
      return error instanceof KubeApiError && error.status === 409 ? { version: void 0 } : { error };
    }
  }
  /**
   * Where the Lease goes, decided while it is already being created in the environment's namespace:
   * one round trip when that namespace exists. When it does not (a first deploy), the Lease goes to
   * `default` at once: a create in a missing namespace is answered only after the API server's
   * namespace admission has waited (about 55 ms). Should the namespace have appeared meanwhile, the
   * Lease made there is deleted again.
   */
  async place() {
    const created = this.post();
    const firstRead = this.namespace === firstDeployLockNamespace ? void 0 : this.read(firstDeployLockNamespace).catch(() => void 0);
    let exists = false;
    try {
      exists = await this.options.namespaceExists;
    } finally {
      if (exists) [this.firstCreate, this.firstRead] = [created, firstRead];
      else this.stray = created.then(async (c) => void ("version" in c && c.version !== void 0 && await this.deleteLease(this.options.namespace, c.version))).catch(() => void 0);
    }
    if (!exists) this.namespace = firstDeployLockNamespace;
  }
  /** Deletes a Lease if it still has `version` (a precondition); true when deleted. */
  async deleteLease(namespace, version) {
    const body = { apiVersion: "v1", kind: "DeleteOptions", preconditions: { resourceVersion: version } };
    try {
      await this.client.request("DELETE", leasePath(namespace, this.name), { body });
      return true;
    } catch (error) {
      if (isNotFound(error) || error instanceof KubeApiError && error.status === 409) return false;
      throw error;
    }
  }
  /** One attempt: the Lease taken (true), or who holds it. Conflicts with a concurrent taker count as held. */
  async attempt() {
    if (await this.create()) return true;
    const lease = await this.read();
    const held = heldBy(lease);
    const now = Date.now();
    if (held && held.expires > now && !this.options.steal) return held;
    try {
      const written = lease ? await this.client.request("PUT", leasePath(this.namespace, this.name), { body: this.body(lease, now) }) : await this.client.request("POST", leasePath(this.namespace), { body: this.body(void 0, now) });
      this.version = String(written.metadata.resourceVersion ?? "");
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 409) return heldBy(await this.read()) ?? { holder: "another deploy", acquired: "", renewed: "", expires: now };
      throw error;
    }
    if (held) this.options.log(`took over the deploy lock of ${this.options.environment}: it was ${describeHeld(held, this.where)}`);
    return true;
  }
  /** A first deploy's lock in `default` still binds once the namespace exists: it is checked, not taken. */
  async firstDeployHolder() {
    const started = this.firstRead;
    this.firstRead = void 0;
    if (this.namespace === firstDeployLockNamespace) return void 0;
    const held = heldBy(await (started ?? this.read(firstDeployLockNamespace).catch(() => void 0)));
    return held && held.expires > Date.now() && !this.options.steal ? held : void 0;
  }
  async take() {
    let reported = false;
    let last;
    const once = async () => {
      const [result, first] = await Promise.all([this.attempt(), this.firstDeployHolder()]);
      const blocking = result === true ? first : result;
      if (blocking === void 0) return true;
      if (result === true) await this.release();
      last = blocking;
      if (!reported) this.options.log(`waiting for the deploy lock of ${this.options.environment}: ${describeHeld(blocking, this.where)}`);
      reported = true;
      return void 0;
    };
    const taken = await pollUntil(once, { timeoutMs: this.options.waitMs, intervalMs: 1e3 });
    if (!taken) {
      const held = last ? describeHeld(last, this.where) : `held (Lease ${this.where})`;
      throw new CommandFailure(
        `environment '${this.options.environment}' is being deployed by someone else: ${held}; waited ${this.options.waitMs / 1e3} s. Deploy again once it is done; if its holder is gone, the lock frees itself when it expires, or take it at once with --steal-lock`
      );
    }
    this.startRenewing();
  }
  startRenewing() {
    const every = this.options.durationSeconds * 1e3 / 3;
    this.renewer = setInterval(() => {
      this.renewing ??= this.renew().finally(() => this.renewing = void 0);
    }, every);
    this.renewer.unref();
  }
  async renew() {
    const lease = await this.read().catch(() => void 0);
    if (lease === void 0 || heldBy(lease)?.holder !== this.holder) return this.loseLock();
    const spec = { ...leaseSpec(lease), renewTime: microTime(Date.now()) };
    try {
      const written = await this.client.request("PUT", leasePath(this.namespace, this.name), { body: { ...lease, spec } });
      this.version = String(written.metadata.resourceVersion ?? "");
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 409) this.loseLock();
    }
  }
  loseLock() {
    if (this.lost) return;
    this.lost = true;
    clearInterval(this.renewer);
    this.options.log(`warning: the deploy lock of ${this.options.environment} was taken over by another deploy (Lease ${this.where})`);
  }
  /** Deletes the Lease if it is still this deploy's (a precondition on its version): a taken-over lock is left to its new holder. */
  async release() {
    clearInterval(this.renewer);
    await Promise.all([this.renewing, this.stray]);
    if (this.lost || this.version === "") return;
    if (await this.deleteLease(this.namespace, this.version)) this.version = "";
  }
};

// src/deploy/prune.ts
function protection(member, options) {
  const gk = groupKind(member.object);
  if (gk === "Secret" && !options.pruneSecrets) return "Secrets are kept unless --prune-secrets is given";
  if (gk === "PersistentVolumeClaim" && !options.prunePvcs) return "PVCs are kept unless --prune-pvcs is given";
  if (gk === "Namespace") return "Namespaces are never pruned";
  if (gk === "CustomResourceDefinition.apiextensions.k8s.io") return "CRDs are never pruned";
  return void 0;
}
function planPrune(members, wanted, options) {
  const plan = { remove: [], keep: [] };
  for (const [key, member] of members) {
    if (wanted.has(key) || member.object.metadata.deletionTimestamp !== void 0) continue;
    const reason = protection(member, options);
    if (reason) plan.keep.push({ member, reason });
    else plan.remove.push(member);
  }
  const rank = (m) => phaseOrder.indexOf(phaseOf(m.object));
  plan.remove.sort((a, b) => rank(b) - rank(a) || compareText(describeObject(a.object), describeObject(b.object)));
  return plan;
}
async function executePrune(client, remove) {
  const deleted = [];
  for (const phase of [...phaseOrder].reverse()) {
    const batch = remove.filter((m) => phaseOf(m.object) === phase);
    await Promise.all(batch.map((m) => deleteObject(client, m.info, m.object, "Background")));
    deleted.push(...batch.map((m) => describeObject(m.object)));
  }
  return deleted;
}

// src/deploy/readiness.ts
var fatalWaitingReasons = /* @__PURE__ */ new Set(["CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "CreateContainerConfigError"]);
var unschedulableGraceMs = 15e3;
var condition = (o, type) => conditionsOf(o).find((c) => c.type === type);
var field = (record, key) => isRecord(record) && isRecord(record[key]) ? record[key] : {};
var ownedBy = (o, owner) => {
  const uid = text(owner.metadata.uid);
  return uid !== void 0 && Array.isArray(o.metadata.ownerReferences) && o.metadata.ownerReferences.some((r) => isRecord(r) && r.uid === uid);
};
function podProblem(pod, now) {
  const s = statusOf(pod);
  for (const c of containerStatusesOf(pod)) {
    const waiting = field(c.state, "waiting");
    const reason = text(waiting.reason);
    if (reason && fatalWaitingReasons.has(reason)) {
      const exit = field(c.lastState, "terminated").exitCode;
      const restarts = count(c.restartCount);
      const detail = [typeof exit === "number" ? `last exit code ${exit}` : "", restarts ? `${restarts} restarts` : ""].filter(Boolean).join(", ");
      const message = text(waiting.message);
      return `pod ${pod.metadata.name}, container ${String(c.name)}: ${reason}${detail ? ` (${detail})` : ""}${message ? `: ${message}` : ""}`;
    }
  }
  const scheduled = condition(pod, "PodScheduled");
  if (scheduled?.status === "False" && scheduled.reason === "Unschedulable") {
    const since = Date.parse(scheduled.lastTransitionTime ?? "") || now;
    if (now - since >= unschedulableGraceMs) return `pod ${pod.metadata.name} cannot be scheduled: ${scheduled.message ?? "Unschedulable"}`;
  }
  if (s.phase === "Failed" && specOf(pod).restartPolicy !== "Never") return `pod ${pod.metadata.name} failed: ${String(s.reason ?? s.message ?? "")}`;
  return void 0;
}
function currentPods(workload, snapshot) {
  const owned = (owner) => snapshot.pods.filter((p) => ownedBy(p, owner));
  if (workload.kind === "Deployment") {
    const revision = workload.metadata.annotations?.["deployment.kubernetes.io/revision"];
    const current = snapshot.replicaSets.find((rs) => ownedBy(rs, workload) && rs.metadata.annotations?.["deployment.kubernetes.io/revision"] === revision);
    return current ? owned(current) : [];
  }
  if (workload.kind === "StatefulSet") {
    const revision = statusOf(workload).updateRevision;
    return owned(workload).filter((p) => revision === void 0 || p.metadata.labels?.["controller-revision-hash"] === revision);
  }
  return owned(workload);
}
function observed(workload, generation) {
  return count(statusOf(workload).observedGeneration) >= generation;
}
function rolloutState(workload, generation) {
  const s = statusOf(workload);
  const replicas = specOf(workload).replicas;
  const wanted = typeof replicas === "number" ? replicas : 1;
  if (workload.kind !== "Job" && !observed(workload, generation)) return { done: false, message: "waiting for the controller to see the new spec" };
  switch (workload.kind) {
    case "Deployment": {
      const progressing = condition(workload, "Progressing");
      if (progressing?.reason === "ProgressDeadlineExceeded") return { done: false, message: "", failed: `progress deadline exceeded: ${progressing.message ?? ""}` };
      const replicaFailure = condition(workload, "ReplicaFailure");
      if (replicaFailure?.status === "True") return { done: false, message: "", failed: `its pods cannot be created (${replicaFailure.reason ?? "ReplicaFailure"}): ${replicaFailure.message ?? ""}` };
      const done = count(s.updatedReplicas) >= wanted && count(s.replicas) <= count(s.updatedReplicas) && count(s.availableReplicas) >= wanted;
      return { done, message: `${count(s.updatedReplicas)}/${wanted} updated, ${count(s.availableReplicas)} available` };
    }
    case "StatefulSet": {
      const strategy = field(specOf(workload), "updateStrategy").type;
      const updated = strategy === "OnDelete" || count(s.updatedReplicas) >= wanted && s.currentRevision === s.updateRevision;
      const done = updated && count(s.readyReplicas) >= wanted && count(s.availableReplicas ?? s.readyReplicas) >= wanted;
      return { done, message: `${count(s.updatedReplicas)}/${wanted} updated, ${count(s.readyReplicas)} ready` };
    }
    case "DaemonSet": {
      const desired = count(s.desiredNumberScheduled);
      const done = count(s.updatedNumberScheduled) >= desired && count(s.numberAvailable) >= desired;
      return { done, message: `${count(s.updatedNumberScheduled)}/${desired} updated, ${count(s.numberAvailable)} available` };
    }
    case "Job": {
      if (condition(workload, "Complete")?.status === "True") return { done: true, message: "complete" };
      const failedCondition = condition(workload, "Failed");
      if (failedCondition?.status === "True") return { done: false, message: "", failed: `Job failed: ${failedCondition.reason ?? ""} ${failedCondition.message ?? ""}`.trim() };
      if (count(s.failed) > 0) return { done: false, message: "", failed: `${count(s.failed)} pod(s) of the Job failed` };
      return { done: false, message: `${count(s.active)} active, ${count(s.succeeded)} succeeded` };
    }
    default:
      return { done: true, message: "not a workload" };
  }
}
function evaluate(snapshot, generation, now) {
  const workload = snapshot.workload;
  if (workload === void 0) return { state: "waiting", message: "not seen yet", pods: [] };
  if (workload.kind !== "Job" && !observed(workload, generation)) return { state: "waiting", message: "waiting for the controller to see the new spec", pods: [] };
  const pods = currentPods(workload, snapshot);
  const rollout = rolloutState(workload, generation);
  if (rollout.failed) return { state: "failed", message: rollout.failed, pods };
  const broken = pods.map((p) => ({ pod: p, problem: podProblem(p, now) })).filter((x) => x.problem !== void 0);
  if (broken.length > 0) return { state: "failed", message: broken.map((b) => b.problem).join("; "), pods: broken.map((b) => b.pod) };
  return { state: rollout.done ? "ready" : "waiting", message: rollout.message, pods };
}
function readyFromStatus(workload, generation) {
  const rollout = rolloutState(workload, generation);
  return rollout.done && rollout.failed === void 0;
}

// src/kube/watch-store.ts
var WatchStore = class {
  objects = /* @__PURE__ */ new Map();
  client;
  info;
  namespace;
  onChange;
  onError;
  controller = new AbortController();
  constructor(client, info, namespace, onChange, onError) {
    this.client = client;
    this.info = info;
    this.namespace = namespace;
    this.onChange = onChange;
    this.onError = onError;
  }
  key(o) {
    return `${o.metadata.namespace ?? ""}/${o.metadata.name}`;
  }
  withType(o) {
    return { ...o, apiVersion: apiVersionOf(this.info), kind: this.info.kind };
  }
  /** Lists once (so the first answer is complete), then keeps watching in the background. */
  async start() {
    const version = await this.list();
    void this.follow(version);
  }
  stop() {
    this.controller.abort();
  }
  async list() {
    const path = collectionPath(this.info, this.namespace);
    const list = await this.client.request("GET", path);
    this.objects.clear();
    for (const item of list.items ?? []) this.objects.set(this.key(item), this.withType(item));
    this.onChange();
    return list.metadata?.resourceVersion ?? "";
  }
  async follow(initial) {
    let version = initial;
    const path = collectionPath(this.info, this.namespace);
    while (!this.controller.signal.aborted) {
      try {
        await this.client.watch(path, { resourceVersion: version, timeoutSeconds: 300 }, (event) => {
          const object = event.object;
          if (event.type === "ERROR") throw new KubeApiError(Number(event.object.code ?? 500), "WatchError", String(event.object.message), []);
          version = object.metadata?.resourceVersion ?? version;
          if (event.type === "BOOKMARK") return;
          if (event.type === "DELETED") this.objects.delete(this.key(object));
          else this.objects.set(this.key(object), this.withType(object));
          this.onChange();
        }, this.controller.signal);
      } catch (error) {
        if (this.controller.signal.aborted) return;
        if (error instanceof KubeApiError && error.status === 410) {
          try {
            version = await this.list();
          } catch (listError) {
            this.onError(listError);
            return;
          }
          continue;
        }
        this.onError(error);
        return;
      }
    }
  }
};

// src/deploy/wait.ts
function storeKey(info) {
  return `${info.group}/${info.kind}`;
}
var asError = (error) => error instanceof Error ? error : new Error(String(error));
var Rollouts = class {
  all = [];
  stores = /* @__PURE__ */ new Map();
  ready;
  started = false;
  finished = false;
  ticker;
  timer;
  pending;
  onReady;
  settle;
  constructor(pending, readyAtStart, onReady, settle) {
    this.pending = pending;
    this.ready = new Set(readyAtStart);
    this.onReady = onReady;
    this.settle = settle;
  }
  /** Opens a pod watch per namespace, a watch per workload kind, and ReplicaSets where Deployments need them. */
  open(client, podInfo, rsInfo) {
    const make = (info, namespace) => {
      const store = new WatchStore(client, info, namespace, () => this.check(), (error) => this.finish(asError(error)));
      this.all.push(store);
      return store;
    };
    for (const namespace of new Set(this.pending.map((t) => t.object.metadata.namespace ?? ""))) {
      const mine = this.pending.filter((t) => (t.object.metadata.namespace ?? "") === namespace);
      const workloads = /* @__PURE__ */ new Map();
      for (const t of mine) if (!workloads.has(storeKey(t.info))) workloads.set(storeKey(t.info), make(t.info, namespace));
      const needsReplicaSets = mine.some((t) => t.object.kind === "Deployment");
      this.stores.set(namespace, { workloads, pods: make(podInfo, namespace), replicaSets: needsReplicaSets ? make(rsInfo, namespace) : void 0 });
    }
  }
  run(timeoutMs) {
    this.ticker = setInterval(() => this.check(), 1e3);
    this.timer = setTimeout(() => this.timeOut(), timeoutMs);
    Promise.all(this.all.map((s) => s.start())).then(
      () => {
        this.started = true;
        this.check();
      },
      (error) => this.finish(asError(error))
    );
  }
  verdictOf(t) {
    const s = this.stores.get(t.object.metadata.namespace ?? "");
    const workloads = s?.workloads.get(storeKey(t.info));
    const workload = workloads?.objects.get(`${t.object.metadata.namespace ?? ""}/${t.object.metadata.name}`);
    if (workload === void 0) return { state: "failed", message: "it was deleted while the deploy waited for it (was its namespace deleted?)", pods: [] };
    if (workload.metadata.deletionTimestamp !== void 0) return { state: "failed", message: "it is being deleted (its namespace, or someone, deleted it during the deploy)", pods: [] };
    const snapshot = { workload, pods: [...s?.pods.objects.values() ?? []], replicaSets: [...s?.replicaSets?.objects.values() ?? []] };
    return evaluate(snapshot, t.generation, Date.now());
  }
  check() {
    if (!this.started || this.finished) return;
    let pending = 0;
    for (const t of this.pending) {
      const name = describeObject(t.object);
      if (this.ready.has(name)) continue;
      const verdict = this.verdictOf(t);
      if (verdict.state === "failed") return this.finish({ state: "failed", object: name, target: t, message: verdict.message, pods: verdict.pods, ready: [...this.ready] });
      if (verdict.state === "ready") {
        this.ready.add(name);
        this.onReady(name);
      } else pending++;
    }
    if (pending === 0) this.finish({ state: "ready", ready: [...this.ready] });
  }
  timeOut() {
    const pending = this.pending.filter((t) => !this.ready.has(describeObject(t.object))).map((t) => {
      const verdict = this.verdictOf(t);
      return { object: describeObject(t.object), message: verdict.message, pods: verdict.pods };
    });
    this.finish({ state: "timeout", pending, ready: [...this.ready] });
  }
  finish(outcome) {
    if (this.finished) return;
    this.finished = true;
    clearInterval(this.ticker);
    clearTimeout(this.timer);
    for (const s of this.all) s.stop();
    this.settle(outcome);
  }
};
async function waitForWorkloads(client, discovery, targets, timeoutMs, onReady) {
  const pendingAtStart = targets.filter((t) => !readyFromStatus(t.object, t.generation));
  const readyAtStart = targets.filter((t) => !pendingAtStart.includes(t)).map((t) => describeObject(t.object));
  if (pendingAtStart.length === 0) return { state: "ready", ready: readyAtStart };
  const podInfo = discovery.find({ apiVersion: "v1", kind: "Pod" });
  const rsInfo = discovery.find({ apiVersion: "apps/v1", kind: "ReplicaSet" });
  if (!podInfo || !rsInfo) throw new Error("the cluster serves no Pods or ReplicaSets");
  return new Promise((resolve2, reject) => {
    const rollouts = new Rollouts(pendingAtStart, readyAtStart, onReady, (outcome) => outcome instanceof Error ? reject(outcome) : resolve2(outcome));
    rollouts.open(client, podInfo, rsInfo);
    rollouts.run(timeoutMs);
  });
}

// src/secrets/rollout.ts
import { createHash as createHash3 } from "node:crypto";
var secretsHashAnnotation = "airflow-gitops/secrets-hash";
var rollingKinds = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "DaemonSet"]);
function volumeRefs(name, source) {
  if (!name) return [];
  const items = listAt(source, "items").map((i) => textAt(i, "key")).filter((k) => k !== void 0);
  return items.length === 0 ? [{ name }] : items.map((key) => ({ name, key }));
}
function secretKeyRefs(pod) {
  const refs = [];
  for (const v of listAt(pod, "volumes")) {
    refs.push(...volumeRefs(textAt(v, "secret", "secretName"), fieldAt(v, "secret")));
    for (const s of listAt(v, "projected", "sources")) refs.push(...volumeRefs(textAt(s, "secret", "name"), fieldAt(s, "secret")));
  }
  for (const c of [...listAt(pod, "containers"), ...listAt(pod, "initContainers")]) {
    for (const e of listAt(c, "env")) {
      const name = textAt(e, "valueFrom", "secretKeyRef", "name");
      if (name) refs.push({ name, key: textAt(e, "valueFrom", "secretKeyRef", "key") });
    }
    for (const e of listAt(c, "envFrom")) {
      const name = textAt(e, "secretRef", "name");
      if (name) refs.push({ name });
    }
  }
  return refs;
}
function podSpecOf(object) {
  return rollingKinds.has(object.kind) ? fieldAt(object.spec, "template", "spec") : void 0;
}
function liveSecretsHash(object) {
  return textAt(object.spec, "template", "metadata", "annotations", secretsHashAnnotation);
}
function secretsHash(pod, known) {
  const parts = /* @__PURE__ */ new Map();
  for (const ref of secretKeyRefs(pod)) {
    const data = known.get(ref.name);
    if (data === void 0) continue;
    const keys = ref.key !== void 0 ? [ref.key] : Object.keys(data);
    for (const key of keys) parts.set(`${ref.name}\0${key}`, data[key] ?? "");
  }
  if (parts.size === 0) return void 0;
  const hash = createHash3("sha256").update("airflow-gitops secrets-hash\n");
  for (const [k, v] of [...parts].sort(([a], [b]) => a < b ? -1 : 1)) hash.update(`${k}\0${v}\0`);
  return hash.digest("hex").slice(0, 32);
}

// src/deploy/fernet-rotation.ts
var rotationJobName = "airflow-rotate-fernet-key";
var rotationAnnotation = "airflow-gitops/fernet-rotation";
function sourceJob(desired, secret) {
  return desired.find((o) => o.kind === "Job" && secretKeyRefs(fieldAt(o.spec, "template", "spec")).some((r) => r.name === secret));
}
function rotationJob(desired, secret, tag) {
  const source = sourceJob(desired, secret);
  if (source === void 0) {
    throw new CommandFailure(`cannot rotate the Fernet key: no Job of the render reads Secret ${secret} (the migration Job is the model of the rotation Job)`);
  }
  const job = clone(source);
  const annotations = Object.fromEntries(Object.entries(job.metadata.annotations ?? {}).filter(([k]) => !k.startsWith("airflow-gitops/")));
  job.metadata = { name: rotationJobName, namespace: source.metadata.namespace, labels: job.metadata.labels, annotations: { ...annotations, [rotationAnnotation]: tag } };
  const first = recordAt(listAt(job.spec, "template", "spec", "containers")[0]);
  if (Object.keys(first).length === 0) throw new CommandFailure(`cannot rotate the Fernet key: ${describeObject(source)} has no container`);
  first.args = ["rotate-fernet-key"];
  job.metadata.annotations = { ...job.metadata.annotations, [configHashAnnotation]: configHash(job) };
  return job;
}
function rotationProblems(desired, rotation) {
  if (rotation === void 0) return [];
  try {
    rotationJob(desired, rotation.secret, rotation.tag);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
async function rotationCompleted(client, discovery, namespace, tag) {
  const info = discovery.find({ apiVersion: "batch/v1", kind: "Job" });
  if (!info) return false;
  const job = await getObject(client, info, { metadata: { name: rotationJobName, namespace } });
  if (job?.metadata.annotations?.[rotationAnnotation] !== tag) return false;
  const succeeded = fieldAt(job.status, "succeeded");
  const complete = listAt(job.status, "conditions").some((c) => fieldAt(c, "type") === "Complete" && fieldAt(c, "status") === "True");
  return typeof succeeded === "number" && succeeded > 0 || complete;
}
async function runRotation(client, discovery, job, settings, log) {
  const info = discovery.find(job);
  if (!info) throw new Error("the cluster serves no Jobs");
  const name = describeObject(job);
  await deleteObject(client, info, job, "Background");
  if (!await waitUntilGone(client, info, job, 6e4)) throw new CommandFailure(`${name}: the earlier rotation Job is still being deleted after 60 s`);
  const live = await serverSideApply(client, info, job, { fieldManager: settings.fieldManager, force: true, dryRun: false });
  log(`created ${name}: airflow rotate-fernet-key re-encrypts stored connections and variables with the new key`);
  const outcome = await waitForWorkloads(client, discovery, [{ object: live, info, generation: Number(live.metadata.generation ?? 0) }], settings.timeoutSeconds * 1e3, (n) => log(`ready ${n}`));
  if (outcome.state === "failed") throw new CommandFailure(`${name} failed: ${outcome.message}. The old key stays in the list; rerun the deploy with --rotate-fernet-key`);
  if (outcome.state === "timeout") throw new CommandFailure(`${name} did not complete within ${settings.timeoutSeconds} s. The old key stays in the list; rerun the deploy with --rotate-fernet-key`);
}

// src/deploy/quantity.ts
var suffixes = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60
};
function bytesOf(quantity) {
  const match = /^([0-9.]+)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/.exec(quantity.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * (suffixes[match[2] ?? ""] ?? 1);
}

// src/deploy/resize.ts
function templates(object) {
  return listAt(object?.spec, "volumeClaimTemplates").map((t) => ({
    name: textAt(t, "metadata", "name") ?? "",
    storageClass: textAt(t, "spec", "storageClassName"),
    storage: textAt(t, "spec", "resources", "requests", "storage")
  }));
}
var requested = (claim) => textAt(claim.spec, "resources", "requests", "storage");
var classOf = (claim) => textAt(claim.spec, "storageClassName");
function claimsOf(all, statefulSet, template) {
  const prefix = `${template}-${statefulSet}-`;
  return all.filter((c) => c.metadata.name.startsWith(prefix) && /^\d+$/.test(c.metadata.name.slice(prefix.length)));
}
async function expandable(ctx, cache, className) {
  if (className === void 0) return false;
  if (!cache.has(className)) {
    const info = ctx.discovery.find({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass" });
    const classes = info ? await listObjects(ctx.client, info, void 0) : [];
    for (const c of classes) cache.set(c.metadata.name, c.allowVolumeExpansion === true);
  }
  return cache.get(className) === true;
}
async function planOne2(item, all, ctx, cache, out) {
  const sts = item.object.metadata.name;
  const notes = [];
  for (const wanted of templates(item.object)) {
    const name = wanted.name;
    const before = templates(item.live).find((t) => t.name === name);
    const claims = claimsOf(all, sts, name);
    const newClass = wanted.storageClass;
    const keeping = claims.filter((c) => newClass !== void 0 && classOf(c) !== newClass);
    if (keeping.length > 0) {
      notes.push(
        `PVCs keeping their old StorageClass (a claim's class cannot change): ${keeping.map((c) => `${c.metadata.name} (${classOf(c) ?? "default"})`).join(", ")}; to move them to '${newClass}', scale the StatefulSet to 0, copy their data to new claims (or back it up), delete the old PVCs, and scale up again: the StatefulSet creates them anew with the new class`
      );
    }
    const to = wanted.storage;
    const from = before?.storage;
    if (!ctx.resizeVolumes || to === void 0 || from === void 0 || bytesOf(to) === bytesOf(from)) continue;
    if (bytesOf(to) < bytesOf(from)) {
      out.problems.push(`StatefulSet ${item.object.metadata.namespace}/${sts}: claim template '${name}' shrinks from ${from} to ${to}: Kubernetes cannot shrink a PersistentVolumeClaim, so existing volumes would stay at ${from}; keep ${from} or move the data to new, smaller claims yourself`);
      continue;
    }
    for (const claim of claims) {
      const size = requested(claim) ?? "0";
      if (bytesOf(size) >= bytesOf(to)) continue;
      const className = classOf(claim);
      if (!await expandable(ctx, cache, className)) {
        out.problems.push(`PersistentVolumeClaim ${claim.metadata.namespace}/${claim.metadata.name}: StorageClass '${className ?? "(none)"}' does not allow volume expansion (allowVolumeExpansion is not true), so it cannot grow from ${size} to ${to}`);
        continue;
      }
      out.resizes.push({ namespace: claim.metadata.namespace ?? "", claim: claim.metadata.name, from: size, to });
    }
  }
  if (item.recreate) {
    const resized = out.resizes.filter((r) => claimsOfSet(r, sts, templates(item.object)));
    if (resized.length > 0) item.recreate.reason = `${item.recreate.reason.split("; recreating")[0]}; expanding ${resized.map((r) => `${r.claim} ${r.from} -> ${r.to}`).join(", ")}, then recreating the StatefulSet with orphan deletion (its pods and PVCs stay and are adopted)`;
    if (notes.length > 0) item.recreate.reason += `. ${notes.join(". ")}`;
  }
}
function claimsOfSet(resize, sts, tpls) {
  return tpls.some((t) => resize.claim.startsWith(`${t.name}-${sts}-`));
}
async function planResizes(items, ctx) {
  const out = { problems: [], resizes: [] };
  const recreated = items.filter((i) => i.action === "recreate" && i.object.kind === "StatefulSet" && i.live);
  if (recreated.length === 0) return out;
  const info = ctx.discovery.find({ apiVersion: "v1", kind: "PersistentVolumeClaim" });
  if (!info) return out;
  const cache = /* @__PURE__ */ new Map();
  for (const namespace of new Set(recreated.map((i) => i.object.metadata.namespace))) {
    const all = await listObjects(ctx.client, info, namespace);
    for (const item of recreated.filter((i) => i.object.metadata.namespace === namespace)) await planOne2(item, all, ctx, cache, out);
  }
  return out;
}
async function expandClaims(client, discovery, resizes, phase, log) {
  const info = discovery.find({ apiVersion: "v1", kind: "PersistentVolumeClaim" });
  if (!info) return;
  const sets = phase.filter((i) => i.action === "recreate" && i.object.kind === "StatefulSet");
  const mine = resizes.filter((r) => sets.some((s) => s.object.metadata.namespace === r.namespace && claimsOfSet(r, s.object.metadata.name, templates(s.object))));
  await Promise.all(
    mine.map(async (r) => {
      const body = { spec: { resources: { requests: { storage: r.to } } } };
      await client.request("PATCH", objectPath(info, { metadata: { name: r.claim, namespace: r.namespace } }), { body, contentType: "application/merge-patch+json" });
      log(`expanding PersistentVolumeClaim ${r.namespace}/${r.claim}: ${r.from} -> ${r.to}`);
    })
  );
}
function sizeLine(claim) {
  const capacity = textAt(claim.status, "capacity", "storage") ?? "?";
  const pending = listAt(claim.status, "conditions").map((c) => textAt(c, "type")).filter((t) => t === "Resizing" || t === "FileSystemResizePending");
  return `  PersistentVolumeClaim ${claim.metadata.namespace}/${claim.metadata.name}: requested ${requested(claim) ?? "?"}, capacity ${capacity}${pending.length > 0 ? ` (${pending.join(", ")}: the volume grows when the driver and, for the file system, the pod are done)` : ""}`;
}
async function claimSizes(client, discovery, resizes, waitMs) {
  const info = discovery.find({ apiVersion: "v1", kind: "PersistentVolumeClaim" });
  if (!info || resizes.length === 0) return [];
  const deadline = Date.now() + waitMs;
  for (; ; ) {
    const lists = await Promise.all([...new Set(resizes.map((r) => r.namespace))].map((ns) => listObjects(client, info, ns)));
    const claims = lists.flat().filter((c) => resizes.some((r) => r.claim === c.metadata.name && r.namespace === c.metadata.namespace));
    const done = claims.every((c) => bytesOf(textAt(c.status, "capacity", "storage") ?? "0") >= bytesOf(requested(c) ?? "0"));
    if (done || Date.now() >= deadline) return ["sizes of the expanded PersistentVolumeClaims:", ...claims.sort((a, b) => a.metadata.name < b.metadata.name ? -1 : 1).map(sizeLine)];
    await new Promise((resolve2) => setTimeout(resolve2, 500));
  }
}

// src/deploy/input-set.ts
function place(object, index) {
  return `${object.apiVersion} ${describeObject(object)} (object ${index + 1} of the render)`;
}
function duplicates(objects) {
  const first = /* @__PURE__ */ new Map();
  const problems = [];
  objects.forEach((object, index) => {
    const key = objectKey(object);
    const earlier = first.get(key);
    if (earlier === void 0) return void first.set(key, index);
    const other = objects[earlier];
    problems.push({
      object: describeObject(object),
      message: `${describeObject(object)} is rendered twice: as ${place(other, earlier)} and as ${place(object, index)}. One object has one definition: remove one of them`
    });
  });
  return problems;
}
function reserved(objects, inventory, environment) {
  const taken = [
    { groupKind: "ConfigMap", name: inventory.parentName, what: "the environment's inventory record" },
    { groupKind: "Lease.coordination.k8s.io", name: lockName(environment), what: "the environment's deploy lock" }
  ];
  const problems = [];
  objects.forEach((object, index) => {
    const hit = taken.find((t) => t.groupKind === groupKind(object) && t.name === object.metadata.name && object.metadata.namespace === inventory.namespace);
    if (hit) problems.push({ object: describeObject(object), message: `${place(object, index)} has the name this tool keeps for ${hit.what}: rename it` });
  });
  return problems;
}
function collision(seen, value, where, what) {
  const before = seen.get(value);
  if (before === void 0) return void seen.set(value, where);
  return { object: where, message: `${what} is used twice in the render: by ${before} and by ${where}` };
}
function nodePorts(objects) {
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  objects.forEach((object, index) => {
    if (groupKind(object) !== "Service") return;
    for (const port of recordsIn(specOf(object).ports)) {
      const nodePort = port.nodePort;
      if (typeof nodePort !== "number") continue;
      const protocol = typeof port.protocol === "string" ? port.protocol : "TCP";
      problems.push(collision(seen, `${nodePort}/${protocol}`, place(object, index), `nodePort ${nodePort}/${protocol}`));
    }
  });
  return problems.filter((p) => p !== void 0);
}
function ingressPaths(objects) {
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  objects.forEach((object, index) => {
    if (groupKind(object) !== "Ingress.networking.k8s.io") return;
    const spec = specOf(object);
    const className = typeof spec.ingressClassName === "string" ? spec.ingressClassName : "(default class)";
    for (const rule of recordsIn(spec.rules)) {
      const host = typeof rule.host === "string" ? rule.host : "*";
      for (const path of recordsIn(isRecord(rule.http) ? rule.http.paths : void 0)) {
        const route = `${host}${typeof path.path === "string" ? path.path : "/"}`;
        problems.push(collision(seen, `${className} ${route}`, place(object, index), `Ingress host and path ${route} (class ${className})`));
      }
    }
  });
  return problems.filter((p) => p !== void 0);
}
function checkRenderedSet(objects, inventory, environment) {
  return [...duplicates(objects), ...reserved(objects, inventory, environment), ...nodePorts(objects), ...ingressPaths(objects)];
}

// src/deploy/secret-rollout.ts
function withHash(original, hash) {
  const object = clone(original);
  const spec = recordAt(object.spec);
  const template = recordAt(spec, "template");
  const metadata = recordAt(template, "metadata");
  const annotations = { ...recordAt(metadata, "annotations"), [secretsHashAnnotation]: hash };
  object.spec = { ...spec, template: { ...template, metadata: { ...metadata, annotations } } };
  if (object.metadata.annotations?.[configHashAnnotation] !== void 0) {
    object.metadata.annotations = { ...object.metadata.annotations, [configHashAnnotation]: configHash(object) };
  }
  return object;
}
function stampSecretsHashes(objects, atDeploy, live) {
  const known = /* @__PURE__ */ new Map();
  for (const o of objects) if (o.kind === "Secret" && o.apiVersion === "v1") known.set(o.metadata.name, o.data ?? {});
  return objects.map((original) => {
    const pod = podSpecOf(original);
    if (pod === void 0) return original;
    const reads = secretKeyRefs(pod).map((r) => r.name);
    const current = live.get(objectKey(original));
    const hash = reads.some((name) => atDeploy.has(name)) ? current ? liveSecretsHash(current) : void 0 : secretsHash(pod, known);
    return hash === void 0 ? original : withHash(original, hash);
  });
}

// src/deploy/refusals.ts
var ToolRefusal = class extends CommandFailure {
  name = "ToolRefusal";
  problems;
  constructor(problems) {
    super(`nothing was written: airflow-gitops refused ${problems.length} problem(s) before asking the API server:
${problems.map((p) => `  ${p}`).join("\n")}`);
    this.problems = problems;
  }
};
function refuseBeforeWrite(problems) {
  if (problems.length > 0) throw new ToolRefusal(problems);
}

// src/overlays/mentions.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
var maxFiles = 400;
function kustomizationOf(dir) {
  return ["kustomization.yaml", "kustomization.yml", "Kustomization"].map((n) => join(dir, n)).find((f) => existsSync(f));
}
function referencedDirs(dir) {
  const file = kustomizationOf(dir);
  if (!file) return [];
  let doc;
  try {
    doc = (0, import_yaml.parse)(readFileSync(file, "utf8"));
  } catch {
    return [];
  }
  if (doc === null || typeof doc !== "object") return [];
  const entries2 = ["resources", "components"].flatMap((k) => doc[k]).filter((e) => typeof e === "string" && !e.includes("://"));
  return entries2.map((e) => resolve(dir, e)).filter((p) => existsSync(p) && statSync(p).isDirectory());
}
function filesOf(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isFile() && /\.(ya?ml|env|properties|json)$/.test(d.name)).map((d) => join(dir, d.name)).sort();
}
function escape(text2) {
  return text2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function whereNamed(overlayDir, value) {
  const pattern = new RegExp(`(^|[\\s:="'/])${escape(value)}($|[\\s"',#])`);
  const base = dirname(dirname(overlayDir));
  const queue = [overlayDir];
  const seen = /* @__PURE__ */ new Set();
  let files = 0;
  while (queue.length > 0 && files < maxFiles) {
    const dir = queue.shift() ?? "";
    if (seen.has(dir)) continue;
    seen.add(dir);
    for (const file of filesOf(dir)) {
      files += 1;
      const lines = readFileSync(file, "utf8").split("\n");
      const index = lines.findIndex((line) => !line.trimStart().startsWith("#") && pattern.test(line));
      if (index >= 0) return `${relative(base, file)}:${index + 1}`;
    }
    queue.push(...referencedDirs(dir));
  }
  return void 0;
}

// src/deploy/preflight.ts
var clusterIssuerAnnotation = "cert-manager.io/cluster-issuer";
function storageClassNeeds(object) {
  const need = (name) => name ? [{ groupKind: "StorageClass.storage.k8s.io", what: "StorageClass", name, by: object }] : [];
  if (object.kind === "PersistentVolumeClaim") return need(textAt(object.spec, "storageClassName"));
  if (object.kind === "StatefulSet") return listAt(object.spec, "volumeClaimTemplates").flatMap((t) => need(textAt(t, "spec", "storageClassName")));
  return [];
}
function routeNeeds(object) {
  const needs = [];
  const add = (groupKind2, what, name) => {
    if (name) needs.push({ groupKind: groupKind2, what, name, by: object });
  };
  if (object.kind === "Ingress") add("IngressClass.networking.k8s.io", "IngressClass", textAt(object.spec, "ingressClassName"));
  if (object.kind === "Gateway") add("GatewayClass.gateway.networking.k8s.io", "GatewayClass", textAt(object.spec, "gatewayClassName"));
  add("ClusterIssuer.cert-manager.io", "ClusterIssuer", object.metadata.annotations?.[clusterIssuerAnnotation]);
  if (object.kind === "Certificate" && textAt(object.spec, "issuerRef", "kind") === "ClusterIssuer") add("ClusterIssuer.cert-manager.io", "ClusterIssuer", textAt(object.spec, "issuerRef", "name"));
  return needs;
}
async function existing(client, discovery, gk) {
  const info = discovery.findGroupKind(gk);
  if (!info) return "not served";
  try {
    return new Set((await listObjects(client, info, void 0)).map((o) => o.metadata.name));
  } catch (error) {
    if (error instanceof KubeApiError && (error.status === 403 || error.status === 401)) return void 0;
    throw error;
  }
}
function missingKinds(rendered, discovery) {
  const created = new Set(rendered.filter((o) => o.kind === "CustomResourceDefinition").map((o) => `${textAt(o.spec, "names", "kind")}.${textAt(o.spec, "group")}`));
  return rendered.filter((o) => !discovery.find(o) && !created.has(groupKind(o))).map((object) => ({ object, gk: groupKind(object) }));
}
async function preflight(input) {
  const needs = input.rendered.flatMap((o) => [...storageClassNeeds(o), ...routeNeeds(o)]);
  const kinds = [...new Set(needs.map((n) => n.groupKind))];
  const found = new Map(await Promise.all(kinds.map(async (gk) => [gk, await existing(input.client, input.discovery, gk)])));
  const problems = [];
  const seen = /* @__PURE__ */ new Set();
  for (const need of needs) {
    const names = found.get(need.groupKind);
    if (names === void 0 || names !== "not served" && names.has(need.name)) continue;
    const key = `${need.what}/${need.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = whereNamed(input.overlayDir, need.name);
    const cause = names === "not served" ? `the cluster does not serve ${need.what} (its CRD is not installed)` : `the cluster has no ${need.what} '${need.name}'`;
    problems.push(`${cause}: named by ${describeObject(need.by)}${where ? `, set in ${where}` : ""}`);
  }
  for (const { object, gk } of missingKinds(input.rendered, input.discovery)) {
    if (seen.has(gk)) continue;
    seen.add(gk);
    const where = whereNamed(input.overlayDir, `kind: ${object.kind}`);
    problems.push(`the cluster does not serve ${object.apiVersion} ${object.kind} (its CRD is not installed): needed by ${describeObject(object)}${where ? `, from ${where}` : ""}`);
  }
  return problems;
}

// src/deploy/prepare.ts
async function existingNamespaces(connection, names) {
  const info = connection.discovery.find({ apiVersion: "v1", kind: "Namespace" });
  if (!info) throw new Error("the cluster serves no Namespaces");
  const found = await Promise.all(names.map((n) => getObject(connection.client, info, { metadata: { name: n } })));
  const terminating = found.filter((ns) => ns?.metadata.deletionTimestamp !== void 0).map((ns) => ns?.metadata.name);
  if (terminating.length > 0) throw new CommandFailure(`namespace ${terminating.join(", ")} is being deleted: wait until it is gone, then deploy again`);
  return new Set(names.filter((_, i) => found[i] !== void 0));
}
async function readInventory(connection, rendered) {
  const inventory = rendered.inventory;
  const namespaceNames = [.../* @__PURE__ */ new Set([inventory.namespace, ...rendered.objects.map((o) => o.metadata.namespace).filter((n) => !!n)])];
  const current = unionRecord(recordOf(rendered.objects, inventory.namespace), { groupKinds: ["Secret"], namespaces: [] });
  const listed = { groupKinds: current.groupKinds, namespaces: [inventory.namespace, ...current.namespaces] };
  const [parent, namespaces, members] = await Promise.all([
    readParent(connection.client, connection.discovery, inventory),
    existingNamespaces(connection, namespaceNames),
    listMembers(connection.client, connection.discovery, inventory, listed.groupKinds, listed.namespaces)
  ]);
  checkParentTooling(parent, inventory);
  const previousRecord = readRecord(parent);
  const remaining = await listRemainingMembers(connection.client, connection.discovery, inventory, previousRecord, listed);
  return { parent, previousRecord, members: new Map([...members, ...remaining]), namespaces };
}
async function buildSecrets(settings, connection, rendered, state, mask) {
  const namespace = rendered.inventory.namespace;
  const secretInfo = connection.discovery.find({ apiVersion: "v1", kind: "Secret" });
  const secrets = await desiredSecrets({
    rendered: rendered.objects,
    namespace,
    env: settings.env,
    labels: rendered.labels,
    mask,
    readLive: async (name) => {
      const member = state.members.get(`Secret/${namespace}/${name}`);
      if (member) return member.object;
      if (!secretInfo || !state.namespaces.has(namespace)) return void 0;
      return getObject(connection.client, secretInfo, { metadata: { name, namespace } });
    },
    rotateFernetKey: settings.rotateFernetKey,
    fernetRotationCompleted: (tag) => rotationCompleted(connection.client, connection.discovery, namespace, tag),
    valuesAtDeploy: settings.secretValuesAtDeploy
  });
  for (const m of state.members.values()) if (m.object.kind === "Secret") mask.addSecretData(stringRecord(m.object.data), true);
  return secrets;
}
function stringRecord(value) {
  if (!isRecord(value)) return void 0;
  return Object.fromEntries(Object.entries(value).filter((e) => typeof e[1] === "string"));
}
function planContext(settings, connection, rendered, state, desired) {
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
    renderedNamespaces: new Set(desired.filter((o) => o.kind === "Namespace" && o.apiVersion === "v1").map((o) => o.metadata.name)),
    dryRunAll: settings.dryRunAll,
    environment: settings.environment,
    inventoryId: rendered.inventory.id,
    adopt: settings.adopt
  };
}
async function prepareOpened(settings, mask, opened) {
  const { connection, rendered } = opened;
  const [problems, state] = await Promise.all([
    preflight({ client: connection.client, discovery: connection.discovery, rendered: rendered.objects, overlayDir: settings.overlayDir }),
    readInventory(connection, rendered)
  ]);
  refuseBeforeWrite(problems);
  const secrets = await buildSecrets(settings, connection, rendered, state, mask);
  refuseBeforeWrite(secrets.problems);
  const live = new Map([...state.members].map(([k, m]) => [k, m.object]));
  const desired = stampSecretsHashes([...rendered.objects, ...secrets.secrets], new Set(secrets.atDeploy), live);
  refuseBeforeWrite(rotationProblems(desired, secrets.fernetRotation));
  const context = planContext(settings, connection, rendered, state, desired);
  const setProblems = checkRenderedSet(desired, rendered.inventory, settings.environment);
  const plan = setProblems.length > 0 ? { items: [], deferred: [], problems: setProblems, refusedBy: "the check of the render as a whole" } : await planObjects(desired, context);
  const resizing = await planResizes(plan.items, { ...connection, resizeVolumes: settings.resizeVolumes === true });
  refuseBeforeWrite(resizing.problems);
  const namespace = rendered.inventory.namespace;
  const suppliedAtDeploy = secrets.atDeploy.map((name) => objectKey({ apiVersion: "v1", kind: "Secret", metadata: { name, namespace } }));
  const prune = planPrune(state.members, /* @__PURE__ */ new Set([...desired.map(objectKey), ...suppliedAtDeploy]), settings);
  return { ...connection, rendered, secrets, desired, parent: state.parent, previousRecord: state.previousRecord, members: state.members, context, plan, prune, resizes: resizing.resizes };
}
async function prepare(settings, mask) {
  const opened = await openEnvironment(settings);
  try {
    return await prepareOpened(settings, mask, opened);
  } catch (error) {
    opened.connection.client.close();
    throw error;
  }
}

// src/deploy/plan-report.ts
function countPlan(plan, prune) {
  const count2 = (action) => plan.items.filter((i) => i.action === action).length;
  return { create: count2("create"), change: count2("change"), recreate: count2("recreate"), unchanged: count2("unchanged"), prune: prune.remove.length, deferred: plan.deferred.length };
}
function hasChanges(counts) {
  return counts.create + counts.change + counts.recreate + counts.prune + counts.deferred > 0;
}
function formatPlan(plan, prune) {
  const lines = [];
  const sorted = [...plan.items].sort((a, b) => compareText(describeObject(a.object), describeObject(b.object)));
  for (const item of sorted) {
    const name = describeObject(item.object);
    if (item.action === "create") lines.push(`  + create    ${name}`);
    else if (item.action === "change") lines.push(`  ~ change    ${name}`, ...formatChanges(item.changes, "      "));
    else if (item.action === "recreate") lines.push(`  ! recreate  ${name}: ${item.recreate?.reason ?? ""}`, ...formatChanges(item.changes, "      "));
    for (const warning of item.warnings ?? []) lines.push(`      warning from the API server: ${warning}`);
  }
  for (const object of plan.deferred) lines.push(`  + create    ${describeObject(object)} (dry-run after its namespace/CRD is created)`);
  for (const member of prune.remove) lines.push(`  - prune     ${describeObject(member.object)}`);
  for (const kept of prune.keep) lines.push(`  . keep      ${describeObject(kept.member.object)}: no longer rendered, but ${kept.reason}`);
  const counts = countPlan(plan, prune);
  lines.push(
    `  ${counts.create + counts.deferred} to create, ${counts.change} to change, ${counts.recreate} to recreate, ${counts.prune} to prune, ${counts.unchanged} unchanged`
  );
  return lines;
}

export {
  takesOver,
  isCrd,
  waitEstablished,
  fieldConflicts,
  conflictMessage,
  ownershipFingerprint,
  legacyManagerPatch,
  planObjects,
  EnvironmentLock,
  executePrune,
  waitForWorkloads,
  rotationJob,
  runRotation,
  expandClaims,
  claimSizes,
  prepareOpened,
  prepare,
  countPlan,
  hasChanges,
  formatPlan
};
