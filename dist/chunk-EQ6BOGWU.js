import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  GitHubApiError
} from "./chunk-OMGV5NTF.js";
import {
  CommandFailure
} from "./chunk-VGK45RJW.js";

// src/git/file-commit.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function commitDate(git, commit) {
  return `@${await git.text(["show", "-s", "--format=%ct", commit])} +0000`;
}
async function commitFileChange(git, change) {
  const entry = await git.text(["ls-tree", change.parent, "--", change.path]);
  const mode = /^(\d+) blob /.exec(entry)?.[1];
  if (mode === void 0) throw new CommandFailure(`${change.path} is not a file in commit ${change.parent}`);
  const scratch = mkdtempSync(join(tmpdir(), "airflow-gitops-index-"));
  try {
    const dates = change.date === void 0 ? {} : { GIT_AUTHOR_DATE: change.date, GIT_COMMITTER_DATE: change.date };
    const env = { GIT_INDEX_FILE: join(scratch, "index"), ...dates };
    const written = (await git.run(["hash-object", "-w", "--stdin"], { input: change.content })).stdout.trim();
    await git.run(["read-tree", change.parent], { env });
    await git.run(["update-index", "--cacheinfo", `${mode},${written},${change.path}`], { env });
    const tree = (await git.run(["write-tree"], { env })).stdout.trim();
    const identity = await git.identityArgs();
    return (await git.run([...identity, "commit-tree", tree, "-p", change.parent, "-F", "-"], { env, input: change.message })).stdout.trim();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
async function commitTreeChange(git, change) {
  const scratch = mkdtempSync(join(tmpdir(), "airflow-gitops-index-"));
  try {
    const dates = change.date === void 0 ? {} : { GIT_AUTHOR_DATE: change.date, GIT_COMMITTER_DATE: change.date };
    const env = { GIT_INDEX_FILE: join(scratch, "index"), ...dates };
    await git.run(["read-tree", change.parent], { env });
    for (const [path, content] of change.write) {
      const written = (await git.run(["hash-object", "-w", "--stdin"], { input: content })).stdout.trim();
      await git.run(["update-index", "--add", "--cacheinfo", `100644,${written},${path}`], { env });
    }
    for (const path of change.remove) await git.run(["update-index", "--force-remove", "--", path], { env });
    const tree = (await git.run(["write-tree"], { env })).stdout.trim();
    const identity = await git.identityArgs();
    return (await git.run([...identity, "commit-tree", tree, "-p", change.parent, "-F", "-"], { env, input: change.message })).stdout.trim();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// src/github/pull-requests.ts
function repo(repository) {
  return { owner: repository.owner, repo: repository.name };
}
async function findOpenPullRequest(github, repository, head) {
  const pulls = await github.call(
    `looking for an open pull request from ${head}`,
    (octokit) => octokit.paginate(octokit.rest.pulls.list, { ...repo(repository), state: "open", head: `${repository.owner}:${head}`, per_page: 100 })
  );
  const fullName = `${repository.owner}/${repository.name}`.toLowerCase();
  return pulls.find((pull) => pull.head.ref === head && pull.head.repo?.full_name.toLowerCase() === fullName);
}
async function update(github, repository, pull, spec) {
  const change = { title: spec.title, body: spec.body, ...pull.base.ref === spec.base ? {} : { base: spec.base } };
  return github.call(`updating pull request #${pull.number}`, async (octokit) => (await octokit.rest.pulls.update({ ...repo(repository), pull_number: pull.number, ...change })).data);
}
async function create(github, repository, spec) {
  const fields = { title: spec.title, head: spec.head, base: spec.base, body: spec.body, draft: spec.draft, maintainer_can_modify: false };
  return github.call(`opening a pull request from ${spec.head} into ${spec.base}`, async (octokit) => (await octokit.rest.pulls.create({ ...repo(repository), ...fields })).data);
}
async function createOrUpdatePullRequest(github, repository, spec) {
  let operation = "updated";
  let pull = await findOpenPullRequest(github, repository, spec.head);
  if (pull !== void 0) {
    pull = await update(github, repository, pull, spec);
  } else {
    try {
      pull = await create(github, repository, spec);
      operation = "created";
    } catch (error) {
      if (!(error instanceof GitHubApiError && error.status === 422 && /already exists/i.test(error.message))) throw error;
      const existing = await findOpenPullRequest(github, repository, spec.head);
      if (existing === void 0) throw error;
      pull = await update(github, repository, existing, spec);
    }
  }
  if (spec.labels.length > 0) {
    const number = pull.number;
    await github.call(
      `adding labels ${spec.labels.join(", ")} to pull request #${number}`,
      (octokit) => octokit.rest.issues.addLabels({ ...repo(repository), issue_number: number, labels: spec.labels })
    );
  }
  return { number: pull.number, url: pull.html_url, operation };
}

export {
  commitDate,
  commitFileChange,
  commitTreeChange,
  createOrUpdatePullRequest
};
