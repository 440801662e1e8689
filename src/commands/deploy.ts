/** deploy <env>: render, dry-run, apply in phases, prune, wait. Exit 0 when the environment is Ready. */
import type { CommandIO } from './io.ts';
import { maskedIO, reportingErrors } from './masked-output.ts';
import { deployFlags, deployOptionsFrom, parseCommandArgs } from './argv.ts';
import { deploySettings } from './settings.ts';
import { kustomizeBuild } from '../kustomize/build.ts';
import type { DeploySettings } from '../deploy/settings.ts';
import type { Started } from '../deploy/open.ts';

/**
 * kustomize renders, then the client connects, while the engine loads: loading takes as long as
 * rendering and connecting. A failure of either is reported where the engine takes the result.
 */
async function openEarly(settings: DeploySettings): Promise<{ opening: Promise<Started> }> {
  const kustomizeOutput = settings.renderedFile === undefined ? kustomizeBuild(settings.overlayDir, settings.env) : undefined;
  kustomizeOutput?.catch(() => undefined);
  const { startEnvironment } = await import('../deploy/open.ts');
  const opening = startEnvironment(settings, kustomizeOutput);
  opening.catch(() => undefined);
  return { opening };
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const masked = maskedIO(io);
  return reportingErrors('deploy', masked, async () => {
    const settings = deploySettings(deployOptionsFrom(parseCommandArgs(argv, deployFlags, 'deploy'), 'deploy'), io);
    const { opening } = await openEarly(settings);
    const { deploy } = await import('../deploy/deploy.ts').catch(async (error: unknown) => {
      await opening.then((o) => o.client.close(), () => undefined);
      throw error;
    });
    await deploy(settings, masked.mask, masked.out, opening);
    return 0;
  });
}
