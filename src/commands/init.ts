/** init <dir>: a new repository of a team's own (see scaffold/init.ts). */
import { resolve } from 'node:path';
import type { CommandIO } from './io.ts';
import { flagText, parseCommandArgs } from './argv.ts';
import { UsageError } from '../errors.ts';
import { engineVersion, findEngineRoot } from '../scaffold/engine.ts';
import { checkEngineName, checkVersion } from '../scaffold/manifest.ts';
import { planInit, writeInit } from '../scaffold/init.ts';

const usage = 'usage: airflow-gitops init <dir> [--engine owner/airflow-gitops] [--version vX.Y.Z] [--environments dev,staging,prod]';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(argv, { engine: { type: 'string' }, version: { type: 'string' }, environments: { type: 'string' } }, 'init');
  if (parsed.positionals.length !== 1) throw new UsageError(usage);
  const engineRoot = findEngineRoot();
  const target = resolve(io.cwd, parsed.positionals[0] as string);
  // OWNER stays until the forker names the repository that publishes their releases.
  const engine = checkEngineName(flagText(parsed.values, 'engine') ?? 'OWNER/airflow-gitops', '--engine');
  const version = checkVersion(flagText(parsed.values, 'version') ?? engineVersion(engineRoot), '--version');
  const environments = flagText(parsed.values, 'environments')?.split(',').map((e) => e.trim()).filter((e) => e.length > 0);
  const plan = planInit({ engineRoot, target, engine, version, environments });
  writeInit(target, plan);
  io.stdout(`wrote ${plan.files.size} files to ${target} (${engine}@${version})\nnext: edit overlays/<env>/environment.yaml, then git init, commit and push\n`);
  return 0;
}
