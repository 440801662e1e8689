/**
 * secrets <env>: each Secret the environment uses, each key with where its
 * value came from (given, generated, by hand), when it last changed and who
 * reads it. Values are read from the cluster only to be masked, never shown.
 */
import type { CommandIO } from './io.ts';
import { maskedIO, reportingErrors } from './masked-output.ts';
import { engineFlags, engineOptionsFrom, parseCommandArgs } from './argv.ts';
import { engineSettings } from './settings.ts';
import type { EngineSettings } from '../deploy/settings.ts';
import { renderOverlay } from '../deploy/render.ts';
import { connect } from '../kube/connect.ts';
import { getObject } from '../kube/requests.ts';
import type { KubeObject } from '../objects.ts';
import type { SecretMask } from '../secrets/mask.ts';
import { formatRows, secretNamesToRead, secretRows, type SecretRow } from '../secrets/report.ts';

export type SecretsResult = { environment: string; namespace: string; rows: SecretRow[] };

export async function listSecrets(settings: EngineSettings, mask: SecretMask): Promise<SecretsResult> {
  const [rendered, connection] = await Promise.all([renderOverlay(settings), connect(settings)]);
  try {
    const namespace = rendered.inventory.namespace;
    const info = connection.discovery.find({ apiVersion: 'v1', kind: 'Secret' });
    if (!info) throw new Error('the cluster serves no Secrets');
    const names = secretNamesToRead(rendered.objects, namespace);
    const found = await Promise.all(names.map((name) => getObject(connection.client, info, { metadata: { name, namespace } })));
    const live = new Map<string, KubeObject>();
    found.forEach((secret, i) => {
      if (secret === undefined) return;
      mask.addSecretData(secret.data as Record<string, string> | undefined, true);
      live.set(names[i] ?? '', secret);
    });
    return { environment: settings.environment, namespace, rows: secretRows(rendered.objects, namespace, live, settings.fieldManager) };
  } finally {
    connection.client.close();
  }
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const masked = maskedIO(io);
  return reportingErrors('secrets', masked, async () => {
    const settings = engineSettings(engineOptionsFrom(parseCommandArgs(argv, engineFlags, 'secrets'), 'secrets'), io);
    const result = await listSecrets(settings, masked.mask);
    masked.out(`Secrets of ${result.environment} (namespace ${result.namespace}); values are never shown:`);
    for (const line of formatRows(result.rows)) masked.out(line);
    return result.rows.some((r) => r.origin === 'missing') ? 1 : 0;
  });
}
