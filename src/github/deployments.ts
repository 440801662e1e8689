/**
 * What an environment last deployed successfully, from GitHub's deployments:
 * a job that names an `environment:` gets a deployment of the run's commit,
 * whose latest status is `success` only when the job succeeded. A cancelled
 * or failed run leaves no success behind, so the next run still sees the
 * commit deployed before it.
 */
import type { GitHubClient } from './client.ts';
import type { Repository } from './repository.ts';

/** How many of an environment's newest deployments are looked at before concluding none succeeded. */
const deploymentsLooked = 200;

export type SuccessfulDeployment = { id: number; sha: string; createdAt: string };

export async function lastSuccessfulDeployment(github: GitHubClient, repository: Repository, environment: string): Promise<SuccessfulDeployment | undefined> {
  const at = { owner: repository.owner, repo: repository.name };
  return github.call(`reading the deployments of environment ${environment}`, async (octokit) => {
    let looked = 0;
    // Newest first, a page at a time: the answer is usually on the first page.
    for await (const page of octokit.paginate.iterator(octokit.rest.repos.listDeployments, { ...at, environment, per_page: 30 })) {
      for (const deployment of page.data) {
        if (++looked > deploymentsLooked) return undefined;
        const statuses = await octokit.rest.repos.listDeploymentStatuses({ ...at, deployment_id: deployment.id, per_page: 1 });
        if (statuses.data[0]?.state === 'success') return { id: deployment.id, sha: deployment.sha, createdAt: deployment.created_at };
      }
    }
    return undefined;
  });
}
