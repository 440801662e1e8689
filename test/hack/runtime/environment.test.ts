// The process runtime builds a container's environment as the kubelet does
// and maps container paths to the pod's folders.
import { describe, expect, it } from 'vitest';
import { containerEnv, expand, type ObjectSource } from '../../../hack/runtime/environment.ts';
import { pathRewriter } from '../../../hack/runtime/rewrite.ts';
import type { DataObject, Pod } from '../../../hack/runtime/types.ts';

const pod: Pod = { metadata: { name: 'web-0', namespace: 'ns', uid: 'u1' }, spec: { containers: [] } };
const configMaps: Record<string, DataObject> = {
  first: { metadata: { name: 'first', uid: 'c1' }, data: { A: 'from-first', B: 'from-first', 'bad-name!': 'x' } },
  second: { metadata: { name: 'second', uid: 'c2' }, data: { B: 'from-second' } },
};
const secrets: Record<string, DataObject> = {
  s: { metadata: { name: 's', uid: 's1' }, data: { password: Buffer.from('hunter2').toString('base64') } },
};
const source: ObjectSource = { configMap: async (name) => configMaps[name], secret: async (name) => secrets[name] };

describe('containerEnv', () => {
  it('lets later envFrom sources win, env win over envFrom, and expands $(VAR) from what came before', async () => {
    const env = await containerEnv(pod, {
      name: 'c', image: 'x',
      envFrom: [{ configMapRef: { name: 'first' } }, { configMapRef: { name: 'second' } }],
      env: [
        { name: 'A', value: 'own' },
        { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'password' } } },
        { name: 'URL', value: 'db://$(PASSWORD)@$(MISSING)/$$(A)' },
        { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      ],
    }, source, '198.18.0.2', '198.18.0.1');
    expect(env).toEqual({ A: 'own', B: 'from-second', PASSWORD: 'hunter2', URL: 'db://hunter2@$(MISSING)/$(A)', POD: 'web-0' });
  });

  it('refuses a missing key unless optional, naming the pod, container and object', async () => {
    const container = { name: 'c', image: 'x', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 'nope' } } }] };
    await expect(containerEnv(pod, container, source, '', '')).rejects.toThrow('pod web-0 container c: Secret s has no key nope');
    const optional = { name: 'c', image: 'x', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 'nope', optional: true } } }] };
    expect(await containerEnv(pod, optional, source, '', '')).toEqual({});
  });

  it('expands $(VAR) in command and args like the kubelet', () => {
    expect(expand('--user=$(U) $$(U) $(V)', { U: 'admin' })).toBe('--user=admin $(U) $(V)');
  });
});

describe('pathRewriter', () => {
  it('maps the longest mount path first, at path boundaries only, and the loopback to the pod', () => {
    const rewrite = pathRewriter([['/opt/airflow', '/state/home'], ['/opt/airflow/dags', '/state/dags'], ['/tmp', '/state/tmp']], '198.18.0.2');
    expect(rewrite('/opt/airflow/dags/repo/dags')).toBe('/state/dags/repo/dags');
    expect(rewrite('find /opt/airflow/logs -mtime +1; touch /tmp/x')).toBe('find /state/home/logs -mtime +1; touch /state/tmp/x');
    expect(rewrite('/opt/airflowish /var/tmp')).toBe('/opt/airflowish /var/tmp');
    expect(rewrite('pg_isready --host=127.0.0.1 -h localhost')).toBe('pg_isready --host=198.18.0.2 -h 198.18.0.2');
  });

  it("leaves the machine's own files alone when the checkout lies under a mapped folder such as /tmp", () => {
    const rewrite = pathRewriter([['/tmp', '/state/tmp']], '198.18.0.2', ['/tmp/checkout', '/tmp/node/bin/node']);
    expect(rewrite('/tmp/checkout/hack/runtime/images/postgres-entrypoint postgres')).toBe('/tmp/checkout/hack/runtime/images/postgres-entrypoint postgres');
    expect(rewrite('/tmp/node/bin/node /tmp/checkout/hack/runtime/git-sync.ts')).toBe('/tmp/node/bin/node /tmp/checkout/hack/runtime/git-sync.ts');
    expect(rewrite('PATH=/tmp/checkout/.venv/airflow/bin:/tmp/checkoutish/bin /tmp/x')).toBe('PATH=/tmp/checkout/.venv/airflow/bin:/state/tmp/checkoutish/bin /state/tmp/x');
  });
});
