/**
 * upgrade [--version vX.Y.Z] [--from <engine checkout>] [--pull-request]:
 * moves a repository made by `init` to the engine that runs this command
 * (or the checkout given with --from): vendored template, workflow
 * references, manifest (see scaffold/upgrade.ts). Without --pull-request the
 * files change in place; with it, they go to a pull request instead.
 */
import { resolve } from 'node:path';
import type { CommandIO } from './io.ts';
import { flagText, parseCommandArgs } from './argv.ts';
import { UsageError } from '../errors.ts';
import { checkEngineRoot, engineVersion, findEngineRoot } from '../scaffold/engine.ts';
import { checkVersion } from '../scaffold/manifest.ts';
import { applyUpgrade, planUpgrade } from '../scaffold/upgrade.ts';
import { openUpgradePullRequest } from '../scaffold/upgrade-pull-request.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    { version: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean' }, 'pull-request': { type: 'boolean' }, base: { type: 'string' } },
    'upgrade',
  );
  if (parsed.positionals.length > 0) throw new UsageError('usage: airflow-gitops upgrade [--version vX.Y.Z] [--from <engine checkout>] [--pull-request] [--force]');
  const from = flagText(parsed.values, 'from');
  const engineRoot = from === undefined ? findEngineRoot() : checkEngineRoot(resolve(io.cwd, from), '--from');
  const version = checkVersion(flagText(parsed.values, 'version') ?? engineVersion(engineRoot), '--version');
  const plan = planUpgrade(io.cwd, engineRoot, version, parsed.values.force === true);
  const changed = plan.write.size + plan.remove.length;
  if (plan.from === plan.to && changed <= 1) {
    io.stdout(`already at ${plan.engine} ${plan.to}: nothing to upgrade\n`);
    return 0;
  }
  if (parsed.values['pull-request'] === true) {
    const pr = await openUpgradePullRequest(plan, { repoRoot: io.cwd, base: flagText(parsed.values, 'base'), token: io.env.GITHUB_TOKEN || io.env.GH_TOKEN, env: io.env, log: (line) => io.stderr(`${line}\n`) });
    io.stdout(`pull request #${pr.number} ${pr.operation}: ${pr.url}\n`);
    return 0;
  }
  applyUpgrade(io.cwd, plan);
  io.stdout(`upgraded ${plan.engine} ${plan.from} -> ${plan.to}: ${plan.write.size} file(s) written, ${plan.remove.length} removed\n`);
  return 0;
}
