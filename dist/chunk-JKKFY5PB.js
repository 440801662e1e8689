import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  branchHead,
  createFileCommit,
  fileAt,
  isNotFastForward,
  moveBranch,
  parentsOf,
  withPinnedRef
} from "./chunk-Z6GDXSVY.js";
import {
  PushRefused,
  commitAndPush,
  editedFiles,
  pushWithLease
} from "./chunk-GFE6HHBJ.js";
import {
  commitDate,
  commitTreeChange,
  createOrUpdatePullRequest
} from "./chunk-AF6MUGKY.js";
import {
  GitHubApiError
} from "./chunk-OMGV5NTF.js";
import {
  CommandFailure,
  UsageError
} from "./chunk-VGK45RJW.js";

// src/github/branch-commit.ts
var attempts = 3;
async function commitToBranch(github, repository, change) {
  let parent = change.parent;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const current = await fileAt(github, repository, parent, change.path);
    const also = [];
    for (const edit of change.also ?? []) {
      const content = edit.change(await fileAt(github, repository, parent, edit.path));
      if (content !== void 0) also.push({ path: edit.path, content });
    }
    const next = change.change(current) ?? (also.length > 0 ? current : void 0);
    if (next === void 0) return { commit: parent, pushed: false, attempts: attempt };
    const commit = await createFileCommit(github, repository, { parent, path: change.path, content: next, message: change.message, also });
    try {
      await moveBranch(github, repository, change.branch, commit, false);
      return { commit, pushed: true, attempts: attempt };
    } catch (error) {
      if (!isNotFastForward(error)) throw error;
    }
    const tip = await branchHead(github, repository, change.branch);
    if (tip === void 0) throw new CommandFailure(`branch ${change.branch} was deleted while the change was being made`);
    parent = tip;
  }
  throw new CommandFailure(`${change.branch} kept moving: the change was refused ${attempts} times; run again`);
}

// src/promotion/pin.ts
function pinBranch(environment) {
  return `airflow-gitops/pin-${environment}`;
}
function refusedByRules(error) {
  return error instanceof GitHubApiError && [403, 409, 422].includes(error.status) && /protected branch|rule violation|ruleset|protected ref/i.test(error.message);
}
function edits(spec) {
  return [{ path: spec.path, change: (content) => withPinnedRef(spec.path, content, spec.ref) }, ...spec.also ?? []];
}
async function changeOnTip(git, github, spec) {
  if (github.commits) {
    const tip2 = await branchHead(github.client, github.repository, spec.base);
    if (tip2 === void 0) throw new UsageError(`${github.repository.owner}/${github.repository.name} has no branch ${spec.base}`);
    return { tip: tip2, write: await editedFiles((path) => fileAt(github.client, github.repository, tip2, path), edits(spec)) };
  }
  await git.run(["fetch", "--quiet", "--no-tags", spec.remote, `refs/heads/${spec.base}`]);
  const tip = await git.revParse("FETCH_HEAD");
  return { tip, write: await editedFiles((path) => git.show(tip, path), edits(spec)) };
}
async function holds(github, commit, write) {
  for (const [path, content] of write) if (await fileAt(github.client, github.repository, commit, path) !== content) return false;
  return true;
}
async function publishBranch(git, github, spec, change) {
  const branch = pinBranch(spec.environment);
  if (!github.commits) {
    const commit2 = await commitTreeChange(git, { parent: change.tip, write: change.write, remove: [], message: spec.text.message, date: await commitDate(git, change.tip) });
    spec.log(await pushWithLease(git, spec.remote, branch, commit2) === "pushed" ? `pushed ${branch} (${commit2.slice(0, 12)})` : `${branch} already holds this pin`);
    return commit2;
  }
  const { client, repository } = github;
  const current = await branchHead(client, repository, branch);
  if (current !== void 0 && (await parentsOf(client, repository, current)).join() === change.tip && await holds(github, current, change.write)) {
    spec.log(`${branch} already holds this pin`);
    return current;
  }
  const [first, ...rest] = [...change.write].map(([path, content]) => ({ path, content }));
  if (first === void 0) throw new UsageError(`pinning ${spec.environment}: nothing to commit`);
  const commit = await createFileCommit(client, repository, { parent: change.tip, ...first, message: spec.text.message, also: rest });
  await moveBranch(client, repository, branch, commit, true);
  spec.log(`moved ${branch} to ${commit.slice(0, 12)}`);
  return commit;
}
async function byPullRequest(git, spec, refused) {
  const github = await spec.github();
  if (github === void 0) throw new UsageError(`pinning ${spec.environment} by pull request needs a GitHub token`);
  const change = await changeOnTip(git, github, spec);
  if (change.write.size === 0) {
    spec.log(`${spec.base} already pins ${spec.environment} to ${spec.ref}: no pull request needed`);
    return { operation: "unchanged", commit: change.tip };
  }
  const commit = await publishBranch(git, github, spec, change);
  const branch = pinBranch(spec.environment);
  const pullRequest = await createOrUpdatePullRequest(github.client, github.repository, { head: branch, base: spec.base, title: spec.text.title, body: spec.text.body(refused), labels: spec.labels, draft: false });
  spec.log(`pull request #${pullRequest.number} ${pullRequest.operation}: ${pullRequest.url}`);
  return { operation: "pull-request", commit, branch, pullRequest };
}
async function commitDirectly(git, spec) {
  const change = (content) => withPinnedRef(spec.path, content, spec.ref);
  const github = await spec.github();
  const parent = spec.parent ?? await git.revParse("HEAD");
  const also = spec.also ?? [];
  if (github?.commits) return commitToBranch(github.client, github.repository, { branch: spec.base, path: spec.path, message: spec.text.message, parent, change, also });
  return commitAndPush(git, { remote: spec.remote, branch: spec.base, path: spec.path, message: spec.text.message, change, also });
}
async function publishPin(git, spec) {
  if (spec.mode === "pull-request") return byPullRequest(git, spec);
  try {
    const done = await commitDirectly(git, spec);
    spec.log(done.pushed ? `committed ${done.commit} to ${spec.base}` : `${spec.base} already pins it (${done.commit})`);
    return { operation: done.pushed ? "committed" : "unchanged", commit: done.commit };
  } catch (error) {
    if (!(error instanceof PushRefused) && !refusedByRules(error)) throw error;
    const reason = error.message;
    if (await spec.github() === void 0) throw new PushRefused(`${reason}; give a token to fall back to a pull request`);
    spec.log(`${reason}; opening a pull request instead`);
    return { ...await byPullRequest(git, spec, reason), refused: reason };
  }
}

// src/promotion/pin-text.ts
var pinBodyMarker = "<!-- airflow-gitops:pin -->";
function pinTitle(facts) {
  return `Pin ${facts.environment} to ${facts.source ? `${facts.source}@` : ""}${facts.ref.slice(0, 12)}`;
}
function pinCommitMessage(facts) {
  return `${pinTitle(facts)}

${facts.file}: GITSYNC_REF=${facts.ref}
`;
}
function pinBody(facts) {
  const commit = facts.source && facts.serverUrl ? `[\`${facts.ref}\`](${facts.serverUrl}/${facts.source}/commit/${facts.ref})` : `\`${facts.ref}\``;
  const lines = [
    pinBodyMarker,
    `Pins **${facts.environment}** to the DAG commit ${commit}${facts.source ? ` of \`${facts.source}\`` : ""}.`,
    "",
    `Changed file: \`${facts.file}\` (one line, \`GITSYNC_REF\`).`
  ];
  if (facts.image) lines.push("", `With the Airflow image built for it, pinned by digest in the overlay's kustomization.yaml: \`${facts.image}\`.`);
  if (facts.refused) lines.push("", `A direct push was refused, so the pin waits for this pull request: ${facts.refused.split("\n")[0]}`);
  lines.push("", `Merging deploys \`${facts.environment}\` with these DAGs. A later pin replaces this branch and this description.`);
  return `${lines.join("\n")}
`;
}

export {
  publishPin,
  pinTitle,
  pinCommitMessage,
  pinBody
};
