/**
 * "Create, else update" for the one pull request that carries a branch: find
 * the open pull request whose head is the branch, update its title, body and
 * base, or open a new one; then add the labels. Only the REST endpoints below
 * are used (through Octokit, see client.ts), so a token needs no more than 'pull-requests: write' (which
 * covers the labels too) and 'contents: write' for the branch.
 */
import type { Repository } from './repository.ts';
import { GitHubApiError, type GitHubClient } from './client.ts';

export type PullRequestSpec = { head: string; base: string; title: string; body: string; labels: string[]; draft: boolean };
export type PullRequestResult = { number: number; url: string; operation: 'created' | 'updated' };

/** The fields of GitHub's pull-request objects this module reads. */
type Pull = { number: number; html_url: string; head: { ref: string; repo: { full_name: string } | null }; base: { ref: string } };

function repo(repository: Repository) {
  return { owner: repository.owner, repo: repository.name };
}

/** Every page: a repository may have more open pull requests than one page holds. */
export async function findOpenPullRequest(github: GitHubClient, repository: Repository, head: string): Promise<Pull | undefined> {
  const pulls: Pull[] = await github.call(`looking for an open pull request from ${head}`, (octokit) =>
    octokit.paginate(octokit.rest.pulls.list, { ...repo(repository), state: 'open', head: `${repository.owner}:${head}`, per_page: 100 }),
  );
  const fullName = `${repository.owner}/${repository.name}`.toLowerCase();
  return pulls.find((pull) => pull.head.ref === head && pull.head.repo?.full_name.toLowerCase() === fullName);
}

async function update(github: GitHubClient, repository: Repository, pull: Pull, spec: PullRequestSpec): Promise<Pull> {
  const change = { title: spec.title, body: spec.body, ...(pull.base.ref === spec.base ? {} : { base: spec.base }) };
  return github.call(`updating pull request #${pull.number}`, async (octokit) => (await octokit.rest.pulls.update({ ...repo(repository), pull_number: pull.number, ...change })).data);
}

async function create(github: GitHubClient, repository: Repository, spec: PullRequestSpec): Promise<Pull> {
  const fields = { title: spec.title, head: spec.head, base: spec.base, body: spec.body, draft: spec.draft, maintainer_can_modify: false };
  return github.call(`opening a pull request from ${spec.head} into ${spec.base}`, async (octokit) => (await octokit.rest.pulls.create({ ...repo(repository), ...fields })).data);
}

export async function createOrUpdatePullRequest(github: GitHubClient, repository: Repository, spec: PullRequestSpec): Promise<PullRequestResult> {
  let operation: PullRequestResult['operation'] = 'updated';
  let pull = await findOpenPullRequest(github, repository, spec.head);
  if (pull !== undefined) {
    pull = await update(github, repository, pull, spec);
  } else {
    try {
      pull = await create(github, repository, spec);
      operation = 'created';
    } catch (error) {
      // Another run opened it between the lookup and now: update that one instead.
      if (!(error instanceof GitHubApiError && error.status === 422 && /already exists/i.test(error.message))) throw error;
      const existing = await findOpenPullRequest(github, repository, spec.head);
      if (existing === undefined) throw error;
      pull = await update(github, repository, existing, spec);
    }
  }
  if (spec.labels.length > 0) {
    const number = pull.number;
    await github.call(`adding labels ${spec.labels.join(', ')} to pull request #${number}`, (octokit) =>
      octokit.rest.issues.addLabels({ ...repo(repository), issue_number: number, labels: spec.labels }),
    );
  }
  return { number: pull.number, url: pull.html_url, operation };
}
