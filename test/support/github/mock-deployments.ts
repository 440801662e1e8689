/**
 * The deployments endpoints of the mock GitHub: list an environment's
 * deployments and a deployment's statuses, newest first, a page at a time
 * with GitHub's Link header. Deployments are added by the test, as a job with
 * `environment:` makes them on GitHub. What it does not do: create
 * deployments or statuses through the API, filter by task, or mark older
 * deployments inactive.
 */
import { example } from './openapi.ts';
import { MockRefusal, type Handler, type HandlerResult } from './mock-git-data.ts';

type Json = Record<string, unknown>;
export type DeploymentState = 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';
export type StoredDeployment = { id: number; environment: string; sha: string; ref: string; createdAt: string; states: DeploymentState[] };

/** One page of `items` and the Link header that points to the next and last pages, as GitHub paginates. */
export function paged(items: unknown[], query: Record<string, string>, selfUrl: string): HandlerResult {
  const perPage = Math.min(Number(query.per_page ?? 30), 100);
  const page = Number(query.page ?? 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const url = new URL(selfUrl);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

export function deploymentHandlers(deployments: StoredDeployment[], api: () => string, fullName: string): Record<string, Handler> {
  const repoUrl = () => `${api()}/repos/${fullName}`;
  const deploymentObject = (d: StoredDeployment): Json => ({
    ...example<Json>('deployment'),
    url: `${repoUrl()}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: 'deploy',
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: null,
    created_at: d.createdAt,
    updated_at: d.createdAt,
    statuses_url: `${repoUrl()}/deployments/${d.id}/statuses`,
    repository_url: repoUrl(),
  });
  const statusObject = (d: StoredDeployment, state: DeploymentState, index: number): Json => ({
    ...(example<Json[]>('deployment-status-items')[0] as Json),
    url: `${repoUrl()}/deployments/${d.id}/statuses/${index + 1}`,
    id: d.id * 100 + index + 1,
    node_id: `DES_${d.id}_${index + 1}`,
    state,
    description: '',
    environment: d.environment,
    target_url: `https://github.com/${fullName}/actions/runs/${d.id}`,
    log_url: `https://github.com/${fullName}/actions/runs/${d.id}`,
    environment_url: `https://airflow-${d.environment}.example.com`,
    created_at: d.createdAt,
    updated_at: d.createdAt,
    deployment_url: `${repoUrl()}/deployments/${d.id}`,
    repository_url: repoUrl(),
  });
  return {
    'GET /repos/{owner}/{repo}/deployments': ({ query }) => {
      const found = deployments
        .filter((d) => (query.environment === undefined || d.environment === query.environment) && (query.sha === undefined || d.sha === query.sha) && (query.ref === undefined || d.ref === query.ref))
        .sort((a, b) => b.id - a.id)
        .map(deploymentObject);
      const self = new URL(`${repoUrl()}/deployments`);
      for (const [name, value] of Object.entries(query)) if (name !== 'page') self.searchParams.set(name, value);
      return paged(found, query, self.toString());
    },
    'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses': ({ path, query }) => {
      const deployment = deployments.find((d) => d.id === Number(path.deployment_id));
      if (deployment === undefined) throw new MockRefusal(404, 'Not Found');
      // GitHub lists the newest status first.
      const statuses = deployment.states.map((state, i) => statusObject(deployment, state, i)).reverse();
      return paged(statuses, query, `${repoUrl()}/deployments/${deployment.id}/statuses`);
    },
  };
}
