import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  findEngineRoot
} from "./chunk-5M3UEVIV.js";
import {
  currentInputs,
  lockPaths,
  lockStaleness,
  refreshLock,
  staleMessage
} from "./chunk-GZE3ZC2L.js";
import {
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import {
  CommandFailure,
  UsageError
} from "./chunk-VGK45RJW.js";
import "./chunk-XWJVXINM.js";
import "./chunk-XNDQ27F5.js";

// src/commands/lock.ts
async function run(argv, io) {
  const parsed = parseCommandArgs(argv, { check: { type: "boolean" } }, "lock");
  if (parsed.positionals.length > 0) throw new UsageError("usage: airflow-gitops lock [--check]");
  const paths = lockPaths(io.cwd, findEngineRoot());
  if (parsed.values.check === true) {
    const reasons = lockStaleness(paths);
    if (reasons.length > 0) throw new CommandFailure(staleMessage(paths, reasons));
    io.stdout(`${paths.names.lock} is current (${paths.names.requirements}, apache-airflow ${currentInputs(paths).airflow}, ${paths.names.baseLock})
`);
    return 0;
  }
  const inputs = currentInputs(paths);
  const refreshed = await refreshLock(paths, inputs, { env: io.env, log: (line) => io.stderr(`${line}
`) });
  io.stdout(`${paths.names.lock}: apache-airflow ${inputs.airflow} and ${refreshed.packages} packages, ${inputs.requirements.length} from ${paths.names.requirements}; ${paths.names.moduleMap}: ${refreshed.modules} modules
`);
  return 0;
}
export {
  run
};
