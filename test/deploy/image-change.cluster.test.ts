/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON, read as kubectl prints them */
// A deploy that changes the Airflow image, on the template's own `local`
// overlay: first an Airflow upgrade (the base's version pin moves), then the
// team's image pinned by digest (bump --image). Each time the migration Job is
// replaced and has completed before any Airflow component rolls, and then every
// component (api-server, scheduler, dag-processor, triggerer, worker) runs only
// new pods on the new image. kwok's nodes run no containers: the images are
// never pulled, so any name and digest will do, and there is no Airflow to ask
// after the rollout (--no-health-gate).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as bumpRun } from '../../src/commands/bump.ts';
import { clusterEnv } from '../support/cluster.ts';
import { captureIO } from '../support/io.ts';
import { deleteNamespaces, deploy, expectNoSecretInOutput, freshNamespace, getJson, localTemplateRepo } from '../support/deploy-harness.ts';

const namespaces: string[] = [];
afterAll(async () => {
  await expectNoSecretInOutput(namespaces);
  await deleteNamespaces(namespaces);
});

const components = ['Deployment/airflow-api-server', 'Deployment/airflow-scheduler', 'Deployment/airflow-dag-processor', 'StatefulSet/airflow-triggerer', 'StatefulSet/airflow-worker'];
const job = 'airflow-migrate-db';

type Pods = Record<string, { uids: string[]; images: string[]; created: number }>;

/** The live pods of each component: their uids, the images of their `airflow` containers, the earliest creation time. */
async function componentPods(ns: string): Promise<Pods> {
  const pods = (await getJson<{ items: any[] }>(['get', 'pods', '-n', ns])).items.filter((p) => !p.metadata.deletionTimestamp);
  const out: Pods = {};
  for (const component of components) {
    const live = await getJson(['get', component.toLowerCase(), '-n', ns]);
    const selector = live.spec.selector.matchLabels as Record<string, string>;
    const mine = pods.filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v));
    out[component] = {
      uids: mine.map((p) => p.metadata.uid).sort(),
      images: [...new Set(mine.map((p) => p.spec.containers.find((c: any) => c.name === 'airflow')?.image))],
      created: Math.min(...mine.map((p) => Date.parse(p.metadata.creationTimestamp))),
    };
  }
  return out;
}

/** The deploy replaced the Job, which completed before any component changed, and every component rolled onto `image`. */
async function expectJobFirstThenEveryComponent(ns: string, out: string, before: Pods, oldJobUid: string, image: string) {
  const lines = out.split('\n');
  const at = (pattern: string) => lines.findIndex((l) => l.includes(pattern));
  const recreated = at(`recreate Job ${ns}/${job}`);
  const ready = at(`ready Job ${ns}/${job}`);
  expect(recreated, out).toBeGreaterThanOrEqual(0);
  expect(ready, out).toBeGreaterThan(recreated);
  const migration = await getJson(['get', 'job', job, '-n', ns]);
  expect(migration.metadata.uid).not.toBe(oldJobUid);
  expect(migration.status.succeeded).toBe(1);
  expect(migration.spec.template.spec.containers.find((c: any) => c.name === 'airflow').image).toBe(image);
  const after = await componentPods(ns);
  for (const component of components) {
    const [kind, name] = component.split('/');
    const changed = at(`changed ${kind} ${ns}/${name}`);
    expect(changed, `${component} was changed by the deploy\n${out}`).toBeGreaterThan(ready);
    expect(after[component]?.uids.length, component).toBeGreaterThan(0);
    expect(after[component]?.uids.some((uid) => before[component]?.uids.includes(uid)), `${component} still runs an old pod`).toBe(false);
    expect(after[component]?.images, component).toEqual([image]);
    // The cluster's own clock says the same: no new component pod is older than the Job's completion.
    expect(after[component]?.created, component).toBeGreaterThanOrEqual(Date.parse(migration.status.completionTime));
  }
}

describe('a deploy that changes the Airflow image', () => {
  it('replaces and runs the migration Job first, then rolls every Airflow component: an upgrade, then an image pinned by digest', async () => {
    const ns = await freshNamespace('img', false);
    namespaces.push(ns);
    const { repo } = await localTemplateRepo(ns);
    const overlay = join(repo, 'overlays/local');
    const jobUid = async () => (await getJson(['get', 'job', job, '-n', ns])).metadata.uid as string;

    const first = await deploy('local', overlay, ['--no-health-gate'], {}, repo);
    expect(first.code, first.out).toBe(0);

    // An Airflow upgrade: the version pin of base/kustomization.yaml moves.
    const base = join(repo, 'base/kustomization.yaml');
    const pinned = readFileSync(base, 'utf8');
    const upgraded = pinned.replace(/(name: apache\/airflow\n\s+newTag: )"[^"]*"/, '$1"3.4.0"');
    expect(upgraded).not.toBe(pinned);
    writeFileSync(base, upgraded);
    let before = await componentPods(ns);
    let oldJob = await jobUid();
    const upgrade = await deploy('local', overlay, ['--no-health-gate'], {}, repo);
    expect(upgrade.code, upgrade.out).toBe(0);
    await expectJobFirstThenEveryComponent(ns, upgrade.out, before, oldJob, 'apache/airflow:3.4.0');

    // The team's image, built from requirements.lock and pinned by digest.
    const image = `ghcr.io/acme/airflow@sha256:${'4'.repeat(64)}`;
    expect(await bumpRun(['local', '--image', image], captureIO(repo, clusterEnv()).io)).toBe(0);
    before = await componentPods(ns);
    oldJob = await jobUid();
    const pin = await deploy('local', overlay, ['--no-health-gate'], {}, repo);
    expect(pin.code, pin.out).toBe(0);
    await expectJobFirstThenEveryComponent(ns, pin.out, before, oldJob, image);
  });
});
