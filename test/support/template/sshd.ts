// A git server over SSH on loopback for the template's git tests: real sshd
// with its own host key, a deploy key allowed in (as the user the tests run
// as, so the repositories they own are served without git's ownership
// check), a bare repository with commits, and a second host key for tests
// that expect host-key checking to refuse the server. sshd starts as root
// (through sudo when the tests do not run as root).
import { execa, type ResultPromise } from 'execa';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { asRoot, runAsRoot } from '../privileged.ts';
import { freePort, waitForPort } from './processes.ts';

export interface GitServer {
  port: number;
  /** ssh://USER@127.0.0.1:PORT/…/dags.git */
  url: string;
  /** The commits of main, oldest first. */
  commits: string[];
  deployKey: string;
  /** known_hosts lines for the real host key and for a key the server does not have. */
  knownHosts: { right: string; wrong: string };
  stop: () => void;
}

async function repository(dir: string, files: Record<string, string>[]): Promise<{ repo: string; commits: string[] }> {
  const repo = join(dir, 'dags.git');
  await execa('git', ['init', '-q', '--bare', '-b', 'main', repo]);
  const work = join(dir, 'work');
  await execa('git', ['clone', '-q', repo, work]);
  const commits: string[] = [];
  for (const [i, set] of files.entries()) {
    for (const [path, text] of Object.entries(set)) {
      mkdirSync(join(work, path, '..'), { recursive: true });
      writeFileSync(join(work, path), text);
    }
    await execa('git', ['-C', work, 'add', '.']);
    await execa('git', ['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', `commit ${i}`]);
    commits.push((await execa('git', ['-C', work, 'rev-parse', 'HEAD'])).stdout.trim());
  }
  await execa('git', ['-C', work, 'push', '-q', 'origin', 'main']);
  return { repo, commits };
}

/** An sshd on `host` (a loopback address) that lets the deploy key in as the tests' user. */
export interface SshServer {
  host: string;
  port: number;
  /** ssh://USER@HOST:PORT/<path>, for a repository at `path` on this machine. */
  url: (path: string) => string;
  deployKey: string;
  /** known_hosts lines for the real host key and for a key the server does not have. */
  knownHosts: { right: string; wrong: string };
  stop: () => void;
}

/** Starts sshd on `host` with host and deploy keys of its own in `dir`. */
export async function startSshd(dir: string, host = '127.0.0.1'): Promise<SshServer> {
  for (const key of ['host_key', 'deploy_key', 'other_host_key']) await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, key)]);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'deploy_key.pub')));
  const port = await freePort(host);
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`, `ListenAddress ${host}`, `HostKey ${join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`, 'PermitRootLogin prohibit-password',
      'PasswordAuthentication no', 'KbdInteractiveAuthentication no', 'StrictModes no', 'UsePAM no',
      'AcceptEnv GIT_PROTOCOL', `PidFile ${join(dir, 'sshd.pid')}`,
    ].join('\n') + '\n',
  );
  await runAsRoot('mkdir', ['-p', '-m', '755', '/run/sshd']);
  const sshd: ResultPromise = execa(...asRoot('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')]), { reject: false });
  await waitForPort(port, sshd, 'sshd', host);
  const user = userInfo().username;
  const line = (key: string) => `[${host}]:${port} ${readFileSync(join(dir, `${key}.pub`), 'utf8').trim().split(' ').slice(0, 2).join(' ')}\n`;
  return {
    host,
    port,
    url: (path) => `ssh://${user}@${host}:${port}${path}`,
    deployKey: readFileSync(join(dir, 'deploy_key'), 'utf8'),
    knownHosts: { right: line('host_key'), wrong: line('other_host_key') },
    stop: () => sshd.kill(),
  };
}

/** Starts sshd serving a bare repository whose main has one commit per entry of `files`. */
export async function startGitServer(dir: string, files: Record<string, string>[]): Promise<GitServer> {
  const { repo, commits } = await repository(dir, files);
  const server = await startSshd(dir);
  return { port: server.port, url: server.url(repo), commits, deployKey: server.deployKey, knownHosts: server.knownHosts, stop: server.stop };
}
