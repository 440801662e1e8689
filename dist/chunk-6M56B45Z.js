import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  UsageError
} from "./chunk-VGK45RJW.js";

// src/requirements/paths.ts
import { join, relative, sep } from "node:path";
var requirementsFileName = "requirements.txt";
var lockFileName = "requirements.lock";
var moduleMapFileName = "requirements.modules.json";
function lockPaths(root, engineRoot) {
  const baseLock = join(engineRoot, "python", "requirements", "airflow.lock");
  const name = (path) => relative(root, path).split(sep).join("/");
  const paths = {
    root,
    requirements: join(root, requirementsFileName),
    lock: join(root, lockFileName),
    moduleMap: join(root, moduleMapFileName),
    kustomization: join(root, "base", "kustomization.yaml"),
    engineRoot,
    baseLock
  };
  return {
    ...paths,
    names: { requirements: name(paths.requirements), lock: name(paths.lock), moduleMap: name(paths.moduleMap), kustomization: name(paths.kustomization), baseLock: name(baseLock) }
  };
}

// src/requirements/module-map.ts
import { existsSync, readFileSync } from "node:fs";
function readModuleMap(path) {
  if (!existsSync(path)) throw new UsageError(`${path} not found: run \`npx airflow-gitops lock\` to write it beside requirements.lock`);
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`${path} is not JSON (${error.message}): run \`npx airflow-gitops lock\` to write it again`);
  }
  return lockedModules(moduleMapOf(parsed, path), path);
}
function lockedModules(map, path) {
  return { path, map, stdlib: new Set(map.stdlib), namespaces: new Set(map.namespaces) };
}
function moduleMapOf(value, path) {
  const bad = (what) => {
    throw new UsageError(`${path}: ${what}; run \`npx airflow-gitops lock\` to write it again`);
  };
  if (typeof value !== "object" || value === null) return bad("not an object");
  const record = value;
  const strings = (key) => {
    const list = record[key];
    return Array.isArray(list) && list.every((item) => typeof item === "string") ? list : bad(`'${key}' is not a list of names`);
  };
  const text = (key) => typeof record[key] === "string" ? record[key] : bad(`'${key}' is not a string`);
  const modules = record.modules;
  if (typeof modules !== "object" || modules === null || Array.isArray(modules)) return bad("'modules' is not an object");
  const checkedModules = {};
  for (const [name, distributions] of Object.entries(modules)) {
    if (!Array.isArray(distributions) || !distributions.every((item) => typeof item === "string")) return bad(`modules.${name} is not a list of distributions`);
    checkedModules[name] = distributions;
  }
  return { lock: text("lock"), python: text("python"), stdlib: strings("stdlib"), modules: checkedModules, namespaces: strings("namespaces") };
}
function providerOf(locked, module) {
  const parts = module.split(".");
  const top = parts[0] ?? module;
  if (locked.stdlib.has(top)) return { kind: "stdlib" };
  let depth = 0;
  for (let i = parts.length; i >= 1; i--) {
    if (locked.namespaces.has(parts.slice(0, i).join("."))) {
      depth = i;
      break;
    }
  }
  if (depth === parts.length) return { kind: "locked", distributions: locked.map.modules[module] ?? [] };
  const deciding = parts.slice(0, depth + 1).join(".");
  const distributions = locked.map.modules[deciding];
  if (distributions !== void 0 || locked.namespaces.has(deciding)) return { kind: "locked", distributions: distributions ?? [] };
  return { kind: "missing", module: deciding };
}
var twoPartProviders = /* @__PURE__ */ new Set(["apache", "atlassian", "cncf", "common", "dbt", "microsoft"]);
function distributionHint(module) {
  const match = /^airflow\.providers\.([a-z0-9_]+)(?:\.([a-z0-9_]+))?/.exec(module);
  if (!match?.[1]) return null;
  const parts = twoPartProviders.has(match[1]) && match[2] ? [match[1], match[2]] : [match[1]];
  return `apache-airflow-providers-${parts.join("-").replaceAll("_", "-")}`;
}

export {
  readModuleMap,
  moduleMapOf,
  providerOf,
  distributionHint,
  lockFileName,
  moduleMapFileName,
  lockPaths
};
