// environments --changed-since: which later environments a push changed, from
// git itself: an overlay's own folder changes only it, base/ or components/
// change every one, and an unknown commit (a first push) counts as all.
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environments } from '../../src/commands/environments.ts';

const root = mkdtempSync(join(tmpdir(), 'environments-git-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
const git = async (...args: string[]) => (await execa('git', args, { cwd: root, env })).stdout.trim();

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

async function commit(path: string, text: string): Promise<string> {
  write(path, text);
  await git('add', '-A');
  await git('commit', '-qm', `change ${path}`);
  return git('rev-parse', 'HEAD');
}

describe('environments --changed-since', () => {
  it('names the later environments whose overlay or the shared template changed', async () => {
    await git('init', '-q', '-b', 'main');
    for (const e of ['dev', 'qa', 'prod']) write(`overlays/${e}/kustomization.yaml`, 'resources: []\n');
    write('environments.yaml', 'environments:\n  - name: dev\n  - name: qa\n    promote-from: dev\n  - name: prod\n    promote-from: qa\n');
    const start = await commit('base/kustomization.yaml', 'resources: []\n');

    const prodOnly = await commit('overlays/prod/kustomization.yaml', 'resources: []\n# bigger\n');
    expect((await environments(root, env, start)).changed).toEqual(['prod']);
    const devOnly = await commit('overlays/dev/git-sync-ref.env', 'GITSYNC_REF=main\n');
    expect((await environments(root, env, prodOnly)).changed).toEqual([]);
    await commit('components/extra/kustomization.yaml', 'kind: Component\n');
    expect((await environments(root, env, devOnly)).changed).toEqual(['qa', 'prod']);
    expect((await environments(root, env, '0000000000000000000000000000000000000000')).changed).toEqual(['qa', 'prod']);
  });
});
