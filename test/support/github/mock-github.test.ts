// The mock GitHub must hold requests and its own responses to GitHub's OpenAPI
// description, or the pull-request tests would prove nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockGitHub, type MockGitHub } from './mock-github.ts';
import { example, operation, responseSchema, validatorFor } from './openapi.ts';

const token = 'test-token-for-the-mock';
const headers = { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28', 'user-agent': 'test', 'content-type': 'application/json' };

let github: MockGitHub;
beforeAll(async () => {
  github = await startMockGitHub({ owner: 'acme', repo: 'airflow', token });
});
afterAll(() => github.close());

async function post(path: string, body: unknown, extra: Record<string, string> = {}) {
  const response = await fetch(`${github.url}${path}`, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { message?: string; errors?: { message?: string }[] } };
}

describe('mock GitHub', () => {
  it('creates a pull request from a body the description accepts, and its response fits the description', async () => {
    const created = await post('/repos/acme/airflow/pulls', { title: 'T', head: 'feature', base: 'main', body: 'B', draft: false });
    expect(created.status).toBe(201);
    const validate = validatorFor('check pull-request', responseSchema(operation('POST', '/repos/{owner}/{repo}/pulls'), 201));
    expect(validate(created.body)).toBe(true);
    expect(github.violations).toEqual([]);
  });

  it.each([
    ['a title of the wrong type', { title: 5, head: 'x', base: 'main' }, /title.*must be string/],
    ['a draft flag that is a string', { title: 'T', head: 'x', base: 'main', draft: 'yes' }, /draft.*must be boolean/],
    ['a field the description does not have', { title: 'T', head: 'x', base: 'main', reviewers: ['a'] }, /reviewers/],
  ])('refuses %s with 422 and records the violation', async (_what, body, detail) => {
    const before = github.violations.length;
    const refused = await post('/repos/acme/airflow/pulls', body);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('Validation Failed');
    expect(github.violations.slice(before).join('\n')).toMatch(detail);
  });

  it('holds issue comments to the description: a misspelt body field is refused, a good one answers with a comment that fits', async () => {
    github.addPull('feature-c', 'main', 'T');
    const number = github.pulls.at(-1)?.number as number;
    expect((await post(`/repos/acme/airflow/issues/${number}/comments`, { text: 'hello' })).status).toBe(422);
    expect(github.violations.at(-1)).toMatch(/body/);
    const created = await post(`/repos/acme/airflow/issues/${number}/comments`, { body: 'hello' });
    expect(created.status).toBe(201);
    const validate = validatorFor('check issue-comment', responseSchema(operation('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments'), 201));
    expect(validate(created.body)).toBe(true);
    github.violations.length = 0;
  });

  it('refuses query parameters that are not in the description or have a wrong value', async () => {
    const unknown = await fetch(`${github.url}/repos/acme/airflow/pulls?status=open`, { headers });
    expect(unknown.status).toBe(422);
    const badEnum = await fetch(`${github.url}/repos/acme/airflow/pulls?state=merged`, { headers });
    expect(badEnum.status).toBe(422);
    expect(github.violations.at(-1)).toMatch(/state.*allowed values/);
  });

  it('refuses a wrong token and missing GitHub headers', async () => {
    expect((await post('/repos/acme/airflow/pulls', { title: 'T', head: 'x', base: 'main' }, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post('/repos/acme/airflow/pulls', { title: 'T', head: 'x', base: 'main' }, { 'x-github-api-version': '2020-01-01' })).status).toBe(400);
  });

  it('checks a response against the schema: a pull request missing required fields does not fit', () => {
    const schema = responseSchema(operation('POST', '/repos/{owner}/{repo}/pulls'), 201);
    const validate = validatorFor('check pull-request negative', schema);
    const broken = example<Record<string, unknown>>('pull-request');
    delete broken.head;
    expect(validate(broken)).toBe(false);
  });
});

describe('mock GitHub: git database and deployments', () => {
  it.each([
    ['/repos/acme/airflow/git/trees', { base_tree: 'x' }, /tree/],
    ['/repos/acme/airflow/git/commits', { message: 'm', tree: 'x', parents: 'not-a-list' }, /parents/],
    ['/repos/acme/airflow/git/refs', { ref: 'refs/heads/x', sha: 'y', force: true }, /force/],
  ])('refuses a body the description refuses: POST %s', async (path, body, field) => {
    const answer = await post(path, body);
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toMatch(field);
    github.violations.length = 0;
  });
});
