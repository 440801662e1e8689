import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promote, type PromoteOptions } from '../../src/promotion/promote.ts';
import { run } from '../../src/commands/promote.ts';
import { captureIO } from '../support/io.ts';
import { startMockGitHub, type MockGitHub } from '../support/github/mock-github.ts';
import { promoteOptions } from '../support/github/promote-options.ts';
import { createRepos, isolatedGitEnv, refFile, shas, type TestRepos } from '../support/github/git-repos.ts';

const token = 'ghp_promotiontesttoken1234567890';
const branch = 'airflow-gitops/promote-staging';
let repos: TestRepos;
let github: MockGitHub;
let logged: string[];

beforeEach(async () => {
  repos = createRepos();
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token, branchExists: (b) => repos.git(['ls-remote', '--heads', repos.remote, b]).length > 0 });
  logged = [];
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  repos.cleanup();
});

function options(overrides: Partial<PromoteOptions> = {}): PromoteOptions {
  return promoteOptions({ repos, githubUrl: github.url, token, log: (line: string) => logged.push(line) }, overrides);
}

const remoteBranch = () => repos.git(['ls-remote', '--heads', repos.remote, branch]).split('\t')[0] ?? '';

describe('promote', () => {
  it('commits the new pin on the promotion branch, pushes it and opens the pull request', async () => {
    const main = repos.git(['rev-parse', 'HEAD']);
    const result = await promote(options());

    expect(result).toMatchObject({ from: 'dev', to: 'staging', ref: shas.dev, previous: shas.staging, changed: true, branch, base: 'main', push: 'pushed' });
    expect(result.pullRequest).toEqual({ number: 1, url: 'https://github.com/acme/airflow/pull/1', operation: 'created' });
    // The pushed branch is one commit on top of main that changes one line of one file.
    expect(remoteBranch()).toBe(result.commit);
    expect(repos.git(['rev-parse', `${result.commit}^`])).toBe(main);
    expect(repos.git(['diff', '--name-only', main, result.commit as string])).toBe('overlays/staging/git-sync-ref.env');
    expect(repos.git(['show', `${result.commit}:overlays/staging/git-sync-ref.env`])).toBe(refFile(shas.dev).trim());
    // A fresh machine has no git identity: the commit falls back to the Actions bot.
    expect(repos.git(['log', '-1', '--format=%an <%ae>', result.commit as string])).toBe('github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>');
    expect(repos.git(['log', '-1', '--format=%s', result.commit as string])).toBe(`Promote dev to staging: ${shas.dev.slice(0, 12)}`);
    // Nothing local moved: branch, index and working tree are as before; main on the remote too.
    expect(repos.git(['rev-parse', 'HEAD'])).toBe(main);
    expect(repos.git(['status', '--porcelain'])).toBe('');
    expect(readFileSync(join(repos.work, 'overlays/staging/git-sync-ref.env'), 'utf8')).toBe(refFile(shas.staging));
    expect(repos.git(['rev-parse', 'main'], repos.remote)).toBe(main);

    const pull = github.pulls[0];
    expect(pull).toMatchObject({ head: branch, base: 'main', title: `Promote dev to staging: ${shas.dev.slice(0, 12)}` });
    expect(pull?.body).toContain(`| \`staging\` after merging | \`${shas.dev}\` (from \`dev\`) |`);
    expect(pull?.body).toContain(`(https://github.example.com/acme/airflow/compare/${shas.staging}...${shas.dev})`);
  });

  it('a rerun with nothing new pushes nothing and updates the same pull request', async () => {
    const first = await promote(options());
    const second = await promote(options());
    expect(second.commit).toBe(first.commit);
    expect(second.push).toBe('up-to-date');
    expect(second.pullRequest).toMatchObject({ number: 1, operation: 'updated' });
    expect(github.pulls).toHaveLength(1);
  });

  it('a new dev pin replaces the branch and updates the pull request', async () => {
    await promote(options());
    const newer = 'd'.repeat(40);
    const main = repos.commit({ 'overlays/dev/git-sync-ref.env': refFile(newer) }, 'Pin dev');
    const result = await promote(options());
    expect(result.ref).toBe(newer);
    expect(result.push).toBe('pushed');
    expect(remoteBranch()).toBe(result.commit);
    expect(repos.git(['rev-parse', `${result.commit}^`])).toBe(main);
    expect(result.pullRequest).toMatchObject({ number: 1, operation: 'updated' });
    expect(github.pulls[0]?.title).toBe(`Promote dev to staging: ${newer.slice(0, 12)}`);
  });

  it('is a no-op with a clear message when the target already runs the same ref', async () => {
    repos.commit({ 'overlays/staging/git-sync-ref.env': refFile(shas.dev) }, 'Pin staging like dev');
    const result = await promote(options());
    expect(result).toMatchObject({ changed: false, push: 'skipped' });
    expect(result.commit).toBeUndefined();
    expect(result.pullRequest).toBeUndefined();
    expect(result.message).toBe(`staging already runs ${shas.dev}, the same as dev: nothing to promote`);
    expect(remoteBranch()).toBe('');
    expect(github.requests).toEqual([]);
  });

  it.each([
    ['prod', 'dev'],
    ['dev', 'prod'],
    ['staging', 'dev'],
  ])('refuses %s -> %s unless any order is allowed', async (from, to) => {
    await expect(promote(options({ from, to }))).rejects.toThrow(`promoting '${from}' to '${to}' is not in the usual order (dev -> staging, staging -> prod); pass --allow-any-order`);
    expect(github.requests).toEqual([]);
    const allowed = await promote(options({ from, to, allowAnyOrder: true }));
    expect(allowed.branch).toBe(`airflow-gitops/promote-${to}`);
    expect(allowed.ref).toBe(shas[from as keyof typeof shas]);
  });

  it('refuses to promote an environment that is not pinned yet', async () => {
    repos.commit({ 'overlays/dev/git-sync-ref.env': refFile('0'.repeat(40)) }, 'Unpinned dev');
    await expect(promote(options())).rejects.toThrow(`overlays/dev/git-sync-ref.env: dev is not pinned to a commit yet (${'0'.repeat(40)}): deploy dev first`);
  });

  it('names the ref file by its repository path when it is malformed', async () => {
    repos.commit({ 'overlays/staging/git-sync-ref.env': `GITSYNC_REF=${shas.staging}\nGITSYNC_REF=${shas.prod}\n` }, 'Broken');
    await expect(promote(options())).rejects.toThrow(/^overlays\/staging\/git-sync-ref\.env: expected exactly one line GITSYNC_REF=<ref>, found 2$/);
  });

  it('checks the token before writing anything', async () => {
    await expect(promote(options({ token: undefined }))).rejects.toThrow('opening the pull request needs a token');
    expect(remoteBranch()).toBe('');
  });

  it('needs a base branch when HEAD is detached, and takes it from the run', async () => {
    repos.git(['checkout', '--quiet', '--detach']);
    await expect(promote(options())).rejects.toThrow('cannot tell the base branch: HEAD is detached; pass --base <branch>');
    const fromRun = await promote(options({ env: { ...options().env, GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' } }));
    expect(fromRun.base).toBe('main');
  });

  it('without a push, only makes the commit and says how to push it', async () => {
    const result = await promote(options({ push: false, pullRequest: false }));
    expect(result.push).toBe('skipped');
    expect(result.message).toBe(`committed ${result.commit} (not pushed); push it with: git push origin ${result.commit}:refs/heads/${branch}`);
    expect(repos.git(['cat-file', '-t', result.commit as string])).toBe('commit');
    expect(remoteBranch()).toBe('');
  });
});

describe('promote CLI', () => {
  it('pushes the branch with --no-pull-request and prints what it did', async () => {
    const { io, stdout, stderr } = captureIO(repos.work, isolatedGitEnv());
    const code = await run(['dev', 'staging', '--no-pull-request'], io);
    expect(code).toBe(0);
    expect(stdout.join('')).toBe(`${branch} pushed; no pull request (--no-pull-request)\n`);
    expect(stderr.join('')).toContain(`overlays/staging/git-sync-ref.env: GITSYNC_REF ${shas.staging} -> ${shas.dev}`);
    expect(remoteBranch()).toMatch(/^[0-9a-f]{40}$/);
  });

  it('opens the pull request with the token from GITHUB_TOKEN and adds labels', async () => {
    const { io, stdout } = captureIO(repos.work, isolatedGitEnv({ GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url }));
    const code = await run(['staging', 'prod', '--labels', 'promotion, prod'], io);
    expect(code).toBe(0);
    expect(stdout.join('')).toBe('pull request #1 created: https://github.com/acme/airflow/pull/1\n');
    expect(github.pulls[0]).toMatchObject({ head: 'airflow-gitops/promote-prod', labels: ['promotion', 'prod'] });
  });

  it('rejects a wrong number of environments', async () => {
    await expect(run(['dev'], captureIO(repos.work, isolatedGitEnv()).io)).rejects.toThrow('usage: airflow-gitops promote <from-environment> <to-environment> [options]');
  });
});
