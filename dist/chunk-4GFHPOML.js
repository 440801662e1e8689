import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  branchHead,
  createFileCommit,
  fileAt,
  moveBranch,
  parentsOf,
  pinnedRefIn,
  withPinnedRef
} from "./chunk-Z6GDXSVY.js";
import {
  commitDate,
  commitTreeChange,
  createOrUpdatePullRequest
} from "./chunk-AF6MUGKY.js";
import {
  GitHubClient,
  resolveRepository
} from "./chunk-OMGV5NTF.js";
import {
  promotionChain,
  readEnvironments
} from "./chunk-2QA4ABBH.js";
import {
  formatImagePin,
  imagePinIn,
  kustomizationFileName,
  withImagePin
} from "./chunk-HA2VP2ES.js";
import {
  parseGitRef,
  refFilePath,
  refNameProblem
} from "./chunk-64HCW6T5.js";
import {
  Git
} from "./chunk-27TEZR2O.js";
import {
  checkEnvironmentName,
  overlayDirFor
} from "./chunk-C6Q5PNHF.js";
import {
  EnvironmentError,
  UsageError
} from "./chunk-VGK45RJW.js";

// src/promotion/promote.ts
import { join, relative, sep } from "node:path";

// src/promotion/order.ts
function checkPromotionOrder(from, to, allowAnyOrder, chain, advice = "pass --allow-any-order if it is meant") {
  if (from === to) throw new UsageError(`cannot promote '${from}' to itself`);
  if (allowAnyOrder) return;
  if (chain.some((s) => s.from === from && s.to === to)) return;
  const allowed = chain.map((s) => `${s.from} -> ${s.to}`).join(", ") || "none";
  throw new UsageError(`promoting '${from}' to '${to}' is not in the usual order (${allowed}); ${advice}`);
}
function promotionBranch(to) {
  return `airflow-gitops/promote-${to}`;
}

// src/promotion/text.ts
function imageName(image) {
  return image === void 0 ? "the base image" : `\`${image}\``;
}
var fullSha = /^[0-9a-f]{40}$/;
var unpinned = /^0{40}$/;
function short(ref) {
  return fullSha.test(ref) ? ref.slice(0, 12) : ref;
}
function promotionTitle(facts) {
  return `Promote ${facts.from} to ${facts.to}: ${short(facts.ref)}`;
}
function promotionCommitMessage(facts) {
  const image = facts.imageFile === void 0 ? "" : `${facts.imageFile}: image ${facts.previousImage ?? "(the base image)"} -> ${facts.image ?? "(the base image)"}
`;
  return `${promotionTitle(facts)}

Pin ${facts.to} to the git-sync ref and the Airflow image that ${facts.from} runs.

${facts.file}: ${facts.previous} -> ${facts.ref}
${image}`;
}
var bodyMarker = "<!-- airflow-gitops:promotion -->";
function promotionBody(facts) {
  const lines = [
    bodyMarker,
    `Promotes the DAGs that **${facts.from}** runs to **${facts.to}**: the pinned git-sync ref of \`${facts.to}\` becomes the one \`${facts.from}\` has.`,
    "",
    "| | ref |",
    "| --- | --- |",
    `| \`${facts.to}\` now | \`${facts.previous}\` |`,
    `| \`${facts.to}\` after merging | \`${facts.ref}\` (from \`${facts.from}\`) |`,
    `| \`${facts.to}\` image now | ${imageName(facts.previousImage)} |`,
    `| \`${facts.to}\` image after merging | ${imageName(facts.image)} (from \`${facts.from}\`) |`,
    "",
    `Changed ${facts.imageFile === void 0 ? `file: \`${facts.file}\`` : `files: \`${facts.file}\`, \`${facts.imageFile}\` (the image moves with the DAGs it was checked with)`}.`
  ];
  if (facts.repositoryUrl && fullSha.test(facts.ref) && fullSha.test(facts.previous) && !unpinned.test(facts.previous)) {
    lines.push("", `[What changes between the two commits](${facts.repositoryUrl}/compare/${facts.previous}...${facts.ref})`);
  }
  lines.push(
    "",
    `Merging deploys \`${facts.to}\` at this ref through the deploy workflow. A later promotion replaces this branch and this description, so edits here do not last.`
  );
  return `${lines.join("\n")}
`;
}

// src/promotion/promote.ts
var cliWording = {
  allowAnyOrder: "pass --allow-any-order if it is meant",
  noPush: "drop --no-push",
  noPullRequest: "pass --no-pull-request",
  noPullRequestAsked: "--no-pull-request",
  token: "set GITHUB_TOKEN or GH_TOKEN",
  base: "pass --base <branch>"
};
var unpinned2 = /^0{40}$/;
async function planChange(git, top, commit, dirs, from, to) {
  const inRepo = (path) => relative(top, path).split(sep).join("/");
  const fromFile = inRepo(refFilePath(dirs.from));
  const toFile = inRepo(refFilePath(dirs.to));
  const committed = async (file) => git.show(commit, file).catch(() => {
    throw new UsageError(`${file} is not committed at ${commit.slice(0, 12)}: commit the overlay before promoting`);
  });
  const toContent = await committed(toFile);
  const pinned = pinnedRefIn(fromFile, await committed(fromFile));
  if (unpinned2.test(pinned)) throw new UsageError(`${fromFile}: ${from} is not pinned to a commit yet (${pinned}): deploy ${from} first`);
  const ref = parseGitRef(pinned, true, `${fromFile}: the pinned ref`).value;
  const previous = pinnedRefIn(toFile, toContent);
  const image = await planImage(committed, inRepo(join(dirs.from, kustomizationFileName)), inRepo(join(dirs.to, kustomizationFileName)));
  const write = /* @__PURE__ */ new Map();
  const content = withPinnedRef(toFile, toContent, ref);
  if (content !== void 0 || image.content !== void 0) write.set(toFile, content ?? toContent);
  if (image.content !== void 0) write.set(image.file, image.content);
  return { ref, previous, write, image, facts: { from, to, ref, previous, file: toFile, image: image.pin, previousImage: image.previous, imageFile: image.content === void 0 ? void 0 : image.file } };
}
async function planImage(committed, fromFile, toFile) {
  const source = imagePinIn(fromFile, await committed(fromFile));
  const toContent = await committed(toFile);
  const target = imagePinIn(toFile, toContent);
  const pin = source === void 0 ? void 0 : formatImagePin(source);
  return { file: toFile, pin, previous: target === void 0 ? void 0 : formatImagePin(target), content: withImagePin(toFile, toContent, source) };
}
async function gitHubTarget(options, git) {
  const commits = options.commitThroughApi === true && options.push && Boolean(options.token);
  if (!options.pullRequest && !commits) return void 0;
  const say = options.wording ?? cliWording;
  if (!options.push) throw new UsageError(`a pull request needs the pushed branch: ${say.noPush}, or ${say.noPullRequest}`);
  if (!options.token) throw new UsageError(`opening the pull request needs a token: ${say.token}, or ${say.noPullRequest}`);
  const repository = resolveRepository(options.env, await git.remoteUrl(options.remote));
  return { client: new GitHubClient({ apiUrl: repository.apiUrl, token: options.token, log: options.log }), repository, commits };
}
async function holdsFiles(github, commit, write) {
  for (const [path, content] of write) if (await fileAt(github.client, github.repository, commit, path) !== content) return false;
  return true;
}
async function publishThroughApi(github, change) {
  const { client, repository } = github;
  const current = await branchHead(client, repository, change.branch);
  if (current !== void 0) {
    const parents = await parentsOf(client, repository, current);
    if (parents.length === 1 && parents[0] === change.head && await holdsFiles(github, current, change.write)) return { commit: current, push: "up-to-date" };
  }
  const [first, ...also] = [...change.write].map(([path, content]) => ({ path, content }));
  if (first === void 0) throw new UsageError(`${change.branch}: nothing to commit`);
  const commit = await createFileCommit(client, repository, { parent: change.head, ...first, message: change.message, also });
  await moveBranch(client, repository, change.branch, commit, true);
  return { commit, push: "pushed" };
}
async function baseBranch(options, git) {
  const env = options.env;
  const base = options.base ?? await git.currentBranch() ?? (env.GITHUB_REF_TYPE === "branch" ? env.GITHUB_REF_NAME : void 0);
  if (base === void 0) throw new UsageError(`cannot tell the base branch: HEAD is detached; ${(options.wording ?? cliWording).base}`);
  const problem = refNameProblem(base);
  if (problem !== void 0) throw new UsageError(`base branch ${JSON.stringify(base)} is not a valid branch name: ${problem}`);
  return base;
}
async function pushBranch(git, remote, branch, commit) {
  const current = await git.remoteBranch(remote, branch);
  if (current === commit) return "up-to-date";
  await git.run(["push", "--porcelain", `--force-with-lease=refs/heads/${branch}:${current ?? ""}`, remote, `${commit}:refs/heads/${branch}`]);
  return "pushed";
}
async function promote(options) {
  const from = checkEnvironmentName(options.from);
  const to = checkEnvironmentName(options.to);
  checkPromotionOrder(from, to, options.allowAnyOrder, promotionChain(readEnvironments(options.repoRoot)), (options.wording ?? cliWording).allowAnyOrder);
  const fromDir = overlayDirFor(options.repoRoot, from);
  const toDir = overlayDirFor(options.repoRoot, to);
  const git = new Git(options.repoRoot, options.env);
  const top = await git.topLevel().catch((error) => {
    throw new EnvironmentError(`${options.repoRoot} is not inside a git repository: ${error.message}`);
  });
  const base = await baseBranch(options, git);
  const github = await gitHubTarget(options, git);
  const head = await git.revParse("HEAD");
  const branch = promotionBranch(to);
  const plan = await planChange(git, top, head, { from: fromDir, to: toDir }, from, to);
  const file = plan.facts.file;
  const result = { from, to, ref: plan.ref, previous: plan.previous, image: plan.image.pin, previousImage: plan.image.previous, changed: plan.write.size > 0, file, branch, base, push: "skipped", message: "" };
  if (plan.write.size === 0) {
    result.message = `${to} already runs ${plan.ref}${plan.image.pin === void 0 ? "" : ` with ${plan.image.pin}`}, the same as ${from}: nothing to promote`;
    return result;
  }
  const facts = { ...plan.facts, repositoryUrl: github ? `${github.repository.serverUrl}/${github.repository.owner}/${github.repository.name}` : void 0 };
  const moved = `${file}: GITSYNC_REF ${plan.previous} -> ${plan.ref}${plan.facts.imageFile === void 0 ? "" : `; ${plan.facts.imageFile}: image ${plan.image.previous ?? "(the base image)"} -> ${plan.image.pin ?? "(the base image)"}`}`;
  if (github?.commits) {
    const published = await publishThroughApi(github, { head, branch, write: plan.write, message: promotionCommitMessage(facts) });
    Object.assign(result, published);
    options.log(`${moved} (commit ${result.commit} on top of ${head}, ${published.push === "pushed" ? `made by GitHub on ${branch}` : `already on ${branch}`})`);
  } else {
    result.commit = await commitTreeChange(git, { parent: head, write: plan.write, remove: [], message: promotionCommitMessage(facts), date: await commitDate(git, head) });
    options.log(`${moved} (commit ${result.commit} on top of ${head})`);
    if (!options.push) {
      result.message = `committed ${result.commit} (not pushed); push it with: git push ${options.remote} ${result.commit}:refs/heads/${branch}`;
      return result;
    }
    result.push = await pushBranch(git, options.remote, branch, result.commit);
    options.log(result.push === "pushed" ? `pushed ${branch} to ${options.remote}` : `${branch} on ${options.remote} already holds this promotion`);
  }
  if (github === void 0 || !options.pullRequest) {
    result.message = `${branch} ${result.push === "pushed" ? "pushed" : "is up to date"}; no pull request (${(options.wording ?? cliWording).noPullRequestAsked})`;
    return result;
  }
  result.pullRequest = await createOrUpdatePullRequest(github.client, github.repository, {
    head: branch,
    base,
    title: promotionTitle(facts),
    body: promotionBody(facts),
    labels: options.labels,
    draft: options.draft
  });
  result.message = `pull request #${result.pullRequest.number} ${result.pullRequest.operation}: ${result.pullRequest.url}`;
  return result;
}

export {
  promote
};
