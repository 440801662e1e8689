// deploy.yml's image job, which cannot run here (no Docker, no registry): its
// decision step is run as written in the workflow (bash, real git) on
// histories where what the image is built from changed since the first
// environment's image was pinned (with bump --image), or not; its permissions, the
// pinned actions and the hand-over of the digest to the pin job are checked by
// reading the workflow.
import { execa } from 'execa';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../support/github/run-action.ts';
import { pinnedAirflowVersion } from '../support/dockerfile.ts';
import { captureIO } from '../support/io.ts';
import { run as bumpRun } from '../../src/commands/bump.ts';

type Step = { id?: string; uses?: string; run?: string; with?: Record<string, string>; if?: string; env?: Record<string, string> };
type Job = { if?: string; needs?: string | string[]; permissions?: Record<string, string>; outputs?: Record<string, string>; steps?: Step[] };
const deployText = readFileSync(join(projectRoot, '.github', 'workflows', 'deploy.yml'), 'utf8');
const jobs = (parse(deployText) as { jobs: Record<string, Job> }).jobs;
const imageJob = jobs.image as Job;
const decide = imageJob.steps?.find((s) => s.id === 'inputs')?.run ?? '';

let repo: string;
const git = (...args: string[]) => execa('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo });

async function commit(files: Record<string, string | null>, message: string): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) rmSync(join(repo, path));
    else writeFileSync(join(repo, path), content);
  }
  await git('add', '-A');
  await git('commit', '-qm', message);
  return (await git('rev-parse', 'HEAD')).stdout.trim();
}

/** Runs the step as the runner would (bash -e -o pipefail, the env of the step), returning its outputs and log. */
async function decision() {
  const output = join(repo, '..', `output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  const run = await execa('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', decide], { cwd: repo, env: { ...process.env, FIRST: 'dev', GITHUB_OUTPUT: output, GITHUB_REPOSITORY: 'Acme/Data-Platform' } });
  const outputs = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').map((l) => l.split(/=(.*)/s).slice(0, 2)));
  return { ...outputs, log: run.stdout };
}

const digest = (n: number) => `sha256:${String(n).repeat(64)}`;

/** Pins dev's image with the CLI, as the pin job does, and commits it. */
async function pinDev(n: number): Promise<void> {
  expect(await bumpRun(['dev', '--image', `ghcr.io/acme/data-platform/airflow@${digest(n)}`], captureIO(repo).io)).toBe(0);
  await commit({}, `Pin dev's image ${n}`);
}

beforeEach(async () => {
  repo = join(mkdtempSync(join(tmpdir(), 'image-job-')), 'repo');
  for (const part of ['base', 'components', 'overlays']) cpSync(join(projectRoot, part), join(repo, part), { recursive: true });
  cpSync(join(projectRoot, 'Dockerfile'), join(repo, 'Dockerfile'));
  writeFileSync(join(repo, 'requirements.txt'), 'apache-airflow-providers-http\n');
  writeFileSync(join(repo, 'requirements.lock'), 'a==1.0 \\\n    --hash=sha256:' + '0'.repeat(64) + '\n');
  writeFileSync(join(repo, 'dag.py'), '# a DAG\n');
  await execa('git', ['init', '-q', repo]);
  await commit({}, 'template');
});
afterEach(() => rmSync(join(repo, '..'), { recursive: true, force: true }));

const kustomization = () => readFileSync(join(repo, 'base', 'kustomization.yaml'), 'utf8');

describe("deploy.yml's image job: when it builds", () => {
  it('builds while the first environment pins no image, for the pinned Airflow, under a lowercase name', async () => {
    expect(await decision()).toMatchObject({ build: 'true', airflow: pinnedAirflowVersion(), name: 'ghcr.io/acme/data-platform/airflow' });
  });

  it('builds when the lock, the requirements or the Dockerfile changed since the pinned image, and not otherwise', async () => {
    await pinDev(1);
    const quiet = await decision();
    expect(quiet).toMatchObject({ build: 'false' });
    expect(quiet.log).toContain(`which pinned ${digest(1)}`);
    await commit({ 'dag.py': '# another DAG\n' }, 'a DAG');
    expect(await decision()).toMatchObject({ build: 'false' });
    for (const [file, content] of [['requirements.lock', 'b==2.0 \\\n    --hash=sha256:' + '1'.repeat(64) + '\n'], ['requirements.txt', 'pandas\n'], ['Dockerfile', `${readFileSync(join(repo, 'Dockerfile'), 'utf8')}# changed\n`]] as const) {
      await commit({ [file]: content }, `change ${file}`);
      const changed = await decision();
      expect(changed, file).toMatchObject({ build: 'true' });
      expect(changed.log).toContain(file);
      await pinDev(file.length % 10);
      expect(await decision(), `after pinning the ${file} build`).toMatchObject({ build: 'false' });
    }
  });

  it('builds when the Airflow pin changes, and not for another change of base/kustomization.yaml', async () => {
    await pinDev(1);
    await commit({ 'base/kustomization.yaml': kustomization().replace(/(name: postgres\n\s+newTag: )"[^"]*"/, '$1"17.9"') }, 'postgres');
    expect(kustomization()).toContain('newTag: "17.9"');
    expect(await decision()).toMatchObject({ build: 'false' });
    await commit({ 'base/kustomization.yaml': kustomization().replace(/(name: apache\/airflow\n\s+newTag: )"[^"]*"/, '$1"3.4.0"') }, 'Airflow 3.4.0');
    const upgrade = await decision();
    expect(upgrade).toMatchObject({ build: 'true', airflow: '3.4.0' });
    expect(upgrade.log).toContain(`the Airflow pin changed since`);
    expect(upgrade.log).toContain(`: ${pinnedAirflowVersion()} -> 3.4.0`);
  });

  it('still builds on the next push when a run failed before pinning, and never without a lock', async () => {
    await pinDev(1);
    await commit({ 'requirements.lock': 'c==3.0 \\\n    --hash=sha256:' + '2'.repeat(64) + '\n' }, 'lock (its run failed)');
    await commit({ 'dag.py': '# a later DAG\n' }, 'a later push');
    expect(await decision()).toMatchObject({ build: 'true' });
    await commit({ 'requirements.lock': null, 'requirements.txt': null }, 'no team packages');
    expect(await decision()).toMatchObject({ build: 'false' });
  });
});

describe("deploy.yml's image job: how it builds and hands over", () => {
  it('runs on pushes only, with packages: write in this job alone', () => {
    expect(imageJob.if).toBe("github.event_name == 'push'");
    expect(imageJob.permissions).toEqual({ contents: 'read', packages: 'write' });
    const others = Object.entries(jobs).filter(([name, job]) => name !== 'image' && job.permissions?.packages !== undefined);
    expect(others.map(([name]) => name)).toEqual([]);
    expect(deployText).toMatch(/^permissions:\n {2}contents: read\n\n/m);
  });

  it('uses third-party actions pinned by full commit SHA, builds the Dockerfile at the pin and pushes by digest', () => {
    const steps = imageJob.steps ?? [];
    for (const step of steps.filter((s) => s.uses !== undefined && !s.uses.startsWith('./'))) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
    for (const step of steps.filter((s) => s.id !== 'inputs' && !s.uses?.startsWith('actions/checkout@'))) expect(step.if, step.uses ?? step.id).toBe("steps.inputs.outputs.build == 'true'");
    const build = steps.find((s) => s.uses?.startsWith('docker/build-push-action@'));
    expect(build?.with).toMatchObject({ context: '.', push: true, 'build-args': 'AIRFLOW_VERSION=${{ steps.inputs.outputs.airflow }}' });
    expect(steps.find((s) => s.uses?.startsWith('docker/login-action@'))?.with).toMatchObject({ registry: 'ghcr.io', password: '${{ github.token }}' });
    expect(steps.find((s) => s.id === 'pushed')?.env).toEqual({ NAME: '${{ steps.inputs.outputs.name }}', DIGEST: '${{ steps.build.outputs.digest }}' });
    expect(imageJob.outputs?.reference).toBe('${{ steps.pushed.outputs.reference }}');
  });

  it('has the pin job wait for the image and pin its digest in the same bump as the DAG ref', () => {
    const pin = jobs.pin as Job;
    expect(pin.needs).toContain('image');
    const bump = pin.steps?.find((s) => s.uses === './' && s.with?.command === 'bump');
    expect(bump?.with).toMatchObject({ ref: '${{ steps.dags.outputs.commit }}', image: '${{ needs.image.outputs.reference }}', commit: true });
    expect(pin.permissions?.packages).toBeUndefined();
  });
});
