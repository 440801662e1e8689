/**
 * One sticky comment per pull request: the comment whose body starts with a
 * marker of the tool is edited in place, or created when there is none, so a
 * pull request carries one up-to-date report instead of one per run. Uses
 * only the issue-comment endpoints ('pull-requests: write' covers them).
 */
import type { Repository } from './repository.ts';
import type { GitHubRest } from './rest.ts';

export type CommentResult = { id: number; url: string; operation: 'created' | 'updated' };

/** The fields of GitHub's issue-comment objects this module reads. */
type Comment = { id: number; html_url: string; body?: string };

const pageSize = 100;
/** A pull request with thousands of comments is not worth paging through forever. */
const maxPages = 20;

function issuePath(repository: Repository): string {
  return `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}/issues`;
}

export async function findMarkedComment(rest: GitHubRest, repository: Repository, issue: number, marker: string): Promise<Comment | undefined> {
  for (let page = 1; page <= maxPages; page++) {
    const comments = await rest.request<Comment[]>('GET', `${issuePath(repository)}/${issue}/comments`, {
      query: { per_page: pageSize, page },
      doing: `reading the comments of pull request #${issue}`,
    });
    const found = comments.find((comment) => comment.body?.startsWith(marker));
    if (found !== undefined || comments.length < pageSize) return found;
  }
  return undefined;
}

export async function upsertComment(rest: GitHubRest, repository: Repository, issue: number, marker: string, body: string): Promise<CommentResult> {
  const text = body.startsWith(marker) ? body : `${marker}\n${body}`;
  const existing = await findMarkedComment(rest, repository, issue, marker);
  if (existing !== undefined) {
    const updated = await rest.request<Comment>('PATCH', `${issuePath(repository)}/comments/${existing.id}`, { body: { body: text }, doing: `updating comment ${existing.id} on pull request #${issue}` });
    return { id: updated.id, url: updated.html_url, operation: 'updated' };
  }
  const created = await rest.request<Comment>('POST', `${issuePath(repository)}/${issue}/comments`, { body: { body: text }, doing: `commenting on pull request #${issue}` });
  return { id: created.id, url: created.html_url, operation: 'created' };
}
