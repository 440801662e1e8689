// The GitHub client (Octokit with its retry and throttling plugins) against
// the OpenAPI-checked mock: transient failures are retried, rate limits are
// waited out, and requests go through the proxy the environment names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubClient } from '../../src/github/client.ts';
import { findOpenPullRequest } from '../../src/github/pull-requests.ts';
import type { Repository } from '../../src/github/repository.ts';
import { startProxy } from '../support/github/http-proxy.ts';
import { startMockGitHub, type MockGitHub } from '../support/github/mock-github.ts';

const token = 'ghs_clienttesttoken000000000000000000';
let github: MockGitHub;
let repository: Repository;

beforeEach(async () => {
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token });
  repository = { owner: 'acme', name: 'airflow', apiUrl: github.url, serverUrl: 'https://github.com' };
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
});

const list = 'GET /repos/{owner}/{repo}/pulls';

describe('GitHubClient', () => {
  it('retries a 502 and succeeds', async () => {
    github.addPull('airflow-gitops/promote-prod', 'main', 'open one');
    github.failNext(list, 502, { message: 'Server Error' });
    const client = new GitHubClient({ apiUrl: github.url, token, retryBaseMs: 10 });
    expect((await findOpenPullRequest(client, repository, 'airflow-gitops/promote-prod'))?.number).toBe(1);
    expect(github.requests.map((r) => `${r.operation} ${r.status}`)).toEqual([`${list} 502`, `${list} 200`]);
  });

  it('waits out a secondary rate limit (403 with retry-after) and succeeds', async () => {
    github.failNext(list, 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' }, { 'retry-after': '1' });
    const waits: string[] = [];
    const client = new GitHubClient({ apiUrl: github.url, token, log: (line) => waits.push(line) });
    expect(await findOpenPullRequest(client, repository, 'airflow-gitops/promote-prod')).toBeUndefined();
    expect(github.requests.map((r) => `${r.operation} ${r.status}`)).toEqual([`${list} 403`, `${list} 200`]);
    expect(waits).toEqual([expect.stringMatching(/^GitHub's secondary rate limit: GET .*\/repos\/acme\/airflow\/pulls.* again in 1 s$/)]);
  });

  it('gives up on a rate limit that does not lift, with GitHub message', async () => {
    const limited = { message: 'You have exceeded a secondary rate limit.', documentation_url: 'https://docs.github.com/rest' };
    // Every request is limited: the first, and each retry.
    const limitNext = () => {
      github.failNext(list, 403, limited, { 'retry-after': '1' });
      github.beforeNext(list, limitNext);
    };
    limitNext();
    const client = new GitHubClient({ apiUrl: github.url, token });
    await expect(findOpenPullRequest(client, repository, 'x')).rejects.toThrow('looking for an open pull request from x: GitHub answered 403: You have exceeded a secondary rate limit. (https://docs.github.com/rest)');
    // The first request and two retries.
    expect(github.requests.map((r) => r.status)).toEqual([403, 403, 403]);
  });

  it('pages through every result', async () => {
    for (let i = 0; i < 130; i++) github.addPull(`feature-${i}`, 'main', `pull ${i}`);
    github.addPull('airflow-gitops/promote-prod', 'main', 'the last one');
    // Without the head filter the mock lists all 131: the client must follow the Link header to the second page.
    const client = new GitHubClient({ apiUrl: github.url, token });
    const all = await client.call('listing', (octokit) => octokit.paginate(octokit.rest.pulls.list, { owner: 'acme', repo: 'airflow', per_page: 100 }));
    expect(all).toHaveLength(131);
    expect(github.requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
  });

  describe('through a proxy', () => {
    const saved = { ...process.env };
    afterEach(() => {
      // The environment as it was: the proxy variables of this test removed or restored.
      process.env = { ...saved };
    });

    it('sends requests through the proxy the environment names, to a host only the proxy knows', async () => {
      const proxy = await startProxy({ 'api.github.example': '127.0.0.1' });
      try {
        process.env.HTTP_PROXY = proxy.url;
        process.env.HTTPS_PROXY = proxy.url;
        delete process.env.NO_PROXY;
        delete process.env.no_proxy;
        const apiUrl = github.url.replace('127.0.0.1', 'api.github.example');
        github.addPull('airflow-gitops/promote-prod', 'main', 'open one');
        const client = new GitHubClient({ apiUrl, token, retryBaseMs: 10 });
        expect((await findOpenPullRequest(client, { ...repository, apiUrl }, 'airflow-gitops/promote-prod'))?.number).toBe(1);
        expect(proxy.seen).toEqual([expect.stringMatching(/^(CONNECT|GET) api\.github\.example:\d+$/)]);
      } finally {
        await proxy.close();
      }
    });
  });
});
