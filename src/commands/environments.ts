/**
 * environments: what environments.yaml says, for the workflows. Prints JSON,
 * or with --github-output the lines a step appends to $GITHUB_OUTPUT:
 *   first       the environment that follows main (pinned and deployed on push)
 *   later       the others, in order
 *   changed     those of `later` whose overlay or the shared template changed
 *               since --changed-since (all of them when that commit is unknown)
 *   promotions  the promotion chain, [{"from","to"}]
 *   github      environment -> GitHub environment
 *   overlays    every overlay folder (rendered in CI)
 * --require <env> fails unless the environment is listed (a manual run's input).
 */
import type { CommandIO } from './io.ts';
import { parseCommandArgs, flagText } from './argv.ts';
import { UsageError } from '../errors.ts';
import { Git } from '../git/git.ts';
import { checkEnvironmentName, listEnvironments } from '../overlays/environments.ts';
import { promotionChain, readEnvironments, type EnvironmentEntry } from '../overlays/environments-file.ts';

const flags = { 'github-output': { type: 'boolean' as const }, 'changed-since': { type: 'string' as const }, require: { type: 'string' as const } };

/** Files changed between `since` and HEAD, or undefined when `since` is not a commit here (a first push). */
async function changedFiles(cwd: string, env: NodeJS.ProcessEnv, since: string): Promise<string[] | undefined> {
  if (!/^[0-9a-f]{7,40}$/i.test(since)) return undefined;
  const git = new Git(cwd, env);
  const known = await git.run(['cat-file', '-e', `${since}^{commit}`], { allowFailure: true });
  if (known.exitCode !== 0) return undefined;
  return (await git.text(['diff', '--name-only', since, 'HEAD'])).split('\n').filter((l) => l.length > 0);
}

function changedOf(later: EnvironmentEntry[], files: string[] | undefined): string[] {
  if (files === undefined) return later.map((e) => e.name);
  const shared = files.some((f) => f.startsWith('base/') || f.startsWith('components/'));
  return later.filter((e) => shared || files.some((f) => f.startsWith(`overlays/${e.name}/`))).map((e) => e.name);
}

export type EnvironmentsOutput = Record<'first' | 'later' | 'changed' | 'promotions' | 'github' | 'overlays', unknown>;

export async function environments(cwd: string, env: NodeJS.ProcessEnv, since: string | undefined): Promise<EnvironmentsOutput> {
  const entries = readEnvironments(cwd);
  const [first, ...later] = entries;
  if (first === undefined) throw new UsageError('no environments: add overlays/<env>/ and an entry in environments.yaml');
  const files = since === undefined ? undefined : await changedFiles(cwd, env, since);
  return {
    first: first.name,
    later: later.map((e) => e.name),
    changed: changedOf(later, files),
    promotions: promotionChain(entries),
    github: Object.fromEntries(entries.map((e) => [e.name, e.githubEnvironment])),
    overlays: listEnvironments(cwd),
  };
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(argv, flags, 'environments');
  if (parsed.positionals.length > 0) throw new UsageError('usage: airflow-gitops environments [--github-output] [--changed-since <commit>] [--require <env>]');
  const output = await environments(io.cwd, io.env, flagText(parsed.values, 'changed-since'));
  const required = flagText(parsed.values, 'require');
  if (required !== undefined) {
    const name = checkEnvironmentName(required);
    const listed = [output.first, ...(output.later as string[])];
    if (!listed.includes(name)) throw new UsageError(`environment '${name}' is not in environments.yaml (${listed.join(', ')})`);
  }
  if (parsed.values['github-output'] === true) {
    // Single-line JSON values: every name in them passed the checks of environments-file.ts.
    for (const [key, value] of Object.entries(output)) io.stdout(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
  } else io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
