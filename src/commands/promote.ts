/** promote <from-env> <to-env>: the CLI's side of promotion (see promotion/promote.ts). */
import type { CommandIO } from './io.ts';
import { UsageError } from '../errors.ts';
import { parseCommandArgs } from './argv.ts';
import { promote } from '../promotion/promote.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      'allow-any-order': { type: 'boolean' },
      'no-push': { type: 'boolean' },
      'no-pull-request': { type: 'boolean' },
      remote: { type: 'string' },
      base: { type: 'string' },
      labels: { type: 'string' },
      draft: { type: 'boolean' },
    },
    'promote',
  );
  const [from, to, ...extra] = parsed.positionals;
  if (from === undefined || to === undefined || extra.length > 0) throw new UsageError('usage: airflow-gitops promote <from-environment> <to-environment> [options]');
  const text = (name: string) => (typeof parsed.values[name] === 'string' ? (parsed.values[name] as string) : undefined);
  const push = parsed.values['no-push'] !== true;
  const result = await promote({
    repoRoot: io.cwd,
    from,
    to,
    allowAnyOrder: parsed.values['allow-any-order'] === true,
    push,
    // Without a push there is no branch to open a pull request from.
    pullRequest: push && parsed.values['no-pull-request'] !== true,
    remote: text('remote') ?? 'origin',
    base: text('base'),
    labels: (text('labels') ?? '').split(',').map((l) => l.trim()).filter((l) => l.length > 0),
    draft: parsed.values.draft === true,
    token: io.env.GITHUB_TOKEN || io.env.GH_TOKEN || undefined,
    env: io.env,
    log: (line) => io.stderr(`${line}\n`),
  });
  io.stdout(`${result.message}\n`);
  return 0;
}
