import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  renderOverlay,
  toYaml
} from "./chunk-PRALPFIX.js";
import {
  engineSettings
} from "./chunk-LLYEG4VB.js";
import {
  engineFlags,
  engineOptionsFrom,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";

// src/commands/render.ts
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
async function render(settings, output) {
  const rendered = await renderOverlay(settings);
  const yaml = toYaml(rendered, settings.revision);
  if (output) writeFileSync(output, yaml);
  return { environment: settings.environment, namespace: rendered.inventory.namespace, objects: rendered.objects.length, yaml, output };
}
async function run(argv, io) {
  const parsed = parseCommandArgs(argv, { ...engineFlags, output: { type: "string", short: "o" } }, "render");
  const settings = engineSettings(engineOptionsFrom(parsed, "render"), io);
  const output = typeof parsed.values.output === "string" ? resolve(io.cwd, parsed.values.output) : void 0;
  const result = await render(settings, output);
  if (output) io.stderr(`rendered ${result.objects} objects of ${result.environment} to ${output}
`);
  else io.stdout(result.yaml);
  return 0;
}

export {
  render,
  run
};
