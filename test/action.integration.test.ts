// The action as the runner runs it: `node dist/action.js` with INPUT_* variables,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. dist/ must be built (npm run build).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, isolatedGitEnv, refFile, shas, type TestRepos } from './support/github/git-repos.ts';
import { startMockGitHub } from './support/github/mock-github.ts';
import { defaultWorkflowToken, projectRoot, runAction, visibleText } from './support/github/run-action.ts';
import { commandsTheRunnerRuns } from './support/github/workflow-commands.ts';
import { startProxy } from './support/github/http-proxy.ts';
import { startTlsFront } from './support/github/tls-front.ts';

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

  it('fails on errors, annotates 10 errors (its own failure among them) and 10 warnings, points to the summary with a notice, and links every finding there', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 13; i++) files[`broken_${String(i).padStart(2, '0')}.py`] = brokenDag;
    for (let i = 1; i <= 12; i++) files[`quiet_${String(i).padStart(2, '0')}.py`] = unscheduledDag.replace('"quiet"', `"quiet_${i}"`);
    writeDags(files);
    const sha = repos.git(['rev-parse', 'HEAD']);
    const run = await runAction({ cwd: repos.work, inputs: { command: 'validate' }, env: { GITHUB_REPOSITORY: 'acme/airflow', GITHUB_SERVER_URL: 'https://github.com', GITHUB_SHA: sha } });

    expect(run.exitCode).toBe(1);
    const annotations = annotationsIn(run.stdout);
    const errors = annotations.filter((a) => a.kind === 'error');
    expect(errors).toHaveLength(9);
    expect(errors[0]).toMatchObject({ properties: { file: 'dags/broken_01.py', line: '2', title: 'syntax-error' } });
    expect(errors[0]?.properties.col).toMatch(/^\d+$/);
    const warnings = annotations.filter((a) => a.kind === 'warning');
    expect(warnings).toHaveLength(10);
    expect(warnings[0]).toEqual(expect.objectContaining({ properties: expect.objectContaining({ file: 'dags/quiet_01.py', line: '3', title: 'missing-schedule' }), message: expect.stringMatching(/^DAG 'quiet_1' has no explicit schedule/) }));
    const commands = commandsTheRunnerRuns(run.stdout).filter((c) => ['error', 'warning', 'notice'].includes(c.name));
    expect(commands.filter((c) => c.name === 'error')).toHaveLength(10);
    const errorCount = Number(run.outputs.errors);
    expect(commands.filter((c) => c.name === 'notice').map((c) => c.text)).toEqual([`::notice::${errorCount + 12 - 19} more finding(s) are not annotated (a step shows 10 of each kind): the job summary lists them all`]);
    // Most severe first: every error before any warning, the step's own failure last.
    expect(commands.findLastIndex((c) => c.name === 'error' && c.properties.file !== undefined)).toBeLessThan(commands.findIndex((c) => c.name === 'warning'));
    expect(commands.at(-1)?.text).toMatch(/^::error::\d+ error\(s\) in dags: the job summary lists every finding$/);

    expect(errorCount).toBeGreaterThanOrEqual(13);
    expect(Number(run.outputs.findings)).toBe(errorCount + 12);
    expect(run.outputs.warnings).toBe('12');
    // The summary carries all of them, each linked to the file at the commit.
    for (let i = 1; i <= 13; i++) expect(run.summary).toContain(`[dags/broken_${String(i).padStart(2, '0')}.py](https://github.com/acme/airflow/blob/${sha}/dags/broken_${String(i).padStart(2, '0')}.py#L2)`);
    expect(run.summary).toContain(`| [3](https://github.com/acme/airflow/blob/${sha}/dags/quiet_12.py#L3) |`);
    expect(run.summary.match(/^\| ❌ error /gm)).toHaveLength(errorCount);
    const report = JSON.parse(readFileSync(run.outputs['report-file'] as string, 'utf8')) as { findings: unknown[] };
    expect(report.findings).toHaveLength(errorCount + 12);
  });

  it('warns about an empty DAG folder, and fails on it with require-dags', async () => {
    // A folder with files, none of them Python: a wrong dags-directory, most likely.
    mkdirSync(join(repos.work, 'pipelines'));
    writeFileSync(join(repos.work, 'pipelines', 'README.md'), '# pipelines\n');
    const warned = await runAction({ cwd: repos.work, inputs: { command: 'validate', 'dags-directory': 'pipelines' } });
    expect(warned.exitCode).toBe(0);
    expect(commandsTheRunnerRuns(warned.stdout).filter((c) => c.name === 'warning').map((c) => c.text)).toEqual([
      `::warning title=empty-dags-folder::pipelines holds no DAG file to check (resolved to ${join(repos.work, 'pipelines')}); set require-dags: true to fail the step instead`,
    ]);
    const failed = await runAction({ cwd: repos.work, inputs: { command: 'validate', 'dags-directory': 'pipelines', 'require-dags': 'true' } });
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toContain(`::error::pipelines holds no DAG file to check (resolved to ${join(repos.work, 'pipelines')}); require-dags is true`);
  });
});

describe('untrusted text in the log', () => {
  it('never starts a workflow command: DAG code, a file name and an import error holding commands stay plain text', async () => {
    const injectedTaskId = 'from airflow.sdk import DAG\nfrom airflow.providers.standard.operators.empty import EmptyOperator\nimport pendulum\n\nwith DAG("inj", schedule="@daily", start_date=pendulum.datetime(2024, 1, 1)):\n    EmptyOperator(task_id="""bad\n::error file=README.md,line=1::pwned""")\n';
    writeDags({
      'injected_task.py': injectedTaskId,
      // A file name is text from the repository too.
      'named\n::error file=README.md,line=2::pwned.py': unscheduledDag,
      'import_error.py': 'from airflow.sdk import DAG\nraise RuntimeError("boom\\n::warning::pwned")\n',
    });
    const run = await runAction({ cwd: repos.work, inputs: { command: 'validate', 'import-check': 'true', 'airflow-python': join(projectRoot, '.venv', 'airflow', 'bin', 'python') } });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    // The untrusted lines are in the log, as text.
    const lines = run.stdout.split('\n').map((line) => line.trimStart());
    expect(lines, run.stdout).toContain('::warning::pwned');
    expect(lines.some((line) => line.startsWith('::error file=README.md,line=2::pwned.py'))).toBe(true);
    const commands = commandsTheRunnerRuns(run.stdout);
    // Every line the runner runs is one of the action's own commands: annotations on the DAG files, outputs, its failure.
    for (const command of commands) {
      expect(command.text, `stdout line ${command.line}`).toMatch(/^::(add-mask|stop-commands|set-output|error|warning|notice)[ :]/);
      expect(command.message, `stdout line ${command.line}`).not.toMatch(/^pwned/);
      if (command.properties.file !== undefined) expect(command.properties.file, `stdout line ${command.line}`).toMatch(/^dags\//);
    }
    // And the action's own commands still run: commands are resumed after the text.
    const annotated = commands.filter((c) => c.name === 'error' && c.properties.file !== undefined).map((c) => c.properties.file);
    expect(annotated).toEqual(expect.arrayContaining(['dags/import_error.py', 'dags/injected_task.py']));
    expect(commands.at(-1)?.text).toMatch(/^::error::\d+ error\(s\) in dags/);
  });
});

describe('command: bump', () => {
  it('pins the environment and commits the pin through the GitHub API with the token, as a commit GitHub signs', async () => {
    const head = repos.git(['rev-parse', 'HEAD']);
    const token = 'ghs_bumptokenforthegitdatabaseapi00';
    const github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token, gitDir: repos.remote });
    try {
      const run = await runAction({
        cwd: repos.work,
        inputs: { command: 'bump', environment: 'dev', ref: head, commit: 'true' },
        githubToken: token,
        env: { ...gitEnv(), GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url },
      });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(github.violations).toEqual([]);
      expect(run.outputs).toMatchObject({ ref: head, 'previous-ref': shas.dev, changed: 'true' });
      const commit = run.outputs.commit as string;
      expect(repos.git(['rev-parse', 'main'], repos.remote)).toBe(commit);
      expect(repos.git(['rev-parse', `${commit}^`], repos.remote)).toBe(head);
      expect(repos.git(['show', `${commit}:overlays/dev/git-sync-ref.env`], repos.remote)).toBe(refFile(head).trim());
      expect(repos.git(['diff', '--name-only', head, commit], repos.remote)).toBe('overlays/dev/git-sync-ref.env');
      // No author given: GitHub makes (and signs) the commit itself.
      expect(repos.git(['log', '-1', '--format=%cn <%ce>%n%B', commit], repos.remote)).toMatch(/^GitHub <noreply@github\.com>\nPin dev to [0-9a-f]{12}\n[^]*\[skip ci\]/);
      expect(github.requests.map((r) => r.operation)).toEqual([
        'GET /repos/{owner}/{repo}/contents/{path}',
        'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
        'POST /repos/{owner}/{repo}/git/blobs',
        'POST /repos/{owner}/{repo}/git/trees',
        'POST /repos/{owner}/{repo}/git/commits',
        'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
      ]);
      expect(run.summary).toContain(`| overlays/dev/git-sync-ref.env | ${shas.dev} | ${head} | committed ${commit} to main |`);
    } finally {
      await github.close();
    }
  });

  it('makes the change again on the new tip when the branch moved meanwhile', async () => {
    const head = repos.git(['rev-parse', 'HEAD']);
    const token = 'ghs_bumptokenforthegitdatabaseapi00';
    const github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token, gitDir: repos.remote });
    try {
      // Someone pushes to main from another clone after this run checked it out.
      const other = join(repos.root, 'other');
      repos.git(['clone', '--quiet', repos.remote, other], repos.root);
      writeFileSync(join(other, 'dags', 'other.py'), 'x = 1\n');
      repos.git(['add', 'dags/other.py'], other);
      repos.git(['commit', '--quiet', '-m', 'Another change'], other);
      repos.git(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], other);
      const moved = repos.git(['rev-parse', 'HEAD'], other);
      const run = await runAction({ cwd: repos.work, inputs: { command: 'bump', environment: 'dev', ref: head, commit: 'true' }, githubToken: token, env: { ...gitEnv(), GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url } });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(github.violations).toEqual([]);
      const commit = run.outputs.commit as string;
      expect(repos.git(['rev-parse', `${commit}^`], repos.remote)).toBe(moved);
      expect(github.requests.filter((r) => r.operation === 'PATCH /repos/{owner}/{repo}/git/refs/{ref}').map((r) => r.status)).toEqual([422, 200]);
    } finally {
      await github.close();
    }
  });

  it('pushes the pin with git when the token input is empty', async () => {
    const head = repos.git(['rev-parse', 'HEAD']);
    const run = await runAction({ cwd: repos.work, inputs: { command: 'bump', environment: 'dev', ref: head, commit: 'true', token: '' }, env: gitEnv() });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(repos.git(['rev-parse', 'main'], repos.remote)).toBe(run.outputs.commit);
    expect(repos.git(['rev-parse', `${run.outputs.commit}^`])).toBe(head);
    expect(run.summary).toContain(`| overlays/dev/git-sync-ref.env | ${shas.dev} | ${head} | pushed ${run.outputs.commit} to main |`);
  });

  it('takes the run commit from GITHUB_SHA and only edits the file without commit', async () => {
    const head = repos.git(['rev-parse', 'HEAD']);
    const run = await runAction({ cwd: repos.work, inputs: { command: 'bump', environment: 'staging' }, env: { ...gitEnv(), GITHUB_SHA: head.toUpperCase() } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ ref: head, changed: 'true' });
    expect(run.outputs.commit).toBeUndefined();
    expect(readFileSync(join(repos.work, 'overlays/staging/git-sync-ref.env'), 'utf8')).toBe(refFile(head));
  });

  it('refuses a commit the repository does not have, before changing anything', async () => {
    const missing = '1'.repeat(40);
    const run = await runAction({ cwd: repos.work, inputs: { command: 'bump', environment: 'dev', ref: missing, commit: 'true' }, env: gitEnv() });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`::error::commit ${missing} does not exist in the repository at ${repos.work}`);
    expect(readFileSync(join(repos.work, 'overlays/dev/git-sync-ref.env'), 'utf8')).toBe(refFile(shas.dev));
  });

  it('speaks of inputs, not of CLI flags', async () => {
    const run = await runAction({ cwd: repos.work, inputs: { command: 'bump', environment: 'dev', ref: 'main' }, env: gitEnv() });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`::error::input 'ref' "main" is not a full 40-character commit SHA (hex digits only); set input 'allow-ref-name' to true to pin a branch or tag instead`);
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
  it('commits the promotion through the GitHub API, opens the pull request and sets its number and URL; the token never shows', async () => {
    const token = 'ghs_actionpromotiontoken0123456789';
    const github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token, gitDir: repos.remote });
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
      // Made by GitHub on top of the checked-out commit: one line of the target's ref file changes.
      const commit = run.outputs.commit as string;
      expect(repos.git(['log', '-1', '--format=%cn%n%P%n%s', commit], repos.remote)).toBe(`GitHub\n${repos.git(['rev-parse', 'HEAD'])}\nPromote dev to staging: ${shas.dev.slice(0, 12)}`);
      expect(repos.git(['show', `${commit}:overlays/staging/git-sync-ref.env`], repos.remote)).toBe(refFile(shas.dev).trim());
      expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${token}`);
      expect(visibleText(run)).not.toContain(token);
      expect(github.violations).toEqual([]);
      expect(github.pulls[0]?.labels).toEqual(['promotion']);
      expect(run.summary).toContain('[#1](https://github.com/acme/airflow/pull/1) created');

      // Run again: the branch already holds the promotion, so no new commit; the pull request is updated.
      const again = await runAction({
        cwd: repos.work,
        inputs: { command: 'promote', 'from-environment': 'dev', 'to-environment': 'staging' },
        githubToken: token,
        env: { ...gitEnv(), GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url },
      });
      expect(again.exitCode, again.stdout).toBe(0);
      expect(again.outputs).toMatchObject({ commit, 'pull-request-number': '1', 'pull-request-operation': 'updated' });
      expect(github.requests.filter((r) => r.operation === 'POST /repos/{owner}/{repo}/git/commits')).toHaveLength(1);
      expect(github.violations).toEqual([]);
    } finally {
      await github.close();
    }
  });

  it('reaches GitHub over HTTPS through the proxy the runner names in HTTPS_PROXY', async () => {
    const token = 'ghs_actionpromotiontoken0123456789';
    const github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token, gitDir: repos.remote });
    const host = 'api.github.example';
    const front = await startTlsFront(host, Number(new URL(github.url).port));
    // The host name exists only for the proxy: a request that bypassed it could not resolve it.
    const proxy = await startProxy({ [host]: '127.0.0.1' });
    try {
      const run = await runAction({
        cwd: repos.work,
        inputs: { command: 'promote', 'from-environment': 'dev', 'to-environment': 'staging' },
        githubToken: token,
        env: { ...gitEnv(), GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: `https://${host}:${front.port}`, HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: front.certificateFile },
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs).toMatchObject({ 'pull-request-number': '1', 'pull-request-operation': 'created' });
      // Tunnelled: the proxy sees only where each connection goes, not the requests inside it.
      expect(proxy.seen.length).toBeGreaterThan(0);
      expect(new Set(proxy.seen)).toEqual(new Set([`CONNECT ${host}:${front.port}`]));
      expect(github.violations).toEqual([]);
    } finally {
      await proxy.close();
      await front.close();
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
    [{ command: 'promote', 'from-environment': 'prod', 'to-environment': 'dev' }, "promoting 'prod' to 'dev' is not in the usual order (dev -> staging, staging -> prod); set input 'allow-any-order' to true if it is meant"],
    [{ command: 'promote', 'from-environment': 'dev', 'to-environment': 'staging', token: '' }, "opening the pull request needs a token: set input 'token' (it defaults to the workflow's token), or set input 'pull-request' to false"],
    [{ command: 'ship' }, `input 'command': "ship" is not one of validate, bump, render, diff, deploy, promote, pending`],
    [{ command: 'validate', 'import-check': 'true', 'airflow-python': 'no/such/python' }, `input 'airflow-python': no Python interpreter at `],
    // The bundled action's own folder has no .venv/airflow.
    [{ command: 'validate', 'import-check': 'true' }, "input 'import-check' needs a Python with Airflow 3: set input 'airflow-python' to an interpreter with apache-airflow installed (no Airflow venv at "],
    [{ command: 'render', environment: 'dev', 'render-file': '../../escaped.yaml' }, `input 'render-file': "../../escaped.yaml" resolves to `],
  ])('fails the step with a message naming the input: %j', async (inputs, message) => {
    const run = await runAction({ cwd: repos.work, inputs, env: gitEnv() });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`::error::${message}`);
    expect(run.outputs).toEqual({});
    expect(run.summary).toMatch(/^## airflow-gitops \S+ failed\n\n```\n/);
    expect(run.summary).toContain(message);
    // The action's messages name its inputs, never the CLI's flags.
    expect(run.stdout).not.toMatch(/::error::.*--[a-z]/);
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
