import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_dist
} from "./chunk-CT3SYMP3.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";
import {
  __toESM
} from "./chunk-XNDQ27F5.js";

// src/overlays/image-pin.ts
var import_yaml = __toESM(require_dist(), 1);
var airflowImage = "apache/airflow";
var kustomizationFileName = "kustomization.yaml";
var component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var reference = new RegExp(`^(${component}(?::[0-9]{1,5})?(?:/${component})+)@(sha256:[0-9a-f]{64})$`);
function parseImagePin(value, place = "--image") {
  const match = reference.exec(value);
  if (match?.[1] !== void 0 && match[2] !== void 0) return { name: match[1], digest: match[2] };
  const quoted = JSON.stringify(value);
  const why = /@sha256:/.test(value) ? "the digest must be sha256: and 64 lowercase hex digits, and the name lowercase registry/path components without a tag" : "it has no @sha256:<digest>; pin the image by the digest the registry returned, not by a tag";
  throw new UsageError(`${place} ${quoted} is not an image reference <registry>/<path>@sha256:<64 hex digits>: ${why}`);
}
function formatImagePin(pin) {
  return `${pin.name}@${pin.digest}`;
}
function loaded(content, file) {
  const doc = (0, import_yaml.parseDocument)(content);
  if (doc.errors.length > 0) throw new UsageError(`${file}: not valid YAML: ${doc.errors[0]?.message ?? ""}`);
  if (!(0, import_yaml.isMap)(doc.contents)) throw new UsageError(`${file}: expected a Kustomization mapping`);
  return doc;
}
function airflowEntry(doc, file) {
  const images = doc.get("images", true);
  if (images === void 0 || images === null) return void 0;
  if (!(0, import_yaml.isSeq)(images)) throw new UsageError(`${file}: images: must be a list of {name, newName, newTag, digest} entries`);
  const entries = images.items.filter((item) => (0, import_yaml.isMap)(item) && item.get("name") === airflowImage);
  if (entries.length > 1) throw new UsageError(`${file}: images: lists ${airflowImage} ${entries.length} times; keep one entry`);
  return entries[0];
}
function imagePinIn(file, content) {
  const entry = airflowEntry(loaded(content, file), file);
  if (entry === void 0) return void 0;
  const name = entry.get("newName");
  const digest = entry.get("digest");
  if (typeof digest !== "string") throw new UsageError(`${file}: the images: entry for ${airflowImage} has no digest: pin it by digest (airflow-gitops bump --image <name>@sha256:...)`);
  return parseImagePin(`${typeof name === "string" ? name : airflowImage}@${digest}`, `${file}: the images: entry for ${airflowImage}`);
}
function describedImageIn(file, content) {
  const entry = airflowEntry(loaded(content, file), file);
  if (entry === void 0) return void 0;
  const name = String(entry.get("newName") ?? airflowImage);
  const digest = entry.get("digest");
  const tag = entry.get("newTag");
  return digest !== void 0 ? `${name}@${String(digest)}` : `${name}:${String(tag ?? "latest")}`;
}
function setEntry(doc, entry, pin) {
  if (entry === void 0) {
    const created = doc.createNode({ name: airflowImage, newName: pin.name, digest: pin.digest });
    const images = doc.get("images", true);
    if ((0, import_yaml.isSeq)(images)) images.add(created);
    else if ((0, import_yaml.isMap)(doc.contents)) {
      const pair = doc.createPair("images", [created]);
      if ((0, import_yaml.isScalar)(pair.key)) {
        pair.key.spaceBefore = true;
        pair.key.commentBefore = " The Airflow image this environment runs, pinned by digest (written by\n `airflow-gitops bump --image` and by promotions; see docs/image.md).";
      }
      doc.contents.items.push(pair);
    }
    return;
  }
  entry.set("newName", pin.name);
  entry.set("digest", pin.digest);
  entry.delete("newTag");
}
function withImagePin(file, content, pin) {
  const doc = loaded(content, file);
  const entry = airflowEntry(doc, file);
  const current = entry?.get("digest") === void 0 ? void 0 : imagePinIn(file, content);
  if (entry === void 0 ? pin === void 0 : current !== void 0 && current.name === pin?.name && current.digest === pin.digest) return void 0;
  if (pin !== void 0) setEntry(doc, entry, pin);
  else if (entry !== void 0) {
    const images = doc.get("images", true);
    if ((0, import_yaml.isSeq)(images)) images.items = images.items.filter((item) => item !== entry);
    if ((0, import_yaml.isSeq)(images) && images.items.length === 0) doc.delete("images");
  }
  return String(doc);
}

export {
  kustomizationFileName,
  parseImagePin,
  formatImagePin,
  imagePinIn,
  describedImageIn,
  withImagePin
};
