// Applied for real to namespaces that enforce Pod Security "restricted", every
// overlay gets all its pods admitted: each controller creates the pods it
// wants, and none is refused.
import { describe, expect, it } from 'vitest';
import { testNamespace } from '../support/cluster.ts';
import type { Workload } from '../support/template/model.ts';
import { workloads } from '../support/template/model.ts';
import { environments } from '../support/template/render.ts';
import { componentVariants, variantChanges } from '../support/template/variants.ts';

// The overlays, and the overlays with every optional component (a pod spec
// that only a component shapes, e.g. the git DAG bundle's, is checked too).
const cases = [
  ...environments.map((env) => ({ title: `overlay ${env}`, env, changes: () => ({}) })),
  ...componentVariants
    .filter((v) => v.components.length > 1 && (v.env === 'local' || v.env === 'prod'))
    .map((v) => ({ title: v.title, env: v.env, changes: (namespace: string) => variantChanges(v, namespace) })),
];
import { apply, getJson, renderInto, waitUntil } from '../support/template/apply.ts';

const restricted = {
  'pod-security.kubernetes.io/enforce': 'restricted',
  'pod-security.kubernetes.io/enforce-version': 'latest',
};

interface PodList {
  items: { metadata: { name: string; labels?: Record<string, string> } }[];
}
interface EventList {
  items: { reason: string; message: string; involvedObject: { kind: string; name: string } }[];
}

describe('Pod Security "restricted"', () => {
  it.each(cases.map((c) => [c.title, c] as const))('admits every pod of %s', async (_title, { env, changes }) => {
    const namespace = await testNamespace(`tpl-psa-${env}`, restricted);
    const objects = await renderInto(env, namespace, changes(namespace));
    const applied = await apply(objects, { dryRun: false });
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(applied.stderr).not.toMatch(/PodSecurity/);
    const wanted = workloads(objects).map((w: Workload) => ({
      name: w.metadata.name,
      component: w.spec.template.metadata.labels['app.kubernetes.io/component'] ?? '',
      count: w.kind === 'Job' ? 1 : (w.spec.replicas ?? 1),
    }));
    expect(wanted.length).toBeGreaterThanOrEqual(8);
    await waitUntil(
      `pods of ${env}`,
      async () => {
        const pods = await getJson<PodList>(['-n', namespace, 'get', 'pods']);
        const refused = await getJson<EventList>(['-n', namespace, 'get', 'events', '--field-selector', 'reason=FailedCreate']);
        const forbidden = refused.items.filter((e) => /PodSecurity|forbidden/.test(e.message));
        if (forbidden.length > 0) throw new Error(forbidden.map((e) => `${e.involvedObject.kind}/${e.involvedObject.name}: ${e.message}`).join('\n'));
        return wanted
          .filter((w) => pods.items.filter((p) => p.metadata.labels?.['app.kubernetes.io/component'] === w.component).length < w.count)
          .map((w) => w.name);
      },
      120_000,
    );
  });
});
