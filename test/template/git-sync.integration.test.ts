// git-sync as rendered per overlay: v4 settings only, the pinned ref from the
// overlay's ref file, a native sidecar with probes, and a key that git-sync
// (uid 65533) can read and nobody else can.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allContainers,
  container,
  dagReaders,
  envValue,
  generatedConfigMap,
  workload,
  workloads,
  type Container,
  type PodSpec,
  type Volume,
} from '../support/template/model.ts';
import { build, environments, environmentValues, overlayDir, pinnedRef, renderOverlay, swapComponent, variant, type K8sObject } from '../support/template/render.ts';

const gitSyncUid = 65533;

function gitSync(objects: K8sObject[], kind: string, name: string): { spec: PodSpec; sidecar: Container } {
  const spec = workload(objects, kind, name).spec.template.spec;
  return { spec, sidecar: container(spec, 'git-sync') };
}

/** Whether a process with this uid and these groups may read a file owned by root:group with this mode. */
function canRead(mode: number, fileGroup: number, uid: number, groups: number[]): boolean {
  if (uid === 0) return (mode & 0o400) !== 0;
  if (groups.includes(fileGroup)) return (mode & 0o040) !== 0;
  return (mode & 0o004) !== 0;
}

/** Secret volume files are owned by root and, with an fsGroup, by that group. */
function secretFileModes(volume: Volume): number[] {
  const secret = volume.secret;
  if (!secret) throw new Error(`${volume.name} is not a secret volume`);
  const mode = secret.defaultMode ?? 0o644;
  return (secret.items ?? []).map((item) => item.mode ?? mode);
}

describe.each(environments)('git-sync in overlay %s', (env) => {
  it('is a native sidecar of the scheduler, dag-processor, triggerer and workers, and of nothing else', async () => {
    const objects = await renderOverlay(env);
    const withSidecar = workloads(objects)
      .filter((w) => allContainers(w.spec.template.spec).some((c) => c.name === 'git-sync'))
      .map((w) => `${w.kind}/${w.metadata.name}`)
      .sort();
    expect(withSidecar).toEqual(dagReaders.map(([k, n]) => `${k}/${n}`).sort());
    for (const [kind, name] of dagReaders) {
      const { spec, sidecar } = gitSync(objects, kind, name);
      expect(spec.initContainers?.some((c) => c.name === 'git-sync'), name).toBe(true);
      expect(sidecar.restartPolicy, name).toBe('Always');
      expect(sidecar.image).toBe('registry.k8s.io/git-sync/git-sync:v4.7.1');
    }
  });

  it('probes the --http-bind endpoint for startup, readiness and liveness', async () => {
    const objects = await renderOverlay(env);
    for (const [kind, name] of dagReaders) {
      const { sidecar } = gitSync(objects, kind, name);
      const bind = envValue(sidecar, 'GITSYNC_HTTP_BIND');
      expect(bind, name).toMatch(/^:\d+$/);
      const port = sidecar.ports?.find((p) => `:${p.containerPort}` === bind);
      expect(port, `${name}: a container port for ${bind}`).toBeDefined();
      for (const probe of [sidecar.startupProbe, sidecar.readinessProbe, sidecar.livenessProbe]) {
        expect(probe?.httpGet?.path, name).toBe('/');
        expect([port?.name, port?.containerPort], name).toContain(probe?.httpGet?.port);
      }
    }
  });

  it('uses only GITSYNC_* settings, only GITSYNC_REF for the revision, and no flags', async () => {
    const objects = await renderOverlay(env);
    for (const [kind, name] of dagReaders) {
      const { sidecar } = gitSync(objects, kind, name);
      const names = (sidecar.env ?? []).map((e) => e.name);
      for (const n of names) expect(n, name).toMatch(/^GITSYNC_/);
      expect(names.filter((n) => /^GIT_SYNC_|^GIT_/.test(n))).toEqual([]);
      expect(names).not.toContain('GITSYNC_BRANCH');
      expect(names).not.toContain('GITSYNC_REV');
      expect(names.filter((n) => n === 'GITSYNC_REF')).toHaveLength(1);
      expect(sidecar.args ?? []).toEqual([]);
      expect(sidecar.command ?? []).toEqual([]);
      expect(sidecar.envFrom ?? []).toEqual([]);
      expect(envValue(sidecar, 'GITSYNC_ROOT')).toBe('/git');
      expect(envValue(sidecar, 'GITSYNC_LINK')).toBe('repo');
      expect(envValue(sidecar, 'GITSYNC_PERIOD')).toMatch(/^\d+s$/);
      expect(Number(envValue(sidecar, 'GITSYNC_MAX_FAILURES'))).toBeGreaterThan(0);
    }
  });

  it('syncs the overlay repository at the commit in its git-sync-ref.env', async () => {
    const objects = await renderOverlay(env);
    const ref = await pinnedRef(env);
    const values = await environmentValues(env);
    expect(ref).toMatch(/^[0-9a-f]{40}$/);
    for (const [kind, name] of dagReaders) {
      const { sidecar } = gitSync(objects, kind, name);
      expect(envValue(sidecar, 'GITSYNC_REF'), name).toBe(ref);
      expect(envValue(sidecar, 'GITSYNC_REPO'), name).toBe(values.dagRepo);
    }
  });

  it('runs as uid/gid 65533, read-only root, no privileges', async () => {
    const objects = await renderOverlay(env);
    for (const [kind, name] of dagReaders) {
      const { spec, sidecar } = gitSync(objects, kind, name);
      expect(sidecar.securityContext?.runAsUser).toBe(gitSyncUid);
      expect(sidecar.securityContext?.runAsGroup).toBe(gitSyncUid);
      expect(sidecar.securityContext?.readOnlyRootFilesystem).toBe(true);
      expect(spec.securityContext?.fsGroup, name).toBe(gitSyncUid);
      const tmp = sidecar.volumeMounts?.find((m) => m.mountPath === '/tmp');
      expect(tmp, 'git-sync needs a writable HOME=/tmp').toBeDefined();
    }
  });

  it('shares the DAGs through an emptyDir the Airflow container mounts read-only, at the path of dags_folder', async () => {
    const objects = await renderOverlay(env);
    const config = generatedConfigMap(objects, 'airflow-config').data;
    const values = await environmentValues(env);
    for (const [kind, name] of dagReaders) {
      const { spec, sidecar } = gitSync(objects, kind, name);
      const gitMount = sidecar.volumeMounts?.find((m) => m.mountPath === envValue(sidecar, 'GITSYNC_ROOT'));
      expect(gitMount, name).toBeDefined();
      const volume = spec.volumes?.find((v) => v.name === gitMount?.name);
      expect(volume?.emptyDir, name).toBeDefined();
      const airflowMount = container(spec, 'airflow').volumeMounts?.find((m) => m.name === gitMount?.name);
      expect(airflowMount?.readOnly, name).toBe(true);
      const link = `${airflowMount?.mountPath}/${envValue(sidecar, 'GITSYNC_LINK')}`;
      expect(config.AIRFLOW__CORE__DAGS_FOLDER, name).toBe(`${link}/${values.dagSubdir}`);
    }
  });
});

describe.each(['dev', 'staging', 'prod'] as const)('git-sync over SSH in overlay %s', (env) => {
  it('mounts the key and known_hosts read-only, readable by git-sync alone, with host-key checking on', async () => {
    const objects = await renderOverlay(env);
    for (const [kind, name] of dagReaders) {
      const { spec, sidecar } = gitSync(objects, kind, name);
      expect(envValue(sidecar, 'GITSYNC_SSH_KNOWN_HOSTS')).toBe('true');
      const keyFile = envValue(sidecar, 'GITSYNC_SSH_KEY_FILE') ?? '';
      const knownHostsFile = envValue(sidecar, 'GITSYNC_SSH_KNOWN_HOSTS_FILE') ?? '';
      const mount = sidecar.volumeMounts?.find((m) => keyFile.startsWith(`${m.mountPath}/`));
      expect(mount?.readOnly, name).toBe(true);
      expect(knownHostsFile.startsWith(`${mount?.mountPath}/`)).toBe(true);
      const volume = spec.volumes?.find((v) => v.name === mount?.name);
      expect(volume?.secret?.secretName).toBe('airflow-git-ssh');
      expect(volume?.secret?.optional ?? false).toBe(false);
      const items = volume?.secret?.items ?? [];
      expect(items).toEqual(
        expect.arrayContaining([
          { key: 'ssh-privatekey', path: keyFile.slice((mount?.mountPath.length ?? 0) + 1) },
          { key: 'known_hosts', path: knownHostsFile.slice((mount?.mountPath.length ?? 0) + 1) },
        ]),
      );
      const fsGroup = spec.securityContext?.fsGroup ?? -1;
      const gitSyncGroups = [sidecar.securityContext?.runAsGroup ?? -1, fsGroup];
      const airflow = container(spec, 'airflow');
      for (const mode of secretFileModes(volume ?? { name: '' })) {
        expect(canRead(mode, fsGroup, gitSyncUid, gitSyncGroups), `git-sync reads mode ${mode.toString(8)}`).toBe(true);
        expect(mode & 0o007, 'no access for others').toBe(0);
        expect(mode & 0o222, 'read-only').toBe(0);
      }
      // Only git-sync mounts the secret; the Airflow containers never see it.
      for (const c of allContainers(spec).filter((x) => x.name !== 'git-sync')) {
        expect(c.volumeMounts?.some((m) => m.name === volume?.name) ?? false, c.name).toBe(false);
      }
      expect(airflow.securityContext?.runAsUser ?? spec.securityContext?.runAsUser).not.toBe(gitSyncUid);
    }
  });
});

describe('the key mode check itself', () => {
  it('tells 0440 with fsGroup 65533 (readable) from 0400 (root only)', () => {
    expect(canRead(0o440, 65533, 65533, [65533, 65533])).toBe(true);
    expect(canRead(0o400, 65533, 65533, [65533, 65533])).toBe(false);
    expect(canRead(0o440, 65533, 50000, [0])).toBe(false);
  });
});

describe('the pinned ref', () => {
  it('rolls the pods when it changes: the pod templates differ and nothing else does', async () => {
    const other = 'f'.repeat(40);
    const dir = await variant('prod', { gitSyncRef: `GITSYNC_REF=${other}\n` });
    const [before, after] = await Promise.all([renderOverlay('prod'), build(dir)]);
    for (const [kind, name] of dagReaders) {
      expect(envValue(gitSync(after, kind, name).sidecar, 'GITSYNC_REF')).toBe(other);
      expect(workload(after, kind, name).spec.template).not.toEqual(workload(before, kind, name).spec.template);
    }
    const unchanged = (objects: K8sObject[]) =>
      objects.filter((o) => !dagReaders.some(([k, n]) => o.kind === k && o.metadata.name === n));
    expect(unchanged(after)).toEqual(unchanged(before));
  });

  it('lives in a one-line file per overlay', async () => {
    for (const env of environments) {
      const text = await readFile(join(overlayDir(env), 'git-sync-ref.env'), 'utf8');
      expect(text).toMatch(/^GITSYNC_REF=[0-9a-f]{40}\n$/);
    }
  });

  it('is required: a missing ref file fails the build, naming the file', async () => {
    const dir = await variant('dev', { gitSyncRef: null });
    await expect(build(dir)).rejects.toThrow(/git-sync-ref\.env/);
  });

  it('is required: an overlay without the git-sync-ref generator fails the build, naming it', async () => {
    const dir = await variant('dev', {
      kustomization: (text) => text.replace(/configMapGenerator:[\s\S]*$/, ''),
    });
    await expect(build(dir)).rejects.toThrow(/git-sync-ref/);
  });
});

describe('git-sync over HTTPS with a token', () => {
  it('reads the username from the Secret and the token from a 0440 file, with no SSH settings', async () => {
    const dir = await variant('prod', { kustomization: (t) => swapComponent(t, 'git-sync-ssh', 'git-sync-https-token') });
    const objects = await build(dir);
    for (const [kind, name] of dagReaders) {
      const { spec, sidecar } = gitSync(objects, kind, name);
      const names = (sidecar.env ?? []).map((e) => e.name);
      for (const n of names) expect(n).toMatch(/^GITSYNC_/);
      expect(names.filter((n) => n.startsWith('GITSYNC_SSH'))).toEqual([]);
      expect(sidecar.env?.find((e) => e.name === 'GITSYNC_USERNAME')?.valueFrom?.secretKeyRef).toEqual({ name: 'airflow-git-https', key: 'username' });
      expect(names).not.toContain('GITSYNC_PASSWORD');
      const tokenFile = envValue(sidecar, 'GITSYNC_PASSWORD_FILE') ?? '';
      const mount = sidecar.volumeMounts?.find((m) => tokenFile.startsWith(`${m.mountPath}/`));
      expect(mount?.readOnly).toBe(true);
      const volume = spec.volumes?.find((v) => v.name === mount?.name);
      expect(volume?.secret?.secretName).toBe('airflow-git-https');
      expect(volume?.secret?.items).toEqual([{ key: 'token', path: tokenFile.slice((mount?.mountPath.length ?? 0) + 1) }]);
      for (const mode of secretFileModes(volume ?? { name: '' })) {
        expect(canRead(mode, spec.securityContext?.fsGroup ?? -1, gitSyncUid, [gitSyncUid, spec.securityContext?.fsGroup ?? -1])).toBe(true);
        expect(mode & 0o007).toBe(0);
      }
    }
  });
});

describe('a separate DAG repository', () => {
  it('takes its URL and DAG folder from environment.yaml; the root of the repository works too', async () => {
    const dir = await variant('staging', { environment: { dagRepo: 'git@git.example.com:data/dags.git', dagSubdir: '' } });
    const objects = await build(dir);
    expect(generatedConfigMap(objects, 'airflow-config').data.AIRFLOW__CORE__DAGS_FOLDER).toBe('/opt/airflow/dags/repo/');
    for (const [kind, name] of dagReaders) {
      expect(envValue(gitSync(objects, kind, name).sidecar, 'GITSYNC_REPO')).toBe('git@git.example.com:data/dags.git');
    }
  });

  it('fails the build when environment.yaml lacks dagRepo, naming the key', async () => {
    const dir = await variant('staging', { environment: { dagRepo: null } });
    await expect(build(dir)).rejects.toThrow(/data\.dagRepo/);
  });
});
