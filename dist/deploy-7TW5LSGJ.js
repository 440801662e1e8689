import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  maskedIO,
  reportingErrors
} from "./chunk-JLOED3Y4.js";
import {
  kustomizeBuild
} from "./chunk-YKQKCZGO.js";
import {
  deploySettings
} from "./chunk-7OISSPAG.js";
import "./chunk-JZXUCSMZ.js";
import {
  deployFlags,
  deployOptionsFrom,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/commands/deploy.ts
async function run(argv, io) {
  const masked = maskedIO(io);
  return reportingErrors("deploy", masked, async () => {
    const settings = deploySettings(deployOptionsFrom(parseCommandArgs(argv, deployFlags, "deploy"), "deploy"), io);
    const kustomizeOutput = settings.renderedFile === void 0 ? kustomizeBuild(settings.overlayDir, settings.env) : void 0;
    kustomizeOutput?.catch(() => void 0);
    const { deploy } = await import("./deploy-S4WJBVSJ.js");
    await deploy(settings, masked.mask, masked.out, kustomizeOutput);
    return 0;
  });
}
export {
  run
};
