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
import { join, relative, sep } from 'node:path';
import { EnvironmentError, UsageError } from '../errors.ts';
import { checkEnvironmentName, overlayDirFor } from '../overlays/environments.ts';
import { parseGitRef, refNameProblem } from '../overlays/git-ref.ts';
import { refFilePath } from '../overlays/ref-file.ts';
import { commitDate } from '../git/file-commit.ts';
import { Git } from '../git/git.ts';
import { checkPromotionOrder, promotionBranch } from './order.ts';
import { promotionChain, readEnvironments } from '../overlays/environments-file.ts';
import { pinnedRefIn, withPinnedRef } from '../overlays/ref-file-edit.ts';
import { formatImagePin, imagePinIn, kustomizationFileName, withImagePin } from '../overlays/image-pin.ts';
import { commitTreeChange } from '../git/file-commit.ts';
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
  /** The Airflow image the source pins (name@sha256:...), undefined when it runs the base image. */
  image?: string;
  previousImage?: string;
  /** False when the target already runs the source's ref and image: nothing was committed or pushed. */
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
  const inRepo = (path: string) => relative(top, path).split(sep).join('/');
  const fromFile = inRepo(refFilePath(dirs.from));
  const toFile = inRepo(refFilePath(dirs.to));
  const committed = async (file: string) =>
    git.show(commit, file).catch(() => {
      throw new UsageError(`${file} is not committed at ${commit.slice(0, 12)}: commit the overlay before promoting`);
    });
  const toContent = await committed(toFile);
  const pinned = pinnedRefIn(fromFile, await committed(fromFile));
  if (unpinned.test(pinned)) throw new UsageError(`${fromFile}: ${from} is not pinned to a commit yet (${pinned}): deploy ${from} first`);
  const ref = parseGitRef(pinned, true, `${fromFile}: the pinned ref`).value;
  const previous = pinnedRefIn(toFile, toContent);
  const image = await planImage(committed, inRepo(join(dirs.from, kustomizationFileName)), inRepo(join(dirs.to, kustomizationFileName)));
  const write = new Map<string, string>();
  const content = withPinnedRef(toFile, toContent, ref);
  if (content !== undefined || image.content !== undefined) write.set(toFile, content ?? toContent);
  if (image.content !== undefined) write.set(image.file, image.content);
  return { ref, previous, write, image, facts: { from, to, ref, previous, file: toFile, image: image.pin, previousImage: image.previous, imageFile: image.content === undefined ? undefined : image.file } };
}

/**
 * The source's Airflow image goes with its ref: the target's kustomization gets
 * the same images: entry (or loses its own when the source runs the base image),
 * so an environment never runs DAGs against packages they were not checked with.
 */
async function planImage(committed: (file: string) => Promise<string>, fromFile: string, toFile: string) {
  const source = imagePinIn(fromFile, await committed(fromFile));
  const toContent = await committed(toFile);
  const target = imagePinIn(toFile, toContent);
  const pin = source === undefined ? undefined : formatImagePin(source);
  return { file: toFile, pin, previous: target === undefined ? undefined : formatImagePin(target), content: withImagePin(toFile, toContent, source) };
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

type Publication = { head: string; branch: string; write: Map<string, string>; message: string };

async function holdsFiles(github: GitHubTarget, commit: string, write: Map<string, string>): Promise<boolean> {
  for (const [path, content] of write) if ((await fileAt(github.client, github.repository, commit, path)) !== content) return false;
  return true;
}

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
    if (parents.length === 1 && parents[0] === change.head && (await holdsFiles(github, current, change.write))) return { commit: current, push: 'up-to-date' };
  }
  const [first, ...also] = [...change.write].map(([path, content]) => ({ path, content }));
  if (first === undefined) throw new UsageError(`${change.branch}: nothing to commit`);
  const commit = await createFileCommit(client, repository, { parent: change.head, ...first, message: change.message, also });
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
  const result: PromoteResult = { from, to, ref: plan.ref, previous: plan.previous, image: plan.image.pin, previousImage: plan.image.previous, changed: plan.write.size > 0, file, branch, base, push: 'skipped', message: '' };
  if (plan.write.size === 0) {
    result.message = `${to} already runs ${plan.ref}${plan.image.pin === undefined ? '' : ` with ${plan.image.pin}`}, the same as ${from}: nothing to promote`;
    return result;
  }
  const facts: PromotionFacts = { ...plan.facts, repositoryUrl: github ? `${github.repository.serverUrl}/${github.repository.owner}/${github.repository.name}` : undefined };
  const moved = `${file}: GITSYNC_REF ${plan.previous} -> ${plan.ref}${plan.facts.imageFile === undefined ? '' : `; ${plan.facts.imageFile}: image ${plan.image.previous ?? '(the base image)'} -> ${plan.image.pin ?? '(the base image)'}`}`;
  if (github?.commits) {
    const published = await publishThroughApi(github, { head, branch, write: plan.write, message: promotionCommitMessage(facts) });
    Object.assign(result, published);
    options.log(`${moved} (commit ${result.commit} on top of ${head}, ${published.push === 'pushed' ? `made by GitHub on ${branch}` : `already on ${branch}`})`);
  } else {
    result.commit = await commitTreeChange(git, { parent: head, write: plan.write, remove: [], message: promotionCommitMessage(facts), date: await commitDate(git, head) });
    options.log(`${moved} (commit ${result.commit} on top of ${head})`);
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
