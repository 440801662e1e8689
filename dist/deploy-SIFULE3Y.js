import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  maskedIO,
  reportingErrors
} from "./chunk-KIJNM4UF.js";
import {
  kustomizeBuild
} from "./chunk-YKQKCZGO.js";
import {
  deploySettings
} from "./chunk-LLYEG4VB.js";
import "./chunk-WZ76NZZT.js";
import "./chunk-R3FHXGE5.js";
import {
  deployFlags,
  deployOptionsFrom,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/commands/deploy.ts
async function openEarly(settings) {
  const kustomizeOutput = settings.renderedFile === void 0 ? kustomizeBuild(settings.overlayDir, settings.env) : void 0;
  kustomizeOutput?.catch(() => void 0);
  const { startEnvironment } = await import("./open-5RXK6URH.js");
  const opening = startEnvironment(settings, kustomizeOutput);
  opening.catch(() => void 0);
  return { opening };
}
async function run(argv, io) {
  const masked = maskedIO(io);
  return reportingErrors("deploy", masked, async () => {
    const settings = deploySettings(deployOptionsFrom(parseCommandArgs(argv, deployFlags, "deploy"), "deploy"), io);
    const { opening } = await openEarly(settings);
    const { deploy } = await import("./deploy-CH3WXPBW.js").catch(async (error) => {
      await opening.then((o) => o.client.close(), () => void 0);
      throw error;
    });
    await deploy(settings, masked.mask, masked.out, opening);
    return 0;
  });
}
export {
  run
};
