// Promotion carries the Airflow image pin with the git-sync ref: the target
// environment gets both in one commit (made with git, or by the GitHub stand-in
// through its git database API), or neither; an environment never gets the DAGs
// without the packages they were checked with, nor the other way round.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { promote, type PromoteOptions } from '../../src/promotion/promote.ts';
import { startMockGitHub, type MockGitHub } from '../support/github/mock-github.ts';
import { promoteOptions } from '../support/github/promote-options.ts';
import { createRepos, refFile, shas, type TestRepos } from '../support/github/git-repos.ts';

const token = 'ghp_promotionimagetoken0000000000000';
const branch = 'airflow-gitops/promote-staging';
const devImage = `ghcr.io/acme/airflow@sha256:${'1'.repeat(64)}`;
const oldImage = `ghcr.io/acme/airflow@sha256:${'2'.repeat(64)}`;
let repos: TestRepos;
let github: MockGitHub;

beforeEach(async () => {
  repos = createRepos();
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token, gitDir: repos.remote });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
  repos.cleanup();
});

function options(overrides: Partial<PromoteOptions> = {}): PromoteOptions {
  return promoteOptions({ repos, githubUrl: github.url, token }, overrides);
}

const kustomizationOf = (env: string) => `overlays/${env}/kustomization.yaml`;

/** The environment's kustomization with its apache/airflow entry pinned to `image`. */
function pinned(env: string, image: string): Record<string, string> {
  const [name, digest] = image.split('@');
  const text = readFileSync(join(repos.work, kustomizationOf(env)), 'utf8');
  return { [kustomizationOf(env)]: `${text}images:\n  - name: apache/airflow\n    newName: ${name}\n    digest: ${digest}\n` };
}

/** The ref and the image an environment runs in a commit of the remote. */
function pinsAt(commit: string, env: string) {
  const images = parse(repos.git(['show', `${commit}:${kustomizationOf(env)}`], repos.remote)).images as { name: string; newName: string; digest: string }[] | undefined;
  const entry = images?.find((i) => i.name === 'apache/airflow');
  return { ref: /GITSYNC_REF=(\S+)/.exec(repos.git(['show', `${commit}:overlays/${env}/git-sync-ref.env`], repos.remote))?.[1], image: entry && `${entry.newName}@${entry.digest}` };
}

const changedFiles = (commit: string) => repos.git(['diff', '--name-only', `${commit}^`, commit]).split('\n').sort();

describe('promote with an image pin', () => {
  it.each([
    ['pushed with git', false],
    ['made by GitHub through the API', true],
  ])('moves the ref and the image of dev to staging in one commit (%s)', async (_, throughApi) => {
    repos.commit(pinned('dev', devImage), 'Pin the dev image');
    const result = await promote(options({ commitThroughApi: throughApi }));
    expect(result).toMatchObject({ changed: true, ref: shas.dev, image: devImage, previousImage: undefined, push: 'pushed' });
    const commit = result.commit as string;
    repos.git(['fetch', '--quiet', 'origin', branch]);
    expect(changedFiles(commit)).toEqual(['overlays/staging/git-sync-ref.env', kustomizationOf('staging')]);
    expect(pinsAt(commit, 'staging')).toEqual({ ref: shas.dev, image: devImage });
    expect(repos.git(['log', '-1', '--format=%B', commit])).toContain(`${kustomizationOf('staging')}: image (the base image) -> ${devImage}`);
    expect(github.pulls[0]?.body).toContain(`| \`staging\` image after merging | \`${devImage}\` (from \`dev\`) |`);
  });

  it('promotes a new image even when the ref is the same, and never the ref alone', async () => {
    repos.commit({ 'overlays/staging/git-sync-ref.env': refFile(shas.dev), ...pinned('dev', devImage) }, 'dev rebuilt its image; staging runs the same DAGs');
    const result = await promote(options());
    expect(result).toMatchObject({ changed: true, ref: shas.dev, previous: shas.dev, image: devImage });
    // The ref file already holds dev's ref: only the image line moves, and staging ends with both of dev's pins.
    expect(changedFiles(result.commit as string)).toEqual([kustomizationOf('staging')]);
    expect(pinsAt(result.commit as string, 'staging')).toEqual({ ref: shas.dev, image: devImage });
  });

  it('takes the image pin away when dev runs the base image again', async () => {
    repos.commit(pinned('staging', oldImage), 'staging had an image');
    const result = await promote(options());
    expect(result).toMatchObject({ changed: true, image: undefined, previousImage: oldImage });
    expect(pinsAt(result.commit as string, 'staging')).toEqual({ ref: shas.dev, image: undefined });
    expect(github.pulls[0]?.body).toContain(`| \`staging\` image now | \`${oldImage}\` |`);
  });

  it('is a no-op when staging runs the same ref and image', async () => {
    repos.commit({ 'overlays/staging/git-sync-ref.env': refFile(shas.dev), ...pinned('dev', devImage), ...pinned('staging', devImage) }, 'staging like dev');
    const result = await promote(options());
    expect(result).toMatchObject({ changed: false, push: 'skipped' });
    expect(result.message).toBe(`staging already runs ${shas.dev} with ${devImage}, the same as dev: nothing to promote`);
    expect(github.requests).toEqual([]);
  });

  it('refuses a source pinned by tag instead of digest, before writing anything', async () => {
    const text = readFileSync(join(repos.work, kustomizationOf('dev')), 'utf8');
    repos.commit({ [kustomizationOf('dev')]: `${text}images:\n  - name: apache/airflow\n    newName: ghcr.io/acme/airflow\n    newTag: "3.3.2"\n` }, 'dev by tag');
    await expect(promote(options())).rejects.toThrow(`${kustomizationOf('dev')}: the images: entry for apache/airflow has no digest`);
    expect(repos.git(['ls-remote', '--heads', repos.remote, branch])).toBe('');
    expect(github.requests).toEqual([]);
  });
});
