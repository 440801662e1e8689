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

// src/scaffold/manifest.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { join as join2 } from "node:path";
var manifestFile = ".airflow-gitops.json";
var enginePattern = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
var versionPattern = /^v\d+(\.\d+){0,2}$/;
function sha256(content) {
  return createHash("sha256").update(content).digest("hex");
}
function checkEngineName(value, source) {
  if (!enginePattern.test(value)) throw new UsageError(`${source} ${JSON.stringify(value)} is not a repository like owner/airflow-gitops`);
  return value;
}
function checkVersion(value, source) {
  if (!versionPattern.test(value)) throw new UsageError(`${source} ${JSON.stringify(value)} is not a release tag like v1.2.0`);
  return value;
}
function manifestFor(engine, version, files) {
  return { engine, version, files: Object.fromEntries([...files].map(([path, content]) => [path, sha256(content)])) };
}
function manifestText(manifest) {
  return `${JSON.stringify(manifest, null, 2)}
`;
}
function readManifest(repoRoot) {
  const file = join2(repoRoot, manifestFile);
  if (!existsSync2(file)) throw new UsageError(`${file} not found: upgrade works in a repository made with 'airflow-gitops init'`);
  let value;
  try {
    value = JSON.parse(readFileSync2(file, "utf8"));
  } catch (error) {
    throw new UsageError(`${file}: not JSON: ${error.message}`);
  }
  const m = value;
  if (m === null || typeof m !== "object" || typeof m.engine !== "string" || typeof m.version !== "string" || typeof m.files !== "object" || m.files === null) {
    throw new UsageError(`${file}: expected {"engine": "owner/name", "version": "vX.Y.Z", "files": {path: sha256}}`);
  }
  for (const [path, hash] of Object.entries(m.files)) {
    if (typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(hash) || path.startsWith("/") || path.split("/").includes("..")) throw new UsageError(`${file}: files[${JSON.stringify(path)}] is not a vendored file with its sha256`);
  }
  return { engine: checkEngineName(m.engine, `${file}: engine`), version: checkVersion(m.version, `${file}: version`), files: m.files };
}

// src/scaffold/workflows.ts
var teamWorkflows = ["deploy.yml", "promote.yml", "checks.yml"];
var localUses = /^(\s*(?:-\s+)?uses:\s+)\.\/(\.github\/workflows\/[\w.-]+\.ya?ml)?\s*(?:#.*)?$/gm;
var localCli = /\bnode dist\/cli\.js\b/g;
function versionedUses(text, engine, version) {
  const uses = text.replace(localUses, (_line, prefix, workflow) => `${prefix}${engine}${workflow ? `/${workflow}` : ""}@${version}`);
  return uses.replace(localCli, `npx --yes --package=github:${engine}#${version} airflow-gitops`);
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
function retargetUses(text, engine, from, to) {
  const pattern = new RegExp(`^(\\s*(?:-\\s+)?uses:\\s+${escapeRegExp(engine)}(?:/\\.github/workflows/[\\w.-]+\\.ya?ml)?@)${escapeRegExp(from)}(\\s*(?:#.*)?)$`, "gm");
  return text.replace(pattern, (_line, prefix, rest) => `${prefix}${to}${rest}`);
}

export {
  findEngineRoot,
  checkEngineRoot,
  engineVersion,
  filesUnder,
  vendoredFiles,
  manifestFile,
  sha256,
  checkEngineName,
  checkVersion,
  manifestFor,
  manifestText,
  readManifest,
  teamWorkflows,
  versionedUses,
  retargetUses
};
