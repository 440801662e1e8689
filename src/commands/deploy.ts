/** deploy <env>: render, dry-run, apply in phases, prune, wait. Exit 0 when the environment is Ready. */
import type { CommandIO } from './io.ts';
import { maskedIO, reportingErrors } from './masked-output.ts';
import { deployFlags, deployOptionsFrom, parseCommandArgs } from './argv.ts';
import { deploySettings } from './settings.ts';
import { kustomizeBuild } from '../kustomize/build.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const masked = maskedIO(io);
  return reportingErrors('deploy', masked, async () => {
    const settings = deploySettings(deployOptionsFrom(parseCommandArgs(argv, deployFlags, 'deploy'), 'deploy'), io);
    // kustomize renders while the engine loads (a separate process; loading takes as long as rendering).
    // Its failure is reported where the engine takes its output.
    const kustomizeOutput = settings.renderedFile === undefined ? kustomizeBuild(settings.overlayDir, settings.env) : undefined;
    kustomizeOutput?.catch(() => undefined);
    const { deploy } = await import('../deploy/deploy.ts');
    await deploy(settings, masked.mask, masked.out, kustomizeOutput);
    return 0;
  });
}
