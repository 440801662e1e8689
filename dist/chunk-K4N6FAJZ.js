import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  getObject,
  listObjects
} from "./chunk-4B2IDAP7.js";
import {
  objectKey,
  partOfLabel
} from "./chunk-PRALPFIX.js";

// src/deploy/inventory.ts
var fingerprintsKey = "ownership-fingerprints";
async function readParent(client, discovery, inventory) {
  const info = discovery.find({ apiVersion: "v1", kind: "ConfigMap" });
  if (!info) throw new Error("the cluster serves no ConfigMaps");
  return getObject(client, info, { metadata: { name: inventory.parentName, namespace: inventory.namespace } });
}
var healthyTemplatesKey = "healthy-templates";
function readDataMap(parent, key) {
  const raw = parent?.data?.[key];
  if (!raw) return /* @__PURE__ */ new Map();
  try {
    return new Map(Object.entries(JSON.parse(raw)));
  } catch {
    return /* @__PURE__ */ new Map();
  }
}
function readFingerprints(parent) {
  return readDataMap(parent, fingerprintsKey);
}
function readHealthyTemplates(parent) {
  return readDataMap(parent, healthyTemplatesKey);
}
async function listMembers(client, discovery, inventory, groupKinds, namespaces) {
  const selector = `${partOfLabel}=${inventory.id}`;
  const lists = [];
  for (const gk of groupKinds) {
    const info = discovery.findGroupKind(gk);
    if (!info) continue;
    const scopes = info.namespaced ? namespaces : [void 0];
    for (const ns of scopes) lists.push(listObjects(client, info, ns, selector).then((items) => items.map((object) => ({ object, info }))));
  }
  const members = /* @__PURE__ */ new Map();
  for (const list of await Promise.all(lists)) for (const member of list) members.set(objectKey(member.object), member);
  return members;
}
async function listRemainingMembers(client, discovery, inventory, previous, listed) {
  const newKinds = previous.groupKinds.filter((gk) => !listed.groupKinds.includes(gk));
  const newNamespaces = previous.namespaces.filter((ns) => !listed.namespaces.includes(ns));
  const namespacedListed = listed.groupKinds.filter((gk) => discovery.findGroupKind(gk)?.namespaced);
  const parts = await Promise.all([
    newKinds.length > 0 ? listMembers(client, discovery, inventory, newKinds, [...listed.namespaces, ...newNamespaces]) : /* @__PURE__ */ new Map(),
    newNamespaces.length > 0 ? listMembers(client, discovery, inventory, namespacedListed, newNamespaces) : /* @__PURE__ */ new Map()
  ]);
  return new Map([...parts[0], ...parts[1]]);
}

// src/deploy/phases.ts
var phaseOrder = ["cluster", "config", "databases", "migration", "workloads", "routes"];
var phaseAnnotation = "airflow-gitops/phase";
var clusterKinds = /* @__PURE__ */ new Set(["CustomResourceDefinition", "Namespace"]);
var workloadKinds = /* @__PURE__ */ new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "CronJob", "HorizontalPodAutoscaler", "PodDisruptionBudget"]);
var routeKinds = /* @__PURE__ */ new Set(["Ingress", "Gateway", "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);
var databaseName = /(^|[-_.])(postgres|postgresql|redis)([-_.]|$)/;
function isDatabase(object) {
  if (object.kind !== "StatefulSet" && object.kind !== "Deployment") return false;
  const labels = object.metadata.labels ?? {};
  const names = [object.metadata.name, labels["app.kubernetes.io/name"], labels["app.kubernetes.io/component"]];
  return names.some((n) => n !== void 0 && databaseName.test(n));
}
function phaseOf(object) {
  const explicit = object.metadata.annotations?.[phaseAnnotation];
  if (explicit !== void 0 && phaseOrder.includes(explicit)) return explicit;
  if (clusterKinds.has(object.kind)) return "cluster";
  if (isDatabase(object)) return "databases";
  if (object.kind === "Job") return "migration";
  if (workloadKinds.has(object.kind)) return "workloads";
  if (routeKinds.has(object.kind)) return "routes";
  return "config";
}
function isWaitable(object) {
  return ["Deployment", "StatefulSet", "DaemonSet", "Job"].includes(object.kind) && object.apiVersion.startsWith(object.kind === "Job" ? "batch/" : "apps/");
}

export {
  fingerprintsKey,
  readParent,
  healthyTemplatesKey,
  readFingerprints,
  readHealthyTemplates,
  listMembers,
  listRemainingMembers,
  phaseOrder,
  phaseOf,
  isWaitable
};
