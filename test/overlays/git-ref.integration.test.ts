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
  // Each name with the verdict both must give. Ours is stricter than git on
  // purpose in one way only: its character set (the ref lands in a YAML file
  // and a container's environment), so those names are listed as such.
  const both = (accept: boolean) => ({ git: accept, ours: accept });
  const stricter = { git: true, ours: false };
  const candidates: [string, { git: boolean; ours: boolean }][] = [
    ['main', both(true)],
    ['release/2.1', both(true)],
    ['v1.0.0', both(true)],
    ['feat/x+y', both(true)],
    ['a/b/c', both(true)],
    ['a..b', both(false)],
    ['x.lock', both(false)],
    ['x.lock/y', both(false)],
    ['.x', both(false)],
    ['a/.b', both(false)],
    ['a//b', both(false)],
    ['a/', both(false)],
    ['ends.', both(false)],
    ['-x', both(false)],
    ['HEAD', both(false)],
    ['a b', both(false)],
    ['a~b', both(false)],
    ['a:b', both(false)],
    ['x@{y', both(false)],
    ['x#y', stricter],
    ['caf\u00e9', stricter],
    ['@', stricter],
  ];
  it.each(candidates)('%j', async (name, verdict) => {
    const git = await execa('git', ['check-ref-format', '--branch', name], { reject: false });
    expect({ git: git.exitCode === 0, ours: refNameProblem(name) === undefined }).toEqual(verdict);
  });
});
