// The separate-DAG-repository mode, end to end: the shipped CLI (dist/ copied
// away from node_modules, as the reusable workflow runs it from the engine's
// own checkout) runs in a repository that holds only dags/, and pins its commit
// in a platform repository (a real bare remote) through the OpenAPI-checked
// GitHub stand-in.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockGitHub, type MockGitHub } from '../support/github/mock-github.ts';
import { createRepos, isolatedGitEnv, refFile, shas, type TestRepos } from '../support/github/git-repos.ts';
import { shippedActionEntry } from '../support/github/run-action.ts';

const token = 'ghs_platformtokenforthepintest0000';
const branch = 'airflow-gitops/pin-dev';
const author = { GIT_AUTHOR_NAME: 'Dag Author', GIT_AUTHOR_EMAIL: 'dags@example.com', GIT_COMMITTER_NAME: 'Dag Author', GIT_COMMITTER_EMAIL: 'dags@example.com' };
let platform: TestRepos;
let github: MockGitHub;
let dagRepo: string;

function dagGit(args: string[]): string {
  return spawnSync('git', args, { cwd: dagRepo, env: isolatedGitEnv(author), encoding: 'utf8' }).stdout.trim();
}

/** A push to the DAG repository: one commit that changes a DAG file. */
function pushDag(content: string): string {
  writeFileSync(join(dagRepo, 'dags', 'report.py'), content);
  dagGit(['add', '--', 'dags']);
  dagGit(['commit', '--quiet', '-m', 'Change a DAG']);
  return dagGit(['rev-parse', 'HEAD']);
}

beforeEach(async () => {
  platform = createRepos();
  github = await startMockGitHub({ owner: 'acme', repo: 'platform', token, branchExists: (b) => platform.git(['ls-remote', '--heads', platform.remote, b]).length > 0 });
  dagRepo = mkdtempSync(join(tmpdir(), 'dag-repo-'));
  mkdirSync(join(dagRepo, 'dags'));
  dagGit(['init', '--quiet', '--initial-branch=main']);
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  platform.cleanup();
  rmSync(dagRepo, { recursive: true, force: true });
});

const cli = () => join(dirname(shippedActionEntry()), 'cli.js');

type CliRun = { status: number; stdout: string; stderr: string };

/** Runs the CLI as a child process, asynchronously: the GitHub stand-in answers from this process. */
async function runCli(args: string[], sha: string): Promise<CliRun> {
  const env = isolatedGitEnv({ GITHUB_SHA: sha, GITHUB_REPOSITORY: 'acme/dags', GITHUB_API_URL: github.url, GITHUB_SERVER_URL: 'https://github.example.com', PLATFORM_TOKEN: token });
  const child = spawn(process.execPath, [cli(), ...args], { cwd: dagRepo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const result = { status: 1, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (result.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
  result.status = await new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  expect(`${result.stdout}${result.stderr}`).not.toContain(token);
  return result;
}

const pin = async (sha: string, ...extra: string[]) => runCli(['pin-remote', 'dev', '--repository', 'acme/platform', '--url', platform.remote, ...extra], sha);
const remoteRef = (ref: string) => platform.git(['rev-parse', ref], platform.remote);
const pinnedOn = (ref: string) => platform.git(['show', `${ref}:overlays/dev/git-sync-ref.env`], platform.remote);

describe('pin-remote from a repository holding only dags/', () => {
  it('validates the DAGs, opens the pin pull request in the platform repository, and updates it on the next push', async () => {
    const first = pushDag('from airflow.sdk import dag\n');
    expect(readdirSync(dagRepo).filter((f) => f !== '.git')).toEqual(['dags']);
    const validated = await runCli(['validate', 'dags'], first);
    expect(validated.stderr).toBe('');
    expect(validated.status).toBe(0);

    const main = remoteRef('main');
    const opened = await pin(first);
    expect(opened.stderr).toContain(`pushed ${branch}`);
    expect(opened.stdout).toBe('pull request #1 created in acme/platform: https://github.com/acme/platform/pull/1\n');
    expect(opened.status).toBe(0);
    expect(pinnedOn(branch)).toBe(refFile(first).trim());
    expect(remoteRef(`${branch}^`)).toBe(main);
    // main itself moves only when the pull request is merged.
    expect(remoteRef('main')).toBe(main);
    expect(github.pulls[0]).toMatchObject({ number: 1, head: branch, base: 'main', title: `Pin dev to acme/dags@${first.slice(0, 12)}` });
    expect(github.pulls[0]?.body).toContain(`[\`${first}\`](https://github.example.com/acme/dags/commit/${first}) of \`acme/dags\``);

    const second = pushDag('from airflow.sdk import dag  # changed\n');
    const updated = await pin(second);
    expect(updated.stdout).toBe('pull request #1 updated in acme/platform: https://github.com/acme/platform/pull/1\n');
    expect(pinnedOn(branch)).toBe(refFile(second).trim());
    expect(github.pulls).toHaveLength(1);
    expect(github.pulls[0]?.title).toBe(`Pin dev to acme/dags@${second.slice(0, 12)}`);
    // The other environments are untouched.
    expect(platform.git(['diff', '--name-only', main, branch], platform.remote)).toBe('overlays/dev/git-sync-ref.env');
  });

  it('with --commit pushes the pin to main, and a second run with the same commit changes nothing', async () => {
    const sha = pushDag('from airflow.sdk import dag\n');
    const pushed = await pin(sha, '--commit');
    expect(pushed.status).toBe(0);
    expect(pushed.stdout).toBe(`pinned dev to ${sha} in acme/platform: commit ${remoteRef('main')} on main\n`);
    expect(pinnedOn('main')).toBe(refFile(sha).trim());
    const again = await pin(sha, '--commit');
    expect(again.stdout).toBe(`acme/platform main already pins dev to ${sha}: nothing to do\n`);
    expect(github.requests).toEqual([]);
  });

  it('falls back to a pull request when the platform refuses pushes to main', async () => {
    const hook = join(platform.remote, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\nwhile read old new ref; do\n  if [ "$ref" = refs/heads/main ]; then echo "main is protected: changes go through pull requests" >&2; exit 1; fi\ndone\n');
    chmodSync(hook, 0o755);
    const main = remoteRef('main');
    const sha = pushDag('from airflow.sdk import dag\n');
    const result = await pin(sha, '--commit');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('origin refused the push');
    expect(result.stderr).toContain('main is protected');
    expect(result.stdout).toBe('pull request #1 created in acme/platform: https://github.com/acme/platform/pull/1\n');
    expect(remoteRef('main')).toBe(main);
    expect(pinnedOn(branch)).toBe(refFile(sha).trim());
    expect(github.pulls[0]?.body).toContain('A direct push was refused');
  });

  it('refuses an environment the platform repository does not have, before pushing anything', async () => {
    const sha = pushDag('from airflow.sdk import dag\n');
    const result = await runCli(['pin-remote', 'qa', '--repository', 'acme/platform', '--url', platform.remote], sha);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("airflow-gitops pin-remote: acme/platform has no overlays/qa/git-sync-ref.env on main: is 'qa' an environment of the platform repository?\n");
    expect(platform.git(['ls-remote', '--heads', platform.remote])).not.toContain('airflow-gitops/');
    expect(github.requests).toEqual([]);
  });

  it('refuses a ref that is not a full commit SHA and a missing repository', async () => {
    expect((await pin('main')).stderr).toContain('the DAG commit "main" is not a full 40-character commit SHA');
    const missing = await runCli(['pin-remote', 'dev'], shas.dev);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--repository <owner/name> (the platform repository) is required');
    expect(existsSync(join(dagRepo, 'overlays'))).toBe(false);
  });
});
