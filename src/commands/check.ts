/**
 * check <env> --report FILE [--kubeconfig PATH]: what the pull-request checks
 * learn about one environment: the overlay renders (and into how many
 * objects), and, when a kubeconfig is given, what a deploy would create,
 * change and prune (a server-side dry-run; nothing is written to the
 * cluster). The result goes to a JSON file for the sticky comment
 * (checks/results.ts); a failure is recorded there too, and exits 1.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandIO } from './io.ts';
import { deployFlags, deployOptionsFrom, flagText, parseCommandArgs } from './argv.ts';
import { deploySettings } from './settings.ts';
import { maskedIO } from './masked-output.ts';
import { render } from './render.ts';
import { diff } from './diff.ts';
import { UsageError, describe } from '../errors.ts';
import type { EnvironmentResult } from '../checks/results.ts';
import type { SecretMask } from '../secrets/mask.ts';
import type { DeploySettings } from '../deploy/settings.ts';

async function checkEnvironment(settings: DeploySettings, mask: SecretMask): Promise<EnvironmentResult> {
  const result: EnvironmentResult = { environment: settings.environment };
  try {
    const rendered = await render(settings);
    Object.assign(result, { namespace: rendered.namespace, objects: rendered.objects });
  } catch (error) {
    return { ...result, error: `render: ${mask.mask(describe(error))}` };
  }
  if (settings.kubeconfig === undefined) return { ...result, diffSkipped: 'no kubeconfig for this environment' };
  try {
    result.diff = (await diff(settings, mask)).counts;
  } catch (error) {
    result.error = `diff: ${mask.mask(describe(error))}`;
  }
  return result;
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(argv, { ...deployFlags, report: { type: 'string' } }, 'check');
  const report = flagText(parsed.values, 'report');
  if (report === undefined) throw new UsageError('check: --report <file> is required (where the result goes)');
  const settings = deploySettings({ ...deployOptionsFrom(parsed, 'check'), wait: false }, io);
  const masked = maskedIO(io);
  const result = await checkEnvironment(settings, masked.mask);
  writeFileSync(resolve(io.cwd, report), `${JSON.stringify(result, null, 2)}\n`);
  if (result.error !== undefined) masked.err(`airflow-gitops check ${result.environment}: ${result.error}`);
  else masked.out(`${result.environment}: ${result.objects} objects${result.diff ? `; ${result.diff.create + result.diff.deferred} to create, ${result.diff.change + result.diff.recreate} to change, ${result.diff.prune} to prune` : ` (${result.diffSkipped})`}`);
  return result.error === undefined ? 0 : 1;
}
