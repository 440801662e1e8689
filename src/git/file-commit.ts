/**
 * A commit that changes one file on top of a given parent, built with git's
 * plumbing in a temporary index: the working tree, the index and the checked-
 * out branch stay as they are, and the file's bytes are exactly the ones given.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandFailure } from '../errors.ts';
import type { Git } from './git.ts';

export type FileChange = {
  parent: string;
  /** Path from the repository's top level, with forward slashes. */
  path: string;
  content: string;
  message: string;
  /**
   * Author and committer date (default: now). Reusing the parent's date makes
   * the same change on the same parent the same commit, so a rerun can tell
   * the remote branch already holds it and need not push again.
   */
  date?: string;
};

export async function commitDate(git: Git, commit: string): Promise<string> {
  return `@${await git.text(['show', '-s', '--format=%ct', commit])} +0000`;
}

export async function commitFileChange(git: Git, change: FileChange): Promise<string> {
  const entry = await git.text(['ls-tree', change.parent, '--', change.path]);
  const mode = /^(\d+) blob /.exec(entry)?.[1];
  if (mode === undefined) throw new CommandFailure(`${change.path} is not a file in commit ${change.parent}`);
  const scratch = mkdtempSync(join(tmpdir(), 'airflow-gitops-index-'));
  try {
    const dates = change.date === undefined ? {} : { GIT_AUTHOR_DATE: change.date, GIT_COMMITTER_DATE: change.date };
    const env = { GIT_INDEX_FILE: join(scratch, 'index'), ...dates };
    const written = (await git.run(['hash-object', '-w', '--stdin'], { input: change.content })).stdout.trim();
    await git.run(['read-tree', change.parent], { env });
    await git.run(['update-index', '--cacheinfo', `${mode},${written},${change.path}`], { env });
    const tree = (await git.run(['write-tree'], { env })).stdout.trim();
    const identity = await git.identityArgs();
    return (await git.run([...identity, 'commit-tree', tree, '-p', change.parent, '-F', '-'], { env, input: change.message })).stdout.trim();
  } finally {
    // A scratch index only; removing it cannot fail in a way worth reporting over the real result.
    rmSync(scratch, { recursive: true, force: true });
  }
}

export type TreeChange = {
  parent: string;
  /** Path from the repository's top level -> new content. */
  write: Map<string, string>;
  remove: string[];
  message: string;
  date?: string;
};

/** A commit that writes and removes several files on top of `parent`, built like commitFileChange in a scratch index. */
export async function commitTreeChange(git: Git, change: TreeChange): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'airflow-gitops-index-'));
  try {
    const dates = change.date === undefined ? {} : { GIT_AUTHOR_DATE: change.date, GIT_COMMITTER_DATE: change.date };
    const env = { GIT_INDEX_FILE: join(scratch, 'index'), ...dates };
    await git.run(['read-tree', change.parent], { env });
    for (const [path, content] of change.write) {
      const written = (await git.run(['hash-object', '-w', '--stdin'], { input: content })).stdout.trim();
      await git.run(['update-index', '--add', '--cacheinfo', `100644,${written},${path}`], { env });
    }
    for (const path of change.remove) await git.run(['update-index', '--force-remove', '--', path], { env });
    const tree = (await git.run(['write-tree'], { env })).stdout.trim();
    const identity = await git.identityArgs();
    return (await git.run([...identity, 'commit-tree', tree, '-p', change.parent, '-F', '-'], { env, input: change.message })).stdout.trim();
  } finally {
    // A scratch index only; removing it cannot fail in a way worth reporting over the real result.
    rmSync(scratch, { recursive: true, force: true });
  }
}
