/**
 * Whether a commit exists in the repository of a checkout, before it is
 * pinned: git-sync cannot fetch a commit its remote lacks ("not our ref"), and
 * finds out only after the deploy, retrying for minutes. A shallow checkout
 * (actions/checkout's default depth of 1) lacks older commits of its own
 * remote too, so the message says how to fetch them.
 */
import { UsageError } from '../errors.ts';
import type { Git } from './git.ts';

export async function checkCommitExists(git: Git, commit: string, remote = 'origin'): Promise<void> {
  const found = await git.run(['cat-file', '-e', `${commit}^{commit}`], { allowFailure: true });
  if (found.exitCode === 0) return;
  const shallow = (await git.run(['rev-parse', '--is-shallow-repository'], { allowFailure: true })).stdout.trim() === 'true';
  if (shallow) {
    throw new UsageError(
      `commit ${commit} is not in this checkout, which is shallow: fetch it first (git fetch --no-tags --depth=1 ${remote} ${commit}), or check out the whole history (actions/checkout with fetch-depth: 0)`,
    );
  }
  throw new UsageError(`commit ${commit} does not exist in the repository at ${git.cwd}: pin a commit of this repository (git-sync could not fetch it)`);
}
