/**
 * Commits a change of one file (or a few, in one commit) onto a branch and pushes it without force. When
 * the push is refused because the branch moved (someone pushed meanwhile),
 * the change is made again on top of the new tip, a few times at most, so
 * a busy main branch does not fail the pin of an environment. A refusal of
 * the remote's own (a protected branch) is reported as PushRefused.
 */
import { CommandFailure } from '../errors.ts';
import { commitTreeChange } from './file-commit.ts';
import type { Git } from './git.ts';

export type BranchChange = {
  remote: string;
  branch: string;
  /** Path from the repository's top level. */
  path: string;
  message: string;
  /** The new content for the file's current content, or undefined when no change is needed. */
  change: (content: string) => string | undefined;
  /** Other files that change in the same commit (an environment's image pin beside its ref). */
  also?: FileEdit[];
};

export type FileEdit = { path: string; change: (content: string) => string | undefined };

/** The new content of each file the edits change, reading each file's current content with `read` (empty: nothing to change). */
export async function editedFiles(read: (path: string) => Promise<string>, edits: FileEdit[]): Promise<Map<string, string>> {
  const write = new Map<string, string>();
  for (const edit of edits) {
    const next = edit.change(await read(edit.path));
    if (next !== undefined) write.set(edit.path, next);
  }
  return write;
}

export type BranchPushResult = { commit: string; pushed: boolean; attempts: number };

/**
 * The remote refused the push for a reason of its own (a protected branch, a
 * ruleset, a pre-receive hook), not because the branch moved: trying again
 * cannot help, another road (a pull request) can.
 */
export class PushRefused extends CommandFailure {
  override name = 'PushRefused';
}

const attempts = 3;

function rejectedAsStale(output: string): boolean {
  return /\[rejected\]|non-fast-forward|fetch first|stale info/.test(output);
}

/** GitHub's protected branches and rulesets answer like a pre-receive hook: "[remote rejected] ... (protected branch hook declined)". */
function refusedByRemote(output: string): boolean {
  return /\[remote rejected\]|GH006|GH013|hook declined/.test(output);
}

/**
 * Pushes `commit` to a branch unless the remote already holds exactly it; with
 * a lease on the value the branch had a moment before, so a branch someone
 * changed meanwhile is never overwritten blindly.
 */
export async function pushWithLease(git: Git, remote: string, branch: string, commit: string): Promise<'pushed' | 'up-to-date'> {
  const current = await git.remoteBranch(remote, branch);
  if (current === commit) return 'up-to-date';
  await git.run(['push', '--porcelain', `--force-with-lease=refs/heads/${branch}:${current ?? ''}`, remote, `${commit}:refs/heads/${branch}`]);
  return 'pushed';
}

export async function commitAndPush(git: Git, change: BranchChange): Promise<BranchPushResult> {
  let parent = await git.revParse('HEAD');
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const write = await editedFiles((path) => git.show(parent, path), [{ path: change.path, change: change.change }, ...(change.also ?? [])]);
    if (write.size === 0) return { commit: parent, pushed: false, attempts: attempt };
    const commit = await commitTreeChange(git, { parent, write, remove: [], message: change.message });
    const push = await git.run(['push', '--porcelain', change.remote, `${commit}:refs/heads/${change.branch}`], { allowFailure: true });
    if (push.exitCode === 0) return { commit, pushed: true, attempts: attempt };
    const output = `${push.stdout}\n${push.stderr}`;
    if (refusedByRemote(output)) {
      throw new PushRefused(`${change.remote} refused the push of ${commit.slice(0, 12)} to ${change.branch}: ${push.stderr.trim() || push.stdout.trim()}`);
    }
    if (!rejectedAsStale(output)) {
      throw new CommandFailure(`pushing ${commit.slice(0, 12)} to ${change.remote} ${change.branch} failed: ${push.stderr.trim() || push.stdout.trim()}`);
    }
    await git.run(['fetch', '--no-tags', change.remote, `refs/heads/${change.branch}`]);
    parent = await git.revParse('FETCH_HEAD');
  }
  throw new CommandFailure(`${change.remote} ${change.branch} kept moving: the change was refused ${attempts} times; run again`);
}
