/**
 * command: bump. Pins an environment's git-sync ref; with `commit: true` the
 * one-line change is also committed and pushed to the checked-out branch, so
 * the pin lives in git (where promotion reads it) and not only in this run.
 * When the branch refuses the push (protected, a ruleset requiring pull
 * requests), the pin goes to a pull request instead (see promotion/pin.ts).
 */
import { relative, sep } from 'node:path';
import { bump } from '../../commands/bump.ts';
import { UsageError } from '../../errors.ts';
import type { BumpSettings } from '../settings.ts';
import type { ActionContext, ActionOutcome } from '../context.ts';
import { Git } from '../../git/git.ts';
import { resolveRepository } from '../../github/repository.ts';
import { GitHubRest } from '../../github/rest.ts';
import { publishPin, type GitHubTarget, type PinOutcome } from '../../promotion/pin.ts';
import { pinBody, pinTitle } from '../../promotion/pin-text.ts';
import { table } from '../summary.ts';

async function branchOf(git: Git, env: NodeJS.ProcessEnv): Promise<string> {
  const branch = (await git.currentBranch()) ?? (env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined);
  if (branch === undefined) throw new UsageError("input 'commit': HEAD is detached and the run is not for a branch, so there is no branch to push the pin to");
  return branch;
}

async function fallbackTarget(git: Git, settings: BumpSettings, env: NodeJS.ProcessEnv): Promise<GitHubTarget | undefined> {
  if (settings.token === undefined) return undefined;
  const repository = resolveRepository(env, await git.remoteUrl('origin'));
  return { rest: new GitHubRest(repository.apiUrl, settings.token), repository };
}

function describePush(outcome: PinOutcome, branch: string): string {
  if (outcome.operation === 'committed') return `pushed ${outcome.commit} to ${branch}`;
  if (outcome.operation === 'unchanged') return `${branch} already pins it (${outcome.commit})`;
  return `pull request #${outcome.pullRequest?.number} ${outcome.pullRequest?.operation} (${branch} refused the push)`;
}

async function commitPin(settings: BumpSettings, context: ActionContext, file: string, ref: string) {
  const git = new Git(settings.workingDirectory, context.env);
  const path = relative(await git.topLevel(), file).split(sep).join('/');
  const branch = await branchOf(git, context.env);
  const facts = { environment: settings.environment, ref, file: path };
  // [skip ci]: a push made with an App or personal token would otherwise start this workflow again.
  const message = `Pin ${settings.environment} to ${ref.slice(0, 12)}\n\n${path}: GITSYNC_REF=${ref}\n\n[skip ci]\n`;
  const outcome = await publishPin(git, {
    remote: 'origin',
    base: branch,
    path,
    environment: settings.environment,
    ref,
    mode: 'commit',
    github: () => fallbackTarget(git, settings, context.env),
    text: { title: pinTitle(facts), message, body: (refused) => pinBody({ ...facts, refused }) },
    labels: [],
    log: context.log,
  });
  return { outcome, pushed: describePush(outcome, branch) };
}

export async function bumpAction(settings: BumpSettings, context: ActionContext): Promise<ActionOutcome> {
  const result = bump({ repoRoot: settings.workingDirectory, environment: settings.environment, ref: settings.ref, allowRefName: settings.allowRefName });
  const ref = result.ref.value;
  context.log(result.changed ? `${result.file}: GITSYNC_REF ${result.previous} -> ${ref}` : `${result.file}: GITSYNC_REF is already ${ref}`);
  const outcome: ActionOutcome = {
    outputs: { ref, 'previous-ref': result.previous, changed: result.changed },
    summary: '',
  };
  let pushed = 'not asked (commit: false)';
  if (settings.commit) {
    const pin = await commitPin(settings, context, result.file, ref);
    pushed = pin.pushed;
    const pr = pin.outcome.pullRequest;
    // Only a commit on the branch itself deploys now; a pull request deploys when merged.
    if (pin.outcome.operation !== 'pull-request') outcome.outputs.commit = pin.outcome.commit;
    outcome.outputs.changed = pin.outcome.operation !== 'unchanged';
    if (pr !== undefined) Object.assign(outcome.outputs, { 'pull-request-number': pr.number, 'pull-request-url': pr.url, 'pull-request-operation': pr.operation });
    context.log(pushed);
  }
  outcome.summary = [
    `## Pinned ref of ${settings.environment}`,
    '',
    table(['file', 'before', 'after', 'commit'], [[relative(settings.workingDirectory, result.file), result.previous, ref, pushed]]),
    '',
  ].join('\n');
  return outcome;
}
