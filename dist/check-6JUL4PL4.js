import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  render
} from "./chunk-WYT4BAE5.js";
import {
  diff
} from "./chunk-JACNTWHL.js";
import "./chunk-J7OGU2WJ.js";
import "./chunk-J3WNSU2D.js";
import "./chunk-K4N6FAJZ.js";
import "./chunk-BKWCNDSE.js";
import "./chunk-4B2IDAP7.js";
import "./chunk-I3JNE5F2.js";
import "./chunk-PRALPFIX.js";
import {
  maskedIO
} from "./chunk-KIJNM4UF.js";
import "./chunk-YKQKCZGO.js";
import {
  deploySettings
} from "./chunk-LLYEG4VB.js";
import "./chunk-WZ76NZZT.js";
import "./chunk-R3FHXGE5.js";
import {
  deployFlags,
  deployOptionsFrom,
  flagText,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import {
  UsageError,
  describe
} from "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/commands/check.ts
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
async function checkEnvironment(settings, mask) {
  const result = { environment: settings.environment };
  try {
    const rendered = await render(settings);
    Object.assign(result, { namespace: rendered.namespace, objects: rendered.objects });
  } catch (error) {
    return { ...result, error: `render: ${mask.mask(describe(error))}` };
  }
  if (settings.kubeconfig === void 0) return { ...result, diffSkipped: "no kubeconfig for this environment" };
  try {
    result.diff = (await diff(settings, mask)).counts;
  } catch (error) {
    result.error = `diff: ${mask.mask(describe(error))}`;
  }
  return result;
}
async function run(argv, io) {
  const parsed = parseCommandArgs(argv, { ...deployFlags, report: { type: "string" } }, "check");
  const report = flagText(parsed.values, "report");
  if (report === void 0) throw new UsageError("check: --report <file> is required (where the result goes)");
  const settings = deploySettings({ ...deployOptionsFrom(parsed, "check"), wait: false }, io);
  const masked = maskedIO(io);
  const result = await checkEnvironment(settings, masked.mask);
  writeFileSync(resolve(io.cwd, report), `${JSON.stringify(result, null, 2)}
`);
  if (result.error !== void 0) masked.err(`airflow-gitops check ${result.environment}: ${result.error}`);
  else masked.out(`${result.environment}: ${result.objects} objects${result.diff ? `; ${result.diff.create + result.diff.deferred} to create, ${result.diff.change + result.diff.recreate} to change, ${result.diff.prune} to prune` : ` (${result.diffSkipped})`}`);
  return result.error === void 0 ? 0 : 1;
}
export {
  run
};
