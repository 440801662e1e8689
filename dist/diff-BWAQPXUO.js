import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  engineDeploySettings,
  writeKubeconfig
} from "./chunk-JWSRTABM.js";
import {
  diff
} from "./chunk-6DIPPKAW.js";
import "./chunk-TMNWHZFU.js";
import "./chunk-GSUZMBFG.js";
import "./chunk-MZY24T24.js";
import "./chunk-6KGRHWON.js";
import "./chunk-ZMWVFO7C.js";
import "./chunk-JLOED3Y4.js";
import "./chunk-YKQKCZGO.js";
import {
  codeBlock
} from "./chunk-4B6KYGO4.js";
import "./chunk-IRTQH7TS.js";
import "./chunk-7OISSPAG.js";
import "./chunk-JZXUCSMZ.js";
import "./chunk-SH3L53UU.js";
import "./chunk-PCPFBYLU.js";
import "./chunk-GZE3ZC2L.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XWJVXINM.js";
import "./chunk-XNDQ27F5.js";

// src/action/commands/diff.ts
async function diffAction(settings, context) {
  const kubeconfig = settings.kubeconfig === void 0 ? void 0 : writeKubeconfig(settings.kubeconfig, context.tempDir);
  try {
    const result = await diff(engineDeploySettings(settings, kubeconfig?.path, context.env), context.mask);
    for (const line of result.lines) context.log(line);
    const c = result.counts;
    return {
      outputs: { changed: result.changed, applied: c.create + c.deferred + c.change + c.recreate, pruned: c.prune, unchanged: c.unchanged },
      summary: `## Diff of ${result.environment} (namespace \`${result.namespace}\`)

${result.changed ? "A deploy would change the cluster:" : "Nothing would change."}

${codeBlock(result.lines.slice(1).join("\n"), "diff")}
`
    };
  } finally {
    kubeconfig?.remove();
  }
}
export {
  diffAction
};
