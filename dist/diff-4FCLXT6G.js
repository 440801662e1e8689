import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  engineDeploySettings,
  writeKubeconfig
} from "./chunk-24YGVGEP.js";
import {
  diff
} from "./chunk-QLMZU4RM.js";
import "./chunk-SNEPYREP.js";
import "./chunk-55RLPUDY.js";
import "./chunk-7SCSJQVW.js";
import "./chunk-XCFOCG4N.js";
import {
  codeBlock
} from "./chunk-XLYUTPAX.js";
import "./chunk-KRQW3FW5.js";
import "./chunk-OVNNDL2Y.js";
import "./chunk-PCPFBYLU.js";
import "./chunk-GSZPWQZR.js";
import "./chunk-MDOPTPAK.js";
import "./chunk-GP3QOQZR.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-5QFKXFY6.js";
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
