/**
 * command: bump. Pins an environment's git-sync ref, after checking that the
 * commit exists in the repository; with `commit: true` the one-line change is
 * also committed to the checked-out branch, so the pin lives in git (where
 * promotion reads it) and not only in this run: through the GitHub API when
 * a token is given (GitHub signs the commit), else with git push. When the
 * branch refuses it (protected, a ruleset requiring pull requests), the pin
 * goes to a pull request instead (see promotion/pin.ts).
 */
import { relative, sep } from 'node:path';
import { bump, checkedRef, type BumpOptions } from '../../commands/bump.ts';
import { UsageError } from '../../errors.ts';
import type { BumpSettings } from '../settings.ts';
import type { ActionContext, ActionOutcome } from '../context.ts';
import { Git } from '../../git/git.ts';
import { GitHubClient } from '../../github/client.ts';
import { resolveRepository } from '../../github/repository.ts';
import { publishPin, type GitHubTarget, type PinOutcome } from '../../promotion/pin.ts';
import { pinBody, pinTitle } from '../../promotion/pin-text.ts';
import { table } from '../summary.ts';

async function branchOf(git: Git, env: NodeJS.ProcessEnv): Promise<string> {
  const branch = (await git.currentBranch()) ?? (env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined);
  if (branch === undefined) throw new UsageError("input 'commit': HEAD is detached and the run is not for a branch, so there is no branch to commit the pin to");
  return branch;
}

async function gitHubTarget(git: Git, settings: BumpSettings, context: ActionContext): Promise<GitHubTarget | undefined> {
  if (settings.token === undefined) return undefined;
  const repository = resolveRepository(context.env, await git.remoteUrl('origin'));
  return { client: new GitHubClient({ apiUrl: repository.apiUrl, token: settings.token, log: context.log }), repository, commits: true };
}

function describePin(outcome: PinOutcome, branch: string, throughApi: boolean): string {
  if (outcome.operation === 'committed') return `${throughApi ? 'committed' : 'pushed'} ${outcome.commit} to ${branch}`;
  if (outcome.operation === 'unchanged') return `${branch} already pins it (${outcome.commit})`;
  return `pull request #${outcome.pullRequest?.number} ${outcome.pullRequest?.operation} (${branch} refused the commit)`;
}

async function commitPin(settings: BumpSettings, context: ActionContext, file: string, ref: string) {
  const git = new Git(settings.workingDirectory, context.env);
  const path = relative(await git.topLevel(), file).split(sep).join('/');
  const branch = await branchOf(git, context.env);
  const facts = { environment: settings.environment, ref, file: path };
  // [skip ci]: a push made with an App or personal token would otherwise start this workflow again.
  const message = `Pin ${settings.environment} to ${ref.slice(0, 12)}\n\n${path}: GITSYNC_REF=${ref}\n\n[skip ci]\n`;
  let target: Promise<GitHubTarget | undefined> | undefined;
  const outcome = await publishPin(git, {
    remote: 'origin',
    base: branch,
    path,
    environment: settings.environment,
    ref,
    mode: 'commit',
    parent: await git.revParse('HEAD'),
    github: () => (target ??= gitHubTarget(git, settings, context)),
    text: { title: pinTitle(facts), message, body: (refused) => pinBody({ ...facts, refused }) },
    labels: [],
    log: context.log,
  });
  return { outcome, pushed: describePin(outcome, branch, settings.token !== undefined) };
}

export async function bumpAction(settings: BumpSettings, context: ActionContext): Promise<ActionOutcome> {
  const options: BumpOptions = {
    repoRoot: settings.workingDirectory,
    environment: settings.environment,
    ref: settings.ref,
    allowRefName: settings.allowRefName,
    wording: { ref: "input 'ref'", allowRefName: "set input 'allow-ref-name' to true to pin a branch or tag instead" },
  };
  await checkedRef(options, context.env);
  const result = bump(options);
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
