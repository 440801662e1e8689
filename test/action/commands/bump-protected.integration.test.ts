// The dev pin of deploy.yml (bump with commit: true) against a main branch
// that requires pull requests. With a token the pin is committed through the
// API, and the OpenAPI-checked GitHub stand-in (its git database on the bare
// remote) refuses to move main as branch protection does; without one it is
// pushed with git, and the bare remote's pre-receive hook refuses it. The pin
// must arrive as a pull request instead, or fail saying why.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, isolatedGitEnv, refFile, shas, type TestRepos } from '../../support/github/git-repos.ts';
import { startMockGitHub, type MockGitHub } from '../../support/github/mock-github.ts';
import { runAction, visibleText } from '../../support/github/run-action.ts';

const token = 'ghs_pinfallbacktoken000000000000000';
let repos: TestRepos;
let github: MockGitHub;

beforeEach(async () => {
  repos = createRepos();
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token, gitDir: repos.remote, protectedBranches: ['main'] });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  repos.cleanup();
});

/** A commit of the repository that is not on main (the pin need not be main's tip, only a commit the repository has). */
function sideCommit(message: string): string {
  return repos.git(['commit-tree', 'HEAD^{tree}', '-p', 'HEAD', '-m', message]);
}

const bump = (ref: string, inputs: Record<string, string> = { token }) =>
  runAction({
    cwd: repos.work,
    inputs: { command: 'bump', environment: 'dev', ref, commit: 'true', ...inputs },
    env: isolatedGitEnv({ GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url }),
  });

describe('bump with commit: true on a protected main', () => {
  it('opens a pull request with the pin when main refuses the commit, and updates it on the next pin', async () => {
    const main = repos.git(['rev-parse', 'main'], repos.remote);
    const first = repos.git(['rev-parse', 'HEAD']);
    const run = await bump(first);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(visibleText(run)).not.toContain(token);
    expect(run.stdout).toContain('GitHub answered 422: Protected branch update failed for refs/heads/main.');
    expect(run.outputs).toMatchObject({ changed: 'true', 'pull-request-number': '1', 'pull-request-operation': 'created', 'pull-request-url': 'https://github.com/acme/airflow/pull/1' });
    // No commit on main: the deploy jobs that read it must wait for the merge.
    expect(run.outputs.commit).toBeUndefined();
    expect(repos.git(['rev-parse', 'main'], repos.remote)).toBe(main);
    // GitHub made the commit, on top of main.
    expect(repos.git(['rev-parse', 'airflow-gitops/pin-dev^'], repos.remote)).toBe(main);
    expect(repos.git(['show', 'airflow-gitops/pin-dev:overlays/dev/git-sync-ref.env'], repos.remote)).toBe(refFile(first).trim());
    expect(github.pulls[0]).toMatchObject({ head: 'airflow-gitops/pin-dev', base: 'main', title: `Pin dev to ${first.slice(0, 12)}` });
    expect(github.pulls[0]?.body).toContain('A direct push was refused');
    expect(run.summary).toContain('pull request #1 created (main refused the commit)');

    // A rerun finds the branch holding exactly this pin: no new commit, the branch is not moved.
    const writes = () => github.requests.filter((r) => ['POST /repos/{owner}/{repo}/git/commits', 'POST /repos/{owner}/{repo}/git/refs'].includes(r.operation)).length;
    const before = writes();
    const rerun = await bump(first);
    expect(rerun.outputs).toMatchObject({ 'pull-request-number': '1', 'pull-request-operation': 'updated' });
    // The refused commit on main is made again (GitHub refuses it again); nothing for the pin branch.
    expect(writes()).toBe(before + 1);

    const second = sideCommit('More DAGs');
    const next = await bump(second);
    expect(next.outputs).toMatchObject({ 'pull-request-number': '1', 'pull-request-operation': 'updated' });
    expect(repos.git(['show', 'airflow-gitops/pin-dev:overlays/dev/git-sync-ref.env'], repos.remote)).toBe(refFile(second).trim());
    expect(github.pulls).toHaveLength(1);
  });

  it('without a token, fails with the remote\'s reason: there is no API to open a pull request with', async () => {
    const hook = join(repos.remote, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\nwhile read old new ref; do\n  [ "$ref" = refs/heads/main ] && { echo "GH006: Protected branch update failed for refs/heads/main." >&2; exit 1; }\ndone\nexit 0\n');
    chmodSync(hook, 0o755);
    const run = await bump(repos.git(['rev-parse', 'HEAD']), { token: '' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::.*origin refused the push of [0-9a-f]{12} to main: .*GH006.*give a token to fall back to a pull request/);
    expect(repos.git(['show', 'main:overlays/dev/git-sync-ref.env'], repos.remote)).toBe(refFile(shas.dev).trim());
    expect(github.requests).toEqual([]);
  });
});
