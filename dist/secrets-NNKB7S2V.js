import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  readOrigins,
  referencedSecrets,
  secretCatalog
} from "./chunk-BKWCNDSE.js";
import {
  getObject
} from "./chunk-4B2IDAP7.js";
import {
  connect
} from "./chunk-I3JNE5F2.js";
import {
  fieldAt,
  listAt,
  renderOverlay,
  textAt
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
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/secrets/report.ts
function writers(secret, key, ignore) {
  const owning = listAt(secret.metadata.managedFields).filter((e) => textAt(e, "manager") !== ignore && fieldAt(e, "fieldsV1", "f:data", `f:${key}`) !== void 0);
  const times = owning.map((e) => textAt(e, "time")).filter((t) => t !== void 0).sort();
  return { managers: [...new Set(owning.map((e) => textAt(e, "manager") ?? "unknown"))], time: times.at(-1) };
}
function rowsOf(name, live, readBy, fieldManager) {
  const catalogKeys = Object.keys(secretCatalog.find((s) => s.name === name)?.keys ?? {});
  if (live === void 0) return [{ secret: name, key: catalogKeys.join(", ") || "-", origin: "missing", changed: "-", readBy }];
  const origins = readOrigins(live);
  const data = live.data ?? {};
  const created = typeof live.metadata.creationTimestamp === "string" ? live.metadata.creationTimestamp : "-";
  return [.../* @__PURE__ */ new Set([...Object.keys(data), ...catalogKeys])].sort().map((key) => {
    if (data[key] === void 0) return { secret: name, key, origin: "missing", changed: "-", readBy };
    const recorded = origins[key];
    if (recorded !== void 0) return { secret: name, key, origin: recorded.origin, changed: recorded.changed, readBy };
    const w = writers(live, key, fieldManager);
    const origin = w.managers.length > 0 ? `by hand (${w.managers.join(", ")})` : "by hand";
    return { secret: name, key, origin, changed: w.time ?? created, readBy };
  });
}
function secretRows(rendered, namespace, live, fieldManager) {
  const refs = referencedSecrets(rendered);
  const names = /* @__PURE__ */ new Set();
  for (const key of refs.keys()) if (key.startsWith(`${namespace}/`)) names.add(key.slice(namespace.length + 1));
  for (const spec of secretCatalog) if (live.has(spec.name)) names.add(spec.name);
  return [...names].sort().flatMap((name) => rowsOf(name, live.get(name), refs.get(`${namespace}/${name}`) ?? [], fieldManager));
}
function secretNamesToRead(rendered, namespace) {
  const names = new Set(secretCatalog.map((s) => s.name));
  for (const key of referencedSecrets(rendered).keys()) if (key.startsWith(`${namespace}/`)) names.add(key.slice(namespace.length + 1));
  return [...names].sort();
}
function formatRows(rows) {
  const header = { secret: "SECRET", key: "KEY", origin: "ORIGIN", changed: "LAST CHANGED", readBy: ["READ BY"] };
  const all = [header, ...rows];
  const width = (f) => Math.max(...all.map((r) => f(r).length));
  const ws = width((r) => r.secret);
  const wk = width((r) => r.key);
  const wo = width((r) => r.origin);
  const wc = width((r) => r.changed);
  return all.map((r) => `${r.secret.padEnd(ws)}  ${r.key.padEnd(wk)}  ${r.origin.padEnd(wo)}  ${r.changed.padEnd(wc)}  ${r.readBy.join(", ") || "-"}`.trimEnd());
}

// src/commands/secrets.ts
async function listSecrets(settings, mask) {
  const [rendered, connection] = await Promise.all([renderOverlay(settings), connect(settings)]);
  try {
    const namespace = rendered.inventory.namespace;
    const info = connection.discovery.find({ apiVersion: "v1", kind: "Secret" });
    if (!info) throw new Error("the cluster serves no Secrets");
    const names = secretNamesToRead(rendered.objects, namespace);
    const found = await Promise.all(names.map((name) => getObject(connection.client, info, { metadata: { name, namespace } })));
    const live = /* @__PURE__ */ new Map();
    found.forEach((secret, i) => {
      if (secret === void 0) return;
      mask.addSecretData(secret.data, true);
      live.set(names[i] ?? "", secret);
    });
    return { environment: settings.environment, namespace, rows: secretRows(rendered.objects, namespace, live, settings.fieldManager) };
  } finally {
    connection.client.close();
  }
}
async function run(argv, io) {
  const masked = maskedIO(io);
  return reportingErrors("secrets", masked, async () => {
    const settings = engineSettings(engineOptionsFrom(parseCommandArgs(argv, engineFlags, "secrets"), "secrets"), io);
    const result = await listSecrets(settings, masked.mask);
    masked.out(`Secrets of ${result.environment} (namespace ${result.namespace}); values are never shown:`);
    for (const line of formatRows(result.rows)) masked.out(line);
    return result.rows.some((r) => r.origin === "missing") ? 1 : 0;
  });
}
export {
  listSecrets,
  run
};
