import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrUpdatePullRequest, findOpenPullRequest } from '../../src/github/pull-requests.ts';
import type { Repository } from '../../src/github/repository.ts';
import { GitHubApiError, GitHubClient } from '../../src/github/client.ts';
import { startMockGitHub, type MockGitHub } from '../support/github/mock-github.ts';

const token = 'ghs_pullrequesttesttoken0000000000000';
let github: MockGitHub;
let repository: Repository;
let rest: GitHubClient;

beforeEach(async () => {
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token, branchExists: (b) => b !== 'missing-branch' });
  repository = { owner: 'acme', name: 'airflow', apiUrl: github.url, serverUrl: 'https://github.com' };
  rest = new GitHubClient({ apiUrl: github.url, token, retryBaseMs: 10 });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
});

/** The error a promise rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as Error,
  );
}

const spec = { head: 'airflow-gitops/promote-staging', base: 'main', title: 'Promote dev to staging: aaaa', body: 'first', labels: [], draft: false };

describe('createOrUpdatePullRequest', () => {
  it('opens a pull request when none is open for the branch', async () => {
    const result = await createOrUpdatePullRequest(rest, repository, spec);
    expect(result).toEqual({ number: 1, url: 'https://github.com/acme/airflow/pull/1', operation: 'created' });
    expect(github.pulls[0]).toMatchObject({ head: spec.head, base: 'main', title: spec.title, body: 'first', state: 'open', maintainerCanModify: false });
    expect(github.requests.map((r) => r.operation)).toEqual(['GET /repos/{owner}/{repo}/pulls', 'POST /repos/{owner}/{repo}/pulls']);
    expect(github.requests[0]?.query).toEqual({ state: 'open', head: `acme:${spec.head}`, per_page: '100' });
  });

  it('updates the open pull request of the branch instead of opening a second one', async () => {
    await createOrUpdatePullRequest(rest, repository, spec);
    const again = await createOrUpdatePullRequest(rest, repository, { ...spec, title: 'Promote dev to staging: bbbb', body: 'second' });
    expect(again).toMatchObject({ number: 1, operation: 'updated' });
    expect(github.pulls).toHaveLength(1);
    expect(github.pulls[0]).toMatchObject({ title: 'Promote dev to staging: bbbb', body: 'second' });
    const patch = github.requests.find((r) => r.method === 'PATCH');
    // The base is unchanged, so it is not sent.
    expect(patch?.body).toEqual({ title: 'Promote dev to staging: bbbb', body: 'second' });
  });

  it('moves the pull request to a new base branch', async () => {
    await createOrUpdatePullRequest(rest, repository, spec);
    await createOrUpdatePullRequest(rest, repository, { ...spec, base: 'release' });
    expect(github.pulls[0]?.base).toBe('release');
  });

  it('opens a new pull request when the earlier one was closed', async () => {
    await createOrUpdatePullRequest(rest, repository, spec);
    (github.pulls[0] as { state: string }).state = 'closed';
    const result = await createOrUpdatePullRequest(rest, repository, spec);
    expect(result).toMatchObject({ number: 2, operation: 'created' });
  });

  it('ignores open pull requests of other branches', async () => {
    await createOrUpdatePullRequest(rest, repository, { ...spec, head: 'airflow-gitops/promote-prod' });
    expect(await findOpenPullRequest(rest, repository, spec.head)).toBeUndefined();
    expect((await createOrUpdatePullRequest(rest, repository, spec)).operation).toBe('created');
  });

  it('adds the labels and opens drafts when asked', async () => {
    const result = await createOrUpdatePullRequest(rest, repository, { ...spec, labels: ['promotion', 'staging'], draft: true });
    expect(github.pulls[0]).toMatchObject({ labels: ['promotion', 'staging'], draft: true });
    const labels = github.requests.find((r) => r.operation.endsWith('/labels'));
    expect(labels?.path).toBe(`/repos/acme/airflow/issues/${result.number}/labels`);
    expect(labels?.body).toEqual({ labels: ['promotion', 'staging'] });
  });

  it('updates the pull request another run opened between the lookup and the create', async () => {
    github.beforeNext('POST /repos/{owner}/{repo}/pulls', () => github.addPull(spec.head, spec.base, 'opened by a concurrent run'));
    const result = await createOrUpdatePullRequest(rest, repository, spec);
    expect(result).toMatchObject({ number: 1, operation: 'updated' });
    expect(github.pulls).toHaveLength(1);
    expect(github.pulls[0]?.title).toBe(spec.title);
    expect(github.requests.map((r) => `${r.operation} ${r.status}`)).toEqual([
      'GET /repos/{owner}/{repo}/pulls 200',
      'POST /repos/{owner}/{repo}/pulls 422',
      'GET /repos/{owner}/{repo}/pulls 200',
      'PATCH /repos/{owner}/{repo}/pulls/{pull_number} 200',
    ]);
  });
});

describe('errors', () => {
  it('names what was being done, the status and GitHub message, with the field errors', async () => {
    const error = await rejection(createOrUpdatePullRequest(rest, repository, { ...spec, head: 'missing-branch' }));
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toBe('opening a pull request from missing-branch into main: GitHub answered 422: Validation Failed (PullRequest head invalid) (https://docs.github.com/rest)');
  });

  it('explains a 403 from a workflow token without the pull-request permission', async () => {
    github.failNext('POST /repos/{owner}/{repo}/pulls', 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request' });
    const error = await rejection(createOrUpdatePullRequest(rest, repository, spec));
    expect(error.message).toMatch(/^opening a pull request from airflow-gitops\/promote-staging into main: GitHub answered 403: Resource not accessible by integration; the token lacks a permission: give the job 'pull-requests: write'/);
  });

  it('says the token is bad on a 401, and never shows the token', async () => {
    const error = await rejection(createOrUpdatePullRequest(new GitHubClient({ apiUrl: github.url, token: 'ghs_wrongtoken' }), repository, spec));
    expect(error.message).toBe('looking for an open pull request from airflow-gitops/promote-staging: GitHub answered 401: Bad credentials; the token is missing, expired or revoked (https://docs.github.com/rest)');
    expect(error.message).not.toContain('ghs_wrongtoken');
    github.violations.length = 0;
  });

  it('says when the API cannot be reached', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const apiUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise<void>((done) => probe.close(() => done()));
    const error = await rejection(createOrUpdatePullRequest(new GitHubClient({ apiUrl, token, retryBaseMs: 10 }), { ...repository, apiUrl }, spec));
    expect(error.message).toMatch(new RegExp(`^looking for an open pull request from airflow-gitops/promote-staging: cannot reach ${apiUrl}: .*ECONNREFUSED`));
  });
});
