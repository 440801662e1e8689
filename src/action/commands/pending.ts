/**
 * command: pending. Which of the given environments the checked-out commit
 * must deploy, decided from each one's last successful deployment on GitHub
 * (see promotion/pending.ts); the `environments` output is a JSON array that
 * a workflow reads with fromJSON. GitHub records each deployment under the
 * GitHub environment the job ran in, which environments.yaml may name
 * differently from the overlay (`github-environment`).
 */
import { UsageError } from '../../errors.ts';
import { GitHubClient } from '../../github/client.ts';
import { lastSuccessfulDeployment } from '../../github/deployments.ts';
import { resolveRepository } from '../../github/repository.ts';
import { readEnvironments } from '../../overlays/environments-file.ts';
import { Git } from '../../git/git.ts';
import { pendingDeploys } from '../../promotion/pending.ts';
import type { PendingSettings } from '../settings.ts';
import type { ActionContext, ActionOutcome } from '../context.ts';
import { table } from '../summary.ts';

export async function pendingAction(settings: PendingSettings, context: ActionContext): Promise<ActionOutcome> {
  if (settings.token === undefined) throw new UsageError("input 'token' is required for command 'pending': it reads the repository's deployments (permission deployments: read)");
  const git = new Git(settings.workingDirectory, context.env);
  const repository = resolveRepository(context.env, await git.remoteUrl('origin'));
  const github = new GitHubClient({ apiUrl: repository.apiUrl, token: settings.token, log: context.log });
  const githubEnvironments = new Map(readEnvironments(settings.workingDirectory).map((e) => [e.name, e.githubEnvironment]));
  const decisions = await pendingDeploys({
    repoRoot: settings.workingDirectory,
    environments: settings.environments,
    head: 'HEAD',
    lastDeployed: async (environment) => (await lastSuccessfulDeployment(github, repository, githubEnvironments.get(environment) ?? environment))?.sha,
    env: context.env,
  });
  for (const d of decisions) context.log(`${d.environment}: ${d.deploy ? 'deploy' : 'up to date'}: ${d.reason}`);
  const pending = decisions.filter((d) => d.deploy).map((d) => d.environment);
  return {
    outputs: { environments: JSON.stringify(pending) },
    summary: `## Pending deploys\n\n${table(['environment', 'deploy', 'why'], decisions.map((d) => [d.environment, d.deploy ? 'yes' : 'no', d.reason]))}\n`,
  };
}
