// Who owns the workers' replica count. With components/worker-autoscaling,
// KEDA's autoscaler sets spec.replicas of the worker StatefulSet through the
// scale subresource; a deploy (server-side apply with the deploy's field
// manager, conflicts forced as `--force-conflicts` does) must leave that
// number alone. The real API server decides; the autoscaler is played by a
// scale-subresource update under its own manager, as the HPA controller does.
import { describe, expect, it } from 'vitest';
import { defaultFieldManager } from '../../src/deploy/settings.ts';
import { getJson, kubectl, testNamespace } from '../support/cluster.ts';
import { find, type Workload } from '../support/template/model.ts';
import { renderInto, toYaml } from '../support/template/apply.ts';
import type { K8sObject } from '../support/template/render.ts';
import { componentValues } from '../support/template/variants.ts';

async function deploy(namespace: string, objects: K8sObject[]): Promise<void> {
  const applied = await kubectl(['-n', namespace, 'apply', '--server-side', `--field-manager=${defaultFieldManager}`, '--force-conflicts', '-f', '-'], toYaml(objects));
  expect(applied.exitCode, String(applied.stderr)).toBe(0);
}

async function autoscale(namespace: string, replicas: number): Promise<void> {
  const scaled = await kubectl(['-n', namespace, 'patch', 'statefulset', 'airflow-worker', '--subresource=scale', '--type=merge', '--field-manager=keda-hpa', '-p', JSON.stringify({ spec: { replicas } })]);
  expect(scaled.exitCode, String(scaled.stderr)).toBe(0);
}

async function liveReplicas(namespace: string): Promise<number> {
  return (await getJson<{ spec: { replicas: number } }>(['-n', namespace, 'get', 'statefulset', 'airflow-worker'])).spec.replicas;
}

async function workerOf(namespace: string): Promise<Workload> {
  const objects = await renderInto('prod', namespace, { environment: componentValues(namespace) });
  return find<Workload>(objects, 'StatefulSet', 'airflow-worker');
}

describe('worker replicas under KEDA (prod)', () => {
  it('are not set by the template, so a deploy keeps what the autoscaler chose', async () => {
    const namespace = await testNamespace('tpl-keda');
    const worker = await workerOf(namespace);
    expect(worker.spec.replicas).toBeUndefined();
    await deploy(namespace, [worker]);
    expect(await liveReplicas(namespace)).toBe(1);
    await autoscale(namespace, 5);
    await deploy(namespace, [worker]);
    expect(await liveReplicas(namespace)).toBe(5);
    // A changed template (a new DAG ref rolls the pods) keeps the number too.
    const changed = structuredClone(worker);
    changed.spec.template.metadata.annotations = { ...changed.spec.template.metadata.annotations, 'example.com/rolled': 'again' };
    await deploy(namespace, [changed]);
    expect(await liveReplicas(namespace)).toBe(5);
  });

  it('would be reset by every deploy if the template set them (why the component removes the field)', async () => {
    const namespace = await testNamespace('tpl-keda');
    const worker = { ...(await workerOf(namespace)) };
    const pinned = { ...worker, spec: { ...worker.spec, replicas: 2 } };
    await deploy(namespace, [pinned]);
    await autoscale(namespace, 5);
    // Without forcing, the deploy stops on the conflict; forced, it takes the field back.
    const unforced = await kubectl(['-n', namespace, 'apply', '--server-side', `--field-manager=${defaultFieldManager}`, '-f', '-'], toYaml([pinned]));
    expect(unforced.exitCode).not.toBe(0);
    expect(String(unforced.stderr)).toMatch(/conflict.*keda-hpa.*\.spec\.replicas/is);
    await deploy(namespace, [pinned]);
    expect(await liveReplicas(namespace)).toBe(2);
  });

  it('drop to the default of 1 on the first deploy that turns autoscaling on, until the autoscaler scales them (docs/template.md)', async () => {
    const namespace = await testNamespace('tpl-keda');
    const worker = await workerOf(namespace);
    await deploy(namespace, [{ ...worker, spec: { ...worker.spec, replicas: 3 } }]);
    expect(await liveReplicas(namespace)).toBe(3);
    await deploy(namespace, [worker]);
    expect(await liveReplicas(namespace)).toBe(1);
  });

  it('keep the log volumes of workers the autoscaler removes', async () => {
    const worker = await workerOf('airflow-prod');
    expect(worker.spec.persistentVolumeClaimRetentionPolicy?.whenScaled).toBe('Retain');
    expect(worker.spec.volumeClaimTemplates?.map((t) => t.metadata.name)).toContain('logs');
  });
});
