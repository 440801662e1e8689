import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  engineDeploySettings,
  writeKubeconfig
} from "./chunk-KCIZV7GN.js";
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
import "./chunk-KIJNM4UF.js";
import "./chunk-YKQKCZGO.js";
import "./chunk-JOPQDBEC.js";
import {
  codeBlock
} from "./chunk-WXGFXV66.js";
import "./chunk-LLYEG4VB.js";
import "./chunk-WZ76NZZT.js";
import "./chunk-R3FHXGE5.js";
import "./chunk-LY2ZCFWI.js";
import "./chunk-RBNP2GGL.js";
import "./chunk-6M56B45Z.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
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
