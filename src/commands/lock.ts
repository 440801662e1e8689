/**
 * lock [--check]: refreshes requirements.lock from requirements.txt, on top
 * of the base Airflow lock and for the Airflow version base/kustomization.yaml
 * pins, installs it into the import check's venv and writes the module map
 * beside it (see src/requirements). With --check it only reads the files and
 * fails when the lock or its map is stale, saying what changed.
 */
import type { CommandIO } from './io.ts';
import { parseCommandArgs } from './argv.ts';
import { CommandFailure, UsageError } from '../errors.ts';
import { findEngineRoot } from '../scaffold/engine.ts';
import { currentInputs, lockPaths, lockStaleness, refreshLock, staleMessage } from '../requirements/index.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(argv, { check: { type: 'boolean' } }, 'lock');
  if (parsed.positionals.length > 0) throw new UsageError('usage: airflow-gitops lock [--check]');
  const paths = lockPaths(io.cwd, findEngineRoot());
  if (parsed.values.check === true) {
    const reasons = lockStaleness(paths);
    if (reasons.length > 0) throw new CommandFailure(staleMessage(paths, reasons));
    io.stdout(`${paths.names.lock} is current (${paths.names.requirements}, apache-airflow ${currentInputs(paths).airflow}, ${paths.names.baseLock})\n`);
    return 0;
  }
  const inputs = currentInputs(paths);
  const refreshed = await refreshLock(paths, inputs, { env: io.env, log: (line) => io.stderr(`${line}\n`) });
  io.stdout(`${paths.names.lock}: apache-airflow ${inputs.airflow} and ${refreshed.packages} packages, ${inputs.requirements.length} from ${paths.names.requirements}; ` +
    `${paths.names.moduleMap}: ${refreshed.modules} modules\n`);
  return 0;
}
