// The action as the runner runs it: `node dist/action.js` with INPUT_* variables,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. dist/ must be built (npm run build).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, isolatedGitEnv, refFile, shas, type TestRepos } from './support/github/git-repos.ts';
import { startMockGitHub } from './support/github/mock-github.ts';
import { defaultWorkflowToken, projectRoot, runAction, visibleText } from './support/github/run-action.ts';

let repos: TestRepos;
beforeEach(() => {
  repos = createRepos();
});
afterEach(() => repos.cleanup());

const gitEnv = () => isolatedGitEnv();

function writeDags(files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(repos.work, 'dags'), { recursive: true });
    writeFileSync(join(repos.work, 'dags', name), content);
  }
}

/** The annotation commands (`::error file=...,line=...::message`) in a step's output. */
function annotationsIn(stdout: string): { kind: string; properties: Record<string, string>; message: string }[] {
  return [...stdout.matchAll(/^::(error|warning|notice) ([^:]*)::(.*)$/gm)].map(([, kind, properties, message]) => ({
    kind: kind as string,
    properties: Object.fromEntries((properties as string).split(',').map((p) => p.split('=', 2) as [string, string])),
    message: message as string,
  }));
}

const brokenDag = 'from airflow.sdk import dag\ndef broken(:\n    pass\n';
const unscheduledDag = 'from airflow.sdk import DAG\nimport pendulum\nwith DAG("quiet", start_date=pendulum.datetime(2024, 1, 1)):\n    pass\n';
const goodDag = 'from airflow.sdk import DAG\nimport pendulum\nwith DAG("good", schedule="@daily", start_date=pendulum.datetime(2024, 1, 1)):\n    pass\n';

describe('command: validate', () => {
  it('passes a clean DAG folder and sets the counts', async () => {
    writeDags({ 'example.py': goodDag });
    const run = await runAction({ cwd: repos.work, inputs: { command: 'validate' } });
    expect(run.stderr).toBe('');
    // Shows the step's error, if any (for example a file the bundle needs but does not carry).
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error::'))).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', errors: '0', warnings: '0' });
    expect(run.summary).toContain('## DAG validation');
    expect(run.summary).toContain('No findings.');
  });

  it('fails on errors, annotates at most 10 per kind and lists every finding in the summary and the report file', async () => {
    const files: Record<string, string> = { 'quiet.py': unscheduledDag };
    for (let i = 1; i <= 12; i++) files[`broken_${String(i).padStart(2, '0')}.py`] = brokenDag;
    writeDags(files);
    const run = await runAction({ cwd: repos.work, inputs: { command: 'validate' } });

    expect(run.exitCode).toBe(1);
    const annotations = annotationsIn(run.stdout);
    const errors = annotations.filter((a) => a.kind === 'error');
    expect(errors).toHaveLength(10);
    expect(errors[0]).toMatchObject({ properties: { file: 'dags/broken_01.py', line: '2', title: 'syntax-error' } });
    expect(errors[0]?.properties.col).toMatch(/^\d+$/);
    expect(annotations.filter((a) => a.kind === 'warning')).toEqual([
      expect.objectContaining({ properties: expect.objectContaining({ file: 'dags/quiet.py', line: '3', title: 'missing-schedule' }), message: expect.stringMatching(/^DAG 'quiet' has no explicit schedule/) }),
    ]);
    expect(run.stdout).toMatch(/^::error::\d+ error\(s\) in dags: the job summary lists every finding$/m);

    const errorCount = Number(run.outputs.errors);
    expect(errorCount).toBeGreaterThanOrEqual(12);
    expect(Number(run.outputs.findings)).toBe(errorCount + 1);
    expect(run.outputs.warnings).toBe('1');
    // The summary carries all of them, not only the annotated ones.
    for (let i = 1; i <= 12; i++) expect(run.summary).toContain(`dags/broken_${String(i).padStart(2, '0')}.py`);
    expect(run.summary.match(/^\| ❌ error /gm)).toHaveLength(errorCount);
    const report = JSON.parse(readFileSync(run.outputs['report-file'] as string, 'utf8')) as { findings: unknown[] };
    expect(report.findings).toHaveLength(errorCount + 1);
  });
});

describe('command: bump', () => {
  it('pins the environment, commits and pushes with commit: true', async () => {
    const head = repos.git(['rev-parse', 'HEAD']);
    const pinned = 'd'.repeat(40);
    const run = await runAction({ cwd: repos.work, inputs: { command: 'bump', environment: 'dev', ref: pinned, commit: 'true' }, env: gitEnv() });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ ref: pinned, 'previous-ref': shas.dev, changed: 'true' });
    expect(repos.git(['rev-parse', 'main'], repos.remote)).toBe(run.outputs.commit);
    expect(repos.git(['rev-parse', `${run.outputs.commit}^`])).toBe(head);
    expect(repos.git(['log', '-1', '--format=%B', run.outputs.commit as string])).toContain('[skip ci]');
    expect(run.summary).toContain(`| overlays/dev/git-sync-ref.env | ${shas.dev} | ${pinned} | pushed ${run.outputs.commit} to main |`);
  });

  it('takes the run commit from GITHUB_SHA and only edits the file without commit', async () => {
    const run = await runAction({ cwd: repos.work, inputs: { command: 'bump', environment: 'staging' }, env: { ...gitEnv(), GITHUB_SHA: 'E'.repeat(40) } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ ref: 'e'.repeat(40), changed: 'true' });
    expect(run.outputs.commit).toBeUndefined();
    expect(readFileSync(join(repos.work, 'overlays/staging/git-sync-ref.env'), 'utf8')).toBe(refFile('e'.repeat(40)));
  });
});

describe('command: render', () => {
  it('writes the rendered overlay to a file and names it in the outputs', async () => {
    const path = `${join(projectRoot, '.cluster', 'bin')}:${process.env.PATH}`;
    const run = await runAction({ cwd: repos.work, inputs: { command: 'render', environment: 'dev' }, env: { PATH: path } });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.objects).toBe('1');
    const rendered = readFileSync(run.outputs['rendered-file'] as string, 'utf8');
    expect(rendered).toContain('name: airflow-settings');
    expect(rendered).toContain('namespace: airflow-dev');
    expect(run.summary).toContain('1 objects in namespace `airflow-dev`');
  });
});

describe('command: promote', () => {
  it('opens the pull request and sets its number and URL; the token never shows', async () => {
    const token = 'ghs_actionpromotiontoken0123456789';
    const github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token });
    try {
      const run = await runAction({
        cwd: repos.work,
        inputs: { command: 'promote', 'from-environment': 'dev', 'to-environment': 'staging', labels: 'promotion' },
        githubToken: token,
        env: { ...gitEnv(), GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url },
      });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.outputs).toMatchObject({
        'pull-request-number': '1',
        'pull-request-url': 'https://github.com/acme/airflow/pull/1',
        'pull-request-operation': 'created',
        branch: 'airflow-gitops/promote-staging',
        ref: shas.dev,
        'previous-ref': shas.staging,
        changed: 'true',
      });
      expect(repos.git(['ls-remote', '--heads', repos.remote, 'airflow-gitops/promote-staging'])).toBe(`${run.outputs.commit}\trefs/heads/airflow-gitops/promote-staging`);
      expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${token}`);
      expect(visibleText(run)).not.toContain(token);
      expect(github.violations).toEqual([]);
      expect(github.pulls[0]?.labels).toEqual(['promotion']);
      expect(run.summary).toContain('[#1](https://github.com/acme/airflow/pull/1) created');
    } finally {
      await github.close();
    }
  });

  it('is a no-op that succeeds when the target already runs the ref', async () => {
    repos.commit({ 'overlays/staging/git-sync-ref.env': refFile(shas.dev) }, 'same');
    const run = await runAction({ cwd: repos.work, inputs: { command: 'promote', 'from-environment': 'dev', 'to-environment': 'staging' }, githubToken: 'unused-token-value', env: { ...gitEnv(), GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: 'http://127.0.0.1:1' } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ changed: 'false', ref: shas.dev });
    expect(run.outputs['pull-request-number']).toBeUndefined();
    expect(run.stdout).toContain(`staging already runs ${shas.dev}, the same as dev: nothing to promote`);
  });
});

describe('bad inputs', () => {
  it.each([
    [{ command: 'deploy', environment: 'Prod!' }, `input 'environment': environment "Prod!" is not a valid name`],
    [{ command: 'deploy', environment: 'dev', timeout: 'soon' }, `input 'timeout': "soon" is not a duration like 300, 300s or 5m`],
    [{ command: 'promote', 'from-environment': 'prod', 'to-environment': 'dev' }, "promoting 'prod' to 'dev' is not in the usual order"],
    [{ command: 'ship' }, `input 'command': "ship" is not one of validate, bump, render, diff, deploy, promote`],
  ])('fails the step with a message naming the input: %j', async (inputs, message) => {
    const run = await runAction({ cwd: repos.work, inputs, env: gitEnv() });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`::error::${message}`);
    expect(run.outputs).toEqual({});
    expect(run.summary).toMatch(/^## airflow-gitops \S+ failed\n\n```\n/);
    expect(run.summary).toContain(message);
  });
});

describe('secrets', () => {
  const token = 'eyJhbGciOiJSUzI1NiJ9.cluster-token-never-shown';
  const secrets = {
    'postgres-password': 'pg-password-never-shown',
    'redis-password': 'redis-password-never-shown',
    'git-ssh-key': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n',
  };
  const kubeconfig = (server: string) =>
    `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: ${server}\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\nusers:\n- name: u\n  user:\n    token: ${token}\n`;
  const secretValues = [token, defaultWorkflowToken, ...Object.values(secrets).flatMap((v) => v.trim().split('\n').filter((l) => !l.startsWith('-----')))];

  it.each([
    ['deploy to an unreachable cluster', 'deploy', kubeconfig('https://127.0.0.1:1')],
    ['diff to an unreachable cluster', 'diff', kubeconfig('https://127.0.0.1:1')],
    ['a kubeconfig that does not parse', 'deploy', `${kubeconfig('https://127.0.0.1:1')}  broken: [${token}\n`],
  ])('never show a secret input: %s', async (_what, command, config) => {
    const path = `${join(projectRoot, '.cluster', 'bin')}:${process.env.PATH}`;
    const run = await runAction({ cwd: repos.work, inputs: { command, environment: 'dev', kubeconfig: config, ...secrets }, env: { ...gitEnv(), PATH: path } });
    expect(run.exitCode).toBe(1);
    // The step failed for the cluster, after reading every input.
    expect(run.stdout).toMatch(/^::error::/m);
    // Masks are registered first, before any other line.
    const firstLines = run.stdout.split('\n');
    const masks = firstLines.findIndex((line) => !line.startsWith('::add-mask::'));
    expect(firstLines.slice(0, masks).join('\n')).toContain(`::add-mask::${token}`);
    expect(firstLines.slice(0, masks).join('\n')).toContain(`::add-mask::${secrets['postgres-password']}`);
    const visible = visibleText(run);
    for (const value of secretValues) expect(visible).not.toContain(value);
    // The kubeconfig written for the engine is gone after the step.
    expect(readdirSync(run.runnerTemp).filter((name) => name.startsWith('airflow-gitops-kube-'))).toEqual([]);
  });
});
