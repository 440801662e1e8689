import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkVersion,
  manifestFile,
  manifestFor,
  manifestText,
  readManifest,
  retargetUses,
  sha256
} from "./chunk-RX5DSMDH.js";
import {
  pushWithLease
} from "./chunk-GFE6HHBJ.js";
import {
  commitDate,
  commitTreeChange,
  createOrUpdatePullRequest
} from "./chunk-AF6MUGKY.js";
import {
  GitHubClient,
  resolveRepository
} from "./chunk-OMGV5NTF.js";
import "./chunk-JKRQ3V4L.js";
import {
  checkEngineRoot,
  engineVersion,
  findEngineRoot,
  vendoredFiles
} from "./chunk-5M3UEVIV.js";
import {
  Git
} from "./chunk-27TEZR2O.js";
import {
  flagText,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";
import "./chunk-XWJVXINM.js";
import "./chunk-XNDQ27F5.js";

// src/commands/upgrade.ts
import { resolve } from "node:path";

// src/scaffold/upgrade.ts
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
function fileHash(repoRoot, path) {
  const file = join(repoRoot, path);
  return existsSync(file) ? sha256(readFileSync(file)) : void 0;
}
function conflicts(repoRoot, manifest, next) {
  const edited = Object.entries(manifest.files).filter(([path, hash]) => fileHash(repoRoot, path) !== hash).map(([path]) => `${path} (${existsSync(join(repoRoot, path)) ? "edited" : "deleted"} since ${manifest.version})`);
  const taken = [...next.keys()].filter((path) => !(path in manifest.files) && existsSync(join(repoRoot, path))).map((path) => `${path} (a file of your own where ${manifest.engine} now has one)`);
  return [...edited, ...taken];
}
function workflowChanges(repoRoot, manifest, to) {
  const changes = /* @__PURE__ */ new Map();
  const folder = join(repoRoot, ".github", "workflows");
  if (!existsSync(folder)) return changes;
  for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const text = readFileSync(join(folder, name), "utf8");
    const moved = retargetUses(text, manifest.engine, manifest.version, to);
    if (moved !== text) changes.set(`.github/workflows/${name}`, Buffer.from(moved));
  }
  return changes;
}
function planUpgrade(repoRoot, engineRoot, to, force) {
  const manifest = readManifest(repoRoot);
  const next = vendoredFiles(engineRoot);
  const problems = conflicts(repoRoot, manifest, next);
  if (problems.length > 0 && !force) {
    throw new UsageError(`upgrade would overwrite changes of your own:
  ${problems.join("\n  ")}
move them into an overlay patch or a component of your own (a folder the manifest does not list), or pass --force`);
  }
  const write = /* @__PURE__ */ new Map();
  for (const [path, content] of next) if (fileHash(repoRoot, path) !== sha256(content)) write.set(path, content);
  for (const [path, content] of workflowChanges(repoRoot, manifest, to)) write.set(path, content);
  write.set(manifestFile, Buffer.from(manifestText(manifestFor(manifest.engine, to, next))));
  const remove = Object.keys(manifest.files).filter((path) => !next.has(path) && existsSync(join(repoRoot, path)));
  return { from: manifest.version, to, engine: manifest.engine, write, remove };
}
function removeEmptyParents(repoRoot, path) {
  for (let dir = dirname(join(repoRoot, path)); dir.startsWith(`${repoRoot}/`) && readdirSync(dir).length === 0; dir = dirname(dir)) rmdirSync(dir);
}
function applyUpgrade(repoRoot, plan) {
  for (const [path, content] of plan.write) {
    mkdirSync(dirname(join(repoRoot, path)), { recursive: true });
    writeFileSync(join(repoRoot, path), content);
  }
  for (const path of plan.remove) {
    rmSync(join(repoRoot, path));
    removeEmptyParents(repoRoot, path);
  }
}

// src/scaffold/upgrade-pull-request.ts
var upgradeBranch = "airflow-gitops/upgrade";
function title(plan) {
  return `Upgrade airflow-gitops ${plan.from} to ${plan.to}`;
}
function body(plan, serverUrl) {
  const files = [...plan.write.keys()].map((path) => `- \`${path}\``);
  const removed = plan.remove.map((path) => `- \`${path}\` (removed)`);
  return [
    "<!-- airflow-gitops:upgrade -->",
    `Moves this repository from [${plan.engine}](${serverUrl}/${plan.engine}) ${plan.from} to [${plan.to}](${serverUrl}/${plan.engine}/releases/tag/${plan.to}) ([what changed](${serverUrl}/${plan.engine}/compare/${plan.from}...${plan.to})): the vendored template, the workflows' references and \`.airflow-gitops.json\`.`,
    "",
    ...files,
    ...removed,
    "",
    "The checks of this pull request render every overlay with the new template. A later upgrade replaces this branch and this description.",
    ""
  ].join("\n");
}
async function openUpgradePullRequest(plan, options) {
  if (!options.token) throw new UsageError("upgrade --pull-request needs a token: set GITHUB_TOKEN (contents and pull-requests write)");
  const git = new Git(options.repoRoot, options.env);
  const base = options.base ?? await git.currentBranch() ?? options.env.GITHUB_REF_NAME;
  if (!base) throw new UsageError("upgrade --pull-request: HEAD is detached; pass --base <branch>");
  const repository = resolveRepository(options.env, await git.remoteUrl("origin"));
  const head = await git.revParse("HEAD");
  const write = new Map([...plan.write].map(([path, content]) => [path, content.toString("utf8")]));
  const message = `${title(plan)}

${[...plan.write.keys(), ...plan.remove].length} files from ${plan.engine} ${plan.to}.
`;
  const commit = await commitTreeChange(git, { parent: head, write, remove: plan.remove, message, date: await commitDate(git, head) });
  const push = await pushWithLease(git, "origin", upgradeBranch, commit);
  options.log(push === "pushed" ? `pushed ${upgradeBranch} (${commit.slice(0, 12)})` : `${upgradeBranch} already holds this upgrade`);
  return createOrUpdatePullRequest(new GitHubClient({ apiUrl: repository.apiUrl, token: options.token, log: options.log }), repository, {
    head: upgradeBranch,
    base,
    title: title(plan),
    body: body(plan, repository.serverUrl),
    labels: [],
    draft: false
  });
}

// src/commands/upgrade.ts
async function run(argv, io) {
  const parsed = parseCommandArgs(
    argv,
    { version: { type: "string" }, from: { type: "string" }, force: { type: "boolean" }, "pull-request": { type: "boolean" }, base: { type: "string" } },
    "upgrade"
  );
  if (parsed.positionals.length > 0) throw new UsageError("usage: airflow-gitops upgrade [--version vX.Y.Z] [--from <engine checkout>] [--pull-request] [--force]");
  const from = flagText(parsed.values, "from");
  const engineRoot = from === void 0 ? findEngineRoot() : checkEngineRoot(resolve(io.cwd, from), "--from");
  const version = checkVersion(flagText(parsed.values, "version") ?? engineVersion(engineRoot), "--version");
  const plan = planUpgrade(io.cwd, engineRoot, version, parsed.values.force === true);
  const changed = plan.write.size + plan.remove.length;
  if (plan.from === plan.to && changed <= 1) {
    io.stdout(`already at ${plan.engine} ${plan.to}: nothing to upgrade
`);
    return 0;
  }
  if (parsed.values["pull-request"] === true) {
    const pr = await openUpgradePullRequest(plan, { repoRoot: io.cwd, base: flagText(parsed.values, "base"), token: io.env.GITHUB_TOKEN || io.env.GH_TOKEN, env: io.env, log: (line) => io.stderr(`${line}
`) });
    io.stdout(`pull request #${pr.number} ${pr.operation}: ${pr.url}
`);
    return 0;
  }
  applyUpgrade(io.cwd, plan);
  io.stdout(`upgraded ${plan.engine} ${plan.from} -> ${plan.to}: ${plan.write.size} file(s) written, ${plan.remove.length} removed
`);
  return 0;
}
export {
  run
};
