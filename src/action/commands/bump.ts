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
import { bump, checkedRef, type BumpOptions, type BumpResult, type ImageChange } from '../../commands/bump.ts';
import type { FileEdit } from '../../git/branch-push.ts';
import { parseImagePin, withImagePin } from '../../overlays/image-pin.ts';
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

/** The image pin as a second file of the same commit, when the bump moves the image too. */
function imageEdit(top: string, image: ImageChange | undefined): FileEdit[] {
  if (image === undefined) return [];
  const path = relative(top, image.file).split(sep).join('/');
  return [{ path, change: (content) => withImagePin(path, content, parseImagePin(image.pin, "input 'image'")) }];
}

async function commitPin(settings: BumpSettings, context: ActionContext, result: BumpResult, ref: string) {
  const git = new Git(settings.workingDirectory, context.env);
  const top = await git.topLevel();
  const path = relative(top, result.file).split(sep).join('/');
  const also = imageEdit(top, result.image);
  const branch = await branchOf(git, context.env);
  const facts = { environment: settings.environment, ref, file: path, image: result.image?.pin };
  const imageLine = also[0] === undefined ? '' : `${also[0].path}: image ${result.image?.pin ?? ''}\n`;
  // [skip ci]: a push made with an App or personal token would otherwise start this workflow again.
  const message = `Pin ${settings.environment} to ${ref.slice(0, 12)}\n\n${path}: GITSYNC_REF=${ref}\n${imageLine}\n[skip ci]\n`;
  let target: Promise<GitHubTarget | undefined> | undefined;
  const outcome = await publishPin(git, {
    remote: 'origin',
    base: branch,
    path,
    environment: settings.environment,
    ref,
    also,
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
    image: settings.image,
    allowRefName: settings.allowRefName,
    wording: { ref: "input 'ref'", allowRefName: "set input 'allow-ref-name' to true to pin a branch or tag instead", image: "input 'image'" },
  };
  await checkedRef(options, context.env);
  const result = bump(options);
  const ref = result.ref?.value ?? settings.ref;
  context.log(ref !== result.previous ? `${result.file}: GITSYNC_REF ${result.previous} -> ${ref}` : `${result.file}: GITSYNC_REF is already ${ref}`);
  if (result.image !== undefined) context.log(`${result.image.file}: image ${result.image.changed ? `${result.image.previous ?? '(the base image)'} -> ` : 'is already '}${result.image.pin}`);
  const outcome: ActionOutcome = {
    outputs: { ref, 'previous-ref': result.previous, changed: result.changed, ...(result.image === undefined ? {} : { image: result.image.pin }) },
    summary: '',
  };
  let pushed = 'not asked (commit: false)';
  if (settings.commit) {
    const pin = await commitPin(settings, context, result, ref);
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
    table(['file', 'before', 'after', 'commit'], [
      [relative(settings.workingDirectory, result.file), result.previous, ref, pushed],
      ...(result.image === undefined ? [] : [[relative(settings.workingDirectory, result.image.file), result.image.previous ?? '(the base image)', result.image.pin, pushed]]),
    ]),
    '',
  ].join('\n');
  return outcome;
}
