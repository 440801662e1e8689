import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  findEngineRoot
} from "./chunk-5M3UEVIV.js";
import {
  lockPaths,
  moduleMapOf,
  readModuleMap
} from "./chunk-6M56B45Z.js";
import {
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import {
  require_dist
} from "./chunk-CT3SYMP3.js";
import {
  CommandFailure,
  EnvironmentError,
  UsageError
} from "./chunk-VGK45RJW.js";
import {
  execa
} from "./chunk-XWJVXINM.js";
import {
  __toESM
} from "./chunk-XNDQ27F5.js";

// src/requirements/airflow-pin.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
function airflowPin(kustomization) {
  let text;
  try {
    text = readFileSync(kustomization, "utf8");
  } catch {
    throw new UsageError(`${kustomization} not found; it pins the Airflow version (images: - name: apache/airflow, newTag: ...)`);
  }
  const images = (0, import_yaml.parseDocument)(text).get("images");
  const entry = (0, import_yaml.isSeq)(images) ? images.items.find((item) => (0, import_yaml.isMap)(item) && item.get("name") === "apache/airflow") : void 0;
  const tag = (0, import_yaml.isMap)(entry) ? entry.get("newTag") : void 0;
  const version = typeof tag === "number" ? String(tag) : tag;
  if (typeof version !== "string" || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new UsageError(`${kustomization}: no plain version for apache/airflow (found '${String(version ?? "")}'); expected an images: entry with name: apache/airflow and newTag: "X.Y.Z"`);
  }
  return version;
}
function lockedAirflow(lockText) {
  return /^apache-airflow==([^\s;\\]+)/m.exec(lockText)?.[1] ?? null;
}

// src/requirements/check.ts
import { existsSync as existsSync2, readFileSync as readFileSync3 } from "node:fs";

// src/requirements/inputs.ts
import { createHash as createHash2 } from "node:crypto";
import { existsSync, readFileSync as readFileSync2 } from "node:fs";

// src/requirements/requirements-file.ts
import { createHash } from "node:crypto";
function normalizedName(name) {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}
function parseRequirements(text, path) {
  const found = [];
  const seen = /* @__PURE__ */ new Map();
  for (const [index, raw] of text.split("\n").entries()) {
    const line = index + 1;
    const content = raw.replace(/(^|\s)#.*$/, "").trim().replace(/\s+/g, " ");
    if (content === "") continue;
    if (raw.trimEnd().endsWith("\\")) throw new UsageError(`${path}:${line}: a requirement continued on the next line is not supported; write it on one line`);
    if (content.startsWith("-")) throw new UsageError(`${path}:${line}: '${content}': options (-r, -c, -e, --index-url, ...) are not supported here; write one requirement a line`);
    const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(content)?.[0];
    if (name === void 0) throw new UsageError(`${path}:${line}: '${content}' is not a requirement (expected a distribution name, e.g. apache-airflow-providers-http>=5)`);
    const normalized = normalizedName(name);
    const earlier = seen.get(normalized);
    if (earlier !== void 0) throw new UsageError(`${path}:${line}: ${normalized} is already required on line ${earlier}; keep one line per distribution`);
    seen.set(normalized, line);
    found.push({ name: normalized, text: content, line });
  }
  return found;
}
function requirementsDigest(requirements) {
  return createHash("sha256").update(requirements.map((requirement) => `${requirement.text}
`).join("")).digest("hex");
}

// src/requirements/inputs.ts
function sha256Of(path) {
  return createHash2("sha256").update(readFileSync2(path)).digest("hex");
}
function currentInputs(paths) {
  if (!existsSync(paths.requirements)) throw new UsageError(`${paths.names.requirements} not found in ${paths.root}: list the packages the DAGs need there (an empty file is fine), then lock`);
  if (!existsSync(paths.baseLock)) throw new UsageError(`${paths.baseLock} not found: the base lock comes with the engine (python/requirements/lock.sh writes it)`);
  const requirements = parseRequirements(readFileSync2(paths.requirements, "utf8"), paths.names.requirements);
  return {
    requirements: requirements.map(({ name, text }) => ({ name, text })),
    requirementsDigest: requirementsDigest(requirements),
    airflow: airflowPin(paths.kustomization),
    baseLockSha256: sha256Of(paths.baseLock)
  };
}

// src/requirements/lock-header.ts
var marker = "# resolved-from";
function renderHeader(inputs, names) {
  return [
    "# Every package the Airflow image and the import check install, Airflow's and the",
    `# DAGs' (${names.requirements}), pinned with hashes: pip install --require-hashes --no-deps -r requirements.lock.`,
    `# Written by \`npx airflow-gitops lock\`: change ${names.requirements} and lock again, do not edit.`,
    `${marker} requirements ${inputs.requirementsDigest}`,
    `${marker} airflow ${inputs.airflow}`,
    `${marker} base-lock ${inputs.baseLockSha256}`,
    ...inputs.requirements.map((requirement) => `${marker} requirement ${requirement.text}`),
    ""
  ].join("\n");
}
function readHeader(lockText, path) {
  const recorded = { requirements: [], requirementsDigest: "", airflow: "", baseLockSha256: "" };
  for (const line of lockText.split("\n")) {
    if (!line.startsWith("#")) break;
    if (!line.startsWith(`${marker} `)) continue;
    const [key = "", ...rest] = line.slice(marker.length + 1).split(" ");
    const value = rest.join(" ");
    if (key === "requirements") recorded.requirementsDigest = value;
    else if (key === "airflow") recorded.airflow = value;
    else if (key === "base-lock") recorded.baseLockSha256 = value;
    else if (key === "requirement") recorded.requirements.push({ name: normalizedName(/^[A-Za-z0-9._-]*/.exec(value)?.[0] ?? value), text: value });
  }
  if (recorded.requirementsDigest === "" || recorded.airflow === "" || recorded.baseLockSha256 === "") {
    throw new UsageError(`${path} has no '${marker}' header (it was not written by \`npx airflow-gitops lock\`): run \`npx airflow-gitops lock\``);
  }
  return recorded;
}
function staleness(recorded, current, names) {
  const reasons = [];
  const before = new Map(recorded.requirements.map((requirement) => [requirement.name, requirement.text]));
  const now = new Map(current.requirements.map((requirement) => [requirement.name, requirement.text]));
  for (const [name, text] of now) {
    const old = before.get(name);
    if (old === void 0) reasons.push(`requirement added in ${names.requirements}: ${text}`);
    else if (old !== text) reasons.push(`requirement changed in ${names.requirements}: ${old} -> ${text}`);
  }
  for (const [name, text] of before) if (!now.has(name)) reasons.push(`requirement removed from ${names.requirements}: ${text}`);
  if (reasons.length === 0 && recorded.requirementsDigest !== current.requirementsDigest) reasons.push(`the requirement lines of ${names.requirements} changed (order or spelling)`);
  if (recorded.airflow !== current.airflow) reasons.push(`Airflow pin changed in ${names.kustomization}: the lock is for apache-airflow ${recorded.airflow}, the pin is now ${current.airflow}`);
  if (recorded.baseLockSha256 !== current.baseLockSha256) reasons.push(`${names.baseLock} changed since the lock was resolved`);
  return reasons;
}

// src/requirements/check.ts
function lockStaleness(paths) {
  const current = currentInputs(paths);
  const { names } = paths;
  if (!existsSync2(paths.lock)) return [`${names.lock} does not exist`];
  const reasons = staleness(readHeader(readFileSync3(paths.lock, "utf8"), names.lock), current, names);
  if (!existsSync2(paths.moduleMap)) return [...reasons, `${names.moduleMap} does not exist`];
  if (readModuleMap(paths.moduleMap).map.lock !== sha256Of(paths.lock)) {
    reasons.push(`${names.moduleMap} was taken from another ${names.lock} (was the lock edited by hand?)`);
  }
  return reasons;
}
function staleMessage(paths, reasons) {
  return `${paths.names.lock} is stale:
${reasons.map((reason) => `  - ${reason}
`).join("")}run \`npx airflow-gitops lock\` and commit ${paths.names.requirements}, ${paths.names.lock} and ${paths.names.moduleMap}`;
}

// src/requirements/resolve.ts
import { mkdtempSync, readFileSync as readFileSync4, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function refreshLock(paths, inputs, options) {
  const base = lockedAirflow(readFileSync4(paths.baseLock, "utf8"));
  if (base !== inputs.airflow) {
    throw new UsageError(`${paths.names.baseLock} pins apache-airflow==${base ?? "nothing"} but ${paths.names.kustomization} pins ${inputs.airflow}: run \`bash python/requirements/lock.sh\` first, then lock again`);
  }
  const work = mkdtempSync(join(tmpdir(), "airflow-gitops-lock-"));
  try {
    const candidate = join(work, "requirements.lock");
    writeFileSync(candidate, renderHeader(inputs, paths.names) + await compile(paths, work, options));
    const python = await installVenv(paths, candidate, options);
    const map = await moduleMap(paths, python, sha256Of(candidate), options.env);
    const mapText = `${JSON.stringify(map, null, 1)}
`;
    writeFileSync(join(work, "map.json"), mapText);
    renameOrCopy(candidate, paths.lock);
    renameOrCopy(join(work, "map.json"), paths.moduleMap);
    return { packages: (readFileSync4(paths.lock, "utf8").match(/^[A-Za-z0-9][A-Za-z0-9._-]*==/gm) ?? []).length, modules: Object.keys(map.modules).length };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
async function compile(paths, work, options) {
  const uv = (await run("bash", [join(paths.engineRoot, "python", "requirements", "install-uv.sh")], paths.root, options.env, "installing uv")).trim();
  const output = join(work, "uv-output.lock");
  options.log(`resolving ${paths.names.requirements} with ${paths.names.baseLock} (apache-airflow from ${paths.names.kustomization})`);
  await run(uv, [
    "pip",
    "compile",
    "--quiet",
    "--generate-hashes",
    "--universal",
    "--python-version",
    options.pythonVersion ?? "3.11",
    "--custom-compile-command",
    "npx airflow-gitops lock",
    "--constraint",
    paths.names.baseLock,
    paths.names.requirements,
    paths.names.baseLock,
    "-o",
    output
  ], paths.root, options.env, `resolving ${paths.names.requirements}`);
  return readFileSync4(output, "utf8");
}
async function installVenv(paths, lock, options) {
  const venv = options.env.AIRFLOW_VENV ?? join(paths.engineRoot, ".venv", "airflow");
  options.log(`installing it into ${venv}`);
  const env = { ...options.env, AIRFLOW_VENV: venv, AIRFLOW_REQUIREMENTS_LOCK: lock, AIRFLOW_KUSTOMIZATION: paths.kustomization };
  const output = await run("bash", [join(paths.engineRoot, "scripts", "setup-airflow-venv.sh")], paths.root, env, "installing the lock");
  for (const line of output.trim().split("\n")) if (line) options.log(line);
  return join(venv, "bin", "python");
}
async function moduleMap(paths, python, lockSha256, env) {
  const text = await run(python, ["-B", join(paths.engineRoot, "python", "module_map.py")], paths.root, env, "reading the installed modules");
  let read;
  try {
    read = JSON.parse(text);
  } catch {
    throw new EnvironmentError(`python/module_map.py printed no JSON: ${text.slice(0, 200)}`);
  }
  return moduleMapOf(typeof read === "object" && read !== null ? { ...read, lock: lockSha256 } : read, "the output of python/module_map.py");
}
async function run(command, args, cwd, env, what) {
  const result = await execa(command, args, { cwd, env, reject: false, extendEnv: false });
  if (result.failed) {
    const detail = `${result.stderr}`.trim().split("\n").slice(-15).join("\n");
    const cause = result.exitCode === void 0 ? `could not run ${command}` : `${command} exited with ${result.exitCode}`;
    throw new EnvironmentError(`${what} failed (${cause})${detail ? `:
${detail}` : ""}`);
  }
  return `${result.stdout}`;
}
function renameOrCopy(from, to) {
  try {
    renameSync(from, to);
  } catch {
    writeFileSync(`${to}.tmp`, readFileSync4(from));
    renameSync(`${to}.tmp`, to);
  }
}

// src/commands/lock.ts
async function run2(argv, io) {
  const parsed = parseCommandArgs(argv, { check: { type: "boolean" } }, "lock");
  if (parsed.positionals.length > 0) throw new UsageError("usage: airflow-gitops lock [--check]");
  const paths = lockPaths(io.cwd, findEngineRoot());
  if (parsed.values.check === true) {
    const reasons = lockStaleness(paths);
    if (reasons.length > 0) throw new CommandFailure(staleMessage(paths, reasons));
    io.stdout(`${paths.names.lock} is current (${paths.names.requirements}, apache-airflow ${currentInputs(paths).airflow}, ${paths.names.baseLock})
`);
    return 0;
  }
  const inputs = currentInputs(paths);
  const refreshed = await refreshLock(paths, inputs, { env: io.env, log: (line) => io.stderr(`${line}
`) });
  io.stdout(`${paths.names.lock}: apache-airflow ${inputs.airflow} and ${refreshed.packages} packages, ${inputs.requirements.length} from ${paths.names.requirements}; ${paths.names.moduleMap}: ${refreshed.modules} modules
`);
  return 0;
}
export {
  run2 as run
};
