/**
 * Publishes an environment's new pin (one line of its ref file) to the branch
 * the environment deploys from, by one of two roads:
 * - commit: pushed straight to the branch (retried on top of a branch that
 *   moved). When the remote refuses it for a reason of its own (a protected
 *   branch, a ruleset, a pre-receive hook), the pin falls back to the other road;
 * - pull request: the same one-line change on top of the branch's tip, on the
 *   branch airflow-gitops/pin-<env>, pushed with a lease, and the pull request
 *   created or updated ("create, else update").
 */
import { commitAndPush, PushRefused, pushWithLease } from '../git/branch-push.ts';
import { commitDate, commitFileChange } from '../git/file-commit.ts';
import type { Git } from '../git/git.ts';
import { createOrUpdatePullRequest, type PullRequestResult } from '../github/pull-requests.ts';
import type { Repository } from '../github/repository.ts';
import type { GitHubRest } from '../github/rest.ts';
import { describe, UsageError } from '../errors.ts';
import { withPinnedRef } from '../overlays/ref-file-edit.ts';

export type PinMode = 'commit' | 'pull-request';
export type GitHubTarget = { rest: GitHubRest; repository: Repository };

export type PinSpec = {
  remote: string;
  /** The branch the environment deploys from (main). */
  base: string;
  /** The ref file, from the repository's top level. */
  path: string;
  environment: string;
  ref: string;
  mode: PinMode;
  /** The GitHub repository and API, asked for only when the pull-request road is taken. */
  github: () => Promise<GitHubTarget | undefined>;
  /** The body takes the reason a direct push was refused, if it was. */
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
  /** Why the direct push was not taken, when it was refused. */
  refused?: string;
};

export function pinBranch(environment: string): string {
  return `airflow-gitops/pin-${environment}`;
}

async function remoteTip(git: Git, remote: string, branch: string): Promise<string> {
  await git.run(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${branch}`]);
  return git.revParse('FETCH_HEAD');
}

async function byPullRequest(git: Git, spec: PinSpec, refused?: string): Promise<PinOutcome> {
  const github = await spec.github();
  if (github === undefined) throw new UsageError(`pinning ${spec.environment} by pull request needs a GitHub token`);
  const tip = await remoteTip(git, spec.remote, spec.base);
  const content = withPinnedRef(spec.path, await git.show(tip, spec.path), spec.ref);
  if (content === undefined) {
    spec.log(`${spec.base} already pins ${spec.environment} to ${spec.ref}: no pull request needed`);
    return { operation: 'unchanged', commit: tip };
  }
  const branch = pinBranch(spec.environment);
  // The parent's date makes a rerun produce the same commit, so nothing is pushed twice.
  const commit = await commitFileChange(git, { parent: tip, path: spec.path, content, message: spec.text.message, date: await commitDate(git, tip) });
  const push = await pushWithLease(git, spec.remote, branch, commit);
  spec.log(push === 'pushed' ? `pushed ${branch} (${commit.slice(0, 12)})` : `${branch} already holds this pin`);
  const pullRequest = await createOrUpdatePullRequest(github.rest, github.repository, {
    head: branch,
    base: spec.base,
    title: spec.text.title,
    body: spec.text.body(refused),
    labels: spec.labels,
    draft: false,
  });
  spec.log(`pull request #${pullRequest.number} ${pullRequest.operation}: ${pullRequest.url}`);
  return { operation: 'pull-request', commit, branch, pullRequest };
}

export async function publishPin(git: Git, spec: PinSpec): Promise<PinOutcome> {
  if (spec.mode === 'pull-request') return byPullRequest(git, spec);
  try {
    const push = await commitAndPush(git, {
      remote: spec.remote,
      branch: spec.base,
      path: spec.path,
      message: spec.text.message,
      change: (content) => withPinnedRef(spec.path, content, spec.ref),
    });
    spec.log(push.pushed ? `pushed ${push.commit} to ${spec.base}` : `${spec.base} already pins it (${push.commit})`);
    return { operation: push.pushed ? 'committed' : 'unchanged', commit: push.commit };
  } catch (error) {
    if (!(error instanceof PushRefused)) throw error;
    // The refusal is the news: a fallback that cannot start must not hide it.
    const github = await spec.github().catch((cause: unknown) => {
      throw new PushRefused(`${error.message}; the fallback to a pull request failed: ${describe(cause)}`, error.commit);
    });
    if (github === undefined) throw new PushRefused(`${error.message}; give a token to fall back to a pull request`, error.commit);
    spec.log(`${error.message}; opening a pull request instead`);
    return { ...(await byPullRequest(git, spec, error.message)), refused: error.message };
  }
}
