/**
 * pin-remote <environment> --repository owner/name: pin a DAG repository's
 * commit in the platform (GitOps) repository (see promotion/pin-remote.ts).
 * The token comes from PLATFORM_TOKEN, else GITHUB_TOKEN / GH_TOKEN: it must
 * be allowed to push to the platform repository and open pull requests there.
 */
import type { CommandIO } from './io.ts';
import { UsageError } from '../errors.ts';
import { environmentArg, flagText, parseCommandArgs } from './argv.ts';
import { parseRepositoryName, resolveRepository } from '../github/repository.ts';
import { pinRemote } from '../promotion/pin-remote.ts';

const usage = 'usage: airflow-gitops pin-remote <environment> --repository <owner/name> [--ref <sha>] [--base main] [--commit] [--url <git url>] [--labels a,b]';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    { repository: { type: 'string' }, ref: { type: 'string' }, base: { type: 'string' }, commit: { type: 'boolean' }, url: { type: 'string' }, labels: { type: 'string' } },
    'pin-remote',
  );
  const environment = environmentArg(parsed.positionals, 'pin-remote');
  const text = (name: string) => flagText(parsed.values, name);
  const platform = text('repository');
  if (platform === undefined) throw new UsageError(`pin-remote: --repository <owner/name> (the platform repository) is required\n${usage}`);
  parseRepositoryName(platform, '--repository');
  const ref = text('ref') ?? io.env.GITHUB_SHA;
  if (ref === undefined) throw new UsageError(`pin-remote: --ref <commit> is required outside a workflow run (GITHUB_SHA is not set)\n${usage}`);
  const token = io.env.PLATFORM_TOKEN || io.env.GITHUB_TOKEN || io.env.GH_TOKEN || undefined;
  const result = await pinRemote({
    environment,
    ref,
    // The platform repository, not the one this run belongs to (GITHUB_REPOSITORY names the DAG repository).
    repository: resolveRepository({ ...io.env, GITHUB_REPOSITORY: platform }, undefined),
    url: text('url'),
    base: text('base') ?? 'main',
    mode: parsed.values.commit === true ? 'commit' : 'pull-request',
    token,
    source: io.env.GITHUB_REPOSITORY || undefined,
    labels: (text('labels') ?? '').split(',').map((l) => l.trim()).filter((l) => l.length > 0),
    env: io.env,
    log: (line) => io.stderr(`${line}\n`),
  });
  io.stdout(`${result.message}\n`);
  return 0;
}
