/**
 * command: bump. Pins an environment's git-sync ref, after checking that the
 * commit exists in the repository; with `commit: true` the one-line change is
 * also committed to the checked-out branch, so the pin lives in git (where
 * promotion reads it) and not only in this run: through the GitHub API when
 * a token is given (GitHub signs the commit), else with git push.
 */
import { relative, sep } from 'node:path';
import { bump, checkedRef, type BumpOptions } from '../../commands/bump.ts';
import { UsageError } from '../../errors.ts';
import type { BumpSettings } from '../settings.ts';
import { commitAndPush } from '../../git/branch-push.ts';
import type { ActionContext, ActionOutcome } from '../context.ts';
import { Git } from '../../git/git.ts';
import { commitToBranch } from '../../github/branch-commit.ts';
import { GitHubClient } from '../../github/client.ts';
import { resolveRepository } from '../../github/repository.ts';
import { withPinnedRef } from '../../overlays/ref-file-edit.ts';
import { table } from '../summary.ts';

async function branchOf(git: Git, env: NodeJS.ProcessEnv): Promise<string> {
  const branch = (await git.currentBranch()) ?? (env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined);
  if (branch === undefined) throw new UsageError("input 'commit': HEAD is detached and the run is not for a branch, so there is no branch to commit the pin to");
  return branch;
}

type Pin = { path: string; branch: string; message: string; ref: string };

async function commitPin(settings: BumpSettings, context: ActionContext, git: Git, pin: Pin): Promise<{ commit: string; pushed: boolean }> {
  const change = (content: string) => withPinnedRef(pin.path, content, pin.ref);
  if (settings.token === undefined) return commitAndPush(git, { remote: 'origin', branch: pin.branch, path: pin.path, message: pin.message, change });
  const repository = resolveRepository(context.env, await git.remoteUrl('origin'));
  const github = new GitHubClient({ apiUrl: repository.apiUrl, token: settings.token, log: context.log });
  return commitToBranch(github, repository, { branch: pin.branch, path: pin.path, message: pin.message, parent: await git.revParse('HEAD'), change });
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
    const git = new Git(settings.workingDirectory, context.env);
    const path = relative(await git.topLevel(), result.file).split(sep).join('/');
    const branch = await branchOf(git, context.env);
    // [skip ci]: a push made with an App or personal token would otherwise start this workflow again.
    const message = `Pin ${settings.environment} to ${ref.slice(0, 12)}\n\n${path}: GITSYNC_REF=${ref}\n\n[skip ci]\n`;
    const push = await commitPin(settings, context, git, { path, branch, message, ref });
    outcome.outputs.commit = push.commit;
    outcome.outputs.changed = push.pushed;
    pushed = push.pushed ? `${settings.token === undefined ? 'pushed' : 'committed'} ${push.commit} to ${branch}` : `${branch} already pins it (${push.commit})`;
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
