/**
 * The upgrade as a pull request: the plan becomes one commit on top of the
 * checked-out commit, on the branch airflow-gitops/upgrade (pushed with a
 * lease), and the pull request is created or updated. The working tree is
 * left as it is.
 */
import { commitDate, commitTreeChange } from '../git/file-commit.ts';
import { pushWithLease } from '../git/branch-push.ts';
import { Git } from '../git/git.ts';
import { createOrUpdatePullRequest, type PullRequestResult } from '../github/pull-requests.ts';
import { resolveRepository } from '../github/repository.ts';
import { GitHubClient } from '../github/client.ts';
import { UsageError } from '../errors.ts';
import type { UpgradePlan } from './upgrade.ts';

export const upgradeBranch = 'airflow-gitops/upgrade';

export type UpgradePullRequestOptions = { repoRoot: string; base?: string; token?: string; env: NodeJS.ProcessEnv; log: (line: string) => void };

function title(plan: UpgradePlan): string {
  return `Upgrade airflow-gitops ${plan.from} to ${plan.to}`;
}

function body(plan: UpgradePlan, serverUrl: string): string {
  const files = [...plan.write.keys()].map((path) => `- \`${path}\``);
  const removed = plan.remove.map((path) => `- \`${path}\` (removed)`);
  return [
    '<!-- airflow-gitops:upgrade -->',
    `Moves this repository from [${plan.engine}](${serverUrl}/${plan.engine}) ${plan.from} to [${plan.to}](${serverUrl}/${plan.engine}/releases/tag/${plan.to}) ([what changed](${serverUrl}/${plan.engine}/compare/${plan.from}...${plan.to})): the vendored template, the workflows' references and \`.airflow-gitops.json\`.`,
    '',
    ...files,
    ...removed,
    '',
    'The checks of this pull request render every overlay with the new template. A later upgrade replaces this branch and this description.',
    '',
  ].join('\n');
}

export async function openUpgradePullRequest(plan: UpgradePlan, options: UpgradePullRequestOptions): Promise<PullRequestResult> {
  if (!options.token) throw new UsageError('upgrade --pull-request needs a token: set GITHUB_TOKEN (contents and pull-requests write)');
  const git = new Git(options.repoRoot, options.env);
  const base = options.base ?? (await git.currentBranch()) ?? options.env.GITHUB_REF_NAME;
  if (!base) throw new UsageError('upgrade --pull-request: HEAD is detached; pass --base <branch>');
  const repository = resolveRepository(options.env, await git.remoteUrl('origin'));
  const head = await git.revParse('HEAD');
  const write = new Map([...plan.write].map(([path, content]) => [path, content.toString('utf8')]));
  const message = `${title(plan)}\n\n${[...plan.write.keys(), ...plan.remove].length} files from ${plan.engine} ${plan.to}.\n`;
  const commit = await commitTreeChange(git, { parent: head, write, remove: plan.remove, message, date: await commitDate(git, head) });
  const push = await pushWithLease(git, 'origin', upgradeBranch, commit);
  options.log(push === 'pushed' ? `pushed ${upgradeBranch} (${commit.slice(0, 12)})` : `${upgradeBranch} already holds this upgrade`);
  return createOrUpdatePullRequest(new GitHubClient({ apiUrl: repository.apiUrl, token: options.token, log: options.log }), repository, {
    head: upgradeBranch,
    base,
    title: title(plan),
    body: body(plan, repository.serverUrl),
    labels: [],
    draft: false,
  });
}
