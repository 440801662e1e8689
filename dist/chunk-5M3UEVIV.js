import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  EnvironmentError,
  UsageError
} from "./chunk-VGK45RJW.js";

// src/scaffold/engine.ts
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
var vendoredFolders = ["base", "components", "cluster"];
function isEngineRoot(dir) {
  return existsSync(join(dir, "action.yml")) && existsSync(join(dir, "base", "kustomization.yaml"));
}
function findEngineRoot(start = fileURLToPath(import.meta.url)) {
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    if (isEngineRoot(dir)) return dir;
    if (dirname(dir) === dir) throw new EnvironmentError(`no airflow-gitops engine (action.yml and base/) above ${start}`);
  }
}
function checkEngineRoot(dir, source) {
  if (!isEngineRoot(dir)) throw new UsageError(`${source} ${dir} is not an airflow-gitops checkout (no action.yml and base/kustomization.yaml)`);
  return dir;
}
function engineVersion(root) {
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  if (typeof version !== "string" || !/^\d+\.\d+\.\d+$/.test(version)) throw new EnvironmentError(`${join(root, "package.json")}: no plain version`);
  return `v${version}`;
}
function filesUnder(root, folder) {
  const files = /* @__PURE__ */ new Map();
  const top = join(root, folder);
  if (!existsSync(top)) return files;
  const names = readdirSync(top, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort();
  for (const file of names) files.set(relative(root, file).split(sep).join("/"), readFileSync(file));
  return files;
}
function vendoredFiles(root) {
  return new Map(vendoredFolders.flatMap((folder) => [...filesUnder(root, folder)]));
}

export {
  findEngineRoot,
  checkEngineRoot,
  engineVersion,
  filesUnder,
  vendoredFiles
};
