import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  UsageError
} from "./chunk-VGK45RJW.js";

// src/overlays/environments.ts
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
var validName = /^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/;
function overlaysRoot(repoRoot) {
  return join(repoRoot, "overlays");
}
function listEnvironments(repoRoot) {
  const root = overlaysRoot(repoRoot);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(root, d.name, "kustomization.yaml"))).map((d) => d.name).sort();
}
function checkEnvironmentName(name) {
  if (!validName.test(name)) {
    throw new UsageError(`environment ${JSON.stringify(name)} is not a valid name: lowercase letters, digits and '-', at most 40 characters`);
  }
  return name;
}
function overlayDirFor(repoRoot, environment, explicit) {
  if (explicit) return resolve(repoRoot, explicit);
  const dir = join(overlaysRoot(repoRoot), environment);
  if (!existsSync(join(dir, "kustomization.yaml"))) {
    const known = listEnvironments(repoRoot);
    throw new UsageError(`no overlay for environment '${environment}' at ${dir}${known.length > 0 ? ` (environments: ${known.join(", ")})` : ""}`);
  }
  return dir;
}

export {
  overlaysRoot,
  listEnvironments,
  checkEnvironmentName,
  overlayDirFor
};
