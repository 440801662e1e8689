/**
 * Commits a one-file change onto a branch and pushes it without force. When
 * the push is refused because the branch moved (someone pushed meanwhile),
 * the change is made again on top of the new tip, a few times at most, so
 * a busy main branch does not fail the pin of an environment.
 */
import { CommandFailure } from '../errors.ts';
import { commitFileChange } from './file-commit.ts';
import type { Git } from './git.ts';

export type BranchChange = {
  remote: string;
  branch: string;
  /** Path from the repository's top level. */
  path: string;
  message: string;
  /** The new content for the file's current content, or undefined when no change is needed. */
  change: (content: string) => string | undefined;
};

export type BranchPushResult = { commit: string; pushed: boolean; attempts: number };

const attempts = 3;

function rejectedAsStale(output: string): boolean {
  return /\[rejected\]|non-fast-forward|fetch first|stale info/.test(output);
}

export async function commitAndPush(git: Git, change: BranchChange): Promise<BranchPushResult> {
  let parent = await git.revParse('HEAD');
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const next = change.change(await git.show(parent, change.path));
    if (next === undefined) return { commit: parent, pushed: false, attempts: attempt };
    const commit = await commitFileChange(git, { parent, path: change.path, content: next, message: change.message });
    const push = await git.run(['push', '--porcelain', change.remote, `${commit}:refs/heads/${change.branch}`], { allowFailure: true });
    if (push.exitCode === 0) return { commit, pushed: true, attempts: attempt };
    if (!rejectedAsStale(`${push.stdout}\n${push.stderr}`)) {
      throw new CommandFailure(`pushing ${commit.slice(0, 12)} to ${change.remote} ${change.branch} failed: ${push.stderr.trim() || push.stdout.trim()}`);
    }
    await git.run(['fetch', '--no-tags', change.remote, `refs/heads/${change.branch}`]);
    parent = await git.revParse('FETCH_HEAD');
  }
  throw new CommandFailure(`${change.remote} ${change.branch} kept moving: the change was refused ${attempts} times; run again`);
}
