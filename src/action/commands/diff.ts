/** command: diff. The server-side dry-run of an overlay; `changed` says whether a deploy would change anything. */
import { diff } from '../../commands/diff.ts';
import type { ClusterSettings } from '../settings.ts';
import type { ActionContext, ActionOutcome } from '../context.ts';
import { writeKubeconfig } from '../kubeconfig-file.ts';
import { codeBlock } from '../summary.ts';
import { engineDeploySettings } from './cluster-settings.ts';

export async function diffAction(settings: ClusterSettings, context: ActionContext): Promise<ActionOutcome> {
  const kubeconfig = settings.kubeconfig === undefined ? undefined : writeKubeconfig(settings.kubeconfig, context.tempDir);
  try {
    const result = await diff(engineDeploySettings(settings, kubeconfig?.path, context.env), context.mask);
    for (const line of result.lines) context.log(line);
    const c = result.counts;
    return {
      outputs: { changed: result.changed, applied: c.create + c.deferred + c.change + c.recreate, pruned: c.prune, unchanged: c.unchanged },
      summary: `## Diff of ${result.environment} (namespace \`${result.namespace}\`)\n\n${result.changed ? 'A deploy would change the cluster:' : 'Nothing would change.'}\n\n${codeBlock(result.lines.slice(1).join('\n'), 'diff')}\n`,
    };
  } finally {
    kubeconfig?.remove();
  }
}
