import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkEngineName,
  checkVersion,
  manifestFile,
  manifestFor,
  manifestText,
  teamWorkflows,
  versionedUses
} from "./chunk-RX5DSMDH.js";
import {
  engineVersion,
  filesUnder,
  findEngineRoot,
  vendoredFiles
} from "./chunk-5M3UEVIV.js";
import {
  flagText,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import {
  checkEnvironmentName,
  listEnvironments
} from "./chunk-C6Q5PNHF.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/commands/init.ts
import { resolve } from "node:path";

// src/scaffold/init.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
var gitignore = "# The engine checked out by the reusable workflows, the Airflow venv, caches\n.airflow-gitops/\n.airflow-gitops-platform/\n.venv/\n.cache/\n";
function chosenEnvironments(engineRoot, wanted) {
  const known = listEnvironments(engineRoot);
  if (wanted === void 0) return known;
  for (const name of wanted) {
    checkEnvironmentName(name);
    if (!known.includes(name)) throw new UsageError(`--environments: '${name}' is not one of the template's environments (${known.join(", ")})`);
  }
  return wanted;
}
function workflowFiles(options) {
  const files = /* @__PURE__ */ new Map();
  for (const name of teamWorkflows) {
    const text = readFileSync(join(options.engineRoot, ".github", "workflows", name), "utf8");
    files.set(`.github/workflows/${name}`, Buffer.from(versionedUses(text, options.engine, options.version)));
  }
  for (const [path, content] of filesUnder(join(options.engineRoot, "scaffold"), ".github")) files.set(path, content);
  return files;
}
function planInit(options) {
  const files = /* @__PURE__ */ new Map();
  const vendored = vendoredFiles(options.engineRoot);
  for (const [path, content] of vendored) files.set(path, content);
  for (const env of chosenEnvironments(options.engineRoot, options.environments)) {
    for (const [path, content] of filesUnder(options.engineRoot, `overlays/${env}`)) files.set(path, content);
  }
  for (const [path, content] of filesUnder(options.engineRoot, "dags")) files.set(path, content);
  const environmentsFile = join(options.engineRoot, "environments.yaml");
  if (existsSync(environmentsFile)) files.set("environments.yaml", readFileSync(environmentsFile));
  for (const name of ["Dockerfile", ".dockerignore"]) if (existsSync(join(options.engineRoot, name))) files.set(name, readFileSync(join(options.engineRoot, name)));
  for (const [path, content] of workflowFiles(options)) files.set(path, content);
  const readme = readFileSync(join(options.engineRoot, "scaffold", "README.md"), "utf8").replaceAll("OWNER/airflow-gitops", options.engine).replaceAll("@VERSION", `@${options.version}`);
  files.set("README.md", Buffer.from(readme));
  files.set(".gitignore", Buffer.from(gitignore));
  files.set(manifestFile, Buffer.from(manifestText(manifestFor(options.engine, options.version, vendored))));
  return { files };
}
function writeInit(target, plan) {
  if (existsSync(target) && readdirSync(target).length > 0) throw new UsageError(`${target} is not empty: init writes a new repository`);
  for (const [path, content] of plan.files) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), content);
  }
}

// src/commands/init.ts
var usage = "usage: airflow-gitops init <dir> [--engine owner/airflow-gitops] [--version vX.Y.Z] [--environments dev,staging,prod]";
async function run(argv, io) {
  const parsed = parseCommandArgs(argv, { engine: { type: "string" }, version: { type: "string" }, environments: { type: "string" } }, "init");
  if (parsed.positionals.length !== 1) throw new UsageError(usage);
  const engineRoot = findEngineRoot();
  const target = resolve(io.cwd, parsed.positionals[0]);
  const engine = checkEngineName(flagText(parsed.values, "engine") ?? "OWNER/airflow-gitops", "--engine");
  const version = checkVersion(flagText(parsed.values, "version") ?? engineVersion(engineRoot), "--version");
  const environments = flagText(parsed.values, "environments")?.split(",").map((e) => e.trim()).filter((e) => e.length > 0);
  const plan = planInit({ engineRoot, target, engine, version, environments });
  writeInit(target, plan);
  io.stdout(`wrote ${plan.files.size} files to ${target} (${engine}@${version})
next: edit overlays/<env>/environment.yaml, then git init, commit and push
`);
  return 0;
}
export {
  run
};
