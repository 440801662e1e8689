// `airflow-gitops init` writes a team's repository whose overlays render,
// with the real kustomize, byte for byte as this repository's own, and
// whose workflows call the action and the reusable workflows by full name
// and version (never `./`, since the repository holds no action).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as init } from '../../src/commands/init.ts';
import { captureIO } from '../support/io.ts';
import { clusterBin, repoRoot } from '../support/paths.ts';
import { environments } from '../support/template/render.ts';

const folder = mkdtempSync(join(tmpdir(), 'init-'));
const team = join(folder, 'team');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const kustomize = (dir: string) => execFileSync(join(clusterBin, 'kustomize'), ['build', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

beforeAll(async () => {
  const { io, stdout } = captureIO(folder);
  expect(await init(['team', '--engine', 'acme/airflow-gitops', '--version', 'v0.1.0'], io)).toBe(0);
  expect(stdout.join('')).toMatch(/^wrote \d+ files to .*team \(acme\/airflow-gitops@v0\.1\.0\)\n/);
});

describe('init', () => {
  it.each(environments)('writes an overlay %s that renders byte-identically to this repository\'s', (env) => {
    const ours = kustomize(join(repoRoot, 'overlays', env));
    expect(ours.length).toBeGreaterThan(10_000);
    expect(kustomize(join(team, 'overlays', env))).toBe(ours);
  });

  it('holds what is the team\'s and the vendored template, not the engine', () => {
    for (const path of ['dags', 'overlays/dev/git-sync-ref.env', 'base/kustomization.yaml', 'components/git-sync/kustomization.yaml', 'cluster/kustomization.yaml', '.airflow-gitops.json', 'README.md', 'Dockerfile', '.dockerignore']) {
      expect(existsSync(join(team, path)), path).toBe(true);
    }
    for (const path of ['action.yml', 'dist', 'src', 'package.json', 'hack', 'test']) expect(existsSync(join(team, path)), path).toBe(false);
    const manifest = JSON.parse(readFileSync(join(team, '.airflow-gitops.json'), 'utf8')) as { engine: string; version: string; files: Record<string, string> };
    expect(manifest).toMatchObject({ engine: 'acme/airflow-gitops', version: 'v0.1.0' });
    expect(Object.keys(manifest.files)).toContain('base/kustomization.yaml');
    expect(Object.keys(manifest.files).every((path) => /^(base|components|cluster)\//.test(path))).toBe(true);
    expect(readFileSync(join(team, 'README.md'), 'utf8')).toContain('acme/airflow-gitops@v0.1.0');
  });

  it('writes workflows that call the action and the reusable workflows by name and version', () => {
    const deploy = readFileSync(join(team, '.github/workflows/deploy.yml'), 'utf8');
    expect(deploy).not.toMatch(/^\s*(-\s+)?uses:\s+\.\//m);
    expect(deploy).toMatch(/^\s+- uses: acme\/airflow-gitops@v0\.1\.0$/m);
    expect(deploy).toMatch(/^\s+uses: acme\/airflow-gitops\/\.github\/workflows\/reusable-deploy\.yml@v0\.1\.0$/m);
    const checks = readFileSync(join(team, '.github/workflows/checks.yml'), 'utf8');
    expect(checks).toMatch(/^\s+uses: acme\/airflow-gitops\/\.github\/workflows\/reusable-checks\.yml@v0\.1\.0$/m);
    // Apart from the references (and the notes on this repository's own `./`), the workflows are this repository's own.
    const ours = readFileSync(join(repoRoot, '.github/workflows/deploy.yml'), 'utf8').replace(/ # zizmor: ignore\[self-repository\][^\n]*/g, '');
    const back = deploy
      .replace(/npx --yes --package=github:acme\/airflow-gitops#v0\.1\.0 airflow-gitops/g, 'node dist/cli.js')
      .replace(/acme\/airflow-gitops(\/\.github\/workflows\/[\w.-]+)?@v0\.1\.0/g, (_m, wf: string | undefined) => `.${wf ?? '/'}`);
    expect(back).toBe(ours);
    // No step needs this repository's own dist/, which the team's repository does not hold.
    expect(deploy).not.toMatch(/node dist\//);
    expect(existsSync(join(team, '.github/workflows/upgrade.yml'))).toBe(true);
    for (const engineOnly of ['ci.yml', 'reusable-deploy.yml', 'reusable-checks.yml', 'dag-repository.yml']) expect(existsSync(join(team, '.github/workflows', engineOnly)), engineOnly).toBe(false);
  });

  it('refuses a folder that is not empty, and writes nothing into it', async () => {
    const busy = join(folder, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'mine\n');
    await expect(init(['busy'], captureIO(folder).io)).rejects.toThrow(`${busy} is not empty: init writes a new repository`);
    expect(existsSync(join(busy, 'overlays'))).toBe(false);
  });

  it('refuses an engine name or version that would not resolve on GitHub', async () => {
    await expect(init(['x', '--engine', 'acme'], captureIO(folder).io)).rejects.toThrow('--engine "acme" is not a repository like owner/airflow-gitops');
    await expect(init(['x', '--version', 'latest'], captureIO(folder).io)).rejects.toThrow('--version "latest" is not a release tag like v1.2.0');
    expect(existsSync(join(folder, 'x'))).toBe(false);
  });
});
