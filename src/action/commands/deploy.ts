/** command: deploy. Apply, prune and wait; a failed deploy still reports what it did before failing. */
import { deploy, DeployFailure, type DeployResult } from '../../deploy/deploy.ts';
import type { ClusterSettings } from '../settings.ts';
import type { ActionContext, ActionOutcome } from '../context.ts';
import { writeKubeconfig } from '../kubeconfig-file.ts';
import { table } from '../summary.ts';
import { engineDeploySettings } from './cluster-settings.ts';

function summaryOf(result: DeployResult, failure: string | undefined): string {
  const rows: string[][] = [];
  const add = (what: string, names: string[]) => {
    for (const name of names) rows.push([what, name]);
  };
  add('created', result.created);
  add('changed', result.changed);
  add('recreated', result.recreated);
  add('pruned', result.pruned);
  add('kept (not pruned)', result.keptFromPrune);
  add('generated secret key', result.generatedSecrets);
  add('rolled back', result.rolledBack);
  add('API server warning', result.warnings);
  const head = failure === undefined ? `Deployed; ${result.ready.length} workload(s) ready.` : `**Failed:** ${failure}`;
  const body = rows.length > 0 ? table(['action', 'object'], rows) : 'No object was written.';
  return `## Deploy of ${result.environment} (namespace \`${result.namespace}\`)\n\n${head}\n\n${body}\n\n${result.unchanged} object(s) unchanged.\n`;
}

function outcomeOf(result: DeployResult, failure: string | undefined): ActionOutcome {
  return {
    outputs: {
      changed: result.wrote,
      applied: result.created.length + result.changed.length + result.recreated.length,
      pruned: result.pruned.length,
      unchanged: result.unchanged,
    },
    summary: summaryOf(result, failure),
    failure,
  };
}

export async function deployAction(settings: ClusterSettings, context: ActionContext): Promise<ActionOutcome> {
  const kubeconfig = settings.kubeconfig === undefined ? undefined : writeKubeconfig(settings.kubeconfig, context.tempDir);
  try {
    return outcomeOf(await deploy(engineDeploySettings(settings, kubeconfig?.path, context.env), context.mask, context.log), undefined);
  } catch (error) {
    if (error instanceof DeployFailure) return outcomeOf(error.result, error.message);
    throw error;
  } finally {
    kubeconfig?.remove();
  }
}
