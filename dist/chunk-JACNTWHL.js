import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  countPlan,
  formatPlan,
  hasChanges,
  prepare
} from "./chunk-J7OGU2WJ.js";
import {
  describeObject
} from "./chunk-PRALPFIX.js";
import {
  maskedIO,
  reportingErrors
} from "./chunk-KIJNM4UF.js";
import {
  deploySettings
} from "./chunk-LLYEG4VB.js";
import {
  deployFlags,
  deployOptionsFrom,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import {
  CommandFailure
} from "./chunk-VGK45RJW.js";

// src/commands/diff.ts
var changesExitCode = 3;
async function diff(settings, mask) {
  const p = await prepare({ ...settings, secretValuesAtDeploy: true }, mask);
  try {
    if (p.plan.problems.length > 0) {
      throw new CommandFailure(`${p.plan.refusedBy ?? "the API server"} refused ${p.plan.problems.length} object(s):
${p.plan.problems.map((x) => `  ${x.message}`).join("\n")}`);
    }
    const counts = countPlan(p.plan, p.prune);
    const objects = [
      ...p.plan.items.map((i) => ({ object: describeObject(i.object), action: i.action })),
      ...p.plan.deferred.map((o) => ({ object: describeObject(o), action: "create" })),
      ...p.prune.remove.map((m) => ({ object: describeObject(m.object), action: "prune" })),
      ...p.prune.keep.map((k) => ({ object: describeObject(k.member.object), action: "keep" })),
      ...p.secrets.atDeploy.map((name) => ({ object: `Secret ${p.rendered.inventory.namespace}/${name}`, action: "supplied-at-deploy" }))
    ];
    const atDeploy = p.secrets.atDeploy.map((name) => `  ? secret    Secret ${p.rendered.inventory.namespace}/${name}: value supplied at deploy`);
    const lines = [`diff of ${settings.environment} (namespace ${p.rendered.inventory.namespace}) against ${p.client.server}:`, ...atDeploy, ...formatPlan(p.plan, p.prune)];
    return { environment: settings.environment, namespace: p.rendered.inventory.namespace, counts, changed: hasChanges(counts), objects, lines };
  } finally {
    p.client.close();
  }
}
async function run(argv, io) {
  const masked = maskedIO(io);
  return reportingErrors("diff", masked, async () => {
    const settings = deploySettings(deployOptionsFrom(parseCommandArgs(argv, deployFlags, "diff"), "diff"), io);
    const result = await diff(settings, masked.mask);
    for (const line of result.lines) masked.out(line);
    return result.changed ? changesExitCode : 0;
  });
}

export {
  changesExitCode,
  diff,
  run
};
