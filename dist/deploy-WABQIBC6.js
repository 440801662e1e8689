import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  engineDeploySettings,
  writeKubeconfig
} from "./chunk-KCIZV7GN.js";
import {
  DeployFailure,
  deploy
} from "./chunk-YMEVRNMK.js";
import "./chunk-J7OGU2WJ.js";
import "./chunk-J3WNSU2D.js";
import "./chunk-K4N6FAJZ.js";
import "./chunk-BKWCNDSE.js";
import "./chunk-4B2IDAP7.js";
import "./chunk-I3JNE5F2.js";
import "./chunk-PRALPFIX.js";
import "./chunk-YKQKCZGO.js";
import "./chunk-JOPQDBEC.js";
import {
  table
} from "./chunk-WXGFXV66.js";
import "./chunk-LLYEG4VB.js";
import "./chunk-WZ76NZZT.js";
import "./chunk-R3FHXGE5.js";
import "./chunk-LY2ZCFWI.js";
import "./chunk-RBNP2GGL.js";
import "./chunk-6M56B45Z.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/action/commands/deploy.ts
function summaryOf(result, failure) {
  const rows = [];
  const add = (what, names) => {
    for (const name of names) rows.push([what, name]);
  };
  add("created", result.created);
  add("changed", result.changed);
  add("recreated", result.recreated);
  add("pruned", result.pruned);
  add("kept (not pruned)", result.keptFromPrune);
  add("generated secret key", result.generatedSecrets);
  add("rolled back", result.rolledBack);
  add("API server warning", result.warnings);
  const head = failure === void 0 ? `Deployed; ${result.ready.length} workload(s) ready.` : `**Failed:** ${failure}`;
  const body = rows.length > 0 ? table(["action", "object"], rows) : "No object was written.";
  return `## Deploy of ${result.environment} (namespace \`${result.namespace}\`)

${head}

${body}

${result.unchanged} object(s) unchanged.
`;
}
function outcomeOf(result, failure) {
  return {
    outputs: {
      changed: result.wrote,
      applied: result.created.length + result.changed.length + result.recreated.length,
      pruned: result.pruned.length,
      unchanged: result.unchanged
    },
    summary: summaryOf(result, failure),
    failure
  };
}
async function deployAction(settings, context) {
  const kubeconfig = settings.kubeconfig === void 0 ? void 0 : writeKubeconfig(settings.kubeconfig, context.tempDir);
  try {
    return outcomeOf(await deploy(engineDeploySettings(settings, kubeconfig?.path, context.env), context.mask, context.log), void 0);
  } catch (error) {
    if (error instanceof DeployFailure) return outcomeOf(error.result, error.message);
    throw error;
  } finally {
    kubeconfig?.remove();
  }
}
export {
  deployAction
};
