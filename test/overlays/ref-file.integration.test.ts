// bump on a real git repository holding a copy of the template's local overlay:
// one line of one file changes, comments stay, a second identical bump is a no-op.
import { execa } from 'execa';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bump, run } from '../../src/commands/bump.ts';
import { clusterBin, repoRoot } from '../support/paths.ts';
import { captureIO } from '../support/io.ts';

let repo: string;
const git = (...args: string[]) => execa('git', args, { cwd: repo });
const first = '1'.repeat(40);
const second = 'abcdef0123456789abcdef0123456789abcdef01';

beforeEach(async () => {
  repo = mkdtempSync(join(tmpdir(), 'bump-'));
  cpSync(join(repoRoot, 'overlays', 'local'), join(repo, 'overlays', 'local'), { recursive: true });
  const file = join(repo, 'overlays', 'local', 'git-sync-ref.env');
  writeFileSync(file, `# The DAG commit this environment runs.\n# Written by airflow-gitops bump.\nGITSYNC_REF=${first}\n`);
  await git('init', '-q');
  await git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'seed', '--allow-empty');
  await git('add', '.');
  await git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'overlay');
});

function io() {
  const captured = captureIO(repo);
  return { out: captured.all, io: captured.io };
}

describe('bump', () => {
  it('changes exactly the ref line and keeps the comments', async () => {
    const result = bump({ repoRoot: repo, environment: 'local', ref: second, allowRefName: false });
    expect(result).toMatchObject({ changed: true, previous: first, ref: { kind: 'commit', value: second } });
    const diff = await git('diff', '--unified=0', '--no-color');
    const changed = diff.stdout.split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(changed).toEqual([`-GITSYNC_REF=${first}`, `+GITSYNC_REF=${second}`]);
    expect(readFileSync(join(repo, 'overlays/local/git-sync-ref.env'), 'utf8')).toContain('# Written by airflow-gitops bump.');
  });

  it('is a no-op the second time', async () => {
    // The command pins only commits that exist in the repository.
    const seed = (await git('rev-parse', 'HEAD^')).stdout.trim();
    bump({ repoRoot: repo, environment: 'local', ref: seed, allowRefName: false });
    await git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qam', 'bump');
    const { out, io: cio } = io();
    expect(await run(['local', '--ref', seed], cio)).toBe(0);
    expect(out.join('')).toContain('nothing changed');
    expect((await git('status', '--porcelain')).stdout).toBe('');
  });

  it('rejects a value that could inject YAML before touching the file', async () => {
    const { io: cio } = io();
    await expect(run(['local', '--ref', `${second}\nGITSYNC_REPO=x`], cio)).rejects.toThrow(/not a full 40-character commit SHA/);
    await expect(run(['local', '--allow-ref-name', '--ref', 'main\nx'], cio)).rejects.toThrow(/not a valid git ref name/);
    expect((await git('status', '--porcelain')).stdout).toBe('');
  });

  it('pins a branch name only with --allow-ref-name', async () => {
    const { io: cio } = io();
    expect(await run(['local', '--ref', 'release/2.1', '--allow-ref-name'], cio)).toBe(0);
    expect(readFileSync(join(repo, 'overlays/local/git-sync-ref.env'), 'utf8')).toContain('GITSYNC_REF=release/2.1\n');
  });

  it('refuses a commit the repository does not have, and says how to fetch it in a shallow clone', async () => {
    const { io: cio } = io();
    await expect(run(['local', '--ref', second], cio)).rejects.toThrow(`commit ${second} does not exist in the repository at ${repo}`);
    const shallow = mkdtempSync(join(tmpdir(), 'bump-shallow-'));
    try {
      await execa('git', ['clone', '-q', '--depth=1', `file://${repo}`, shallow]);
      const seed = (await git('rev-parse', 'HEAD^')).stdout.trim();
      await expect(run(['local', '--ref', seed], { ...cio, cwd: shallow })).rejects.toThrow(`commit ${seed} is not in this checkout, which is shallow: fetch it first (git fetch --no-tags --depth=1 origin ${seed})`);
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
    expect((await git('status', '--porcelain')).stdout).toBe('');
  });

  it('names the unknown environment and the known ones', async () => {
    const { io: cio } = io();
    await expect(run(['nope', '--ref', second], cio)).rejects.toThrow(/no overlay for environment 'nope'.*environments: local/);
  });

  it('renders the bumped ref into the git-sync sidecars of the real template', async () => {
    cpSync(join(repoRoot, 'base'), join(repo, 'base'), { recursive: true });
    cpSync(join(repoRoot, 'components'), join(repo, 'components'), { recursive: true });
    bump({ repoRoot: repo, environment: 'local', ref: second, allowRefName: false });
    const { renderOverlay } = await import('../../src/deploy/render.ts');
    const rendered = await renderOverlay({ overlayDir: join(repo, 'overlays/local'), environment: 'local', revision: {}, env: { ...process.env, PATH: `${clusterBin}:${process.env.PATH}` } });
    const refs = rendered.objects.flatMap((o) => {
      const init = (o.spec as { template?: { spec?: { initContainers?: { name: string; env?: { name: string; value?: string }[] }[] } } })?.template?.spec?.initContainers ?? [];
      return init.filter((c) => c.name === 'git-sync').map((c) => c.env?.find((e) => e.name === 'GITSYNC_REF')?.value);
    });
    expect(refs.length).toBeGreaterThan(0);
    expect(new Set(refs)).toEqual(new Set([second]));
  });
});
