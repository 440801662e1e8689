/** deploy <env>: render, dry-run, apply in phases, prune, wait. Exit 0 when the environment is Ready. */
import type { CommandIO } from './io.ts';
import { maskedIO, reportingErrors } from './masked-output.ts';
import { deployFlags, deployOptionsFrom, parseCommandArgs } from './argv.ts';
import { deploySettings } from './settings.ts';
import { deploy } from '../deploy/deploy.ts';

export { deploy, DeployFailure, type DeployResult } from '../deploy/deploy.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const masked = maskedIO(io);
  return reportingErrors('deploy', masked, async () => {
    const settings = deploySettings(deployOptionsFrom(parseCommandArgs(argv, deployFlags, 'deploy'), 'deploy'), io);
    await deploy(settings, masked.mask, masked.out);
    return 0;
  });
}
