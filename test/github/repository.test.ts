import { describe, expect, it } from 'vitest';
import { repositoryFromRemoteUrl, resolveRepository } from '../../src/github/repository.ts';

describe('repositoryFromRemoteUrl', () => {
  it.each([
    ['git@github.com:acme/airflow.git', 'acme/airflow'],
    ['https://github.com/acme/airflow.git', 'acme/airflow'],
    ['https://github.com/acme/airflow', 'acme/airflow'],
    ['https://x-access-token@github.com/acme/airflow.git', 'acme/airflow'],
    ['ssh://git@github.com/acme/air.flow.git', 'acme/air.flow'],
  ])('reads %s as %s', (url, expected) => {
    expect(repositoryFromRemoteUrl(url)).toBe(expected);
  });

  it.each(['/tmp/remote.git', 'https://gitlab.com/acme/airflow.git', 'https://github.com/acme'])('does not take %s for a GitHub repository', (url) => {
    expect(repositoryFromRemoteUrl(url)).toBeUndefined();
  });
});

describe('resolveRepository', () => {
  it('prefers GITHUB_REPOSITORY and GITHUB_API_URL, as a workflow run sets them', () => {
    const env = { GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: 'https://ghe.example.com/api/v3/', GITHUB_SERVER_URL: 'https://ghe.example.com' };
    expect(resolveRepository(env, 'git@github.com:other/repo.git')).toEqual({ owner: 'acme', name: 'airflow', apiUrl: 'https://ghe.example.com/api/v3', serverUrl: 'https://ghe.example.com' });
  });

  it('falls back to the remote and api.github.com', () => {
    expect(resolveRepository({}, 'git@github.com:acme/airflow.git')).toEqual({ owner: 'acme', name: 'airflow', apiUrl: 'https://api.github.com', serverUrl: 'https://github.com' });
  });

  it('quotes what is wrong', () => {
    expect(() => resolveRepository({ GITHUB_REPOSITORY: 'acme' }, undefined)).toThrow('GITHUB_REPOSITORY "acme" is not a repository name like owner/name');
    expect(() => resolveRepository({ GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: 'ftp://x' }, undefined)).toThrow('GITHUB_API_URL "ftp://x" is not an http(s) URL');
    expect(() => resolveRepository({}, '/tmp/remote.git')).toThrow('cannot tell which GitHub repository to open the pull request in: set GITHUB_REPOSITORY=owner/name (the remote URL "/tmp/remote.git" is not a github.com URL)');
  });
});
