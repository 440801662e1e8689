/** command: promote. The same promotion as the CLI's, with the pull request's number and URL as outputs. */
import { promote } from '../../promotion/promote.ts';
import type { PromoteSettings } from '../settings.ts';
import type { ActionContext, ActionOutcome } from '../context.ts';
import { table } from '../summary.ts';

export async function promoteAction(settings: PromoteSettings, context: ActionContext): Promise<ActionOutcome> {
  const result = await promote({
    repoRoot: settings.workingDirectory,
    from: settings.from,
    to: settings.to,
    allowAnyOrder: settings.allowAnyOrder,
    push: true,
    pullRequest: settings.pullRequest,
    remote: 'origin',
    base: settings.base,
    labels: settings.labels,
    draft: settings.draft,
    token: settings.token,
    env: context.env,
    log: context.log,
  });
  context.log(result.message);
  const pr = result.pullRequest;
  const rows = [[result.from, result.to, result.previous, result.ref, pr ? `[#${pr.number}](${pr.url}) ${pr.operation}` : '-']];
  return {
    outputs: {
      ref: result.ref,
      'previous-ref': result.previous,
      changed: result.changed,
      branch: result.branch,
      ...(result.commit === undefined ? {} : { commit: result.commit }),
      ...(pr === undefined ? {} : { 'pull-request-number': pr.number, 'pull-request-url': pr.url, 'pull-request-operation': pr.operation }),
    },
    summary: `## Promotion ${result.from} → ${result.to}\n\n${table(['from', 'to', `${result.to} now`, 'promoted ref', 'pull request'], rows)}\n\n${result.message}\n`,
  };
}
