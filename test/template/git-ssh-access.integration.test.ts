// Does git-sync's SSH setup, as the template renders it, really work? git-sync
// itself cannot be built here (its module is not served by the Go module proxy),
// so this reproduces what it does with the real programs it runs: the secret
// volume is laid out as the kubelet lays it (owner root, group = the pod's
// fsGroup, the rendered defaultMode), and `git ls-remote` runs as git-sync's
// uid and gid with the ssh command git-sync v4 builds
// ("ssh -i <key> -o StrictHostKeyChecking=yes -o UserKnownHostsFile=<file>")
// against a real sshd on loopback. A passwd entry for the uid comes from
// nss_wrapper, as the git-sync image has one. Starting sshd, the ownership of
// the volume's files and the switch of uid need root: through sudo when the
// tests do not run as root (test/support/privileged.ts).
import { execa, type ResultPromise } from 'execa';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOverlay, type K8sObject } from '../support/template/render.ts';
import { asRoot, runAsRoot, runningAsRoot } from '../support/privileged.ts';

const nssWrapper = '/usr/lib/x86_64-linux-gnu/libnss_wrapper.so';

type Container = { name: string; env?: { name: string; value?: string }[]; securityContext?: { runAsUser?: number; runAsGroup?: number }; volumeMounts?: { name: string; mountPath: string }[] };
type PodSpec = { securityContext?: { fsGroup?: number }; initContainers?: Container[]; volumes?: { name: string; secret?: { defaultMode?: number; items?: { key: string; path: string }[] } }[] };

/** What the rendered scheduler pod says about git-sync's access to its key. */
function gitSyncAccess(objects: K8sObject[]) {
  const scheduler = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'airflow-scheduler');
  const pod = (scheduler as unknown as { spec: { template: { spec: PodSpec } } }).spec.template.spec;
  const gitSync = pod.initContainers?.find((c) => c.name === 'git-sync');
  const env = Object.fromEntries((gitSync?.env ?? []).map((e) => [e.name, e.value]));
  const volume = pod.volumes?.find((v) => v.name === 'git-ssh');
  const mount = gitSync?.volumeMounts?.find((m) => m.name === 'git-ssh');
  if (!gitSync || !volume?.secret || !mount) throw new Error('the scheduler pod has no git-sync container with the git-ssh volume');
  const found = {
    uid: gitSync.securityContext?.runAsUser,
    gid: gitSync.securityContext?.runAsGroup,
    fsGroup: pod.securityContext?.fsGroup,
    mode: volume.secret.defaultMode,
    keyFile: env.GITSYNC_SSH_KEY_FILE,
    knownHostsFile: env.GITSYNC_SSH_KNOWN_HOSTS_FILE,
  };
  for (const [field, value] of Object.entries(found)) {
    if (value === undefined) throw new Error(`the rendered git-sync setup has no ${field}`);
  }
  return {
    ...(found as { [K in keyof typeof found]: NonNullable<(typeof found)[K]> }),
    items: volume.secret.items ?? [],
    mountPath: mount.mountPath,
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('git-sync SSH access as rendered (real ssh, git and sshd)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'git-ssh-'));
  let sshd: ResultPromise | undefined;
  let port = 0;
  let access: ReturnType<typeof gitSyncAccess>;

  beforeAll(async () => {
    access = gitSyncAccess(await renderOverlay('dev'));
    chmodSync(dir, 0o755);
    await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
    await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'deploy_key')]);
    await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'other_host_key')]);
    writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'deploy_key.pub')));

    const repo = join(dir, 'dags.git');
    await execa('git', ['init', '-q', '--bare', '-b', 'main', repo]);
    const work = join(dir, 'work');
    await execa('git', ['clone', '-q', repo, work]);
    writeFileSync(join(work, 'dag.py'), '# airflow dag\n');
    await execa('git', ['-C', work, 'add', '.']);
    await execa('git', ['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'dags']);
    await execa('git', ['-C', work, 'push', '-q', 'origin', 'main']);
    // sshd runs as root and serves the repository as root: git refuses a repository another user owns.
    await runAsRoot('chown', ['-R', '0:0', repo]);

    port = await freePort();
    writeFileSync(
      join(dir, 'sshd_config'),
      [
        `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${join(dir, 'host_key')}`,
        `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`, 'PermitRootLogin prohibit-password',
        'PasswordAuthentication no', 'KbdInteractiveAuthentication no', 'StrictModes no', 'UsePAM no',
        `PidFile ${join(dir, 'sshd.pid')}`,
      ].join('\n') + '\n',
    );
    await runAsRoot('mkdir', ['-p', '-m', '755', '/run/sshd']);
    sshd = execa(...asRoot('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')]), { reject: false });
    // Ready once the host key is served.
    for (let i = 0; i < 100; i++) {
      const scan = await execa('ssh-keyscan', ['-p', String(port), '-t', 'ed25519', '127.0.0.1'], { reject: false });
      if (scan.stdout.includes('ssh-ed25519')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    sshd?.kill();
    await sshd;
    // Files given to root and to git-sync's uid: only root may remove them all.
    if (!runningAsRoot) await runAsRoot('rm', ['-rf', dir]);
  });

  /** Lays out the secret volume as the kubelet would, then runs git-sync's ssh as git-sync's uid. */
  async function lsRemoteAsGitSync(keyMode: number, knownHostKey: string) {
    const volume = mkdtempSync(join(dir, 'volume-'));
    chmodSync(volume, 0o755);
    const publicHostKey = readFileSync(join(dir, `${knownHostKey}.pub`), 'utf8').trim().split(' ').slice(0, 2).join(' ');
    const contents: Record<string, string> = {
      'ssh-privatekey': readFileSync(join(dir, 'deploy_key'), 'utf8'),
      known_hosts: `[127.0.0.1]:${port} ${publicHostKey}\n`,
    };
    for (const item of access.items) {
      const file = join(volume, item.path);
      writeFileSync(file, contents[item.key] ?? '');
      // The mode first: once the file is root's, only root may change it.
      chmodSync(file, item.key === 'ssh-privatekey' ? keyMode : access.mode);
      await runAsRoot('chown', [`0:${access.fsGroup}`, file]);
    }
    const keyFile = access.keyFile.replace(access.mountPath, volume);
    const knownHosts = access.knownHostsFile.replace(access.mountPath, volume);

    const home = mkdtempSync(join(dir, 'home-'));
    await runAsRoot('chown', [`${access.uid}:${access.gid}`, home]);
    writeFileSync(join(dir, 'passwd'), `root:x:0:0:root:/root:/bin/bash\ngit-sync:x:${access.uid}:${access.gid}::${home}:/sbin/nologin\n`);
    writeFileSync(join(dir, 'group'), `root:x:0:\ngit-sync:x:${access.gid}:\n`);
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      LD_PRELOAD: nssWrapper,
      NSS_WRAPPER_PASSWD: join(dir, 'passwd'),
      NSS_WRAPPER_GROUP: join(dir, 'group'),
      GIT_SSH_COMMAND: `ssh -i ${keyFile} -o StrictHostKeyChecking=yes -o UserKnownHostsFile=${knownHosts}`,
    };
    const setpriv = [`--reuid=${access.uid}`, `--regid=${access.gid}`, `--groups=${access.fsGroup}`, 'git', 'ls-remote', `ssh://root@127.0.0.1:${port}${join(dir, 'dags.git')}`, 'main'];
    return execa(...asRoot('setpriv', setpriv, env), { reject: false, env: {}, extendEnv: false });
  }

  it('renders git-sync as uid/gid 65533 with the key in group 65533, readable by the group only', () => {
    expect(access).toMatchObject({ uid: 65533, gid: 65533, fsGroup: 65533, mode: 0o440 });
    expect(access.keyFile.startsWith(access.mountPath)).toBe(true);
    expect(access.knownHostsFile.startsWith(access.mountPath)).toBe(true);
  });

  it('reaches the repository with the rendered mode and the right host key', async () => {
    const result = await lsRemoteAsGitSync(access.mode, 'host_key');
    expect(result.stderr).not.toContain('Permission denied');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f]{40}\trefs\/heads\/main$/);
  });

  it('could not read a key with mode 0400 (root alone)', async () => {
    const result = await lsRemoteAsGitSync(0o400, 'host_key');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/Load key .*: Permission denied/);
  });

  it('refuses a server whose host key is not in known_hosts', async () => {
    const result = await lsRemoteAsGitSync(access.mode, 'other_host_key');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('Host key verification failed');
  });
});
