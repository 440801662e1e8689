// Where each managed value came from, recorded on the Secret without the value:
// the time moves only when the value does; values from before the record are
// "generated" when an earlier deploy made the Secret, else "by hand".
import { describe, expect, it } from 'vitest';
import { desiredSecrets } from '../../src/secrets/desired.ts';
import { SecretMask } from '../../src/secrets/mask.ts';
import { originAnnotation, readOrigins } from '../../src/secrets/origin.ts';
import type { KubeObject } from '../../src/objects.ts';

const reader: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'redis', namespace: 'airflow' },
  spec: { template: { spec: { containers: [{ name: 'c', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'airflow-redis', key: 'password' } } }] }] } } },
};
const b64 = (s: string) => Buffer.from(s).toString('base64');
const liveRedis = (labels: Record<string, string>, annotations: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'airflow-redis', namespace: 'airflow', labels, annotations, creationTimestamp: '2026-01-02T03:04:05Z' },
  data: { password: b64('password-one-123') },
});

async function originOf(live: KubeObject | undefined, env: NodeJS.ProcessEnv, now = new Date('2026-11-30T12:00:00.123Z')) {
  const plan = await desiredSecrets({ rendered: [reader], namespace: 'airflow', env, labels: { l: 'v' }, readLive: async () => live, mask: new SecretMask(), now });
  return { origins: readOrigins(plan.secrets[0]), secret: plan.secrets[0] };
}

describe('secret origins', () => {
  it('records generated, given and by-hand values with the time they last changed, never the value', async () => {
    const fresh = await originOf(undefined, {});
    expect(fresh.origins).toEqual({ password: { origin: 'generated', changed: '2026-11-30T12:00:00Z' } });
    expect((await originOf(liveRedis({}), {})).origins).toEqual({ password: { origin: 'by hand', changed: '2026-01-02T03:04:05Z' } });
    expect((await originOf(liveRedis({ l: 'v' }), {})).origins).toEqual({ password: { origin: 'generated', changed: '2026-01-02T03:04:05Z' } });
    const given = await originOf(liveRedis({}), { AIRFLOW_GITOPS_REDIS_PASSWORD: 'password-two-456' });
    expect(given.origins).toEqual({ password: { origin: 'given', changed: '2026-11-30T12:00:00Z' } });
    expect(given.secret?.metadata.annotations?.[originAnnotation]).not.toContain('password-two-456');
  });

  it('keeps the recorded time while the value stays', async () => {
    const recorded = { [originAnnotation]: JSON.stringify({ password: { origin: 'generated', changed: '2026-05-05T05:05:05Z' } }) };
    const later = await originOf(liveRedis({ l: 'v' }, recorded), {}, new Date('2027-01-01T00:00:00Z'));
    expect(later.origins).toEqual({ password: { origin: 'generated', changed: '2026-05-05T05:05:05Z' } });
    expect(isStable(later.secret, liveRedis({ l: 'v' }, recorded))).toBe(true);
  });
});

function isStable(desired: KubeObject | undefined, live: KubeObject): boolean {
  return desired?.metadata.annotations?.[originAnnotation] === live.metadata.annotations?.[originAnnotation];
}

