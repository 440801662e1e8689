/**
 * diff <env>: what a deploy would do, decided by the API server (server-side
 * dry-run). Exit codes: 0 nothing would change, 3 something would change,
 * 1 an object is refused (or the cluster is unreachable), 2 bad usage.
 */
import type { CommandIO } from './io.ts';
import { maskedIO, reportingErrors } from './masked-output.ts';
import { deployFlags, deployOptionsFrom, parseCommandArgs } from './argv.ts';
import { deploySettings } from './settings.ts';
import type { DeploySettings } from '../deploy/settings.ts';
import { CommandFailure } from '../errors.ts';
import { prepare } from '../deploy/prepare.ts';
import { countPlan, formatPlan, hasChanges, type PlanCounts } from '../deploy/plan-report.ts';
import type { SecretMask } from '../secrets/mask.ts';
import { describeObject } from '../objects.ts';

export const changesExitCode = 3;

export type DiffResult = {
  environment: string;
  namespace: string;
  counts: PlanCounts;
  changed: boolean;
  /** Per object: "create" | "change" | "recreate" | "unchanged" | "prune" | "keep". */
  objects: { object: string; action: string }[];
  lines: string[];
};

export async function diff(settings: DeploySettings, mask: SecretMask): Promise<DiffResult> {
  // A plan needs no secret values: one made without them (a pull request's job) names the Secrets they fill.
  const p = await prepare({ ...settings, secretValuesAtDeploy: true }, mask);
  try {
    if (p.plan.problems.length > 0) {
      throw new CommandFailure(`${p.plan.refusedBy ?? 'the API server'} refused ${p.plan.problems.length} object(s):\n${p.plan.problems.map((x) => `  ${x.message}`).join('\n')}`);
    }
    const counts = countPlan(p.plan, p.prune);
    const objects = [
      ...p.plan.items.map((i) => ({ object: describeObject(i.object), action: i.action })),
      ...p.plan.deferred.map((o) => ({ object: describeObject(o), action: 'create' })),
      ...p.prune.remove.map((m) => ({ object: describeObject(m.object), action: 'prune' })),
      ...p.prune.keep.map((k) => ({ object: describeObject(k.member.object), action: 'keep' })),
      ...p.secrets.atDeploy.map((name) => ({ object: `Secret ${p.rendered.inventory.namespace}/${name}`, action: 'supplied-at-deploy' })),
    ];
    const atDeploy = p.secrets.atDeploy.map((name) => `  ? secret    Secret ${p.rendered.inventory.namespace}/${name}: value supplied at deploy`);
    const lines = [`diff of ${settings.environment} (namespace ${p.rendered.inventory.namespace}) against ${p.client.server}:`, ...atDeploy, ...formatPlan(p.plan, p.prune)];
    return { environment: settings.environment, namespace: p.rendered.inventory.namespace, counts, changed: hasChanges(counts), objects, lines };
  } finally {
    p.client.close();
  }
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const masked = maskedIO(io);
  return reportingErrors('diff', masked, async () => {
    const settings = deploySettings(deployOptionsFrom(parseCommandArgs(argv, deployFlags, 'diff'), 'diff'), io);
    const result = await diff(settings, masked.mask);
    for (const line of result.lines) masked.out(line);
    return result.changed ? changesExitCode : 0;
  });
}
