import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  checkEnvironmentName
} from "./chunk-C6Q5PNHF.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";

// src/commands/argv.ts
import { parseArgs } from "node:util";
var engineFlags = {
  overlay: { type: "string" },
  namespace: { type: "string" },
  kubeconfig: { type: "string" },
  context: { type: "string" },
  commit: { type: "string" },
  "run-url": { type: "string" },
  "field-manager": { type: "string" }
};
var deployFlags = {
  ...engineFlags,
  "force-conflicts": { type: "boolean" },
  "recreate-statefulsets": { type: "boolean" },
  "no-prune": { type: "boolean" },
  "prune-secrets": { type: "boolean" },
  "prune-pvcs": { type: "boolean" },
  "no-wait": { type: "boolean" },
  timeout: { type: "string" },
  rollback: { type: "boolean" },
  "dry-run-all": { type: "boolean" },
  "no-health-gate": { type: "boolean" },
  "rotate-fernet-key": { type: "boolean" },
  "resize-volumes": { type: "boolean" },
  "connect-timeout": { type: "string" },
  "request-timeout": { type: "string" },
  "steal-lock": { type: "boolean" },
  adopt: { type: "boolean" },
  rendered: { type: "string" }
};
function parseCommandArgs(argv, options, command) {
  try {
    const { positionals, values } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { positionals, values };
  } catch (error) {
    throw new UsageError(`${command}: ${error.message}`);
  }
}
function flagText(values, name) {
  const value = values[name];
  if (value === void 0) return void 0;
  if (typeof value !== "string" || value.length === 0) throw new UsageError(`--${name} needs a value`);
  return value;
}
function environmentArg(positionals, command) {
  if (positionals.length !== 1 || positionals[0] === void 0) throw new UsageError(`usage: airflow-gitops ${command} <environment> [options]`);
  return checkEnvironmentName(positionals[0]);
}
function engineOptionsFrom(parsed, command) {
  const text = (name) => flagText(parsed.values, name);
  return {
    environment: environmentArg(parsed.positionals, command),
    overlay: text("overlay"),
    namespace: text("namespace"),
    kubeconfig: text("kubeconfig"),
    context: text("context"),
    commit: text("commit"),
    runUrl: text("run-url"),
    fieldManager: text("field-manager")
  };
}
function deployOptionsFrom(parsed, command) {
  const flag = (name) => parsed.values[name] === true;
  return {
    ...engineOptionsFrom(parsed, command),
    forceConflicts: flag("force-conflicts"),
    recreateStatefulSets: flag("recreate-statefulsets"),
    prune: !flag("no-prune"),
    pruneSecrets: flag("prune-secrets"),
    prunePvcs: flag("prune-pvcs"),
    wait: !flag("no-wait"),
    timeout: flagText(parsed.values, "timeout"),
    rollback: flag("rollback"),
    dryRunAll: flag("dry-run-all"),
    healthGate: !flag("no-health-gate"),
    rotateFernetKey: flag("rotate-fernet-key"),
    resizeVolumes: flag("resize-volumes"),
    connectTimeout: flagText(parsed.values, "connect-timeout"),
    requestTimeout: flagText(parsed.values, "request-timeout"),
    stealLock: flag("steal-lock"),
    adopt: flag("adopt"),
    rendered: flagText(parsed.values, "rendered")
  };
}

export {
  engineFlags,
  deployFlags,
  parseCommandArgs,
  flagText,
  environmentArg,
  engineOptionsFrom,
  deployOptionsFrom
};
