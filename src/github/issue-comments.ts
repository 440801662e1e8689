/**
 * One sticky comment per pull request: the comment whose body starts with a
 * marker of the tool is edited in place, or created when there is none, so a
 * pull request carries one up-to-date report instead of one per run. Uses
 * only the issue-comment endpoints ('pull-requests: write' covers them).
 */
import type { Repository } from './repository.ts';
import type { GitHubClient } from './client.ts';

export type CommentResult = { id: number; url: string; operation: 'created' | 'updated' };

/** The fields of GitHub's issue-comment objects this module reads. */
type Comment = { id: number; html_url: string; body?: string };

function repo(repository: Repository) {
  return { owner: repository.owner, repo: repository.name };
}

/** Every page: a long discussion may push the comment past the first one. */
export async function findMarkedComment(github: GitHubClient, repository: Repository, issue: number, marker: string): Promise<Comment | undefined> {
  const comments: Comment[] = await github.call(`reading the comments of pull request #${issue}`, (octokit) =>
    octokit.paginate(octokit.rest.issues.listComments, { ...repo(repository), issue_number: issue, per_page: 100 }),
  );
  return comments.find((comment) => comment.body?.startsWith(marker));
}

export async function upsertComment(github: GitHubClient, repository: Repository, issue: number, marker: string, body: string): Promise<CommentResult> {
  const text = body.startsWith(marker) ? body : `${marker}\n${body}`;
  const existing = await findMarkedComment(github, repository, issue, marker);
  if (existing !== undefined) {
    const id = existing.id;
    const updated = await github.call(`updating comment ${id} on pull request #${issue}`, async (o) => (await o.rest.issues.updateComment({ ...repo(repository), comment_id: id, body: text })).data);
    return { id: updated.id, url: updated.html_url, operation: 'updated' };
  }
  const created = await github.call(`commenting on pull request #${issue}`, async (o) => (await o.rest.issues.createComment({ ...repo(repository), issue_number: issue, body: text })).data);
  return { id: created.id, url: created.html_url, operation: 'created' };
}
