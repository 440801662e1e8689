/**
 * Commits made through GitHub's git database API (a blob, a tree on the
 * parent's tree, a commit, then the branch's ref), instead of pushed with git.
 * A commit created this way without an author is signed by GitHub, so GitHub
 * shows it as verified; and the token needs 'contents: write' only, no git
 * credentials in the checkout.
 */
import { GitHubApiError, type GitHubClient } from './client.ts';
import type { Repository } from './repository.ts';

export type ApiFileCommit = {
  parent: string;
  /** Path from the repository's top level, with forward slashes. */
  path: string;
  content: string;
  message: string;
  /** The file's git mode (100644 for a regular file). */
  mode?: '100644' | '100755';
  /** Other regular files written in the same commit. */
  also?: { path: string; content: string }[];
};

function repo(repository: Repository) {
  return { owner: repository.owner, repo: repository.name };
}

/** Creates the commit that changes one file of `parent` (and the `also` files); no branch moves yet. */
export async function createFileCommit(github: GitHubClient, repository: Repository, change: ApiFileCommit): Promise<string> {
  const at = repo(repository);
  const short = change.parent.slice(0, 12);
  const parent = await github.call(`reading commit ${short}`, async (o) => (await o.rest.git.getCommit({ ...at, commit_sha: change.parent })).data);
  const files = [{ path: change.path, content: change.content, mode: change.mode ?? '100644' }, ...(change.also ?? []).map((f) => ({ ...f, mode: '100644' as const }))];
  const entries: { path: string; mode: '100644' | '100755'; type: 'blob'; sha: string }[] = [];
  for (const file of files) {
    const blob = await github.call(`uploading ${file.path}`, async (o) =>
      (await o.rest.git.createBlob({ ...at, content: Buffer.from(file.content).toString('base64'), encoding: 'base64' })).data,
    );
    entries.push({ path: file.path, mode: file.mode, type: 'blob' as const, sha: blob.sha });
  }
  const tree = await github.call(`building the tree of ${change.path} on ${short}`, async (o) =>
    (await o.rest.git.createTree({ ...at, base_tree: parent.tree.sha, tree: entries })).data,
  );
  const commit = await github.call(`committing ${change.path} on ${short}`, async (o) =>
    (await o.rest.git.createCommit({ ...at, message: change.message, tree: tree.sha, parents: [change.parent] })).data,
  );
  return commit.sha;
}

/** The parents of a commit. */
export async function parentsOf(github: GitHubClient, repository: Repository, commit: string): Promise<string[]> {
  const data = await github.call(`reading commit ${commit.slice(0, 12)}`, async (o) => (await o.rest.git.getCommit({ ...repo(repository), commit_sha: commit })).data);
  return data.parents.map((parent) => parent.sha);
}

/** The commit a branch points at, or undefined when the branch does not exist. */
export async function branchHead(github: GitHubClient, repository: Repository, branch: string): Promise<string | undefined> {
  try {
    return await github.call(`reading branch ${branch}`, async (o) => (await o.rest.git.getRef({ ...repo(repository), ref: `heads/${branch}` })).data.object.sha);
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** A file's content at a commit. */
export async function fileAt(github: GitHubClient, repository: Repository, commit: string, path: string): Promise<string> {
  const data = await github.call(`reading ${path} at ${commit.slice(0, 12)}`, async (o) => (await o.rest.repos.getContent({ ...repo(repository), path, ref: commit })).data);
  if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) throw new GitHubApiError(`reading ${path} at ${commit.slice(0, 12)}: it is not a file`, 422);
  return Buffer.from(data.content, 'base64').toString('utf8');
}

/**
 * Moves `branch` to `commit`, creating it when missing. Without `force` only a
 * fast-forward is accepted: GitHub answers 422 "Update is not a fast forward"
 * when the branch moved meanwhile, which the caller may retry on the new tip.
 */
export async function moveBranch(github: GitHubClient, repository: Repository, branch: string, commit: string, force: boolean): Promise<'created' | 'updated'> {
  const at = repo(repository);
  try {
    await github.call(`moving ${branch} to ${commit.slice(0, 12)}`, (o) => o.rest.git.updateRef({ ...at, ref: `heads/${branch}`, sha: commit, force }));
    return 'updated';
  } catch (error) {
    if (!(error instanceof GitHubApiError && error.status === 422 && /reference does not exist/i.test(error.message))) throw error;
  }
  await github.call(`creating branch ${branch} at ${commit.slice(0, 12)}`, (o) => o.rest.git.createRef({ ...at, ref: `refs/heads/${branch}`, sha: commit }));
  return 'created';
}

export function isNotFastForward(error: unknown): boolean {
  return error instanceof GitHubApiError && error.status === 422 && /not a fast.forward/i.test(error.message);
}
