/**
 * destroy <env>: removes what the environment applied. Without --yes it only
 * lists what it would delete and keep (exit 0); with --yes it deletes. Secrets
 * and PVCs are kept unless --delete-secrets / --delete-pvcs.
 */
import type { CommandIO } from './io.ts';
import { maskedIO, reportingErrors } from './masked-output.ts';
import { engineFlags, engineOptionsFrom, parseCommandArgs } from './argv.ts';
import { engineSettings } from './settings.ts';
import { destroy, type DestroyResult } from '../deploy/destroy.ts';

export { destroy, type DestroyResult };

const flags = { ...engineFlags, yes: { type: 'boolean' as const }, 'delete-secrets': { type: 'boolean' as const }, 'delete-pvcs': { type: 'boolean' as const } };

function report(result: DestroyResult, out: (line: string) => void): void {
  if (!result.confirmed) {
    out(`dry run: destroying ${result.environment} (namespace ${result.namespace}) would delete ${result.deleted.length} object(s):`);
    for (const name of result.deleted) out(`  - delete    ${name}`);
  } else out(`destroyed ${result.environment}: ${result.deleted.length} object(s) deleted`);
  for (const line of result.kept) out(`  . keep      ${line}`);
  if (result.howToRemove.length > 0) {
    out('to remove what was kept:');
    for (const line of result.howToRemove) out(`  ${line}`);
  }
  if (!result.confirmed) out('nothing was deleted: rerun with --yes to delete');
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const masked = maskedIO(io);
  return reportingErrors('destroy', masked, async () => {
    const parsed = parseCommandArgs(argv, flags, 'destroy');
    const flag = (name: string) => parsed.values[name] === true;
    const settings = { ...engineSettings(engineOptionsFrom(parsed, 'destroy'), io), confirm: flag('yes'), deleteSecrets: flag('delete-secrets'), deletePvcs: flag('delete-pvcs') };
    report(await destroy(settings, masked.out), masked.out);
    return 0;
  });
}
