/** command: promote. The same promotion as the CLI's, with the pull request's number and URL as outputs. */
import { promote, type PromotionWording } from '../../promotion/promote.ts';
import type { PromoteSettings } from '../settings.ts';
import type { ActionContext, ActionOutcome } from '../context.ts';
import { table } from '../summary.ts';

/** Advice in the action's words: its inputs, never the CLI's flags. */
export const actionWording: PromotionWording = {
  allowAnyOrder: "set input 'allow-any-order' to true if it is meant",
  noPush: "the action always pushes",
  noPullRequest: "set input 'pull-request' to false",
  noPullRequestAsked: "input 'pull-request' is false",
  token: "set input 'token' (it defaults to the workflow's token)",
  base: "set input 'base' to the branch the pull request merges into",
};

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
    wording: actionWording,
    // With a token the commit is made by GitHub (signed); without one it is pushed with git.
    commitThroughApi: settings.token !== undefined,
  });
  context.log(result.message);
  const pr = result.pullRequest;
  const rows = [[result.from, result.to, result.previous, result.ref, result.image ?? 'the base image', pr ? `[#${pr.number}](${pr.url}) ${pr.operation}` : '-']];
  return {
    outputs: {
      ref: result.ref,
      'previous-ref': result.previous,
      ...(result.image === undefined ? {} : { image: result.image }),
      changed: result.changed,
      branch: result.branch,
      ...(result.commit === undefined ? {} : { commit: result.commit }),
      ...(pr === undefined ? {} : { 'pull-request-number': pr.number, 'pull-request-url': pr.url, 'pull-request-operation': pr.operation }),
    },
    summary: `## Promotion ${result.from} → ${result.to}\n\n${table(['from', 'to', `${result.to} now`, 'promoted ref', 'promoted image', 'pull request'], rows)}\n\n${result.message}\n`,
  };
}
