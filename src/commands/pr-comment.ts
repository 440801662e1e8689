/**
 * pr-comment --results DIR: builds the sticky comment of the pull-request
 * checks from the results the check jobs wrote (checks/results.ts) and
 * creates it on the pull request, or edits the one an earlier run left.
 * The pull request's number and commit come from the event of the run
 * (GITHUB_EVENT_PATH) unless given; the token from GITHUB_TOKEN.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandIO } from './io.ts';
import { flagText, parseCommandArgs } from './argv.ts';
import { UsageError } from '../errors.ts';
import { readResults } from '../checks/results.ts';
import { checksComment, checksMarker } from '../checks/comment.ts';
import { resolveRepository } from '../github/repository.ts';
import { GitHubClient } from '../github/client.ts';
import { upsertComment } from '../github/issue-comments.ts';

type PullRequestEvent = { pull_request?: { number?: number; head?: { sha?: string } } };

function eventOf(env: NodeJS.ProcessEnv): PullRequestEvent {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as PullRequestEvent;
  } catch (error) {
    throw new UsageError(`GITHUB_EVENT_PATH ${env.GITHUB_EVENT_PATH}: ${(error as Error).message}`);
  }
}

function pullRequestNumber(flag: string | undefined, event: PullRequestEvent): number {
  const value = flag ?? (event.pull_request?.number === undefined ? undefined : String(event.pull_request.number));
  if (value === undefined) throw new UsageError('pr-comment: --pull-request <number> is required outside a pull_request run');
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new UsageError(`pr-comment: --pull-request ${JSON.stringify(value)} is not a pull request number`);
  return Number(value);
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(argv, { results: { type: 'string' }, 'pull-request': { type: 'string' }, output: { type: 'string' }, 'no-post': { type: 'boolean' }, 'dags-directory': { type: 'string' } }, 'pr-comment');
  const folder = flagText(parsed.values, 'results');
  if (folder === undefined) throw new UsageError('pr-comment: --results <folder> is required (the check jobs\' result files)');
  const event = eventOf(io.env);
  const results = readResults(resolve(io.cwd, folder));
  const dagsDirectory = flagText(parsed.values, 'dags-directory') ?? 'dags';
  const body = checksComment({ ...results, commit: event.pull_request?.head?.sha ?? io.env.GITHUB_SHA, runUrl: runUrl(io.env), dagsDirectory });
  const output = flagText(parsed.values, 'output');
  if (output !== undefined) writeFileSync(resolve(io.cwd, output), body);
  if (parsed.values['no-post'] === true) {
    io.stdout(body);
    return 0;
  }
  const number = pullRequestNumber(flagText(parsed.values, 'pull-request'), event);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token) throw new UsageError('pr-comment: set GITHUB_TOKEN (pull-requests: write) to comment, or pass --no-post');
  const repository = resolveRepository(io.env, undefined);
  const client = new GitHubClient({ apiUrl: repository.apiUrl, token, log: (line) => io.stderr(`${line}\n`) });
  const comment = await upsertComment(client, repository, number, checksMarker, body);
  io.stdout(`comment ${comment.operation} on pull request #${number}: ${comment.url}\n`);
  return 0;
}
