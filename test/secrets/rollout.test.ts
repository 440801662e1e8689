// The secrets hash of a pod template covers exactly what its pods read.
import { describe, expect, it } from 'vitest';
import { secretKeyRefs, secretsHash } from '../../src/secrets/rollout.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const known = (redis: string, fernet: string) =>
  new Map<string, Record<string, string>>([
    ['airflow-redis', { password: b64(redis) }],
    ['airflow-secrets', { 'fernet-key': b64(fernet), 'jwt-secret': b64('jwt') }],
  ]);
const readsRedisKey = { containers: [{ env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'airflow-redis', key: 'password' } } }] }] };
const mountsSecrets = { volumes: [{ name: 'k', secret: { secretName: 'airflow-secrets', items: [{ key: 'jwt-secret', path: 'jwt' }] } }], containers: [{}] };
const readsAll = { containers: [{ envFrom: [{ secretRef: { name: 'airflow-secrets' } }] }] };

describe('secrets hash', () => {
  it('lists env keys, volume items and whole Secrets', () => {
    expect(secretKeyRefs(readsRedisKey)).toEqual([{ name: 'airflow-redis', key: 'password' }]);
    expect(secretKeyRefs(mountsSecrets)).toEqual([{ name: 'airflow-secrets', key: 'jwt-secret' }]);
    expect(secretKeyRefs(readsAll)).toEqual([{ name: 'airflow-secrets' }]);
  });

  it('changes with a key the pod reads, not with keys it does not read, and is absent for pods reading none', () => {
    const before = known('r1', 'f1');
    expect(secretsHash(readsRedisKey, before)).not.toBe(secretsHash(readsRedisKey, known('r2', 'f1')));
    expect(secretsHash(readsRedisKey, before)).toBe(secretsHash(readsRedisKey, known('r1', 'f2')));
    expect(secretsHash(mountsSecrets, before)).toBe(secretsHash(mountsSecrets, known('r1', 'f2')));
    expect(secretsHash(readsAll, before)).not.toBe(secretsHash(readsAll, known('r1', 'f2')));
    expect(secretsHash({ containers: [{}] }, before)).toBeUndefined();
  });
});
