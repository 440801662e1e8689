// The one-repository mode from a repository made by `init` (no action.yml,
// no dist/: the shipped action runs from a copy elsewhere, as the runner
// runs `uses: OWNER/airflow-gitops@vX`): the steps deploy.yml and
// promote.yml take on a push to main, against a real bare remote and the
// OpenAPI-checked GitHub stand-in (its git database on the bare remote):
// validate, pin dev (committed to main through the API, or a pull request
// when main is protected), render, promote dev to staging.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as init } from '../../src/commands/init.ts';
import { captureIO } from '../support/io.ts';
import { clusterBin } from '../support/paths.ts';
import { isolatedGitEnv } from '../support/github/git-repos.ts';
import { startMockGitHub, type MockGitHub } from '../support/github/mock-github.ts';
import { runAction } from '../support/github/run-action.ts';

const token = 'ghs_onerepositorytoken0000000000000';
const author = { GIT_AUTHOR_NAME: 'Team', GIT_AUTHOR_EMAIL: 'team@example.com', GIT_COMMITTER_NAME: 'Team', GIT_COMMITTER_EMAIL: 'team@example.com' };
let folder: string;
let team: string;
let remote: string;
let github: MockGitHub;

const git = (args: string[], cwd = team) => execFileSync('git', args, { cwd, env: isolatedGitEnv(author), encoding: 'utf8' }).trim();

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'one-repo-'));
  team = join(folder, 'team');
  remote = join(folder, 'remote.git');
  expect(await init(['team', '--engine', 'acme/airflow-gitops', '--version', 'v0.1.0'], captureIO(folder).io)).toBe(0);
  git(['init', '--quiet', '--bare', '--initial-branch=main', remote], folder);
  git(['init', '--quiet', '--initial-branch=main']);
  git(['remote', 'add', 'origin', remote]);
  git(['add', '-A']);
  git(['commit', '--quiet', '-m', 'Made with airflow-gitops init']);
  git(['push', '--quiet', '--set-upstream', 'origin', 'main']);
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token, gitDir: remote });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  rmSync(folder, { recursive: true, force: true });
});

const env = () => ({ ...isolatedGitEnv(), PATH: `${clusterBin}:${process.env.PATH}`, GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url });
const step = (inputs: Record<string, string>) => runAction({ cwd: team, inputs, githubToken: token, env: env() });
const pinnedOn = (ref: string, environment: string) => git(['show', `${ref}:overlays/${environment}/git-sync-ref.env`], remote);

describe('one repository made by init', () => {
  it('validates, pins dev on main, renders, and promotes dev to staging by pull request', async () => {
    expect(existsSync(join(team, 'action.yml'))).toBe(false);
    const validate = await step({ command: 'validate', 'dags-directory': 'dags' });
    expect(validate.exitCode).toBe(0);
    expect(validate.outputs.errors).toBe('0');

    const dags = git(['log', '-1', '--format=%H', '--', 'dags']);
    const pin = await step({ command: 'bump', environment: 'dev', ref: dags, commit: 'true' });
    expect(pin.exitCode).toBe(0);
    expect(pin.outputs.commit).toBe(git(['rev-parse', 'main'], remote));
    expect(pinnedOn('main', 'dev')).toContain(`GITSYNC_REF=${dags}`);

    const render = await step({ command: 'render', environment: 'dev' });
    expect(render.exitCode).toBe(0);
    expect(readFileSync(render.outputs['rendered-file'] as string, 'utf8')).toContain(`value: ${dags}`);

    // promote.yml runs later, on a fresh checkout of main.
    git(['reset', '--quiet', '--hard']);
    git(['pull', '--quiet', '--ff-only']);

    const promote = await step({ command: 'promote', 'from-environment': 'dev', 'to-environment': 'staging' });
    expect(promote.exitCode).toBe(0);
    expect(promote.outputs).toMatchObject({ 'pull-request-operation': 'created', ref: dags });
    expect(pinnedOn('airflow-gitops/promote-staging', 'staging')).toContain(`GITSYNC_REF=${dags}`);
  });

  it('pins dev by pull request when main requires pull requests', async () => {
    // The same stand-in, now refusing to move main, as branch protection does.
    await github.close();
    github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token, gitDir: remote, protectedBranches: ['main'] });
    const main = git(['rev-parse', 'main'], remote);
    const dags = git(['log', '-1', '--format=%H', '--', 'dags']);
    const pin = await step({ command: 'bump', environment: 'dev', ref: dags, commit: 'true' });
    expect(pin.exitCode).toBe(0);
    expect(pin.outputs).toMatchObject({ 'pull-request-operation': 'created', 'pull-request-number': '1' });
    expect(git(['rev-parse', 'main'], remote)).toBe(main);
    expect(pinnedOn('airflow-gitops/pin-dev', 'dev')).toContain(`GITSYNC_REF=${dags}`);
  });
});
