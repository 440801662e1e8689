import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitAndPush } from '../../src/git/branch-push.ts';
import { Git } from '../../src/git/git.ts';
import { withPinnedRef } from '../../src/overlays/ref-file-edit.ts';
import { createRepos, isolatedGitEnv, refFile, type TestRepos } from '../support/github/git-repos.ts';

const path = 'overlays/dev/git-sync-ref.env';
const pinned = 'e'.repeat(40);
let repos: TestRepos;
let git: Git;

beforeEach(() => {
  repos = createRepos();
  git = new Git(repos.work, isolatedGitEnv());
});
afterEach(() => repos.cleanup());

const change = { remote: 'origin', branch: 'main', path, message: 'Pin dev\n', change: (content: string) => withPinnedRef(path, content, pinned) };

describe('commitAndPush', () => {
  it('commits the one-file change on top of HEAD and pushes it', async () => {
    const head = repos.git(['rev-parse', 'HEAD']);
    const result = await commitAndPush(git, change);
    expect(result).toMatchObject({ pushed: true, attempts: 1 });
    expect(repos.git(['rev-parse', 'main'], repos.remote)).toBe(result.commit);
    expect(repos.git(['rev-parse', `${result.commit}^`])).toBe(head);
    expect(repos.git(['show', `${result.commit}:${path}`])).toBe(refFile(pinned).trim());
    // The comment line of the file survives: only the value changed.
    expect(repos.git(['diff', '--numstat', head, result.commit])).toBe(`1\t1\t${path}`);
  });

  it('does nothing when the branch already pins the ref', async () => {
    await commitAndPush(git, change);
    repos.git(['pull', '--quiet', '--ff-only']);
    const again = await commitAndPush(git, change);
    expect(again).toMatchObject({ pushed: false, commit: repos.git(['rev-parse', 'HEAD']) });
  });

  it('makes the change again on top of a branch that moved meanwhile', async () => {
    const head = repos.git(['rev-parse', 'HEAD']);
    // Someone else pushes to main after this checkout was made.
    const other = `${repos.root}/other`;
    repos.git(['clone', '--quiet', repos.remote, other], repos.root);
    repos.git(['-c', 'user.name=O', '-c', 'user.email=o@example.com', 'commit', '--quiet', '--allow-empty', '-m', 'meanwhile'], other);
    repos.git(['push', '--quiet', 'origin', 'HEAD:main'], other);
    const theirs = repos.git(['rev-parse', 'HEAD'], other);

    const result = await commitAndPush(git, change);
    expect(result).toMatchObject({ pushed: true, attempts: 2 });
    expect(repos.git(['rev-parse', `${result.commit}^`])).toBe(theirs);
    expect(repos.git(['rev-parse', 'main'], repos.remote)).toBe(result.commit);
    expect(repos.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('stops when the branch that moved already pins the ref', async () => {
    // Another run pinned the same commit and pushed first.
    const other = `${repos.root}/other`;
    repos.git(['clone', '--quiet', repos.remote, other], repos.root);
    // (Another message: an identical commit made in the same second would simply be the same commit.)
    await commitAndPush(new Git(other, isolatedGitEnv()), { ...change, message: 'Pin dev from another run\n' });
    const theirs = repos.git(['rev-parse', 'main'], repos.remote);

    const result = await commitAndPush(git, change);
    expect(result).toEqual({ commit: theirs, pushed: false, attempts: 2 });
    expect(repos.git(['rev-parse', 'main'], repos.remote)).toBe(theirs);
  });

  it('reports a push refused for another reason with git message', async () => {
    repos.git(['remote', 'set-url', 'origin', `${repos.root}/missing.git`]);
    await expect(commitAndPush(git, change)).rejects.toThrow(/^pushing [0-9a-f]{12} to origin main failed: .*missing\.git/s);
  });
});
