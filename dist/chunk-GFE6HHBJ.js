import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  commitTreeChange
} from "./chunk-AF6MUGKY.js";
import {
  CommandFailure
} from "./chunk-VGK45RJW.js";

// src/git/branch-push.ts
async function editedFiles(read, edits) {
  const write = /* @__PURE__ */ new Map();
  for (const edit of edits) {
    const next = edit.change(await read(edit.path));
    if (next !== void 0) write.set(edit.path, next);
  }
  return write;
}
var PushRefused = class extends CommandFailure {
  name = "PushRefused";
};
var attempts = 3;
function rejectedAsStale(output) {
  return /\[rejected\]|non-fast-forward|fetch first|stale info/.test(output);
}
function refusedByRemote(output) {
  return /\[remote rejected\]|GH006|GH013|hook declined/.test(output);
}
async function pushWithLease(git, remote, branch, commit) {
  const current = await git.remoteBranch(remote, branch);
  if (current === commit) return "up-to-date";
  await git.run(["push", "--porcelain", `--force-with-lease=refs/heads/${branch}:${current ?? ""}`, remote, `${commit}:refs/heads/${branch}`]);
  return "pushed";
}
async function commitAndPush(git, change) {
  let parent = await git.revParse("HEAD");
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const write = await editedFiles((path) => git.show(parent, path), [{ path: change.path, change: change.change }, ...change.also ?? []]);
    if (write.size === 0) return { commit: parent, pushed: false, attempts: attempt };
    const commit = await commitTreeChange(git, { parent, write, remove: [], message: change.message });
    const push = await git.run(["push", "--porcelain", change.remote, `${commit}:refs/heads/${change.branch}`], { allowFailure: true });
    if (push.exitCode === 0) return { commit, pushed: true, attempts: attempt };
    const output = `${push.stdout}
${push.stderr}`;
    if (refusedByRemote(output)) {
      throw new PushRefused(`${change.remote} refused the push of ${commit.slice(0, 12)} to ${change.branch}: ${push.stderr.trim() || push.stdout.trim()}`);
    }
    if (!rejectedAsStale(output)) {
      throw new CommandFailure(`pushing ${commit.slice(0, 12)} to ${change.remote} ${change.branch} failed: ${push.stderr.trim() || push.stdout.trim()}`);
    }
    await git.run(["fetch", "--no-tags", change.remote, `refs/heads/${change.branch}`]);
    parent = await git.revParse("FETCH_HEAD");
  }
  throw new CommandFailure(`${change.remote} ${change.branch} kept moving: the change was refused ${attempts} times; run again`);
}

export {
  editedFiles,
  PushRefused,
  pushWithLease,
  commitAndPush
};
