// The pull-request checks' sticky comment, from the result files the check
// jobs write to the comment GitHub shows: the real validator and the real
// kustomize produce the results, the OpenAPI-checked GitHub stand-in takes
// the comment. A cluster cannot be reached from every check job, so one
// environment's result carries the counts `check` writes after a server-side
// dry-run (test/commands/check.cluster.test.ts produces such a file from a
// real API server).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as check } from '../../src/commands/check.ts';
import { run as validate } from '../../src/commands/validate.ts';
import { run as prComment } from '../../src/commands/pr-comment.ts';
import { captureIO } from '../support/io.ts';
import { clusterBin } from '../support/paths.ts';
import { startMockGitHub, type MockGitHub } from '../support/github/mock-github.ts';
import { createRepos, isolatedGitEnv, type TestRepos } from '../support/github/git-repos.ts';

const token = 'ghs_checkscommenttoken00000000000000';
const head = 'f'.repeat(40);
let repos: TestRepos;
let github: MockGitHub;
let results: string;

beforeEach(async () => {
  repos = createRepos();
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token });
  github.addPull('feature', 'main', 'Change a DAG');
  results = join(repos.root, 'results');
  mkdirSync(results);
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  repos.cleanup();
});

const env = () =>
  isolatedGitEnv({
    PATH: `${clusterBin}:${process.env.PATH}`,
    GITHUB_TOKEN: token,
    GITHUB_REPOSITORY: 'acme/airflow',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '77',
    GITHUB_SHA: head,
  });

/** What the check jobs do: validate the DAGs to validation.json, check each overlay to environment-<env>.json. */
async function runChecks(dag: string): Promise<void> {
  writeFileSync(join(repos.work, 'dags', 'report.py'), dag);
  const validation = captureIO(repos.work, env());
  await validate(['dags', '--format', 'json', '--no-cache'], validation.io);
  writeFileSync(join(results, 'validation.json'), validation.stdout.join(''));
  for (const environment of ['dev', 'prod']) {
    const code = await check([environment, '--report', join(results, `environment-${environment}.json`)], captureIO(repos.work, env()).io);
    expect(code).toBe(0);
  }
  // staging: as `check --kubeconfig` writes it after a server-side dry-run.
  const staging = { environment: 'staging', namespace: 'airflow-staging', objects: 1, diff: { create: 2, change: 3, recreate: 1, prune: 4, unchanged: 5, deferred: 1 } };
  writeFileSync(join(results, 'environment-staging.json'), JSON.stringify(staging));
}

async function comment(): Promise<string> {
  const { io, stdout } = captureIO(repos.work, env());
  expect(await prComment(['--results', results, '--pull-request', '1'], io)).toBe(0);
  return stdout.join('');
}

describe('the pull-request checks comment', () => {
  it('is created with the findings and the per-environment counts, then edited in place by the next run', async () => {
    await runChecks('from airflow.sdk import dag\ndef broken(:\n    pass\n');
    expect(await comment()).toBe('comment created on pull request #1: https://github.com/acme/airflow/pull/1#issuecomment-9001\n');
    expect(github.comments).toHaveLength(1);
    const first = github.comments[0]?.body ?? '';
    expect(first.split('\n').slice(0, 4)).toEqual(['<!-- airflow-gitops:checks -->', '### airflow-gitops checks', '', `commit \`${head.slice(0, 12)}\` · [workflow run](https://github.com/acme/airflow/actions/runs/77)`]);
    expect(first).toContain('**DAGs**: 2 file(s) checked, ❌ 2 error(s), 0 warning(s)');
    expect(first).toMatch(/^\| ❌ error \| `dags\/report\.py` \| 2 \| syntax-error \| .+ \|$/m);
    expect(first).toContain('| environment | rendered objects | to create | to change | to prune | unchanged | diff |');
    expect(first).toContain('| `dev` | 1 | – | – | – | – | no kubeconfig for this environment |');
    expect(first).toContain('| `staging` | 1 | 3 | 4 | 4 | 5 | server-side dry-run against the cluster |');
    expect(first).toContain('| `prod` | 1 | – | – | – | – | no kubeconfig for this environment |');

    await runChecks('from airflow.sdk import dag\n');
    expect(await comment()).toBe('comment updated on pull request #1: https://github.com/acme/airflow/pull/1#issuecomment-9001\n');
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toContain('**DAGs**: 2 file(s) checked, ✅ no errors, 0 warning(s)');
    expect(github.comments[0]?.body).not.toContain('syntax-error');
    const patches = github.requests.filter((r) => r.operation === 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}');
    expect(patches.map((r) => r.path)).toEqual(['/repos/acme/airflow/issues/comments/9001']);
  });

  it('records an overlay that does not render, and escapes text from the repository', async () => {
    writeFileSync(join(repos.work, 'overlays', 'prod', 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
    const prod = captureIO(repos.work, env());
    expect(await check(['prod', '--report', join(results, 'environment-prod.json')], prod.io)).toBe(1);
    expect(prod.stderr.join('')).toContain('airflow-gitops check prod: render:');
    const finding = { file: 'a|b.py', line: 1, column: 1, severity: 'warning', rule: 'x', message: 'ping @team <b>now</b>\n| evil' };
    writeFileSync(join(results, 'validation.json'), JSON.stringify({ files: 1, findings: [finding] }));
    await comment();
    const body = github.comments[0]?.body ?? '';
    expect(body).toMatch(/^\| `prod` \| ❌ \| \| \| \| \| render: .*missing\.yaml.* \|$/m);
    expect(body).toContain('| ⚠️ warning | `dags/a\\|b.py` | 1 | x | ping @\u200bteam &lt;b&gt;now&lt;/b&gt; \\| evil |');
  });

  it('names the file when a result is malformed, and posts nothing', async () => {
    writeFileSync(join(results, 'environment-dev.json'), JSON.stringify({ environment: 'dev', diff: { create: 'many' } }));
    await expect(prComment(['--results', results, '--pull-request', '1'], captureIO(repos.work, env()).io)).rejects.toThrow(`${join(results, 'environment-dev.json')}: diff.create is not a count`);
    expect(github.requests).toEqual([]);
    expect(readFileSync(join(results, 'environment-dev.json'), 'utf8')).toContain('many');
  });
});
