// How one container of a pod is started: the image's stand-in and
// entrypoint, the environment (image, then the container's, as the kubelet
// builds it, then what the runtime needs to place the process in its pod),
// and the path map of its mounts and writable image folders.
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { containerEnv, expand, type ObjectSource } from './environment.ts';
import { imageFor, localUser, nssWrapper, runtimeHome } from './images.ts';
import { pathRewriter, type PathMap } from './rewrite.ts';
import type { Launch } from './container.ts';
import type { Container, Pod } from './types.ts';

export interface PodContext {
  pod: Pod;
  podDir: string;
  podIP: string;
  hostIP: string;
  hostsFile: string;
  volumes: Map<string, string>;
  venv: string;
  source: ObjectSource;
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory()) chownTree(join(path, entry.name), uid, gid);
    else chownSync(join(path, entry.name), uid, gid);
  }
}

function pathMap(container: Container, ctx: PodContext, writable: string[]): PathMap {
  const own = join(ctx.podDir, 'containers', container.name);
  const map: PathMap = writable.map((path) => {
    const folder = join(own, path.replaceAll('/', '_'));
    mkdirSync(folder, { recursive: true });
    return [path, folder];
  });
  for (const mount of container.volumeMounts ?? []) {
    const folder = ctx.volumes.get(mount.name);
    if (!folder) throw new Error(`pod ${ctx.pod.metadata.name} container ${container.name}: volume ${mount.name} is not provided by the runtime`);
    const target = mount.subPath ? join(folder, mount.subPath) : folder;
    mkdirSync(target, { recursive: true });
    map.push([mount.mountPath, target]);
  }
  return [...map, ...mountParents(map, join(own, 'mounts'))];
}

/**
 * A folder that exists in the container only because volumes are mounted
 * below it (/run/secrets, for /run/secrets/a and /run/secrets/b) becomes a
 * folder of the container holding links to those mounts, so that a path a
 * program builds from it ("$DIR/a/password") reaches the volume. Folders the
 * machine has (/etc, /run) and folders already mapped keep their meaning.
 */
function mountParents(map: PathMap, root: string): PathMap {
  const covered = (path: string) => map.some(([from]) => path === from || path.startsWith(`${from}/`));
  const parents = new Set<string>();
  for (const [mountPath] of map) {
    for (let p = dirname(mountPath); p !== '/' && !existsSync(p) && !covered(p); p = dirname(p)) parents.add(p);
  }
  for (const [mountPath, target] of map) {
    if (!parents.has(dirname(mountPath))) continue;
    const link = join(root, mountPath);
    mkdirSync(dirname(link), { recursive: true });
    rmSync(link, { force: true });
    symlinkSync(target, link);
  }
  return [...parents].map((p): [string, string] => {
    mkdirSync(join(root, p), { recursive: true });
    return [p, join(root, p)];
  });
}

export async function launchFor(container: Container, ctx: PodContext): Promise<Launch> {
  const image = imageFor(container.image, ctx.venv);
  const map = pathMap(container, ctx, image.writable);
  const rewrite = pathRewriter(map, ctx.podIP);
  const own = await containerEnv(ctx.pod, container, ctx.source, ctx.podIP, ctx.hostIP);
  const hostname = ctx.pod.spec.hostname ?? ctx.pod.metadata.name;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...image.env, HOSTNAME: hostname, ...own })) env[k] = rewrite(v);
  const argv = image.argv(container.command?.map((a) => expand(a, own)), container.args?.map((a) => expand(a, own))).map(rewrite);
  const cwd = rewrite(container.workingDir ?? image.workingDir);
  mkdirSync(cwd, { recursive: true });
  Object.assign(env, {
    LD_PRELOAD: nssWrapper(),
    NSS_WRAPPER_HOSTS: ctx.hostsFile,
    NSS_WRAPPER_HOSTNAME: hostname,
    RUNTIME_POD_IP: ctx.podIP,
    RUNTIME_PATH_MAP: JSON.stringify(map),
    RUNTIME_NODE: process.execPath,
    RUNTIME_HOME: runtimeHome,
    TMPDIR: rewrite('/tmp'),
    // setproctitle (Airflow, Celery) otherwise writes the process title over
    // the environment block, where nss_wrapper keeps pointers to its settings.
    SPT_NOENV: '1',
  });
  let user: { uid: number; gid: number } | undefined;
  if (image.user && process.getuid?.() === 0) {
    user = localUser(image.user);
    for (const [, folder] of map) chownTree(folder, user.uid, user.gid);
  }
  const logDir = join(ctx.podDir, 'logs');
  const stopSignal = image.stopSignal;
  if (image.readsEtcHosts) return { argv: withPodHosts(argv, env, user), env, cwd, rewrite, podIP: ctx.podIP, logDir, stopSignal };
  return { argv, env, cwd, uid: user?.uid, gid: user?.gid, rewrite, podIP: ctx.podIP, logDir, stopSignal };
}

/**
 * For programs that read /etc/hosts themselves (c-ares, in PgBouncer) rather
 * than through nss_wrapper: the container runs in a mount namespace of its
 * own, with the pod's hosts file over /etc/hosts (images/pod-hosts), started
 * as root (sudo when the runtime is not root) and then as the container's
 * user. sudo resets PATH and LD_PRELOAD: they travel in RUNTIME_* variables.
 */
function withPodHosts(argv: string[], env: Record<string, string>, user: { uid: number; gid: number } | undefined): string[] {
  const root = process.getuid?.() === 0;
  const who = user ? `${user.uid}:${user.gid}` : root ? '0:0' : `${process.getuid?.()}:${process.getgid?.()}`;
  Object.assign(env, { RUNTIME_PATH: env.PATH ?? '', RUNTIME_LD_PRELOAD: env.LD_PRELOAD ?? '' });
  const inNamespace = ['unshare', '--mount', join(runtimeHome, 'images', 'pod-hosts'), who, ...argv];
  return root ? inNamespace : ['sudo', '-n', '--preserve-env', ...inNamespace];
}
