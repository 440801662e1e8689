/**
 * "Create, else update" for the one pull request that carries a branch: find
 * the open pull request whose head is the branch, update its title, body and
 * base, or open a new one; then add the labels. Only the REST endpoints below
 * are used, so a token needs no more than 'pull-requests: write' (which
 * covers the labels too) and 'contents: write' for the branch.
 */
import type { Repository } from './repository.ts';
import { GitHubApiError, type GitHubRest } from './rest.ts';

export type PullRequestSpec = { head: string; base: string; title: string; body: string; labels: string[]; draft: boolean };
export type PullRequestResult = { number: number; url: string; operation: 'created' | 'updated' };

/** The fields of GitHub's pull-request objects this module reads. */
type Pull = { number: number; html_url: string; head: { ref: string; repo: { full_name: string } | null }; base: { ref: string } };

function repoPath(repository: Repository): string {
  return `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}`;
}

export async function findOpenPullRequest(rest: GitHubRest, repository: Repository, head: string): Promise<Pull | undefined> {
  const pulls = await rest.request<Pull[]>('GET', `${repoPath(repository)}/pulls`, {
    query: { state: 'open', head: `${repository.owner}:${head}`, per_page: 100 },
    doing: `looking for an open pull request from ${head}`,
  });
  const fullName = `${repository.owner}/${repository.name}`.toLowerCase();
  return pulls.find((pull) => pull.head.ref === head && pull.head.repo?.full_name.toLowerCase() === fullName);
}

async function update(rest: GitHubRest, repository: Repository, pull: Pull, spec: PullRequestSpec): Promise<Pull> {
  return rest.request<Pull>('PATCH', `${repoPath(repository)}/pulls/${pull.number}`, {
    body: { title: spec.title, body: spec.body, ...(pull.base.ref === spec.base ? {} : { base: spec.base }) },
    doing: `updating pull request #${pull.number}`,
  });
}

async function create(rest: GitHubRest, repository: Repository, spec: PullRequestSpec): Promise<Pull> {
  return rest.request<Pull>('POST', `${repoPath(repository)}/pulls`, {
    body: { title: spec.title, head: spec.head, base: spec.base, body: spec.body, draft: spec.draft, maintainer_can_modify: false },
    doing: `opening a pull request from ${spec.head} into ${spec.base}`,
  });
}

export async function createOrUpdatePullRequest(rest: GitHubRest, repository: Repository, spec: PullRequestSpec): Promise<PullRequestResult> {
  let operation: PullRequestResult['operation'] = 'updated';
  let pull = await findOpenPullRequest(rest, repository, spec.head);
  if (pull !== undefined) {
    pull = await update(rest, repository, pull, spec);
  } else {
    try {
      pull = await create(rest, repository, spec);
      operation = 'created';
    } catch (error) {
      // Another run opened it between the lookup and now: update that one instead.
      if (!(error instanceof GitHubApiError && error.status === 422 && /already exists/i.test(error.message))) throw error;
      const existing = await findOpenPullRequest(rest, repository, spec.head);
      if (existing === undefined) throw error;
      pull = await update(rest, repository, existing, spec);
    }
  }
  if (spec.labels.length > 0) {
    await rest.request('POST', `${repoPath(repository)}/issues/${pull.number}/labels`, {
      body: { labels: spec.labels },
      doing: `adding labels ${spec.labels.join(', ')} to pull request #${pull.number}`,
    });
  }
  return { number: pull.number, url: pull.html_url, operation };
}
