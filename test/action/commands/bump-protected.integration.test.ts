// The dev pin of deploy.yml (bump with commit: true) against a main branch
// that requires pull requests: the bare remote's pre-receive hook refuses every
// push to main, as GitHub's branch protection and rulesets do, and the pin
// must arrive as a pull request instead (the OpenAPI-checked GitHub stand-in).
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, isolatedGitEnv, refFile, shas, type TestRepos } from '../../support/github/git-repos.ts';
import { startMockGitHub, type MockGitHub } from '../../support/github/mock-github.ts';
import { runAction, visibleText } from '../../support/github/run-action.ts';

const token = 'ghs_pinfallbacktoken000000000000000';
const pinned = 'd'.repeat(40);
let repos: TestRepos;
let github: MockGitHub;

beforeEach(async () => {
  repos = createRepos();
  const hook = join(repos.remote, 'hooks', 'pre-receive');
  writeFileSync(hook, '#!/bin/sh\nwhile read old new ref; do\n  [ "$ref" = refs/heads/main ] && { echo "GH006: Protected branch update failed for refs/heads/main." >&2; exit 1; }\ndone\nexit 0\n');
  chmodSync(hook, 0o755);
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  repos.cleanup();
});

const bump = (ref: string) =>
  runAction({
    cwd: repos.work,
    inputs: { command: 'bump', environment: 'dev', ref, commit: 'true', token },
    env: isolatedGitEnv({ GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url }),
  });

describe('bump with commit: true on a protected main', () => {
  it('opens a pull request with the pin when the push is refused, and updates it on the next pin', async () => {
    const main = repos.git(['rev-parse', 'main'], repos.remote);
    const run = await bump(pinned);
    expect(run.exitCode).toBe(0);
    expect(visibleText(run)).not.toContain(token);
    expect(run.stdout).toContain('GH006: Protected branch update failed');
    expect(run.outputs).toMatchObject({ changed: 'true', 'pull-request-number': '1', 'pull-request-operation': 'created', 'pull-request-url': 'https://github.com/acme/airflow/pull/1' });
    // No commit on main: the deploy jobs that read it must wait for the merge.
    expect(run.outputs.commit).toBeUndefined();
    expect(repos.git(['rev-parse', 'main'], repos.remote)).toBe(main);
    expect(repos.git(['show', 'airflow-gitops/pin-dev:overlays/dev/git-sync-ref.env'], repos.remote)).toBe(refFile(pinned).trim());
    expect(github.pulls[0]).toMatchObject({ head: 'airflow-gitops/pin-dev', base: 'main', title: `Pin dev to ${pinned.slice(0, 12)}` });
    expect(github.pulls[0]?.body).toContain('A direct push was refused');
    expect(run.summary).toContain('pull request #1 created (main refused the push)');

    const next = await bump('e'.repeat(40));
    expect(next.outputs).toMatchObject({ 'pull-request-number': '1', 'pull-request-operation': 'updated' });
    expect(repos.git(['show', 'airflow-gitops/pin-dev:overlays/dev/git-sync-ref.env'], repos.remote)).toBe(refFile('e'.repeat(40)).trim());
    expect(github.pulls).toHaveLength(1);
  });

  it('fails with the remote\'s reason when there is no token to fall back with', async () => {
    const run = await runAction({ cwd: repos.work, inputs: { command: 'bump', environment: 'dev', ref: pinned, commit: 'true', token: '' }, env: isolatedGitEnv() });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::.*origin refused the push of [0-9a-f]{12} to main: .*GH006.*give a token to fall back to a pull request/);
    expect(repos.git(['show', `main:overlays/dev/git-sync-ref.env`], repos.remote)).toBe(refFile(shas.dev).trim());
  });
});

describe('bump with commit: true on a protected main, outside GitHub', () => {
  it('keeps the refusal in the message when the fallback cannot tell the repository', async () => {
    const local = createRepos();
    try {
      const hook = join(local.remote, 'hooks', 'pre-receive');
      writeFileSync(hook, '#!/bin/sh\necho "protected branch hook declined" >&2\nexit 1\n');
      chmodSync(hook, 0o755);
      const run = await runAction({ cwd: local.work, inputs: { command: 'bump', environment: 'dev', ref: pinned, commit: 'true', token }, env: isolatedGitEnv() });
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/::error::.*origin refused the push .*protected branch hook declined.*; the fallback to a pull request failed: cannot tell which GitHub repository/);
    } finally {
      local.cleanup();
    }
  });
});
