// A pod's volumes as folders: emptyDir in the pod's own folder (gone with the
// pod), a persistentVolumeClaim in a folder named after its bound
// PersistentVolume (kept after the pod, found again by the next pod that
// claims it), Secrets and ConfigMaps written as files with their modes
// (defaultMode, or an item's mode), as the kubelet's atomic writer would.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KubeClient } from '../../src/kube/client.ts';
import type { ObjectSource } from './environment.ts';
import type { DataObject, KeyToPath, Pod, Volume } from './types.ts';

/**
 * The kubelet writes Secret and ConfigMap files as root and, under an
 * fsGroup, gives them that group with group read added (mode | 0440). A pod
 * that runs as non-root does not own them; here its processes run as the
 * runtime's user, so such a pod's files go to nobody and the runtime's group:
 * readable through the group, and a program that checks it does not own a
 * file (ssh accepts a group-readable key only from another owner) sees what
 * it sees in the pod. Needs root or sudo, like the pod addresses.
 */
function ownAsKubelet(files: string[], pod: Pod): void {
  const context = pod.spec.securityContext;
  const nonRoot = context?.runAsNonRoot === true || (context?.runAsUser ?? 0) > 0;
  if (context?.fsGroup === undefined || !nonRoot || files.length === 0) return;
  for (const file of files) chmodSync(file, statSync(file).mode | 0o440);
  const gid = process.getgid?.() ?? 0;
  if (process.getuid?.() === 0) {
    for (const file of files) chownSync(file, 65534, gid);
    return;
  }
  execFileSync('sudo', ['-n', 'chown', `65534:${gid}`, ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function writeItems(dir: string, object: DataObject, secret: boolean, items: KeyToPath[] | undefined, defaultMode: number, where: string): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const data: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(object.data ?? {})) data[k] = secret ? Buffer.from(v, 'base64') : Buffer.from(v, 'utf8');
  for (const [k, v] of Object.entries(object.binaryData ?? {})) data[k] = Buffer.from(v, 'base64');
  const wanted: KeyToPath[] = items ?? Object.keys(data).map((key) => ({ key, path: key }));
  const files: string[] = [];
  for (const item of wanted) {
    const value = data[item.key];
    if (value === undefined) throw new Error(`${where}: no key ${item.key} (FailedMount)`);
    const file = join(dir, item.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, value);
    chmodSync(file, item.mode ?? defaultMode);
    files.push(file);
  }
  return files;
}

async function claimFolder(client: KubeClient, stateDir: string, namespace: string, claim: string): Promise<string> {
  const pvc = await client.request<{ spec: { volumeName?: string } }>('GET', `/api/v1/namespaces/${namespace}/persistentvolumeclaims/${claim}`);
  if (!pvc.spec.volumeName) throw new Error(`claim ${namespace}/${claim} is not bound (FailedMount)`);
  return join(stateDir, 'volumes', pvc.spec.volumeName);
}

async function volumeFolder(volume: Volume, podDir: string, pod: Pod, client: KubeClient, source: ObjectSource, stateDir: string): Promise<string | undefined> {
  const where = `pod ${pod.metadata.name} volume ${volume.name}`;
  const dir = join(podDir, 'volumes', volume.name);
  if (volume.emptyDir) {
    mkdirSync(dir, { recursive: true });
    return dir;
  }
  if (volume.persistentVolumeClaim) {
    const folder = await claimFolder(client, stateDir, pod.metadata.namespace ?? 'default', volume.persistentVolumeClaim.claimName);
    mkdirSync(folder, { recursive: true });
    return folder;
  }
  if (volume.secret) {
    const secret = await source.secret(volume.secret.secretName);
    if (!secret) {
      if (volume.secret.optional) return dir;
      throw new Error(`${where}: Secret ${volume.secret.secretName} not found (FailedMount)`);
    }
    ownAsKubelet(writeItems(dir, secret, true, volume.secret.items, volume.secret.defaultMode ?? 0o644, where), pod);
    return dir;
  }
  if (volume.configMap) {
    const configMap = await source.configMap(volume.configMap.name);
    if (!configMap) {
      if (volume.configMap.optional) return dir;
      throw new Error(`${where}: ConfigMap ${volume.configMap.name} not found (FailedMount)`);
    }
    ownAsKubelet(writeItems(dir, configMap, false, volume.configMap.items, volume.configMap.defaultMode ?? 0o644, where), pod);
    return dir;
  }
  return undefined;
}

/** Volume name -> folder, for every volume of the pod the runtime knows how to provide. */
export async function prepareVolumes(pod: Pod, podDir: string, client: KubeClient, source: ObjectSource, stateDir: string): Promise<Map<string, string>> {
  const folders = new Map<string, string>();
  for (const volume of pod.spec.volumes ?? []) {
    const folder = await volumeFolder(volume, podDir, pod, client, source, stateDir);
    if (folder) folders.set(volume.name, folder);
  }
  return folders;
}
