import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  GitHubApiError
} from "./chunk-OMGV5NTF.js";
import {
  readPinnedRef,
  writePinnedRef
} from "./chunk-64HCW6T5.js";

// src/overlays/ref-file-edit.ts
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
function withScratchFiles(files, body) {
  const scratch = mkdtempSync(join(tmpdir(), "airflow-gitops-ref-"));
  const place = (file) => join(scratch, file);
  try {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(place(file)), { recursive: true });
      writeFileSync(place(file), content);
    }
    return body(place);
  } catch (error) {
    if (error instanceof Error) error.message = error.message.replaceAll(`${scratch}${sep}`, "");
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
function pinnedRefIn(file, content) {
  return withScratchFiles({ [file]: content }, (place) => readPinnedRef(dirname(place(file))));
}
function withPinnedRef(file, content, ref) {
  return withScratchFiles({ [file]: content }, (place) => writePinnedRef(dirname(place(file)), ref) ? readFileSync(place(file), "utf8") : void 0);
}

// src/github/git-data.ts
function repo(repository) {
  return { owner: repository.owner, repo: repository.name };
}
async function createFileCommit(github, repository, change) {
  const at = repo(repository);
  const short = change.parent.slice(0, 12);
  const parent = await github.call(`reading commit ${short}`, async (o) => (await o.rest.git.getCommit({ ...at, commit_sha: change.parent })).data);
  const blob = await github.call(
    `uploading ${change.path}`,
    async (o) => (await o.rest.git.createBlob({ ...at, content: Buffer.from(change.content).toString("base64"), encoding: "base64" })).data
  );
  const tree = await github.call(
    `building the tree of ${change.path} on ${short}`,
    async (o) => (await o.rest.git.createTree({ ...at, base_tree: parent.tree.sha, tree: [{ path: change.path, mode: change.mode ?? "100644", type: "blob", sha: blob.sha }] })).data
  );
  const commit = await github.call(
    `committing ${change.path} on ${short}`,
    async (o) => (await o.rest.git.createCommit({ ...at, message: change.message, tree: tree.sha, parents: [change.parent] })).data
  );
  return commit.sha;
}
async function parentsOf(github, repository, commit) {
  const data = await github.call(`reading commit ${commit.slice(0, 12)}`, async (o) => (await o.rest.git.getCommit({ ...repo(repository), commit_sha: commit })).data);
  return data.parents.map((parent) => parent.sha);
}
async function branchHead(github, repository, branch) {
  try {
    return await github.call(`reading branch ${branch}`, async (o) => (await o.rest.git.getRef({ ...repo(repository), ref: `heads/${branch}` })).data.object.sha);
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return void 0;
    throw error;
  }
}
async function fileAt(github, repository, commit, path) {
  const data = await github.call(`reading ${path} at ${commit.slice(0, 12)}`, async (o) => (await o.rest.repos.getContent({ ...repo(repository), path, ref: commit })).data);
  if (Array.isArray(data) || data.type !== "file" || !("content" in data)) throw new GitHubApiError(`reading ${path} at ${commit.slice(0, 12)}: it is not a file`, 422);
  return Buffer.from(data.content, "base64").toString("utf8");
}
async function moveBranch(github, repository, branch, commit, force) {
  const at = repo(repository);
  try {
    await github.call(`moving ${branch} to ${commit.slice(0, 12)}`, (o) => o.rest.git.updateRef({ ...at, ref: `heads/${branch}`, sha: commit, force }));
    return "updated";
  } catch (error) {
    if (!(error instanceof GitHubApiError && error.status === 422 && /reference does not exist/i.test(error.message))) throw error;
  }
  await github.call(`creating branch ${branch} at ${commit.slice(0, 12)}`, (o) => o.rest.git.createRef({ ...at, ref: `refs/heads/${branch}`, sha: commit }));
  return "created";
}
function isNotFastForward(error) {
  return error instanceof GitHubApiError && error.status === 422 && /not a fast.forward/i.test(error.message);
}

export {
  pinnedRefIn,
  withPinnedRef,
  createFileCommit,
  parentsOf,
  branchHead,
  fileAt,
  moveBranch,
  isNotFastForward
};
