import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parseGitRef, refNameProblem } from '../../src/overlays/git-ref.ts';
import { UsageError } from '../../src/errors.ts';

const sha = 'a'.repeat(20) + 'B0'.repeat(10);

describe('parseGitRef', () => {
  it('accepts a full commit SHA and lowercases it', () => {
    expect(parseGitRef(sha, false)).toEqual({ kind: 'commit', value: sha.toLowerCase() });
  });

  it.each(['abc123', 'a'.repeat(39), 'g'.repeat(40), `${sha}\nfoo: bar`, `${sha} `, 'main'])('rejects %j without --allow-ref-name', (value) => {
    expect(() => parseGitRef(value, false)).toThrow(UsageError);
    expect(() => parseGitRef(value, false)).toThrow(/--ref .* is not a full 40-character commit SHA/);
  });

  it.each(['main', 'release/2.1', 'v3.0.1', 'feature/dags_v2', 'hotfix+1'])('accepts the name %j with --allow-ref-name', (value) => {
    expect(parseGitRef(value, true)).toEqual({ kind: 'name', value });
  });

  it.each([
    ['a b', 'may contain only'],
    ['main\nGITSYNC_REPO=evil', 'may contain only'],
    ['$(reboot)', 'may contain only'],
    ['"quoted"', 'may contain only'],
    ['x#comment', 'may contain only'],
    ['a..b', "contains '..'"],
    ['refs/heads/x.lock', "ends with '.lock'"],
    ['.hidden', "begins with '.'"],
    ['a//b', 'consecutive slashes'],
    ['/lead', "begins or ends with '/'"],
    ['-rf', "begins with '-'"],
    ['ends.', "ends with '.'"],
    ['', 'empty'],
  ])('rejects the name %j naming the rule', (value, rule) => {
    expect(() => parseGitRef(value, true)).toThrow(rule);
  });
});

describe('refNameProblem agrees with git check-ref-format', () => {
  const candidates = ['main', 'release/2.1', 'v1.0.0', 'a..b', 'x.lock', '.x', 'a/.b', 'a//b', 'a/', 'ends.', 'feat/x+y', 'a/b/c', '-x', 'HEAD', 'x.lock/y'];
  it.each(candidates)('%j', async (name) => {
    const git = await execa('git', ['check-ref-format', '--branch', name], { reject: false });
    const ours = refNameProblem(name) === undefined;
    // Ours may be stricter than git (charset), never looser.
    if (ours) expect(git.exitCode).toBe(0);
    if (git.exitCode !== 0) expect(ours).toBe(false);
  });
});
