/**
 * src/promotion owns moving a pinned ref between environments and
 * repositories: promotion, pins, and what each environment still has to
 * deploy.
 *
 * promote <from-env> <to-env>: pin the target environment to the git-sync ref
 * the source environment runs, as one commit on the branch
 * airflow-gitops/promote-<to-env>, pushed, with a pull request created or
 * updated. Nothing is written until every check has passed, and the checked-
 * out branch, index and working tree are left as they are.
 */
import { relative, sep } from 'node:path';
import { EnvironmentError, UsageError } from '../errors.ts';
import { checkEnvironmentName, overlayDirFor } from '../overlays/environments.ts';
import { parseGitRef, refNameProblem } from '../overlays/git-ref.ts';
import { refFilePath } from '../overlays/ref-file.ts';
import { commitDate, commitFileChange } from '../git/file-commit.ts';
import { Git } from '../git/git.ts';
import { checkPromotionOrder, promotionBranch } from './order.ts';
import { promotionChain, readEnvironments } from '../overlays/environments-file.ts';
import { pinnedRefIn, withPinnedRef } from '../overlays/ref-file-edit.ts';
import { promotionBody, promotionCommitMessage, promotionTitle, type PromotionFacts } from './text.ts';
import { createOrUpdatePullRequest, type PullRequestResult } from '../github/pull-requests.ts';
import { resolveRepository, type Repository } from '../github/repository.ts';
import { GitHubClient } from '../github/client.ts';
import { branchHead, createFileCommit, fileAt, moveBranch, parentsOf } from '../github/git-data.ts';

export type PromoteOptions = {
  repoRoot: string;
  from: string;
  to: string;
  allowAnyOrder: boolean;
  /** Push the branch; without it the commit is only made locally. */
  push: boolean;
  /** Create or update the pull request (needs `push` and a token). */
  pullRequest: boolean;
  remote: string;
  /** The branch the pull request merges into; default: the checked-out branch. */
  base?: string;
  labels: string[];
  draft: boolean;
  token?: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** How the caller's entry names its options in advice (default: the CLI's flags). */
  wording?: PromotionWording;
  /** With a token, make the commit through the GitHub API (GitHub signs it) instead of pushing a local one. */
  commitThroughApi?: boolean;
};

/** Advice in messages, in the words of the entry the user called: CLI flags or action inputs. */
export type PromotionWording = { allowAnyOrder: string; noPush: string; noPullRequest: string; noPullRequestAsked: string; token: string; base: string };

export const cliWording: PromotionWording = {
  allowAnyOrder: 'pass --allow-any-order if it is meant',
  noPush: 'drop --no-push',
  noPullRequest: 'pass --no-pull-request',
  noPullRequestAsked: '--no-pull-request',
  token: 'set GITHUB_TOKEN or GH_TOKEN',
  base: 'pass --base <branch>',
};

export type PromoteResult = {
  from: string;
  to: string;
  ref: string;
  previous: string;
  /** False when the target already runs the source's ref: nothing was committed or pushed. */
  changed: boolean;
  file: string;
  branch: string;
  base: string;
  commit?: string;
  push: 'pushed' | 'up-to-date' | 'skipped';
  pullRequest?: PullRequestResult;
  message: string;
};

const unpinned = /^0{40}$/;

/** The pinned ref files of both environments at `commit`, and the target's new content. */
async function planChange(git: Git, top: string, commit: string, dirs: { from: string; to: string }, from: string, to: string) {
  const fromFile = relative(top, refFilePath(dirs.from)).split(sep).join('/');
  const toFile = relative(top, refFilePath(dirs.to)).split(sep).join('/');
  const committed = async (file: string) =>
    git.show(commit, file).catch(() => {
      throw new UsageError(`${file} is not committed at ${commit.slice(0, 12)}: commit the overlay before promoting`);
    });
  const toContent = await committed(toFile);
  const pinned = pinnedRefIn(fromFile, await committed(fromFile));
  if (unpinned.test(pinned)) throw new UsageError(`${fromFile}: ${from} is not pinned to a commit yet (${pinned}): deploy ${from} first`);
  const ref = parseGitRef(pinned, true, `${fromFile}: the pinned ref`).value;
  const previous = pinnedRefIn(toFile, toContent);
  const content = withPinnedRef(toFile, toContent, ref);
  return { ref, previous, content, facts: { from, to, ref, previous, file: toFile } };
}

/** `commits`: the promotion commit is made through the API too. */
type GitHubTarget = { client: GitHubClient; repository: Repository; commits: boolean };

async function gitHubTarget(options: PromoteOptions, git: Git): Promise<GitHubTarget | undefined> {
  const commits = options.commitThroughApi === true && options.push && Boolean(options.token);
  if (!options.pullRequest && !commits) return undefined;
  const say = options.wording ?? cliWording;
  if (!options.push) throw new UsageError(`a pull request needs the pushed branch: ${say.noPush}, or ${say.noPullRequest}`);
  if (!options.token) throw new UsageError(`opening the pull request needs a token: ${say.token}, or ${say.noPullRequest}`);
  const repository = resolveRepository(options.env, await git.remoteUrl(options.remote));
  return { client: new GitHubClient({ apiUrl: repository.apiUrl, token: options.token, log: options.log }), repository, commits };
}

type Publication = { head: string; branch: string; file: string; content: string; message: string };

/**
 * The promotion branch through the API: left alone when it already holds this
 * change on this head (a rerun), else moved to a new commit GitHub makes. The
 * branch belongs to the promotion, so it is replaced, not merged.
 */
async function publishThroughApi(github: GitHubTarget, change: Publication): Promise<{ commit: string; push: 'pushed' | 'up-to-date' }> {
  const { client, repository } = github;
  const current = await branchHead(client, repository, change.branch);
  if (current !== undefined) {
    const parents = await parentsOf(client, repository, current);
    if (parents.length === 1 && parents[0] === change.head && (await fileAt(client, repository, current, change.file)) === change.content) return { commit: current, push: 'up-to-date' };
  }
  const commit = await createFileCommit(client, repository, { parent: change.head, path: change.file, content: change.content, message: change.message });
  await moveBranch(client, repository, change.branch, commit, true);
  return { commit, push: 'pushed' };
}

async function baseBranch(options: PromoteOptions, git: Git): Promise<string> {
  const env = options.env;
  const base = options.base ?? (await git.currentBranch()) ?? (env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined);
  if (base === undefined) throw new UsageError(`cannot tell the base branch: HEAD is detached; ${(options.wording ?? cliWording).base}`);
  const problem = refNameProblem(base);
  if (problem !== undefined) throw new UsageError(`base branch ${JSON.stringify(base)} is not a valid branch name: ${problem}`);
  return base;
}

/** Pushes `commit` to the branch unless the remote already holds exactly it; never overwrites a branch that moved meanwhile. */
async function pushBranch(git: Git, remote: string, branch: string, commit: string): Promise<'pushed' | 'up-to-date'> {
  const current = await git.remoteBranch(remote, branch);
  if (current === commit) return 'up-to-date';
  await git.run(['push', '--porcelain', `--force-with-lease=refs/heads/${branch}:${current ?? ''}`, remote, `${commit}:refs/heads/${branch}`]);
  return 'pushed';
}

export async function promote(options: PromoteOptions): Promise<PromoteResult> {
  const from = checkEnvironmentName(options.from);
  const to = checkEnvironmentName(options.to);
  checkPromotionOrder(from, to, options.allowAnyOrder, promotionChain(readEnvironments(options.repoRoot)), (options.wording ?? cliWording).allowAnyOrder);
  const fromDir = overlayDirFor(options.repoRoot, from);
  const toDir = overlayDirFor(options.repoRoot, to);
  const git = new Git(options.repoRoot, options.env);
  const top = await git.topLevel().catch((error: Error) => {
    throw new EnvironmentError(`${options.repoRoot} is not inside a git repository: ${error.message}`);
  });
  const base = await baseBranch(options, git);
  const github = await gitHubTarget(options, git);
  const head = await git.revParse('HEAD');
  const branch = promotionBranch(to);

  const plan = await planChange(git, top, head, { from: fromDir, to: toDir }, from, to);
  const file = plan.facts.file;
  const result: PromoteResult = { from, to, ref: plan.ref, previous: plan.previous, changed: plan.content !== undefined, file, branch, base, push: 'skipped', message: '' };
  if (plan.content === undefined) {
    result.message = `${to} already runs ${plan.ref}, the same as ${from}: nothing to promote`;
    return result;
  }
  const facts: PromotionFacts = { ...plan.facts, repositoryUrl: github ? `${github.repository.serverUrl}/${github.repository.owner}/${github.repository.name}` : undefined };
  if (github?.commits) {
    const published = await publishThroughApi(github, { head, branch, file, content: plan.content, message: promotionCommitMessage(facts) });
    Object.assign(result, published);
    options.log(`${file}: GITSYNC_REF ${plan.previous} -> ${plan.ref} (commit ${result.commit} on top of ${head}, ${published.push === 'pushed' ? `made by GitHub on ${branch}` : `already on ${branch}`})`);
  } else {
    result.commit = await commitFileChange(git, { parent: head, path: file, content: plan.content, message: promotionCommitMessage(facts), date: await commitDate(git, head) });
    options.log(`${file}: GITSYNC_REF ${plan.previous} -> ${plan.ref} (commit ${result.commit} on top of ${head})`);
    if (!options.push) {
      result.message = `committed ${result.commit} (not pushed); push it with: git push ${options.remote} ${result.commit}:refs/heads/${branch}`;
      return result;
    }
    result.push = await pushBranch(git, options.remote, branch, result.commit);
    options.log(result.push === 'pushed' ? `pushed ${branch} to ${options.remote}` : `${branch} on ${options.remote} already holds this promotion`);
  }
  if (github === undefined || !options.pullRequest) {
    result.message = `${branch} ${result.push === 'pushed' ? 'pushed' : 'is up to date'}; no pull request (${(options.wording ?? cliWording).noPullRequestAsked})`;
    return result;
  }
  result.pullRequest = await createOrUpdatePullRequest(github.client, github.repository, {
    head: branch,
    base,
    title: promotionTitle(facts),
    body: promotionBody(facts),
    labels: options.labels,
    draft: options.draft,
  });
  result.message = `pull request #${result.pullRequest.number} ${result.pullRequest.operation}: ${result.pullRequest.url}`;
  return result;
}
