/**
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
import { pushWithLease } from '../git/branch-push.ts';
import { checkPromotionOrder, promotionBranch } from './order.ts';
import { pinnedRefIn, withPinnedRef } from '../overlays/ref-file-edit.ts';
import { promotionBody, promotionCommitMessage, promotionTitle, type PromotionFacts } from './text.ts';
import { createOrUpdatePullRequest, type PullRequestResult } from '../github/pull-requests.ts';
import { resolveRepository, type Repository } from '../github/repository.ts';
import { GitHubRest } from '../github/rest.ts';

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

type GitHubTarget = { rest: GitHubRest; repository: Repository };

async function gitHubTarget(options: PromoteOptions, git: Git): Promise<GitHubTarget | undefined> {
  if (!options.pullRequest) return undefined;
  if (!options.push) throw new UsageError('a pull request needs the pushed branch: drop --no-push, or add --no-pull-request');
  if (!options.token) throw new UsageError('opening the pull request needs a token: set GITHUB_TOKEN (the action input token), or pass --no-pull-request');
  const repository = resolveRepository(options.env, await git.remoteUrl(options.remote));
  return { rest: new GitHubRest(repository.apiUrl, options.token), repository };
}

async function baseBranch(options: PromoteOptions, git: Git): Promise<string> {
  const env = options.env;
  const base = options.base ?? (await git.currentBranch()) ?? (env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined);
  if (base === undefined) throw new UsageError('cannot tell the base branch: HEAD is detached; pass --base <branch> (input base)');
  const problem = refNameProblem(base);
  if (problem !== undefined) throw new UsageError(`base branch ${JSON.stringify(base)} is not a valid branch name: ${problem}`);
  return base;
}

export async function promote(options: PromoteOptions): Promise<PromoteResult> {
  const from = checkEnvironmentName(options.from);
  const to = checkEnvironmentName(options.to);
  checkPromotionOrder(from, to, options.allowAnyOrder);
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
  result.commit = await commitFileChange(git, { parent: head, path: file, content: plan.content, message: promotionCommitMessage(facts), date: await commitDate(git, head) });
  options.log(`${file}: GITSYNC_REF ${plan.previous} -> ${plan.ref} (commit ${result.commit} on top of ${head})`);
  if (!options.push) {
    result.message = `committed ${result.commit} (not pushed); push it with: git push ${options.remote} ${result.commit}:refs/heads/${branch}`;
    return result;
  }
  result.push = await pushWithLease(git, options.remote, branch, result.commit);
  options.log(result.push === 'pushed' ? `pushed ${branch} to ${options.remote}` : `${branch} on ${options.remote} already holds this promotion`);
  if (github === undefined) {
    result.message = `${branch} ${result.push === 'pushed' ? 'pushed' : 'is up to date'}; no pull request (--no-pull-request)`;
    return result;
  }
  result.pullRequest = await createOrUpdatePullRequest(github.rest, github.repository, {
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
