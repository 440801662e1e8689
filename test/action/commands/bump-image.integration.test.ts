// The action's bump with an image and commit: true, as deploy.yml's pin job
// runs it after building the image: the DAG ref and the image digest land on
// main in one commit (made by the OpenAPI-checked GitHub stand-in through its
// git database on the bare remote, or pushed with git without a token), and
// when main is protected, in one pull request. A bad image reference fails
// naming the input, with nothing committed.
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createRepos, isolatedGitEnv, type TestRepos } from '../../support/github/git-repos.ts';
import { startMockGitHub, type MockGitHub } from '../../support/github/mock-github.ts';
import { runAction } from '../../support/github/run-action.ts';

const token = 'ghs_pinimagetoken0000000000000000000';
const image = `ghcr.io/acme/airflow@sha256:${'3'.repeat(64)}`;
let repos: TestRepos;
let github: MockGitHub;

async function start(protectedBranches: string[] = []) {
  repos = createRepos();
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token, gitDir: repos.remote, protectedBranches });
}
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  repos.cleanup();
});

const bump = (inputs: Record<string, string>) =>
  runAction({
    cwd: repos.work,
    inputs: { command: 'bump', environment: 'dev', ref: repos.git(['rev-parse', 'HEAD']), commit: 'true', image, token, ...inputs },
    env: isolatedGitEnv({ GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: github.url }),
  });

function pinsAt(commit: string) {
  const images = parse(repos.git(['show', `${commit}:overlays/dev/kustomization.yaml`], repos.remote)).images as { newName: string; digest: string }[];
  return { ref: /GITSYNC_REF=(\S+)/.exec(repos.git(['show', `${commit}:overlays/dev/git-sync-ref.env`], repos.remote))?.[1], image: `${images[0]?.newName}@${images[0]?.digest}` };
}

const changed = (commit: string) => repos.git(['diff', '--name-only', `${commit}^`, commit], repos.remote).split('\n');

describe('bump with image and commit: true', () => {
  it.each([
    ['through the GitHub API', token],
    ['with git push (no token)', ''],
  ])('commits the ref and the image to main in one commit (%s)', async (_, withToken) => {
    await start();
    const head = repos.git(['rev-parse', 'HEAD']);
    const run = await bump({ token: withToken });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ ref: head, image, changed: 'true' });
    const main = repos.git(['rev-parse', 'main'], repos.remote);
    expect(run.outputs.commit).toBe(main);
    expect(changed(main)).toEqual(['overlays/dev/git-sync-ref.env', 'overlays/dev/kustomization.yaml']);
    expect(pinsAt(main)).toEqual({ ref: head, image });
    expect(repos.git(['log', '-1', '--format=%B', main], repos.remote)).toContain(`overlays/dev/kustomization.yaml: image ${image}`);
  });

  it('puts both in one pull request when main refuses the commit', async () => {
    await start(['main']);
    const head = repos.git(['rev-parse', 'HEAD']);
    const run = await bump({});
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ 'pull-request-operation': 'created', image });
    const pin = repos.git(['rev-parse', 'airflow-gitops/pin-dev'], repos.remote);
    expect(changed(pin)).toEqual(['overlays/dev/git-sync-ref.env', 'overlays/dev/kustomization.yaml']);
    expect(pinsAt(pin)).toEqual({ ref: head, image });
    expect(github.pulls[0]?.body).toContain(`pinned by digest in the overlay's kustomization.yaml: \`${image}\``);
  });

  it('refuses an image by tag, naming the input, before committing anything', async () => {
    await start();
    const main = repos.git(['rev-parse', 'main'], repos.remote);
    const run = await bump({ image: 'ghcr.io/acme/airflow:3.3.2' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`::error::input 'image' "ghcr.io/acme/airflow:3.3.2" is not an image reference`);
    expect(repos.git(['rev-parse', 'main'], repos.remote)).toBe(main);
    expect(repos.git(['status', '--porcelain'])).toBe('');
    expect(github.requests).toEqual([]);
  });
});
