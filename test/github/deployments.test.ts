import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubClient } from '../../src/github/client.ts';
import { lastSuccessfulDeployment } from '../../src/github/deployments.ts';
import type { Repository } from '../../src/github/repository.ts';
import { startMockGitHub, type MockGitHub } from '../support/github/mock-github.ts';

const token = 'ghs_deploymentstesttoken00000000000';
let github: MockGitHub;
let client: GitHubClient;
let repository: Repository;

beforeEach(async () => {
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token });
  client = new GitHubClient({ apiUrl: github.url, token });
  repository = { owner: 'acme', name: 'airflow', apiUrl: github.url, serverUrl: 'https://github.com' };
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
});

describe('lastSuccessfulDeployment', () => {
  it('is the newest deployment of the environment whose latest status is success', async () => {
    github.addDeployment('prod', 'a'.repeat(40), ['queued', 'success', 'inactive']);
    github.addDeployment('prod', 'b'.repeat(40), ['queued', 'in_progress', 'success']);
    github.addDeployment('staging', 'c'.repeat(40), ['success']);
    github.addDeployment('prod', 'd'.repeat(40), ['queued', 'in_progress', 'failure']);
    github.addDeployment('prod', 'e'.repeat(40), ['queued']);
    expect((await lastSuccessfulDeployment(client, repository, 'prod'))?.sha).toBe('b'.repeat(40));
    expect((await lastSuccessfulDeployment(client, repository, 'staging'))?.sha).toBe('c'.repeat(40));
    expect(await lastSuccessfulDeployment(client, repository, 'dev')).toBeUndefined();
  });

  it('reads further pages when the newest deployments all failed', async () => {
    github.addDeployment('prod', 'a'.repeat(40), ['success']);
    for (let i = 0; i < 34; i++) github.addDeployment('prod', 'f'.repeat(40), ['failure']);
    expect((await lastSuccessfulDeployment(client, repository, 'prod'))?.sha).toBe('a'.repeat(40));
    expect(github.requests.filter((r) => r.operation === 'GET /repos/{owner}/{repo}/deployments').map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
  });
});
