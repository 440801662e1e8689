import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  apiVersionOf,
  collectionPath,
  objectPath
} from "./chunk-I3JNE5F2.js";
import {
  isNotFound,
  pollUntil
} from "./chunk-R3FHXGE5.js";

// src/kube/requests.ts
var metadataOnlyAccept = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";
async function serverSideApply(client, info, object, options) {
  const answer = await client.request("PATCH", objectPath(info, object), {
    body: object,
    contentType: "application/apply-patch+yaml",
    accept: options.metadataOnly ? metadataOnlyAccept : void 0,
    onWarning: options.onWarning,
    query: {
      fieldManager: options.fieldManager,
      force: options.force,
      fieldValidation: "Strict",
      dryRun: options.dryRun ? "All" : void 0
    }
  });
  return { ...answer, apiVersion: object.apiVersion, kind: object.kind };
}
function dryRunCreateAsNew(client, info, object, fieldManager) {
  const { name, ...metadata } = object.metadata;
  const body = { ...object, metadata: { ...metadata, generateName: `${name.slice(0, 50)}-` } };
  return client.request("POST", collectionPath(info, object.metadata.namespace), {
    body,
    accept: metadataOnlyAccept,
    query: { fieldManager, fieldValidation: "Strict", dryRun: "All" }
  });
}
async function jsonPatch(client, info, object, operations) {
  await client.request("PATCH", objectPath(info, object), { body: operations, contentType: "application/json-patch+json", accept: metadataOnlyAccept });
}
async function getObject(client, info, object) {
  try {
    const live = await client.request("GET", objectPath(info, object));
    return { ...live, apiVersion: live.apiVersion ?? apiVersionOf(info), kind: live.kind ?? info.kind };
  } catch (error) {
    if (isNotFound(error)) return void 0;
    throw error;
  }
}
async function deleteObject(client, info, object, propagationPolicy) {
  try {
    await client.request("DELETE", objectPath(info, object), { body: { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy } });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
async function waitUntilGone(client, info, object, timeoutMs) {
  const gone = async () => await getObject(client, info, object) === void 0 ? true : void 0;
  return await pollUntil(gone, { timeoutMs, intervalMs: 150 }) ?? false;
}
async function listObjects(client, info, namespace, labelSelector) {
  const list = await client.request("GET", collectionPath(info, namespace), { query: { labelSelector } });
  return (list.items ?? []).map((item) => ({ ...item, apiVersion: apiVersionOf(info), kind: info.kind }));
}

export {
  serverSideApply,
  dryRunCreateAsNew,
  jsonPatch,
  getObject,
  deleteObject,
  waitUntilGone,
  listObjects
};
