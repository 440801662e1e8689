import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  render
} from "./chunk-WYT4BAE5.js";
import "./chunk-PRALPFIX.js";
import "./chunk-YKQKCZGO.js";
import {
  inputName
} from "./chunk-JOPQDBEC.js";
import {
  engineSettings
} from "./chunk-LLYEG4VB.js";
import "./chunk-WZ76NZZT.js";
import "./chunk-R3FHXGE5.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/action/commands/render.ts
import { join } from "node:path";
async function renderAction(settings, context) {
  const engine = engineSettings({ environment: settings.environment }, { cwd: settings.workingDirectory, env: context.env, name: inputName });
  const output = settings.renderFile ?? join(context.tempDir, `airflow-gitops-${settings.environment}.yaml`);
  const result = await render(engine, output);
  context.log(`rendered ${result.objects} objects of ${result.environment} (namespace ${result.namespace}) to ${output}`);
  return {
    outputs: { "rendered-file": output, objects: result.objects },
    summary: `## Render of ${result.environment}

${result.objects} objects in namespace \`${result.namespace}\`, written to \`${output}\`.
`
  };
}
export {
  renderAction
};
