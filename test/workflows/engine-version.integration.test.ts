// How a reusable workflow runs the action of its own version: the step
// `engine` reads the workflow's repository and commit from the job's OIDC
// token and the next step checks that commit out into .airflow-gitops. The
// script runs here with bash, curl and jq, as on a runner, against a local
// stand-in for the runner's token service (ACTIONS_ID_TOKEN_REQUEST_URL),
// which serves an unsigned token: what GitHub signs is not checked here.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../support/github/run-action.ts';

type Step = { id?: string; uses?: string; run?: string; with?: Record<string, unknown> };
type Job = { uses?: string; steps?: Step[]; permissions?: Record<string, string> };
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };

const folder = join(projectRoot, '.github', 'workflows');
const workflows = readdirSync(folder).map((file) => ({ file, doc: parse(readFileSync(join(folder, file), 'utf8')) as Workflow }));
const reusable = workflows.filter((w) => 'workflow_call' in w.doc.on);
const engineSteps = reusable.flatMap((w) => Object.entries(w.doc.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step, index) => ({ ...w, job, j, step, index })))).filter((s) => s.step.id === 'engine');
const script = engineSteps[0]?.step.run ?? '';

describe('reusable workflows run the action of their own version', () => {
  it('never run the caller\'s checkout as the action', () => {
    expect(reusable.map((w) => w.file).sort()).toEqual(['dag-repository.yml', 'reusable-checks.yml', 'reusable-deploy.yml']);
    for (const { file, doc } of reusable) {
      for (const [name, job] of Object.entries(doc.jobs)) {
        const steps = job.steps ?? [];
        expect(steps.filter((s) => s.uses === './'), `${file} job ${name} runs the caller's checkout`).toEqual([]);
        const engine = steps.findIndex((s) => s.id === 'engine');
        const runsEngine = steps.some((s) => s.uses === './.airflow-gitops' || (s.run ?? '').includes('.airflow-gitops/'));
        if (!runsEngine) continue;
        // The engine is found, checked out at the token's commit, then run; the job may ask for an OIDC token.
        expect(engine, `${file} job ${name}`).toBeGreaterThanOrEqual(0);
        expect(steps[engine + 1]).toMatchObject({ uses: expect.stringMatching(/^actions\/checkout@/), with: { repository: '${{ steps.engine.outputs.repository }}', ref: '${{ steps.engine.outputs.sha }}', path: '.airflow-gitops', 'persist-credentials': false } });
        const firstUse = steps.findIndex((s) => s.uses === './.airflow-gitops' || (s.run ?? '').includes('.airflow-gitops/'));
        expect(firstUse).toBeGreaterThan(engine + 1);
        expect(job.permissions?.['id-token'], `${file} job ${name}`).toBe('write');
        // A checkout of the caller's repository after the engine's would clean .airflow-gitops away.
        const rootCheckouts = steps.map((s, i) => ({ s, i })).filter(({ s }) => s.uses?.startsWith('actions/checkout@') && s.with?.path === undefined);
        for (const { i } of rootCheckouts) expect(i, `${file} job ${name}: the caller's checkout comes first`).toBeLessThan(engine);
      }
    }
  });

  it('use one and the same script to find the version', () => {
    expect(engineSteps.length).toBeGreaterThanOrEqual(6);
    for (const s of engineSteps) expect(s.step.run, `${s.file} job ${s.job}`).toBe(script);
  });

  it('are called by this repository\'s workflows with the OIDC permission', () => {
    const callers = workflows.flatMap((w) => Object.entries(w.doc.jobs).filter(([, j]) => j.uses?.startsWith('./.github/workflows/')).map(([name, j]) => ({ file: w.file, name, j })));
    expect(callers.map(({ file, name }) => `${file}:${name}`).sort()).toEqual(['checks.yml:checks', 'deploy.yml:first', 'deploy.yml:later', 'deploy.yml:manual']);
    for (const { file, name, j } of callers) expect(j.permissions?.['id-token'], `${file} job ${name}`).toBe('write');
  });
});

describe('the engine step', () => {
  let server: Server;
  let seen: IncomingMessage[] = [];
  let claims: Record<string, unknown> = {};
  let work: string;

  const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'engine-step-'));
    server = createServer((request, response) => {
      seen.push(request);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ value: `${base64url({ alg: 'RS256' })}.${base64url(claims)}.c2lnbmF0dXJl` }));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(work, { recursive: true, force: true });
  });

  async function runStep(env: NodeJS.ProcessEnv) {
    seen = [];
    const output = join(work, `output-${Math.random().toString(36).slice(2)}`);
    writeFileSync(output, '');
    const child = spawn('bash', ['-e', '-c', script], { env: { PATH: process.env.PATH, GITHUB_OUTPUT: output, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
    return { code, stdout, outputs: readFileSync(output, 'utf8') };
  }

  const tokenService = () => ({
    ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-of-the-job',
  });

  it('reads the workflow\'s repository and commit from the token', async () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    // Padding matters: a payload whose base64 length is not a multiple of 4.
    claims = { job_workflow_ref: 'acme/airflow-gitops/.github/workflows/reusable-deploy.yml@refs/tags/v1', job_workflow_sha: sha, repository: 'team/dags', x: 'y' };
    const run = await runStep(tokenService());
    expect(run.code).toBe(0);
    expect(run.outputs).toBe(`repository=acme/airflow-gitops\nsha=${sha}\n`);
    expect(run.stdout).toContain(`airflow-gitops: acme/airflow-gitops at ${sha} (refs/tags/v1)`);
    // The token is masked before anything else is printed.
    expect(run.stdout.split('\n')[0]).toMatch(/^::add-mask::[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(seen[0]?.headers.authorization).toBe('bearer request-token-of-the-job');
    expect(seen[0]?.url).toBe('/token?api-version=2.0&audience=airflow-gitops');
  });

  it('asks for the permission when the job has no OIDC token', async () => {
    const run = await runStep({});
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::airflow-gitops finds its own version through the job's OIDC token: give the calling job 'permissions: id-token: write'");
    expect(run.outputs).toBe('');
  });

  it('refuses a token that names no reusable workflow', async () => {
    claims = { repository: 'team/dags', workflow_ref: 'team/dags/.github/workflows/ci.yml@refs/heads/main' };
    const run = await runStep(tokenService());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::airflow-gitops: the OIDC token names no workflow repository and commit');
    expect(run.outputs).toBe('');
  });
});
