/** deploy <env>: render, dry-run, apply in phases, prune, wait. Exit 0 when the environment is Ready. */
import type { CommandIO } from './io.ts';
import { maskedIO, reportingErrors } from '../secrets/masked-output.ts';
import { deployOptions, deploySettings, parseCommandArgs } from '../settings.ts';
import { deploy } from '../kube/deploy.ts';

export { deploy, DeployFailure, type DeployResult } from '../kube/deploy.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const masked = maskedIO(io);
  return reportingErrors('deploy', masked, async () => {
    const settings = deploySettings(parseCommandArgs(argv, deployOptions, 'deploy'), io.cwd, io.env);
    await deploy(settings, masked.mask, masked.out);
    return 0;
  });
}
