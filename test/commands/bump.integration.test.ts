// bump --image on a real git repository holding a copy of the template: the
// image pin and the ref move together (two files, one bump), every Airflow
// container of the rendered overlay runs the pinned digest, and bad input is
// refused before either file is written.
import { execa } from 'execa';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/commands/bump.ts';
import { clusterBin, repoRoot } from '../support/paths.ts';
import { captureIO } from '../support/io.ts';

let repo: string;
const git = (...args: string[]) => execa('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo });
const image = `ghcr.io/acme/airflow@sha256:${'ab'.repeat(32)}`;
const kustomization = 'overlays/dev/kustomization.yaml';

beforeEach(async () => {
  repo = mkdtempSync(join(tmpdir(), 'bump-image-'));
  for (const part of ['base', 'components', 'overlays']) cpSync(join(repoRoot, part), join(repo, part), { recursive: true });
  await git('init', '-q');
  await git('add', '.');
  await git('commit', '-qm', 'template');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

async function bumpDev(...args: string[]) {
  const captured = captureIO(repo);
  const code = await run(['dev', ...args], captured.io);
  return { code, out: captured.all.join('') };
}

type Container = { name: string; image: string };
type Workload = { kind: string; metadata: { name: string }; spec?: { template?: { spec?: { containers?: Container[]; initContainers?: Container[] } } } };

async function airflowImages(): Promise<Map<string, string[]>> {
  const { renderOverlay } = await import('../../src/deploy/render.ts');
  const rendered = await renderOverlay({ overlayDir: join(repo, 'overlays/dev'), environment: 'dev', revision: {}, env: { ...process.env, PATH: `${clusterBin}:${process.env.PATH}` } });
  const images = new Map<string, string[]>();
  for (const object of rendered.objects as unknown as Workload[]) {
    const pod = object.spec?.template?.spec;
    if (pod === undefined) continue;
    const airflow = [...(pod.initContainers ?? []), ...(pod.containers ?? [])].filter((c) => !/^(git-sync|postgres|redis)/.test(c.image) && !c.image.startsWith('registry.k8s.io/'));
    if (airflow.length > 0) images.set(`${object.kind}/${object.metadata.name}`, airflow.map((c) => c.image));
  }
  return images;
}

describe('bump --image', () => {
  it('pins the ref and the image in one bump, and every Airflow container runs the digest', async () => {
    const commit = (await git('rev-parse', 'HEAD')).stdout.trim();
    const result = await bumpDev('--ref', commit, '--image', image);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`image (the base image) -> ${image}`);
    expect((await git('diff', '--name-only')).stdout.split('\n').sort()).toEqual(['overlays/dev/git-sync-ref.env', kustomization]);
    expect(parse(readFileSync(join(repo, kustomization), 'utf8')).images).toEqual([{ name: 'apache/airflow', newName: 'ghcr.io/acme/airflow', digest: `sha256:${'ab'.repeat(32)}` }]);
    expect(readFileSync(join(repo, 'overlays/dev/git-sync-ref.env'), 'utf8')).toContain(`GITSYNC_REF=${commit}`);

    const images = await airflowImages();
    for (const workload of ['Deployment/airflow-api-server', 'Deployment/airflow-scheduler', 'Deployment/airflow-dag-processor', 'StatefulSet/airflow-triggerer', 'StatefulSet/airflow-worker', 'Job/airflow-migrate-db']) {
      expect(images.get(workload), workload).toBeDefined();
    }
    expect(new Set([...images.values()].flat())).toEqual(new Set([image]));

    await git('commit', '-qam', 'pin');
    const again = await bumpDev('--image', image);
    expect(again.out).toContain(`image is already ${image}; nothing changed`);
    expect((await git('status', '--porcelain')).stdout).toBe('');
  });

  it('refuses a tag, a short digest or a malformed images: entry before writing either file', async () => {
    const commit = (await git('rev-parse', 'HEAD')).stdout.trim();
    await expect(bumpDev('--ref', commit, '--image', 'ghcr.io/acme/airflow:3.3.2')).rejects.toThrow(/^--image "ghcr.io\/acme\/airflow:3.3.2" is not an image reference .*no @sha256:<digest>/);
    await expect(bumpDev('--ref', commit, '--image', 'ghcr.io/acme/airflow@sha256:1234')).rejects.toThrow(/^--image .* 64 lowercase hex digits/);
    expect((await git('status', '--porcelain')).stdout).toBe('');

    writeFileSync(join(repo, kustomization), `${readFileSync(join(repo, kustomization), 'utf8')}images: apache/airflow\n`);
    await git('commit', '-qam', 'broken images');
    await expect(bumpDev('--ref', commit, '--image', image)).rejects.toThrow(`${join(repo, kustomization)}: images: must be a list`);
    // The ref file is checked and written after the kustomization: nothing half-written.
    expect((await git('status', '--porcelain')).stdout).toBe('');
  });

  it('needs --ref or --image', async () => {
    await expect(bumpDev()).rejects.toThrow('bump: --ref <commit-sha> is required (or --image <name>@sha256:<digest>, or both)');
  });
});
