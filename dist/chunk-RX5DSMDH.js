import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  UsageError
} from "./chunk-VGK45RJW.js";

// src/scaffold/manifest.ts
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
  const file = join(repoRoot, manifestFile);
  if (!existsSync(file)) throw new UsageError(`${file} not found: upgrade works in a repository made with 'airflow-gitops init'`);
  let value;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
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
