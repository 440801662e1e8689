/** render <env> [-o file]: the overlay as the multi-document YAML the deploy applies. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandIO } from './io.ts';
import { engineFlags, engineOptionsFrom, parseCommandArgs } from './argv.ts';
import { engineSettings } from './settings.ts';
import type { EngineSettings } from '../deploy/settings.ts';
import { renderOverlay, toYaml } from '../deploy/render.ts';

export type RenderResult = { environment: string; namespace: string; objects: number; yaml: string; output?: string };

export async function render(settings: EngineSettings, output?: string): Promise<RenderResult> {
  const rendered = await renderOverlay(settings);
  const yaml = toYaml(rendered, settings.revision);
  if (output) writeFileSync(output, yaml);
  return { environment: settings.environment, namespace: rendered.inventory.namespace, objects: rendered.objects.length, yaml, output };
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(argv, { ...engineFlags, output: { type: 'string', short: 'o' } }, 'render');
  const settings = engineSettings(engineOptionsFrom(parsed, 'render'), io);
  const output = typeof parsed.values.output === 'string' ? resolve(io.cwd, parsed.values.output) : undefined;
  const result = await render(settings, output);
  if (output) io.stderr(`rendered ${result.objects} objects of ${result.environment} to ${output}\n`);
  else io.stdout(result.yaml);
  return 0;
}
