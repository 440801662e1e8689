import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  kustomizeBuild
} from "./chunk-YKQKCZGO.js";
import {
  redacted
} from "./chunk-R3FHXGE5.js";
import {
  require_dist
} from "./chunk-CT3SYMP3.js";
import {
  CommandFailure
} from "./chunk-VGK45RJW.js";
import {
  __toESM
} from "./chunk-XNDQ27F5.js";

// src/objects.ts
function groupOf(apiVersion) {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}
function groupKind(object) {
  const group = groupOf(object.apiVersion);
  return group === "" ? object.kind : `${object.kind}.${group}`;
}
function objectKey(object) {
  return `${groupKind(object)}/${object.metadata.namespace ?? ""}/${object.metadata.name}`;
}
function describeObject(object) {
  const ns = object.metadata.namespace;
  return `${object.kind} ${ns ? `${ns}/` : ""}${object.metadata.name}`;
}
function clone(value) {
  return structuredClone(value);
}
function stableJson(value) {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function fieldAt(value, ...path) {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[key];
  }
  return current;
}
function textAt(value, ...path) {
  const found = fieldAt(value, ...path);
  return typeof found === "string" ? found : void 0;
}
function listAt(value, ...path) {
  const found = fieldAt(value, ...path);
  return Array.isArray(found) ? found : [];
}
function recordAt(value, ...path) {
  const found = fieldAt(value, ...path);
  return found !== null && typeof found === "object" && !Array.isArray(found) ? found : {};
}
function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function recordsIn(value) {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}
function specOf(object) {
  return isRecord(object.spec) ? object.spec : {};
}
function statusOf(object) {
  return isRecord(object.status) ? object.status : {};
}
function podTemplateOf(object) {
  const spec = specOf(object);
  if (object.kind === "CronJob") {
    const jobTemplate = isRecord(spec.jobTemplate) ? spec.jobTemplate : {};
    const jobSpec = isRecord(jobTemplate.spec) ? jobTemplate.spec : {};
    return isRecord(jobSpec.template) ? jobSpec.template : void 0;
  }
  return isRecord(spec.template) ? spec.template : void 0;
}
function podSpecOf(object) {
  if (object.kind === "Pod") return isRecord(object.spec) ? object.spec : void 0;
  const template = podTemplateOf(object);
  return template && isRecord(template.spec) ? template.spec : void 0;
}
function containersOf(podSpec) {
  return podSpec ? [...recordsIn(podSpec.initContainers), ...recordsIn(podSpec.containers)] : [];
}
function containerStatusesOf(pod) {
  const status = statusOf(pod);
  return [...recordsIn(status.initContainerStatuses), ...recordsIn(status.containerStatuses)];
}
function conditionsOf(object) {
  return recordsIn(statusOf(object).conditions).map((c) => ({
    type: text(c.type),
    status: text(c.status),
    reason: text(c.reason),
    message: text(c.message),
    lastTransitionTime: text(c.lastTransitionTime)
  }));
}
function text(value) {
  return typeof value === "string" ? value : void 0;
}
function count(value) {
  return typeof value === "number" ? value : 0;
}

// src/deploy/applyset.ts
import { createHash } from "node:crypto";
var partOfLabel = "applyset.kubernetes.io/part-of";
var idLabel = "applyset.kubernetes.io/id";
var toolingAnnotation = "applyset.kubernetes.io/tooling";
var groupKindsAnnotation = "applyset.kubernetes.io/contains-group-kinds";
var namespacesAnnotation = "applyset.kubernetes.io/additional-namespaces";
var tooling = "airflow-gitops/v1";
function applysetId(parentName, namespace) {
  const digest = createHash("sha256").update(`${parentName}.${namespace}.ConfigMap.`).digest("base64url");
  return `applyset-${digest}-v1`;
}
function inventoryFor(environment, namespace) {
  const parentName = `airflow-gitops-${environment}`;
  return { id: applysetId(parentName, namespace), parentName, namespace };
}
function primaryNamespace(objects, given) {
  if (given) return given;
  const namespaces = objects.filter((o) => o.kind === "Namespace" && o.apiVersion === "v1");
  if (namespaces.length === 1 && namespaces[0]) return namespaces[0].metadata.name;
  const counts = /* @__PURE__ */ new Map();
  for (const o of objects) if (o.metadata.namespace) counts.set(o.metadata.namespace, (counts.get(o.metadata.namespace) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  if (best === void 0) throw new CommandFailure("the render has no namespaced object: set namespace: in the overlay or pass --namespace");
  return best[0];
}
function recordOf(objects, primary) {
  const groupKinds = [...new Set(objects.map(groupKind))].sort();
  const namespaces = [...new Set(objects.map((o) => o.metadata.namespace).filter((n) => !!n && n !== primary))].sort();
  return { groupKinds, namespaces };
}
function readRecord(parent) {
  const split = (value) => value ? value.split(",").filter((s) => s.length > 0) : [];
  return {
    groupKinds: split(parent?.metadata.annotations?.[groupKindsAnnotation]),
    namespaces: split(parent?.metadata.annotations?.[namespacesAnnotation])
  };
}
function unionRecord(a, b) {
  return {
    groupKinds: [.../* @__PURE__ */ new Set([...a.groupKinds, ...b.groupKinds])].sort(),
    namespaces: [.../* @__PURE__ */ new Set([...a.namespaces, ...b.namespaces])].sort()
  };
}
function sameRecord(a, b) {
  return a.groupKinds.join(",") === b.groupKinds.join(",") && a.namespaces.join(",") === b.namespaces.join(",");
}
function parentObject(inventory, record, labels) {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      name: inventory.parentName,
      namespace: inventory.namespace,
      labels: { ...labels, [idLabel]: inventory.id },
      annotations: {
        [toolingAnnotation]: tooling,
        [groupKindsAnnotation]: record.groupKinds.join(","),
        [namespacesAnnotation]: record.namespaces.join(",")
      }
    }
  };
}
function checkParentTooling(parent, inventory) {
  const found = parent?.metadata.annotations?.[toolingAnnotation];
  if (parent && found !== void 0 && found !== tooling) {
    throw new CommandFailure(
      `ConfigMap ${inventory.namespace}/${inventory.parentName} is an ApplySet parent of '${found}', not ${tooling}: refusing to take over its inventory`
    );
  }
}

// src/deploy/tracking.ts
import { createHash as createHash2 } from "node:crypto";
var managedByLabel = "app.kubernetes.io/managed-by";
var managedByValue = "airflow-gitops";
var environmentLabel = "airflow-gitops/environment";
var commitAnnotation = "airflow-gitops/commit";
var runUrlAnnotation = "airflow-gitops/run-url";
var configHashAnnotation = "airflow-gitops/config-hash";
function trackingLabels(environment, applysetId2) {
  return { [managedByLabel]: managedByValue, [environmentLabel]: environment, [partOfLabel]: applysetId2 };
}
function configHash(object) {
  const perDeploy = [configHashAnnotation, commitAnnotation, runUrlAnnotation];
  const annotations = Object.fromEntries(Object.entries(object.metadata.annotations ?? {}).filter(([k]) => !perDeploy.includes(k)));
  const copy = { ...object, metadata: { ...object.metadata, annotations } };
  return createHash2("sha256").update(stableJson(copy)).digest("hex").slice(0, 32);
}
function addTracking(objects, labels) {
  return objects.map((original) => {
    const object = clone(original);
    object.metadata.labels = { ...object.metadata.labels, ...labels };
    if (object.kind !== "Secret") {
      object.metadata.annotations = { ...object.metadata.annotations, [configHashAnnotation]: configHash(object) };
    }
    return object;
  });
}
function stampRevision(object, revision) {
  const stamped = clone(object);
  const extra = {};
  if (revision.commit) extra[commitAnnotation] = revision.commit;
  if (revision.runUrl) extra[runUrlAnnotation] = revision.runUrl;
  if (Object.keys(extra).length > 0) stamped.metadata.annotations = { ...stamped.metadata.annotations, ...extra };
  return stamped;
}

// src/deploy/render.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";

// src/kustomize/parse.ts
var import_yaml = __toESM(require_dist(), 1);

// src/kustomize/block-yaml.ts
var OutsideSubset = class extends Error {
};
var outside = () => {
  throw new OutsideSubset();
};
var indentOf = (line) => line.length - line.trimStart().length;
var isBlank = (line) => line.trim() === "";
function peekIndent(c) {
  while (c.i < c.end && isBlank(c.lines[c.i] ?? "")) c.i++;
  if (c.i >= c.end) return -1;
  const line = c.lines[c.i] ?? "";
  if (line.trimStart().startsWith("#")) outside();
  return indentOf(line);
}
var isSeqItem = (line, col) => line[col] === "-" && (line.length === col + 1 || line[col + 1] === " ");
var nullPlain = /^(?:~|[Nn]ull|NULL)?$/;
var boolPlain = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
var intPlain = /^[-+]?[0-9]+$/;
var otherNumbers = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
function resolvePlain(text2) {
  if (nullPlain.test(text2)) return null;
  if (boolPlain.test(text2)) return text2[0] === "t" || text2[0] === "T";
  if (intPlain.test(text2)) return parseInt(text2, 10);
  if (otherNumbers.test(text2)) outside();
  return text2;
}
function plainText(raw) {
  const text2 = raw.trim();
  if (text2 === "" || /^[,[\]{}#&*!|>'"%@`]/.test(text2) || /^[-?:](?: |$)/.test(text2)) outside();
  if (text2.includes(": ") || text2.endsWith(":") || text2.includes(" #")) outside();
  return text2;
}
var escapes = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "	",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1B",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xA0",
  L: "\u2028",
  P: "\u2029"
};
var hexLengths = { x: 2, u: 4, U: 8 };
function unescapeDouble(body) {
  return body.replace(/\\(?:([xuU])([0-9a-fA-F]*)|(.))/g, (_, hex, digits, one) => {
    if (one !== void 0) return escapes[one] ?? outside();
    const length = hexLengths[hex ?? ""] ?? 0;
    if (digits.length < length) outside();
    const code = parseInt(digits.slice(0, length), 16);
    if (code > 1114111) outside();
    return String.fromCodePoint(code) + digits.slice(length);
  });
}
function quoted(line, start) {
  if (line[start] === "'") {
    const match2 = /^'((?:[^']|'')*)'/.exec(line.slice(start)) ?? outside();
    return { value: (match2[1] ?? "").replaceAll("''", "'"), end: start + match2[0].length };
  }
  const match = /^"((?:[^"\\]|\\.)*)"/.exec(line.slice(start)) ?? outside();
  return { value: unescapeDouble(match[1] ?? ""), end: start + match[0].length };
}
function quotedValue(line, start) {
  const { value, end } = quoted(line, start);
  if (line.slice(end).trim() !== "") outside();
  return value;
}
function literalBlock(c, header, parentCol) {
  if (header !== "|" && header !== "|-") outside();
  const content = [];
  let col = -1;
  while (c.i < c.end) {
    const line = c.lines[c.i] ?? "";
    if (isBlank(line)) {
      if (col < 0 || line.length > col) outside();
      content.push("");
    } else {
      if (col < 0) col = indentOf(line);
      if (indentOf(line) < col || col <= parentCol) break;
      content.push(line.slice(col));
    }
    c.i++;
  }
  while (content.length > 0 && content[content.length - 1] === "") content.pop();
  if (content.length === 0) outside();
  const text2 = content.join("\n");
  return header === "|" ? `${text2}
` : text2;
}
function inlineValue(c, raw, col) {
  const text2 = raw.trim();
  if (text2.startsWith("|")) return literalBlock(c, text2, col);
  if (text2 === "{}") return {};
  if (text2 === "[]") return [];
  if (text2.startsWith('"') || text2.startsWith("'")) return quotedValue(text2, 0);
  return resolvePlain(foldedPlain(c, plainText(text2), col));
}
function foldedPlain(c, first, col) {
  let text2 = first;
  for (let line = c.lines[c.i] ?? ""; c.i < c.end && !isBlank(line) && indentOf(line) > col; line = c.lines[c.i] ?? "") {
    text2 += ` ${plainText(line)}`;
    c.i++;
  }
  return text2;
}
function nestedValue(c, col, sequenceAtSameColumn) {
  const next = peekIndent(c);
  if (next < 0 || next < col) return null;
  const line = c.lines[c.i] ?? "";
  if (next === col) return sequenceAtSameColumn && isSeqItem(line, col) ? readSequence(c, col) : null;
  return isSeqItem(line, next) ? readSequence(c, next) : readMapping(c, next);
}
function mappingKey(line, start) {
  let key;
  let end;
  if (line[start] === '"' || line[start] === "'") {
    ({ value: key, end } = quoted(line, start));
  } else {
    const colon = line.indexOf(": ", start);
    end = colon >= 0 ? colon : line.endsWith(":") ? line.length - 1 : outside();
    key = plainText(line.slice(start, end));
    if (typeof resolvePlain(key) !== "string") outside();
  }
  if (line[end] !== ":" || end + 1 < line.length && line[end + 1] !== " ") outside();
  if (key === "__proto__" || key === "<<" || key.length > 1e3) outside();
  return { key, rest: end + 1 };
}
function readMapping(c, col) {
  const map = {};
  for (let next = peekIndent(c); next === col; next = peekIndent(c)) {
    const line = c.lines[c.i] ?? "";
    if (isSeqItem(line, col)) outside();
    const { key, rest } = mappingKey(line, col);
    if (Object.hasOwn(map, key)) outside();
    c.i++;
    const raw = line.slice(rest);
    map[key] = raw.trim() === "" ? nestedValue(c, col, true) : inlineValue(c, raw, col);
  }
  if (peekIndent(c) > col) outside();
  return map;
}
function opensMapping(text2) {
  if (text2.startsWith('"') || text2.startsWith("'")) {
    const { end } = quoted(text2, 0);
    return text2[end] === ":";
  }
  return text2.includes(": ") || text2.endsWith(":");
}
function readSequence(c, col) {
  const items = [];
  for (let next = peekIndent(c); next === col; next = peekIndent(c)) {
    const line = c.lines[c.i] ?? "";
    if (!isSeqItem(line, col)) break;
    const text2 = line.slice(col + 1).trimStart();
    if (text2 === "") {
      c.i++;
      items.push(nestedValue(c, col, false));
    } else if (text2.startsWith("- ") || text2 === "-") {
      outside();
    } else if (opensMapping(text2)) {
      c.lines[c.i] = " ".repeat(col + 1) + line.slice(col + 1);
      items.push(readMapping(c, indentOf(c.lines[c.i] ?? "")));
    } else {
      c.i++;
      items.push(inlineValue(c, text2, col));
    }
  }
  return items;
}
function readDocument(lines, start, end) {
  const c = { lines, i: start, end };
  const first = peekIndent(c);
  if (first < 0) return null;
  if (first !== 0) outside();
  const value = readMapping(c, 0);
  if (peekIndent(c) >= 0) outside();
  return value;
}
function hasControlCharacter(text2) {
  for (let i = 0; i < text2.length; i++) {
    const code = text2.charCodeAt(i);
    if (code < 32 && code !== 10) return true;
  }
  return false;
}
function readBlockYaml(text2) {
  if (/[\t\r\x7f\x85\u2028\u2029\ufeff]/.test(text2) || hasControlCharacter(text2)) return void 0;
  if (text2 !== "" && !text2.endsWith("\n")) return void 0;
  const lines = text2.split("\n");
  lines.pop();
  let first = 0;
  while (first < lines.length && (lines[first]?.startsWith("#") || isBlank(lines[first] ?? ""))) first++;
  if (first > 0 && lines[first] !== "---") return void 0;
  const documents = [];
  try {
    let start = first;
    for (let i = first; i <= lines.length; i++) {
      const line = lines[i];
      if (line !== void 0 && line !== "---") {
        if (line.startsWith("---") || line.startsWith("...") || line.startsWith("%")) return void 0;
        continue;
      }
      if (!(i === first && line === "---")) documents.push(readDocument(lines, start, i));
      start = i + 1;
    }
  } catch (error) {
    if (error instanceof OutsideSubset) return void 0;
    throw error;
  }
  return documents;
}

// src/kustomize/parse.ts
function documentValues(text2, source) {
  const fast = readBlockYaml(text2);
  if (fast !== void 0) return fast;
  return (0, import_yaml.parseAllDocuments)(text2).map((doc, index) => {
    if (doc.errors.length > 0) throw new CommandFailure(`${source}, document ${index + 1}: ${doc.errors[0]?.message}`);
    return doc.toJS();
  });
}
function parseManifests(text2, source) {
  const objects = [];
  documentValues(text2, source).forEach((value, index) => {
    if (value === null || value === void 0) return;
    const where = `${source}, document ${index + 1}`;
    if (typeof value !== "object" || Array.isArray(value)) throw new CommandFailure(`${where}: not a Kubernetes object`);
    const object = value;
    if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
      throw new CommandFailure(`${where}: missing apiVersion or kind`);
    }
    if (typeof object.metadata?.name !== "string" || object.metadata.name.length === 0) {
      throw new CommandFailure(`${where} (${object.kind}): missing metadata.name`);
    }
    objects.push(object);
  });
  return objects;
}

// src/deploy/render.ts
function refuseRedacted(objects, source) {
  const values = (data) => data && typeof data === "object" ? Object.values(data) : [];
  const hidden = objects.filter((o) => o.kind === "Secret" && [...values(o.data), ...values(o.stringData)].includes(redacted));
  if (hidden.length === 0) return;
  const names = hidden.map((o) => `Secret ${o.metadata.namespace ? `${o.metadata.namespace}/` : ""}${o.metadata.name}`).join(", ");
  throw new CommandFailure(`${source}: ${names} carries ${redacted} instead of its values (a render artefact never holds secret values): deploy from the overlay, or from kustomize's own output`);
}
async function renderedText(options) {
  if (options.renderedFile === void 0) {
    const text2 = await (options.kustomizeOutput ?? kustomizeBuild(options.overlayDir, options.env));
    return { text: text2, source: `kustomize output of ${options.overlayDir}` };
  }
  return { text: await readFile(options.renderedFile, "utf8"), source: options.renderedFile };
}
async function renderOverlay(options) {
  const { text: text2, source } = await renderedText(options);
  const raw = parseManifests(text2, source);
  if (options.renderedFile !== void 0) refuseRedacted(raw, source);
  const inventory = inventoryFor(options.environment, primaryNamespace(raw, options.namespace));
  const labels = trackingLabels(options.environment, inventory.id);
  return { overlayDir: options.overlayDir, environment: options.environment, inventory, labels, objects: addTracking(raw, labels) };
}
function withoutSecretValues(object) {
  if (object.kind !== "Secret") return object;
  const hide = (data) => data && typeof data === "object" ? Object.fromEntries(Object.keys(data).map((k) => [k, redacted])) : data;
  return { ...object, ...object.data ? { data: hide(object.data) } : {}, ...object.stringData ? { stringData: hide(object.stringData) } : {} };
}
function toYaml(rendered, revision) {
  const header = [
    `# airflow-gitops render of environment '${rendered.environment}' from ${rendered.overlayDir}`,
    ...revision.commit ? [`# commit: ${revision.commit}`] : [],
    ...revision.runUrl ? [`# run: ${revision.runUrl}`] : []
  ];
  const docs = rendered.objects.map((o) => (0, import_yaml2.stringify)(withoutSecretValues(stampRevision(o, revision)), { lineWidth: 0 }));
  return `${header.join("\n")}
---
${docs.join("---\n")}`;
}

export {
  groupOf,
  groupKind,
  objectKey,
  describeObject,
  clone,
  stableJson,
  compareText,
  fieldAt,
  textAt,
  listAt,
  recordAt,
  isRecord,
  recordsIn,
  specOf,
  statusOf,
  podTemplateOf,
  podSpecOf,
  containersOf,
  containerStatusesOf,
  conditionsOf,
  text,
  count,
  partOfLabel,
  recordOf,
  readRecord,
  unionRecord,
  sameRecord,
  parentObject,
  checkParentTooling,
  managedByLabel,
  managedByValue,
  environmentLabel,
  commitAnnotation,
  runUrlAnnotation,
  configHashAnnotation,
  configHash,
  stampRevision,
  renderOverlay,
  toYaml
};
