import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_dist
} from "./chunk-CT3SYMP3.js";
import {
  checkEnvironmentName,
  overlaysRoot
} from "./chunk-C6Q5PNHF.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";
import {
  __toESM
} from "./chunk-XNDQ27F5.js";

// src/overlays/environments-file.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
var environmentsFileName = "environments.yaml";
var githubEnvironmentName = /^[A-Za-z0-9_.-]{1,255}$/;
var knownKeys = /* @__PURE__ */ new Set(["name", "github-environment", "promote-from"]);
var defaultEnvironments = [
  { name: "dev", githubEnvironment: "dev" },
  { name: "staging", githubEnvironment: "staging", promoteFrom: "dev" },
  { name: "prod", githubEnvironment: "prod", promoteFrom: "staging" }
];
function entryOf(raw, index, earlier, where) {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new UsageError(`${where}: environments[${index}] must be a mapping with a name`);
  const fields = raw;
  for (const key of Object.keys(fields)) if (!knownKeys.has(key)) throw new UsageError(`${where}: environments[${index}] has an unknown key '${key}' (known: ${[...knownKeys].join(", ")})`);
  if (typeof fields.name !== "string") throw new UsageError(`${where}: environments[${index}] needs a name`);
  const name = checkEnvironmentName(fields.name);
  if (earlier.some((e) => e.name === name)) throw new UsageError(`${where}: environment '${name}' is listed twice`);
  const github = fields["github-environment"] ?? name;
  if (typeof github !== "string" || !githubEnvironmentName.test(github)) throw new UsageError(`${where}: github-environment of '${name}' must be letters, digits, '.', '_' or '-'`);
  const from = fields["promote-from"];
  if (from !== void 0 && (typeof from !== "string" || !earlier.some((e) => e.name === from))) {
    throw new UsageError(`${where}: promote-from of '${name}' must name an environment listed before it (${earlier.map((e) => e.name).join(", ") || "none"})`);
  }
  return { name, githubEnvironment: github, ...typeof from === "string" ? { promoteFrom: from } : {} };
}
function readEnvironments(repoRoot) {
  const path = join(repoRoot, environmentsFileName);
  if (!existsSync(path)) return defaultEnvironments.filter((e) => existsSync(join(overlaysRoot(repoRoot), e.name, "kustomization.yaml")));
  const doc = (0, import_yaml.parseDocument)(readFileSync(path, "utf8"));
  if (doc.errors.length > 0) throw new UsageError(`${environmentsFileName}: ${doc.errors[0]?.message ?? "not valid YAML"}`);
  const list = doc.toJS()?.environments;
  if (!Array.isArray(list) || list.length === 0) throw new UsageError(`${environmentsFileName}: needs a non-empty list 'environments'`);
  const entries = [];
  list.forEach((raw, index) => entries.push(entryOf(raw, index, entries, environmentsFileName)));
  for (const e of entries) {
    if (!existsSync(join(overlaysRoot(repoRoot), e.name, "kustomization.yaml"))) throw new UsageError(`${environmentsFileName}: environment '${e.name}' has no overlay (overlays/${e.name}/kustomization.yaml)`);
  }
  return entries;
}
function promotionChain(entries) {
  return entries.filter((e) => e.promoteFrom !== void 0).map((e) => ({ from: e.promoteFrom ?? "", to: e.name }));
}

export {
  readEnvironments,
  promotionChain
};
