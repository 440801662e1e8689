/**
 * pin-remote: a DAG repository pins one of its commits in the platform
 * (GitOps) repository, which holds the overlays. The platform repository is
 * cloned (one branch, shallow) into a temporary folder; the environment's ref
 * file changes by one line, by pull request (default) or by a commit pushed
 * to its branch, which falls back to a pull request when refused. Every check
 * (names, the ref, the ref file's presence and shape) passes before anything
 * is pushed.
 */
import { cloneBranch } from '../git/clone.ts';
import { UsageError } from '../errors.ts';
import { checkEnvironmentName } from '../overlays/environments.ts';
import { parseGitRef, refNameProblem } from '../overlays/git-ref.ts';
import { pinnedRefIn } from '../overlays/ref-file-edit.ts';
import type { Repository } from '../github/repository.ts';
import { GitHubClient } from '../github/client.ts';
import { publishPin, type PinMode, type PinOutcome } from './pin.ts';
import { pinBody, pinCommitMessage, pinTitle, type PinFacts } from './pin-text.ts';

export type PinRemoteOptions = {
  environment: string;
  /** The DAG commit: a full 40-character SHA. */
  ref: string;
  /** The platform repository on GitHub (for the pull request). */
  repository: Repository;
  /** Its git URL (default: <server>/<owner>/<name>.git). */
  url?: string;
  base: string;
  mode: PinMode;
  token?: string;
  /** The DAG repository, owner/name, named in the pull request. */
  source?: string;
  labels: string[];
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
};

export type PinRemoteResult = PinOutcome & { environment: string; ref: string; previous: string; file: string; message: string };

function checked(options: PinRemoteOptions): { environment: string; ref: string; url: string } {
  const environment = checkEnvironmentName(options.environment);
  const ref = parseGitRef(options.ref, false, 'the DAG commit').value;
  const problem = refNameProblem(options.base);
  if (problem !== undefined) throw new UsageError(`base branch ${JSON.stringify(options.base)} is not a valid branch name: ${problem}`);
  if (options.token === undefined && options.mode === 'pull-request') throw new UsageError('a pull request in the platform repository needs a token (PLATFORM_TOKEN or GITHUB_TOKEN) that may write to it');
  const { serverUrl, owner, name } = options.repository;
  return { environment, ref, url: options.url ?? `${serverUrl}/${owner}/${name}.git` };
}

function describeOutcome(outcome: PinOutcome, facts: PinFacts, base: string, platform: string): string {
  if (outcome.operation === 'unchanged') return `${platform} ${base} already pins ${facts.environment} to ${facts.ref}: nothing to do`;
  if (outcome.operation === 'committed') return `pinned ${facts.environment} to ${facts.ref} in ${platform}: commit ${outcome.commit} on ${base}`;
  const pr = outcome.pullRequest;
  return `pull request #${pr?.number} ${pr?.operation} in ${platform}: ${pr?.url}`;
}

export async function pinRemote(options: PinRemoteOptions): Promise<PinRemoteResult> {
  const { environment, ref, url } = checked(options);
  const platform = `${options.repository.owner}/${options.repository.name}`;
  const file = `overlays/${environment}/git-sync-ref.env`;
  const clone = await cloneBranch({ url, branch: options.base, token: options.token, env: options.env });
  try {
    const current = await clone.git.show('HEAD', file).catch(() => {
      throw new UsageError(`${platform} has no ${file} on ${options.base}: is '${environment}' an environment of the platform repository?`);
    });
    const previous = pinnedRefIn(file, current);
    const facts: PinFacts = { environment, ref, file, source: options.source, serverUrl: options.repository.serverUrl };
    // The clone pushes the commits (git, with the token as a header); the API opens the pull request.
    const target = options.token === undefined ? undefined : { client: new GitHubClient({ apiUrl: options.repository.apiUrl, token: options.token, log: options.log }), repository: options.repository, commits: false };
    const github = () => Promise.resolve(target);
    const text = { title: pinTitle(facts), message: pinCommitMessage(facts), body: (refused?: string) => pinBody({ ...facts, refused }) };
    const outcome = await publishPin(clone.git, { remote: 'origin', base: options.base, path: file, environment, ref, mode: options.mode, github, text, labels: options.labels, log: options.log });
    return { ...outcome, environment, ref, previous, file, message: describeOutcome(outcome, facts, options.base, platform) };
  } finally {
    clone.remove();
  }
}
