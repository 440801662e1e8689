/**
 * Publishes an environment's new pin (one line of its ref file, and its image
 * pin in the overlay's kustomization.yaml when it moves too) to the branch
 * the environment deploys from, by one of two roads:
 * - commit: onto the branch (retried on top of a branch that moved): with git
 *   push, or through the GitHub API when there is a client (GitHub signs it).
 *   When the branch refuses it for a reason of its own (branch protection, a
 *   ruleset, a pre-receive hook), the pin falls back to the other road;
 * - pull request: the same one-line change on top of the branch's tip, on the
 *   branch airflow-gitops/pin-<env> (replaced, never merged), and the pull
 *   request created or updated ("create, else update").
 */
import { commitAndPush, editedFiles, PushRefused, pushWithLease, type FileEdit } from '../git/branch-push.ts';
import { commitDate, commitTreeChange } from '../git/file-commit.ts';
import type { Git } from '../git/git.ts';
import { commitToBranch } from '../github/branch-commit.ts';
import { GitHubApiError, type GitHubClient } from '../github/client.ts';
import { branchHead, createFileCommit, fileAt, moveBranch, parentsOf } from '../github/git-data.ts';
import { createOrUpdatePullRequest, type PullRequestResult } from '../github/pull-requests.ts';
import type { Repository } from '../github/repository.ts';
import { UsageError } from '../errors.ts';
import { withPinnedRef } from '../overlays/ref-file-edit.ts';

export type PinMode = 'commit' | 'pull-request';
/** The GitHub side: the pull request always; the commits too when `commits` (else git makes and pushes them). */
export type GitHubTarget = { client: GitHubClient; repository: Repository; commits: boolean };

export type PinSpec = {
  remote: string;
  /** The branch the environment deploys from (main). */
  base: string;
  /** The ref file, from the repository's top level. */
  path: string;
  environment: string;
  ref: string;
  /** Other files of the same pin, changed in the same commit (the overlay's image pin). */
  also?: FileEdit[];
  mode: PinMode;
  /** The commit the change is made on first (the checkout's HEAD), for the commit road. */
  parent?: string;
  /** The GitHub repository and API, asked for only when needed. */
  github: () => Promise<GitHubTarget | undefined>;
  /** The body takes the reason a direct commit was refused, if it was. */
  text: { title: string; message: string; body: (refused?: string) => string };
  labels: string[];
  log: (line: string) => void;
};

export type PinOutcome = {
  operation: 'committed' | 'unchanged' | 'pull-request';
  /** The commit that holds the pin: on the base branch, or on the pin branch. */
  commit: string;
  branch?: string;
  pullRequest?: PullRequestResult;
  /** Why the direct commit was not taken, when it was refused. */
  refused?: string;
};

export function pinBranch(environment: string): string {
  return `airflow-gitops/pin-${environment}`;
}

/** GitHub's answer when branch protection or a ruleset refuses a ref update. */
export function refusedByRules(error: unknown): boolean {
  return error instanceof GitHubApiError && [403, 409, 422].includes(error.status) && /protected branch|rule violation|ruleset|protected ref/i.test(error.message);
}

/** The files' new contents on the tip (empty: the tip already holds the pin). */
type Change = { tip: string; write: Map<string, string> };

function edits(spec: PinSpec): FileEdit[] {
  return [{ path: spec.path, change: (content) => withPinnedRef(spec.path, content, spec.ref) }, ...(spec.also ?? [])];
}

async function changeOnTip(git: Git, github: GitHubTarget, spec: PinSpec): Promise<Change> {
  if (github.commits) {
    const tip = await branchHead(github.client, github.repository, spec.base);
    if (tip === undefined) throw new UsageError(`${github.repository.owner}/${github.repository.name} has no branch ${spec.base}`);
    return { tip, write: await editedFiles((path) => fileAt(github.client, github.repository, tip, path), edits(spec)) };
  }
  await git.run(['fetch', '--quiet', '--no-tags', spec.remote, `refs/heads/${spec.base}`]);
  const tip = await git.revParse('FETCH_HEAD');
  return { tip, write: await editedFiles((path) => git.show(tip, path), edits(spec)) };
}

/** Whether `commit` holds exactly the change's files. */
async function holds(github: GitHubTarget, commit: string, write: Map<string, string>): Promise<boolean> {
  for (const [path, content] of write) if ((await fileAt(github.client, github.repository, commit, path)) !== content) return false;
  return true;
}

/** Puts the change on the pin branch; a branch that already holds exactly it is left alone (a rerun). */
async function publishBranch(git: Git, github: GitHubTarget, spec: PinSpec, change: Change): Promise<string> {
  const branch = pinBranch(spec.environment);
  if (!github.commits) {
    // The parent's date makes a rerun produce the same commit, so nothing is pushed twice.
    const commit = await commitTreeChange(git, { parent: change.tip, write: change.write, remove: [], message: spec.text.message, date: await commitDate(git, change.tip) });
    spec.log((await pushWithLease(git, spec.remote, branch, commit)) === 'pushed' ? `pushed ${branch} (${commit.slice(0, 12)})` : `${branch} already holds this pin`);
    return commit;
  }
  const { client, repository } = github;
  const current = await branchHead(client, repository, branch);
  if (current !== undefined && (await parentsOf(client, repository, current)).join() === change.tip && (await holds(github, current, change.write))) {
    spec.log(`${branch} already holds this pin`);
    return current;
  }
  const [first, ...rest] = [...change.write].map(([path, content]) => ({ path, content }));
  if (first === undefined) throw new UsageError(`pinning ${spec.environment}: nothing to commit`);
  const commit = await createFileCommit(client, repository, { parent: change.tip, ...first, message: spec.text.message, also: rest });
  await moveBranch(client, repository, branch, commit, true);
  spec.log(`moved ${branch} to ${commit.slice(0, 12)}`);
  return commit;
}

async function byPullRequest(git: Git, spec: PinSpec, refused?: string): Promise<PinOutcome> {
  const github = await spec.github();
  if (github === undefined) throw new UsageError(`pinning ${spec.environment} by pull request needs a GitHub token`);
  const change = await changeOnTip(git, github, spec);
  if (change.write.size === 0) {
    spec.log(`${spec.base} already pins ${spec.environment} to ${spec.ref}: no pull request needed`);
    return { operation: 'unchanged', commit: change.tip };
  }
  const commit = await publishBranch(git, github, spec, change);
  const branch = pinBranch(spec.environment);
  const pullRequest = await createOrUpdatePullRequest(github.client, github.repository, { head: branch, base: spec.base, title: spec.text.title, body: spec.text.body(refused), labels: spec.labels, draft: false });
  spec.log(`pull request #${pullRequest.number} ${pullRequest.operation}: ${pullRequest.url}`);
  return { operation: 'pull-request', commit, branch, pullRequest };
}

async function commitDirectly(git: Git, spec: PinSpec): Promise<{ commit: string; pushed: boolean }> {
  const change = (content: string) => withPinnedRef(spec.path, content, spec.ref);
  const github = await spec.github();
  const parent = spec.parent ?? (await git.revParse('HEAD'));
  const also = spec.also ?? [];
  if (github?.commits) return commitToBranch(github.client, github.repository, { branch: spec.base, path: spec.path, message: spec.text.message, parent, change, also });
  return commitAndPush(git, { remote: spec.remote, branch: spec.base, path: spec.path, message: spec.text.message, change, also });
}

export async function publishPin(git: Git, spec: PinSpec): Promise<PinOutcome> {
  if (spec.mode === 'pull-request') return byPullRequest(git, spec);
  try {
    const done = await commitDirectly(git, spec);
    spec.log(done.pushed ? `committed ${done.commit} to ${spec.base}` : `${spec.base} already pins it (${done.commit})`);
    return { operation: done.pushed ? 'committed' : 'unchanged', commit: done.commit };
  } catch (error) {
    if (!(error instanceof PushRefused) && !refusedByRules(error)) throw error;
    const reason = (error as Error).message;
    if ((await spec.github()) === undefined) throw new PushRefused(`${reason}; give a token to fall back to a pull request`);
    spec.log(`${reason}; opening a pull request instead`);
    return { ...(await byPullRequest(git, spec, reason)), refused: reason };
  }
}
