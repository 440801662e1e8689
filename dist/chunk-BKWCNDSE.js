import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  containersOf,
  describeObject,
  isRecord,
  podSpecOf,
  recordsIn
} from "./chunk-PRALPFIX.js";

// src/secrets/catalog.ts
var secretCatalog = [
  {
    name: "airflow-secrets",
    keys: {
      "fernet-key": { env: "AIRFLOW_GITOPS_FERNET_KEY", generate: "fernet" },
      "jwt-secret": { env: "AIRFLOW_GITOPS_JWT_SECRET", generate: "token" },
      "api-secret-key": { env: "AIRFLOW_GITOPS_API_SECRET_KEY", generate: "token" }
    }
  },
  // The databases run inside the environment, so their passwords may be generated too.
  { name: "airflow-postgresql", keys: { password: { env: "AIRFLOW_GITOPS_POSTGRES_PASSWORD", generate: "token" } } },
  { name: "airflow-redis", keys: { password: { env: "AIRFLOW_GITOPS_REDIS_PASSWORD", generate: "token" } } },
  // The password of the `admin` login (base/api-server), which the deploy's health gate uses too.
  { name: "airflow-admin", keys: { password: { env: "AIRFLOW_GITOPS_ADMIN_PASSWORD", generate: "token" } } },
  // What Airflow authenticates to PgBouncer with (components/pgbouncer).
  { name: "airflow-pgbouncer", keys: { password: { env: "AIRFLOW_GITOPS_PGBOUNCER_PASSWORD", generate: "token" } } },
  {
    name: "airflow-git-ssh",
    keys: { "ssh-privatekey": { env: "AIRFLOW_GITOPS_GIT_SSH_KEY" }, known_hosts: { env: "AIRFLOW_GITOPS_GIT_KNOWN_HOSTS" } }
  },
  { name: "airflow-git-https", keys: { username: { env: "AIRFLOW_GITOPS_GIT_USERNAME" }, token: { env: "AIRFLOW_GITOPS_GIT_TOKEN" } } }
];

// src/secrets/origin.ts
var originAnnotation = "airflow-gitops/secret-origin";
var origins = /* @__PURE__ */ new Set(["given", "generated", "by hand"]);
function isKeyOrigin(value) {
  if (value === null || typeof value !== "object") return false;
  const entry = value;
  return typeof entry.origin === "string" && origins.has(entry.origin) && typeof entry.changed === "string";
}
function readOrigins(secret) {
  const text = secret?.metadata.annotations?.[originAnnotation];
  if (text === void 0) return {};
  try {
    const parsed = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object") return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => isKeyOrigin(v)));
  } catch {
    return {};
  }
}
function createdAt(secret, now) {
  const created = secret?.metadata.creationTimestamp;
  return typeof created === "string" ? created : now;
}
function nextOrigin(recorded, changed, source, live, now, unrecorded) {
  if (changed) return { origin: source, changed: now };
  if (recorded !== void 0) return source === "given" && recorded.origin !== "given" ? { origin: "given", changed: recorded.changed } : recorded;
  return { origin: source === "given" ? "given" : unrecorded, changed: createdAt(live, now) };
}
function originText(all) {
  return JSON.stringify(Object.fromEntries(Object.entries(all).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)));
}

// src/secrets/references.ts
function at(value, ...path) {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : void 0;
  return current;
}
function secretNames(pod) {
  const names = [];
  for (const v of recordsIn(pod.volumes)) {
    names.push(at(v, "secret", "secretName"));
    for (const s of recordsIn(at(v, "projected", "sources"))) names.push(at(s, "secret", "name"));
  }
  for (const c of containersOf(pod)) {
    for (const e of recordsIn(c.env)) names.push(at(e, "valueFrom", "secretKeyRef", "name"));
    for (const e of recordsIn(c.envFrom)) names.push(at(e, "secretRef", "name"));
  }
  return names.filter((n) => typeof n === "string" && n.length > 0);
}
function referencedSecrets(objects) {
  const refs = /* @__PURE__ */ new Map();
  for (const object of objects) {
    const pod = podSpecOf(object);
    if (!pod) continue;
    for (const name of new Set(secretNames(pod))) {
      const key = `${object.metadata.namespace ?? ""}/${name}`;
      refs.set(key, [...refs.get(key) ?? [], describeObject(object)]);
    }
  }
  return refs;
}

export {
  secretCatalog,
  originAnnotation,
  readOrigins,
  nextOrigin,
  originText,
  referencedSecrets
};
