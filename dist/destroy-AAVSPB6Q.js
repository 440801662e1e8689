import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  listMembers,
  phaseOf,
  phaseOrder,
  readParent
} from "./chunk-K4N6FAJZ.js";
import {
  deleteObject,
  listObjects
} from "./chunk-4B2IDAP7.js";
import {
  connect
} from "./chunk-I3JNE5F2.js";
import {
  checkParentTooling,
  describeObject,
  listAt,
  objectKey,
  partOfLabel,
  readRecord,
  renderOverlay,
  textAt,
  unionRecord
} from "./chunk-PRALPFIX.js";
import {
  maskedIO,
  reportingErrors
} from "./chunk-KIJNM4UF.js";
import "./chunk-YKQKCZGO.js";
import {
  engineSettings
} from "./chunk-LLYEG4VB.js";
import "./chunk-WZ76NZZT.js";
import "./chunk-R3FHXGE5.js";
import {
  engineFlags,
  engineOptionsFrom,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import {
  CommandFailure
} from "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/deploy/destroy.ts
function keepReason(object, settings, keepsData) {
  if (object.kind === "Secret" && !settings.deleteSecrets) return "Secrets are kept unless --delete-secrets";
  if (object.kind === "PersistentVolumeClaim" && !settings.deletePvcs) return "PVCs are kept unless --delete-pvcs";
  if (object.kind === "CustomResourceDefinition") return "CRDs are never deleted: other environments may use them";
  if (object.kind === "Namespace" && keepsData) return "it holds the kept Secrets and PVCs";
  return void 0;
}
async function statefulSetClaims(client, discovery, members) {
  const info = discovery.find({ apiVersion: "v1", kind: "PersistentVolumeClaim" });
  const sets = members.filter((m) => m.object.kind === "StatefulSet");
  if (!info || sets.length === 0) return [];
  const out = [];
  for (const ns of new Set(sets.map((s) => s.object.metadata.namespace))) {
    const claims = await listObjects(client, info, ns);
    for (const set of sets.filter((s) => s.object.metadata.namespace === ns)) {
      for (const t of listAt(set.object.spec, "volumeClaimTemplates")) {
        const prefix = `${textAt(t, "metadata", "name") ?? ""}-${set.object.metadata.name}-`;
        out.push(...claims.filter((c) => c.metadata.name.startsWith(prefix) && /^\d+$/.test(c.metadata.name.slice(prefix.length))).map((object) => ({ object, info })));
      }
    }
  }
  return out;
}
function howToRemove(kept, namespace, id) {
  const lines = [];
  const labelled = (kind) => kept.some((k) => k.member.object.kind === kind && k.member.object.metadata.labels?.[partOfLabel] === id);
  if (labelled("Secret")) lines.push(`kubectl -n ${namespace} delete secret -l ${partOfLabel}=${id}   # or destroy again with --delete-secrets`);
  const claims = kept.filter((k) => k.member.object.kind === "PersistentVolumeClaim").map((k) => k.member.object.metadata.name);
  if (claims.length > 0) lines.push(`kubectl -n ${namespace} delete pvc ${claims.join(" ")}   # deletes the data; or destroy again with --delete-pvcs`);
  const ns = kept.find((k) => k.member.object.kind === "Namespace");
  if (ns) lines.push(`kubectl delete namespace ${ns.member.object.metadata.name}   # deletes everything left in it`);
  return lines;
}
async function deleteInOrder(client, remove, log) {
  const deleted = [];
  for (const phase of [...phaseOrder].reverse()) {
    const inPhase = remove.filter((m) => phaseOf(m.object) === phase);
    const results = await Promise.allSettled(inPhase.map((m) => deleteObject(client, m.info, m.object, "Background")));
    const failed = [];
    inPhase.forEach((m, i) => {
      const name = describeObject(m.object);
      const r = results[i];
      if (r?.status === "fulfilled") {
        deleted.push(name);
        log(`deleted ${name}`);
      } else failed.push(`${name}: ${r?.reason instanceof Error ? r.reason.message : String(r?.reason)}`);
    });
    if (failed.length > 0) throw new CommandFailure(`destroy stopped after ${deleted.length} deletion(s); not deleted:
${failed.map((f) => `  ${f}`).join("\n")}
rerun destroy --yes to continue`);
  }
  return deleted;
}
async function destroy(settings, log) {
  const [rendered, connection] = await Promise.all([renderOverlay(settings), connect(settings)]);
  try {
    const { client, discovery } = connection;
    const inventory = rendered.inventory;
    const parent = await readParent(client, discovery, inventory);
    if (parent === void 0) throw new CommandFailure(`nothing to destroy: no inventory ${inventory.parentName} in namespace ${inventory.namespace} (was ${settings.environment} ever deployed there?)`);
    checkParentTooling(parent, inventory);
    const record = unionRecord(readRecord(parent), { groupKinds: ["Secret"], namespaces: [] });
    const listed = await listMembers(client, discovery, inventory, record.groupKinds, [inventory.namespace, ...record.namespaces]);
    const members = [...listed.values()];
    const claims = (await statefulSetClaims(client, discovery, members)).filter((c) => !listed.has(objectKey(c.object)));
    const all = [...members, ...claims];
    const keepsData = all.some((m) => keepReason(m.object, settings, false) !== void 0 && m.object.kind !== "CustomResourceDefinition");
    const kept = [];
    const remove = [];
    for (const m of all) {
      const reason = keepReason(m.object, settings, keepsData);
      if (reason) kept.push({ member: m, reason });
      else remove.push(m);
    }
    const namespaceGoes = remove.some((m) => m.object.kind === "Namespace" && m.object.metadata.name === inventory.namespace);
    const parentInfo = discovery.find({ apiVersion: "v1", kind: "ConfigMap" });
    if (!namespaceGoes && parentInfo) remove.push({ object: parent, info: parentInfo });
    const result = {
      environment: settings.environment,
      namespace: inventory.namespace,
      deleted: [],
      kept: kept.map((k) => `${describeObject(k.member.object)}: ${k.reason}`),
      confirmed: settings.confirm,
      howToRemove: howToRemove(kept, inventory.namespace, inventory.id)
    };
    if (!settings.confirm) {
      result.deleted = remove.map((m) => describeObject(m.object));
      return result;
    }
    result.deleted = await deleteInOrder(client, remove, log);
    return result;
  } finally {
    connection.client.close();
  }
}

// src/commands/destroy.ts
var flags = { ...engineFlags, yes: { type: "boolean" }, "delete-secrets": { type: "boolean" }, "delete-pvcs": { type: "boolean" } };
function report(result, out) {
  if (!result.confirmed) {
    out(`dry run: destroying ${result.environment} (namespace ${result.namespace}) would delete ${result.deleted.length} object(s):`);
    for (const name of result.deleted) out(`  - delete    ${name}`);
  } else out(`destroyed ${result.environment}: ${result.deleted.length} object(s) deleted`);
  for (const line of result.kept) out(`  . keep      ${line}`);
  if (result.howToRemove.length > 0) {
    out("to remove what was kept:");
    for (const line of result.howToRemove) out(`  ${line}`);
  }
  if (!result.confirmed) out("nothing was deleted: rerun with --yes to delete");
}
async function run(argv, io) {
  const masked = maskedIO(io);
  return reportingErrors("destroy", masked, async () => {
    const parsed = parseCommandArgs(argv, flags, "destroy");
    const flag = (name) => parsed.values[name] === true;
    const settings = { ...engineSettings(engineOptionsFrom(parsed, "destroy"), io), confirm: flag("yes"), deleteSecrets: flag("delete-secrets"), deletePvcs: flag("delete-pvcs") };
    report(await destroy(settings, masked.out), masked.out);
    return 0;
  });
}
export {
  destroy,
  run
};
