import { describe, expect, it } from 'vitest';
import { commitFileLinker } from '../../src/github/links.ts';

const sha = 'ABCDEF0123456789abcdef0123456789abcdef01';

describe('commitFileLinker', () => {
  it('links a file at the run commit and line, each path segment encoded so the URL cannot end a Markdown link', () => {
    const link = commitFileLinker({ GITHUB_SERVER_URL: 'https://github.example.com/', GITHUB_REPOSITORY: 'acme/airflow', GITHUB_SHA: sha });
    expect(link?.('dags/team (a)/daily job.py', 7)).toBe(`https://github.example.com/acme/airflow/blob/${sha.toLowerCase()}/dags/team%20%28a%29/daily%20job.py#L7`);
    expect(link?.('dags/x\n](javascript:alert(1)).py', 1)).toBe(`https://github.example.com/acme/airflow/blob/${sha.toLowerCase()}/dags/x%0A%5D%28javascript%3Aalert%281%29%29.py#L1`);
  });

  it('gives no linker outside a workflow run or with values that are not a repository and a commit', () => {
    expect(commitFileLinker({})).toBeUndefined();
    expect(commitFileLinker({ GITHUB_REPOSITORY: 'acme/airflow', GITHUB_SHA: 'main' })).toBeUndefined();
    expect(commitFileLinker({ GITHUB_REPOSITORY: 'acme airflow', GITHUB_SHA: sha })).toBeUndefined();
  });
});
