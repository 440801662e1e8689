/**
 * The second step of a Fernet key rotation (secrets/fernet.ts): once every
 * workload runs with the new key first in its list, a Job runs
 * `airflow rotate-fernet-key`, which re-encrypts every stored connection and
 * variable with the new key. The Job is the migration Job of the render with
 * another command: same image, configuration and Secrets. It carries the
 * environment's labels, so the next deploy, having seen it complete and
 * dropped the old key, prunes it.
 */
import { CommandFailure } from '../errors.ts';
import type { KubeClient } from '../kube/client.ts';
import type { Discovery } from '../kube/discovery.ts';
import { deleteObject, getObject, serverSideApply, waitUntilGone } from '../kube/requests.ts';
import { clone, describeObject, fieldAt, listAt, recordAt, type KubeObject } from '../objects.ts';
import { secretKeyRefs } from '../secrets/rollout.ts';
import { configHash, configHashAnnotation } from './tracking.ts';
import { waitForWorkloads } from './wait.ts';

export const rotationJobName = 'airflow-rotate-fernet-key';
export const rotationAnnotation = 'airflow-gitops/fernet-rotation';

/** The rendered Job whose first container reads `secret`: the migration Job in the template. */
function sourceJob(desired: KubeObject[], secret: string): KubeObject | undefined {
  return desired.find((o) => o.kind === 'Job' && secretKeyRefs(fieldAt(o.spec, 'template', 'spec')).some((r) => r.name === secret));
}

export function rotationJob(desired: KubeObject[], secret: string, tag: string): KubeObject {
  const source = sourceJob(desired, secret);
  if (source === undefined) {
    throw new CommandFailure(`cannot rotate the Fernet key: no Job of the render reads Secret ${secret} (the migration Job is the model of the rotation Job)`);
  }
  const job = clone(source);
  const annotations = Object.fromEntries(Object.entries(job.metadata.annotations ?? {}).filter(([k]) => !k.startsWith('airflow-gitops/')));
  job.metadata = { name: rotationJobName, namespace: source.metadata.namespace, labels: job.metadata.labels, annotations: { ...annotations, [rotationAnnotation]: tag } };
  const first = recordAt(listAt(job.spec, 'template', 'spec', 'containers')[0]);
  if (Object.keys(first).length === 0) throw new CommandFailure(`cannot rotate the Fernet key: ${describeObject(source)} has no container`);
  // The image's entrypoint runs Airflow's CLI with the arguments, as it does `db migrate`.
  first.args = ['rotate-fernet-key'];
  job.metadata.annotations = { ...job.metadata.annotations, [configHashAnnotation]: configHash(job) };
  return job;
}

/** The reasons a rotation could not run, found before anything is written. */
export function rotationProblems(desired: KubeObject[], rotation: { secret: string; tag: string } | undefined): string[] {
  if (rotation === undefined) return [];
  try {
    rotationJob(desired, rotation.secret, rotation.tag);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/** Whether the rotation Job for `tag` exists and completed. */
export async function rotationCompleted(client: KubeClient, discovery: Discovery, namespace: string, tag: string): Promise<boolean> {
  const info = discovery.find({ apiVersion: 'batch/v1', kind: 'Job' });
  if (!info) return false;
  const job = await getObject(client, info, { metadata: { name: rotationJobName, namespace } });
  if (job?.metadata.annotations?.[rotationAnnotation] !== tag) return false;
  const succeeded = fieldAt(job.status, 'succeeded');
  const complete = listAt(job.status, 'conditions').some((c) => fieldAt(c, 'type') === 'Complete' && fieldAt(c, 'status') === 'True');
  return (typeof succeeded === 'number' && succeeded > 0) || complete;
}

export type RotationSettings = { fieldManager: string; timeoutSeconds: number };

/** Replaces any earlier rotation Job with this one and waits until it completes. */
export async function runRotation(client: KubeClient, discovery: Discovery, job: KubeObject, settings: RotationSettings, log: (line: string) => void): Promise<void> {
  const info = discovery.find(job);
  if (!info) throw new Error('the cluster serves no Jobs');
  const name = describeObject(job);
  await deleteObject(client, info, job, 'Background');
  if (!(await waitUntilGone(client, info, job, 60_000))) throw new CommandFailure(`${name}: the earlier rotation Job is still being deleted after 60 s`);
  const live = await serverSideApply(client, info, job, { fieldManager: settings.fieldManager, force: true, dryRun: false });
  log(`created ${name}: airflow rotate-fernet-key re-encrypts stored connections and variables with the new key`);
  const outcome = await waitForWorkloads(client, discovery, [{ object: live, info, generation: Number(live.metadata.generation ?? 0) }], settings.timeoutSeconds * 1000, (n) => log(`ready ${n}`));
  if (outcome.state === 'failed') throw new CommandFailure(`${name} failed: ${outcome.message}. The old key stays in the list; rerun the deploy with --rotate-fernet-key`);
  if (outcome.state === 'timeout') throw new CommandFailure(`${name} did not complete within ${settings.timeoutSeconds} s. The old key stays in the list; rerun the deploy with --rotate-fernet-key`);
}
