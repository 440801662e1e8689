// deploy.yml decides what the later environments of environments.yaml
// (staging and prod) deploy with the action's `pending` command. The scenario
// runs that command the way the workflow's `changes` job does (its inputs read
// from deploy.yml, the environments list from the repository's
// environments.yaml through the `environments` command), on a real repository,
// against the OpenAPI-checked mock GitHub holding the deployments earlier runs left.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { environments } from '../../src/commands/environments.ts';
import { createRepos, isolatedGitEnv, type TestRepos } from '../support/github/git-repos.ts';
import { startMockGitHub, type MockGitHub } from '../support/github/mock-github.ts';
import { projectRoot, runAction } from '../support/github/run-action.ts';

type Step = { id?: string; uses?: string; with?: Record<string, string> };
type Job = { if?: string; needs?: string | string[]; steps?: Step[]; with?: Record<string, string>; strategy?: { matrix?: Record<string, string> } };
const deployYml = parse(readFileSync(join(projectRoot, '.github', 'workflows', 'deploy.yml'), 'utf8')) as { jobs: Record<string, Job> };
const pendingStep = (deployYml.jobs.changes?.steps ?? []).find((step) => step.uses === './' && step.with?.command === 'pending');
const laterExpression = "${{ join(fromJSON(needs.environments.outputs.later), ', ') }}";
/** What the environments job hands the changes job: the later environments of this repository's environments.yaml. */
const later = (await environments(projectRoot, process.env, undefined)).later as string[];

const token = 'ghs_deploydecisiontoken000000000000';
let repos: TestRepos;
let github: MockGitHub;

beforeEach(async () => {
  repos = createRepos();
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  repos.cleanup();
});

/** The changes job of deploy.yml at the checked-out commit: which environments it sends on. */
async function changesJob(): Promise<string[]> {
  const given = Object.entries(pendingStep?.with ?? {}).filter(([name]) => name !== 'token');
  // The one expression of the step, evaluated as the runner would.
  const inputs = Object.fromEntries(given.map(([name, value]) => [name, value === laterExpression ? later.join(', ') : value]));
  const run = await runAction({ cwd: repos.work, inputs, githubToken: token, env: isolatedGitEnv({ GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url }) });
  expect(run.exitCode, run.stdout).toBe(0);
  return JSON.parse(run.outputs.environments as string) as string[];
}

describe('deploy.yml: what staging and prod deploy', () => {
  it('has a changes job that asks the action which of the later environments are pending, and deploys those', () => {
    expect(later).toEqual(['staging', 'prod']);
    expect(pendingStep?.with).toMatchObject({ command: 'pending', environments: laterExpression });
    expect(deployYml.jobs.changes?.needs).toBe('environments');
    expect(deployYml.jobs.later?.strategy?.matrix).toEqual({ environment: '${{ fromJSON(needs.changes.outputs.environments) }}' });
  });

  it('deploys prod on the next push, touching only dags/, after the run that carried a prod overlay change was cancelled', async () => {
    const first = repos.git(['rev-parse', 'HEAD']);
    for (const environment of ['dev', 'staging', 'prod']) github.addDeployment(environment, first, ['queued', 'in_progress', 'success']);
    expect(await changesJob()).toEqual([]);

    // A push changes prod's overlay; its run is cancelled before prod's deploy succeeds.
    const overlayChange = repos.commit({ 'overlays/prod/settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: airflow-settings\ndata:\n  greeting: bonjour\n' }, 'prod: say bonjour');
    expect(await changesJob()).toEqual(['prod']);
    github.addDeployment('dev', overlayChange, ['queued', 'in_progress', 'success']);
    github.addDeployment('prod', overlayChange, ['queued', 'in_progress', 'failure']);

    // The next push touches only dags/: its own before..HEAD holds no overlay change.
    const before = repos.git(['rev-parse', 'HEAD']);
    repos.commit({ 'dags/another.py': 'from airflow.sdk import dag\n' }, 'Another DAG');
    expect(repos.git(['diff', '--name-only', before, 'HEAD'])).toBe('dags/another.py');
    expect(await changesJob()).toEqual(['prod']);

    // Once prod has deployed it, nothing is pending.
    github.addDeployment('prod', repos.git(['rev-parse', 'HEAD']), ['queued', 'in_progress', 'success']);
    expect(await changesJob()).toEqual([]);
  });

  it('deploys an environment that has no successful deployment yet, and a change to the shared template everywhere', async () => {
    expect(await changesJob()).toEqual(['staging', 'prod']);
    const first = repos.git(['rev-parse', 'HEAD']);
    github.addDeployment('staging', first, ['success']);
    github.addDeployment('prod', first, ['success']);
    repos.commit({ 'base/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n' }, 'Shared template');
    expect(await changesJob()).toEqual(['staging', 'prod']);
  });

  it("reads each environment's deployments under the GitHub environment environments.yaml gives it", async () => {
    repos.commit({ 'environments.yaml': 'environments:\n  - name: dev\n  - name: staging\n    promote-from: dev\n  - name: prod\n    github-environment: production\n    promote-from: staging\n' }, 'prod runs in the GitHub environment production');
    const head = repos.git(['rev-parse', 'HEAD']);
    github.addDeployment('staging', head, ['success']);
    github.addDeployment('production', head, ['success']);
    expect(await changesJob()).toEqual([]);
  });

  it('leaves an environment alone that already runs a newer commit', async () => {
    const first = repos.git(['rev-parse', 'HEAD']);
    const newer = repos.commit({ 'overlays/staging/settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: airflow-settings\ndata:\n  greeting: hi\n' }, 'staging: hi');
    github.addDeployment('staging', newer, ['success']);
    github.addDeployment('prod', first, ['success']);
    repos.git(['checkout', '--quiet', first]);
    expect(await changesJob()).toEqual([]);
  });
});
