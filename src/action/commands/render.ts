/** command: render. The overlay as the YAML a deploy would apply, written to a file later steps can read or upload. */
import { join } from 'node:path';
import { render } from '../../commands/render.ts';
import { engineSettings } from '../../commands/settings.ts';
import { inputName, type RenderSettings } from '../settings.ts';
import type { ActionContext, ActionOutcome } from '../context.ts';

export async function renderAction(settings: RenderSettings, context: ActionContext): Promise<ActionOutcome> {
  const engine = engineSettings({ environment: settings.environment }, { cwd: settings.workingDirectory, env: context.env, name: inputName });
  // renderFile was resolved, and kept inside the workspace, with the inputs.
  const output = settings.renderFile ?? join(context.tempDir, `airflow-gitops-${settings.environment}.yaml`);
  const result = await render(engine, output);
  context.log(`rendered ${result.objects} objects of ${result.environment} (namespace ${result.namespace}) to ${output}`);
  return {
    outputs: { 'rendered-file': output, objects: result.objects },
    summary: `## Render of ${result.environment}\n\n${result.objects} objects in namespace \`${result.namespace}\`, written to \`${output}\`.\n`,
  };
}
