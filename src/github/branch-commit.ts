/**
 * The API side of "commit one file change onto a branch, never by force":
 * the same contract as git/branch-push.ts, made through GitHub's git database
 * API so that GitHub signs the commit. When the branch moved since `parent`
 * (someone pushed meanwhile), the change is made again on the new tip, a few
 * times at most.
 */
import { CommandFailure } from '../errors.ts';
import type { GitHubClient } from './client.ts';
import { branchHead, createFileCommit, fileAt, isNotFastForward, moveBranch } from './git-data.ts';
import type { Repository } from './repository.ts';

export type ApiBranchChange = {
  branch: string;
  /** Path from the repository's top level. */
  path: string;
  message: string;
  /** The commit the change is made on first (the checkout's HEAD). */
  parent: string;
  /** The new content for the file's current content, or undefined when no change is needed. */
  change: (content: string) => string | undefined;
  /** Other files that change in the same commit (an environment's image pin beside its ref). */
  also?: { path: string; change: (content: string) => string | undefined }[];
};

export type ApiBranchResult = { commit: string; pushed: boolean; attempts: number };

const attempts = 3;

export async function commitToBranch(github: GitHubClient, repository: Repository, change: ApiBranchChange): Promise<ApiBranchResult> {
  let parent = change.parent;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const current = await fileAt(github, repository, parent, change.path);
    const also = [];
    for (const edit of change.also ?? []) {
      const content = edit.change(await fileAt(github, repository, parent, edit.path));
      if (content !== undefined) also.push({ path: edit.path, content });
    }
    const next = change.change(current) ?? (also.length > 0 ? current : undefined);
    if (next === undefined) return { commit: parent, pushed: false, attempts: attempt };
    const commit = await createFileCommit(github, repository, { parent, path: change.path, content: next, message: change.message, also });
    try {
      await moveBranch(github, repository, change.branch, commit, false);
      return { commit, pushed: true, attempts: attempt };
    } catch (error) {
      if (!isNotFastForward(error)) throw error;
    }
    const tip = await branchHead(github, repository, change.branch);
    if (tip === undefined) throw new CommandFailure(`branch ${change.branch} was deleted while the change was being made`);
    parent = tip;
  }
  throw new CommandFailure(`${change.branch} kept moving: the change was refused ${attempts} times; run again`);
}
