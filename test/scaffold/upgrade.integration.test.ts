// An upgrade from one release to the next is one change that says exactly
// what the release changes: a team repository made by init at v0.1.0 (a
// real git repository with a bare remote) is moved to a "v0.2.0" engine,
// a copy of this one with a changed Airflow pin, a component dropped and one
// added; in place, and as a pull request through the OpenAPI-checked GitHub
// stand-in.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as init } from '../../src/commands/init.ts';
import { run as upgrade } from '../../src/commands/upgrade.ts';
import { captureIO } from '../support/io.ts';
import { repoRoot } from '../support/paths.ts';
import { isolatedGitEnv } from '../support/github/git-repos.ts';
import { startMockGitHub, type MockGitHub } from '../support/github/mock-github.ts';

const token = 'ghs_upgradetoken0000000000000000000';
const author = { GIT_AUTHOR_NAME: 'Team', GIT_AUTHOR_EMAIL: 'team@example.com', GIT_COMMITTER_NAME: 'Team', GIT_COMMITTER_EMAIL: 'team@example.com' };
let folder: string;
let team: string;
let next: string;
let github: MockGitHub;

const git = (args: string[], cwd = team) => execFileSync('git', args, { cwd, env: isolatedGitEnv(author), encoding: 'utf8' }).trim();

/** The next release: this engine's template with a new Airflow pin, the ingress component gone, a new one added. */
function nextEngine(dir: string): void {
  for (const path of ['action.yml', 'base', 'components', 'cluster']) cpSync(join(repoRoot, path), join(dir, path), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "version": "0.2.0" }\n');
  const kustomization = join(dir, 'base', 'kustomization.yaml');
  const pinned = readFileSync(kustomization, 'utf8');
  expect(pinned).toMatch(/newTag: "?3\.\d+\.\d+"?/);
  writeFileSync(kustomization, pinned.replace(/newTag: ("?)3\.\d+\.\d+("?)/, 'newTag: $19.9.9$2'));
  rmSync(join(dir, 'components', 'ingress'), { recursive: true });
  mkdirSync(join(dir, 'components', 'release-extra'));
  writeFileSync(join(dir, 'components', 'release-extra', 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n');
}

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'upgrade-'));
  team = join(folder, 'team');
  next = join(folder, 'engine-v0.2.0');
  nextEngine(next);
  expect(await init(['team', '--engine', 'acme/airflow-gitops', '--version', 'v0.1.0'], captureIO(folder).io)).toBe(0);
  git(['init', '--quiet', '--bare', '--initial-branch=main', join(folder, 'remote.git')], folder);
  git(['init', '--quiet', '--initial-branch=main']);
  git(['remote', 'add', 'origin', join(folder, 'remote.git')]);
  // A component of the team's own, beside the vendored ones: an upgrade leaves it alone.
  mkdirSync(join(team, 'components', 'ours'));
  writeFileSync(join(team, 'components', 'ours', 'kustomization.yaml'), 'kind: Component\n');
  git(['add', '-A']);
  git(['commit', '--quiet', '-m', 'Made with airflow-gitops init']);
  git(['push', '--quiet', 'origin', 'main']);
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  rmSync(folder, { recursive: true, force: true });
});

const env = () => isolatedGitEnv({ GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url });

/** What the upgrade changes, as `git diff --name-status` against the commit init made. */
function expectTheReleaseDiff(against: string): void {
  const ingress = git(['ls-tree', '-r', '--name-only', 'HEAD', 'components/ingress']).split('\n');
  expect(ingress.length).toBeGreaterThan(0);
  expect(git(['diff', '--name-status', 'HEAD', against]).split('\n')).toEqual(
    [
      'M\t.airflow-gitops.json',
      'M\t.github/workflows/checks.yml',
      'M\t.github/workflows/deploy.yml',
      'M\t.github/workflows/promote.yml',
      'M\tbase/kustomization.yaml',
      ...ingress.map((path) => `D\t${path}`),
      'A\tcomponents/release-extra/kustomization.yaml',
    ].sort((a, b) => a.slice(2).localeCompare(b.slice(2))),
  );
  // In the workflows, only the references move.
  const changedLines = git(['diff', '-U0', 'HEAD', against, '--', '.github/workflows']).split('\n').filter((l) => /^[-+] /.test(l));
  expect(changedLines.length).toBeGreaterThan(0);
  for (const line of changedLines) expect(line).toMatch(/^[-+]\s+(- )?uses: acme\/airflow-gitops(\/\.github\/workflows\/[\w.-]+\.yml)?@v0\.[12]\.0$/);
  expect(git(['diff', 'HEAD', against, '--', 'base/kustomization.yaml'])).toMatch(/^\+\s+newTag: "?9\.9\.9"?$/m);
}

describe('upgrade', () => {
  it('rewrites the vendored template, the workflow references and the manifest in place', async () => {
    const { io, stdout } = captureIO(team, env());
    expect(await upgrade(['--from', next, '--version', 'v0.2.0'], io)).toBe(0);
    expect(stdout.join('')).toMatch(/^upgraded acme\/airflow-gitops v0\.1\.0 -> v0\.2\.0: \d+ file\(s\) written, \d+ removed\n$/);
    git(['add', '-A']);
    expectTheReleaseDiff('--cached');
    expect(existsSync(join(team, 'components', 'ingress'))).toBe(false);
    expect(readFileSync(join(team, 'components', 'ours', 'kustomization.yaml'), 'utf8')).toBe('kind: Component\n');
    expect(JSON.parse(readFileSync(join(team, '.airflow-gitops.json'), 'utf8'))).toMatchObject({ version: 'v0.2.0' });
    // A second run has nothing to do.
    const again = captureIO(team, env());
    expect(await upgrade(['--from', next, '--version', 'v0.2.0'], again.io)).toBe(0);
    expect(again.stdout.join('')).toBe('already at acme/airflow-gitops v0.2.0: nothing to upgrade\n');
  });

  it('opens the upgrade as one pull request, leaving the working tree alone, and updates it on a rerun', async () => {
    const { io, stdout } = captureIO(team, env());
    expect(await upgrade(['--from', next, '--version', 'v0.2.0', '--pull-request'], io)).toBe(0);
    expect(stdout.join('')).toBe('pull request #1 created: https://github.com/acme/airflow/pull/1\n');
    git(['fetch', '--quiet', 'origin', 'airflow-gitops/upgrade']);
    expectTheReleaseDiff('FETCH_HEAD');
    expect(git(['rev-parse', 'FETCH_HEAD^'])).toBe(git(['rev-parse', 'HEAD']));
    expect(git(['status', '--porcelain'])).toBe('');
    expect(github.pulls[0]).toMatchObject({ head: 'airflow-gitops/upgrade', base: 'main', title: 'Upgrade airflow-gitops v0.1.0 to v0.2.0' });
    expect(github.pulls[0]?.body).toContain('(https://github.com/acme/airflow-gitops/compare/v0.1.0...v0.2.0)');
    const rerun = captureIO(team, env());
    expect(await upgrade(['--from', next, '--version', 'v0.2.0', '--pull-request'], rerun.io)).toBe(0);
    expect(rerun.stdout.join('')).toBe('pull request #1 updated: https://github.com/acme/airflow/pull/1\n');
    expect(github.pulls).toHaveLength(1);
  });

  it('stops before writing anything when a vendored file was edited by hand', async () => {
    writeFileSync(join(team, 'base', 'airflow.env'), `${readFileSync(join(team, 'base', 'airflow.env'), 'utf8')}EXTRA=1\n`);
    rmSync(join(team, 'components', 'persistent-logs', 'kustomization.yaml'));
    await expect(upgrade(['--from', next, '--version', 'v0.2.0'], captureIO(team, env()).io)).rejects.toThrow(
      /^upgrade would overwrite changes of your own:\n {2}base\/airflow\.env \(edited since v0\.1\.0\)\n {2}components\/persistent-logs\/kustomization\.yaml \(deleted since v0\.1\.0\)\n/,
    );
    expect(git(['status', '--porcelain'])).toBe(' M base/airflow.env\n D components/persistent-logs/kustomization.yaml'.trim());
  });

  it('refuses a folder that is no engine checkout', async () => {
    await expect(upgrade(['--from', folder], captureIO(team, env()).io)).rejects.toThrow(`--from ${folder} is not an airflow-gitops checkout`);
  });
});
