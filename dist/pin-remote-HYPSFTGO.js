import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  pinBody,
  pinCommitMessage,
  pinTitle,
  publishPin
} from "./chunk-JKKFY5PB.js";
import {
  pinnedRefIn
} from "./chunk-Z6GDXSVY.js";
import "./chunk-GFE6HHBJ.js";
import "./chunk-AF6MUGKY.js";
import {
  GitHubClient,
  parseRepositoryName,
  resolveRepository
} from "./chunk-OMGV5NTF.js";
import "./chunk-JKRQ3V4L.js";
import {
  parseGitRef,
  refNameProblem
} from "./chunk-64HCW6T5.js";
import {
  Git
} from "./chunk-27TEZR2O.js";
import {
  environmentArg,
  flagText,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import {
  checkEnvironmentName
} from "./chunk-C6Q5PNHF.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";
import "./chunk-XWJVXINM.js";
import "./chunk-XNDQ27F5.js";

// src/git/clone.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
function tokenHeader(url, token) {
  if (token === void 0 || !url.startsWith("https://")) return {};
  const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
  return { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraHeader", GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` };
}
async function cloneBranch(spec) {
  const root = mkdtempSync(join(tmpdir(), "airflow-gitops-clone-"));
  const dir = join(root, "repo");
  const env = { ...spec.env, ...tokenHeader(spec.url, spec.token) };
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    await new Git(root, env).run(["clone", "--quiet", "--no-tags", "--single-branch", "--branch", spec.branch, "--depth", "1", "--", spec.url, dir]);
  } catch (error) {
    remove();
    throw error;
  }
  return { git: new Git(dir, env), dir, remove };
}

// src/promotion/pin-remote.ts
function checked(options) {
  const environment = checkEnvironmentName(options.environment);
  const ref = parseGitRef(options.ref, false, "the DAG commit").value;
  const problem = refNameProblem(options.base);
  if (problem !== void 0) throw new UsageError(`base branch ${JSON.stringify(options.base)} is not a valid branch name: ${problem}`);
  if (options.token === void 0 && options.mode === "pull-request") throw new UsageError("a pull request in the platform repository needs a token (PLATFORM_TOKEN or GITHUB_TOKEN) that may write to it");
  const { serverUrl, owner, name } = options.repository;
  return { environment, ref, url: options.url ?? `${serverUrl}/${owner}/${name}.git` };
}
function describeOutcome(outcome, facts, base, platform) {
  if (outcome.operation === "unchanged") return `${platform} ${base} already pins ${facts.environment} to ${facts.ref}: nothing to do`;
  if (outcome.operation === "committed") return `pinned ${facts.environment} to ${facts.ref} in ${platform}: commit ${outcome.commit} on ${base}`;
  const pr = outcome.pullRequest;
  return `pull request #${pr?.number} ${pr?.operation} in ${platform}: ${pr?.url}`;
}
async function pinRemote(options) {
  const { environment, ref, url } = checked(options);
  const platform = `${options.repository.owner}/${options.repository.name}`;
  const file = `overlays/${environment}/git-sync-ref.env`;
  const clone = await cloneBranch({ url, branch: options.base, token: options.token, env: options.env });
  try {
    const current = await clone.git.show("HEAD", file).catch(() => {
      throw new UsageError(`${platform} has no ${file} on ${options.base}: is '${environment}' an environment of the platform repository?`);
    });
    const previous = pinnedRefIn(file, current);
    const facts = { environment, ref, file, source: options.source, serverUrl: options.repository.serverUrl };
    const target = options.token === void 0 ? void 0 : { client: new GitHubClient({ apiUrl: options.repository.apiUrl, token: options.token, log: options.log }), repository: options.repository, commits: false };
    const github = () => Promise.resolve(target);
    const text = { title: pinTitle(facts), message: pinCommitMessage(facts), body: (refused) => pinBody({ ...facts, refused }) };
    const outcome = await publishPin(clone.git, { remote: "origin", base: options.base, path: file, environment, ref, mode: options.mode, github, text, labels: options.labels, log: options.log });
    return { ...outcome, environment, ref, previous, file, message: describeOutcome(outcome, facts, options.base, platform) };
  } finally {
    clone.remove();
  }
}

// src/commands/pin-remote.ts
var usage = "usage: airflow-gitops pin-remote <environment> --repository <owner/name> [--ref <sha>] [--base main] [--commit] [--url <git url>] [--labels a,b]";
async function run(argv, io) {
  const parsed = parseCommandArgs(
    argv,
    { repository: { type: "string" }, ref: { type: "string" }, base: { type: "string" }, commit: { type: "boolean" }, url: { type: "string" }, labels: { type: "string" } },
    "pin-remote"
  );
  const environment = environmentArg(parsed.positionals, "pin-remote");
  const text = (name) => flagText(parsed.values, name);
  const platform = text("repository");
  if (platform === void 0) throw new UsageError(`pin-remote: --repository <owner/name> (the platform repository) is required
${usage}`);
  parseRepositoryName(platform, "--repository");
  const ref = text("ref") ?? io.env.GITHUB_SHA;
  if (ref === void 0) throw new UsageError(`pin-remote: --ref <commit> is required outside a workflow run (GITHUB_SHA is not set)
${usage}`);
  const token = io.env.PLATFORM_TOKEN || io.env.GITHUB_TOKEN || io.env.GH_TOKEN || void 0;
  const result = await pinRemote({
    environment,
    ref,
    // The platform repository, not the one this run belongs to (GITHUB_REPOSITORY names the DAG repository).
    repository: resolveRepository({ ...io.env, GITHUB_REPOSITORY: platform }, void 0),
    url: text("url"),
    base: text("base") ?? "main",
    mode: parsed.values.commit === true ? "commit" : "pull-request",
    token,
    source: io.env.GITHUB_REPOSITORY || void 0,
    labels: (text("labels") ?? "").split(",").map((l) => l.trim()).filter((l) => l.length > 0),
    env: io.env,
    log: (line) => io.stderr(`${line}
`)
  });
  io.stdout(`${result.message}
`);
  return 0;
}
export {
  run
};
