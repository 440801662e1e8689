// Does components/git-dag-bundle, as rendered, let Airflow fetch the DAGs
// itself? Airflow 3.3 with the git provider (the official image ships it; here
// from .venv/airflow-extras) runs the bundle manager with the rendered
// configuration against a real sshd on loopback, as the Airflow user of the
// pod (uid 50000, group 0, via setpriv), with the deploy key laid out as the
// kubelet lays out the secret volume (owner root, group = the pod's fsGroup,
// the rendered mode). Only the mount paths move into the test's folder.
import { execa } from 'execa';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { container, generatedConfigMap, workload, type Container, type PodSpec } from '../support/template/model.ts';
import { build, swapComponent, variant } from '../support/template/render.ts';
import { airflowExtras, airflowPython, requireFile } from '../support/template/processes.ts';
import { startGitServer, type GitServer } from '../support/template/sshd.ts';

const nssWrapper = '/usr/lib/x86_64-linux-gnu/libnss_wrapper.so';

const fetchBundle = `
import json, sys
from airflow.dag_processing.bundles.manager import DagBundlesManager
manager = DagBundlesManager()
def files(bundle):
    bundle.initialize()
    return sorted(str(p.relative_to(bundle.path)) for p in bundle.path.rglob("*.py"))
tracking = manager.get_bundle("dags")
tracked = files(tracking)
current = tracking.get_current_version()
pinned = manager.get_bundle("dags", version=sys.argv[1])
print(json.dumps({"version": getattr(current, "version", current), "files": tracked, "versionFiles": files(pinned), "supportsVersioning": tracking.supports_versioning}))
`;

interface Rendered {
  pod: PodSpec;
  airflow: Container;
  config: Record<string, string>;
}

function mountPath(c: Container, volume: string): string {
  const found = c.volumeMounts?.find((m) => m.name === volume);
  if (found === undefined) throw new Error(`${c.name} mounts no ${volume}`);
  return found.mountPath;
}

describe('GitDagBundle as components/git-dag-bundle renders it (dev, real sshd)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'git-bundle-'));
  let server: GitServer;

  beforeAll(async () => {
    requireFile(join(airflowExtras, 'airflow', 'providers', 'git'), 'scripts/test.sh installs test/support/template/airflow-extras.txt into .venv/airflow-extras');
    chmodSync(dir, 0o755);
    server = await startGitServer(dir, [
      { 'dags/dag_one.py': '# the first DAG\n', 'README.md': 'dags\n' },
      { 'dags/dag_two.py': '# the second DAG\n' },
    ]);
  });

  afterAll(() => {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function render(ref: string): Promise<Rendered> {
    const overlay = await variant('dev', {
      kustomization: (t) => swapComponent(t, 'git-sync-ssh', 'git-dag-bundle'),
      environment: { dagRepo: server.url },
      gitSyncRef: `GITSYNC_REF=${ref}\n`,
    });
    const objects = await build(overlay);
    const pod = workload(objects, 'Deployment', 'airflow-dag-processor').spec.template.spec;
    return { pod, airflow: container(pod, 'airflow'), config: generatedConfigMap(objects, 'airflow-config').data };
  }

  /** Runs the bundle manager as the pod's Airflow user with the rendered settings. */
  async function fetchAsAirflow(rendered: Rendered, knownHosts: string, version: string) {
    const uid = rendered.pod.securityContext?.runAsUser ?? -1;
    const gid = rendered.pod.securityContext?.runAsGroup ?? -1;
    const fsGroup = rendered.pod.securityContext?.fsGroup ?? -1;
    const volume = rendered.pod.volumes?.find((v) => v.name === 'git-ssh')?.secret;
    expect(volume, 'git-ssh volume').toBeDefined();
    const keys = mkdtempSync(join(dir, 'secret-volume-'));
    chmodSync(keys, 0o755);
    const contents: Record<string, string> = { 'ssh-privatekey': server.deployKey, known_hosts: knownHosts };
    for (const item of volume?.items ?? []) {
      writeFileSync(join(keys, item.path), contents[item.key] ?? '');
      chownSync(join(keys, item.path), 0, fsGroup);
      chmodSync(join(keys, item.path), volume?.defaultMode ?? 0o644);
    }
    const storage = mkdtempSync(join(dir, 'dags-volume-'));
    chownSync(storage, uid, gid);
    const home = mkdtempSync(join(dir, 'home-'));
    chownSync(home, uid, gid);
    writeFileSync(join(dir, 'passwd'), `root:x:0:0:root:/root:/bin/bash\nairflow:x:${uid}:${gid}::${home}:/bin/bash\n`);
    writeFileSync(join(dir, 'group'), `root:x:0:\n`);
    const relocate = (value: string) => value.replaceAll(mountPath(rendered.airflow, 'git-ssh'), keys).replaceAll(mountPath(rendered.airflow, 'dags'), storage);
    const settings = Object.entries(rendered.config).filter(([k]) => /^AIRFLOW__DAG_PROCESSOR__|^AIRFLOW_DAG_BUNDLE_|^AIRFLOW_CONN_/.test(k));
    return execa('setpriv', [`--reuid=${uid}`, `--regid=${gid}`, `--groups=${fsGroup}`, airflowPython, '-c', fetchBundle, version], {
      reject: false,
      extendEnv: false,
      env: {
        ...Object.fromEntries(settings.map(([k, v]) => [k, relocate(v)])),
        PATH: process.env.PATH,
        HOME: home,
        AIRFLOW_HOME: home,
        PYTHONPATH: airflowExtras,
        LD_PRELOAD: nssWrapper,
        NSS_WRAPPER_PASSWD: join(dir, 'passwd'),
        NSS_WRAPPER_GROUP: join(dir, 'group'),
      },
    });
  }

  it('clones the pinned commit, not the branch tip, over SSH with the key readable by the Airflow user only through its group', async () => {
    const [first, second] = server.commits;
    const rendered = await render(first ?? '');
    expect(rendered.pod.initContainers?.map((c) => c.name)).not.toContain('git-sync');
    expect(rendered.config.AIRFLOW_DAG_BUNDLE_REF).toBe(first);
    const result = await fetchAsAirflow(rendered, server.knownHosts.right, second ?? '');
    expect(result.exitCode, result.stderr.slice(-3000)).toBe(0);
    const out = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { version: string; files: string[]; versionFiles: string[]; supportsVersioning: boolean };
    expect(out.version).toBe(first);
    expect(out.files).toEqual(['dag_one.py']);
    // A DAG run records its bundle version; a worker checks out exactly that one.
    expect(out.supportsVersioning).toBe(true);
    expect(out.versionFiles).toEqual(['dag_one.py', 'dag_two.py']);
  }, 180_000);

  it('follows a bump: the new ref in the ref file is the commit the bundle tracks', async () => {
    const [first, second] = server.commits;
    const result = await fetchAsAirflow(await render(second ?? ''), server.knownHosts.right, first ?? '');
    expect(result.exitCode, result.stderr.slice(-3000)).toBe(0);
    const out = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { version: string; files: string[]; versionFiles: string[] };
    expect(out.version).toBe(second);
    expect(out.files).toEqual(['dag_one.py', 'dag_two.py']);
    expect(out.versionFiles).toEqual(['dag_one.py']);
  }, 180_000);

  it('refuses a server whose host key is not in known_hosts', async () => {
    const result = await fetchAsAirflow(await render(server.commits[0] ?? ''), server.knownHosts.wrong, server.commits[0] ?? '');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('Host key verification failed');
  }, 180_000);
});
