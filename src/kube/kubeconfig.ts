/**
 * Reads a kubeconfig into what the HTTP client needs: the server URL and the
 * TLS/credential material of the current (or named) context. Supports the
 * forms CI runners use: embedded or file certificates, bearer tokens, token
 * files and exec credential plugins (EKS, GKE, AKS log-in helpers); without
 * any kubeconfig, a pod's own service account.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { EnvironmentError } from '../errors.ts';
import { runExecPlugin, type ExecConfig } from './exec-credential.ts';
import type { ClusterAuth } from './cluster-auth.ts';
import { inClusterAuth } from './in-cluster.ts';

type NamedEntry<T> = { name: string } & T;
type RawKubeconfig = {
  'current-context'?: string;
  clusters?: NamedEntry<{ cluster: Record<string, unknown> }>[];
  users?: NamedEntry<{ user: Record<string, unknown> }>[];
  contexts?: NamedEntry<{ context: { cluster: string; user?: string } }>[];
};

/** The kubeconfig file to read: an explicit path, else $KUBECONFIG (first entry), else ~/.kube/config. */
export function kubeconfigPath(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  if (explicit) return explicit;
  const fromEnv = env.KUBECONFIG?.split(':').find((p) => p.length > 0);
  return fromEnv ?? join(env.HOME ?? homedir(), '.kube', 'config');
}

/** Reads a file the kubeconfig names; a missing or unreadable one is named with the field that names it. */
function readNamedFile(file: string, base: string, field: string, source: string): Buffer {
  const path = isAbsolute(file) ? file : join(base, file);
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new EnvironmentError(`${source}: ${field} ${path}: ${why}`);
  }
}

function readBytes(file: unknown, data: unknown, base: string, field: string, source: string): Buffer | undefined {
  if (typeof data === 'string' && data.length > 0) return Buffer.from(data, 'base64');
  if (typeof file === 'string' && file.length > 0) return readNamedFile(file, base, field, source);
  return undefined;
}

function pick<T>(entries: NamedEntry<T>[] | undefined, name: string, what: string, source: string): T {
  const found = entries?.find((e) => e.name === name);
  if (found === undefined) throw new EnvironmentError(`${source}: no ${what} named '${name}'`);
  return found;
}

export type LoadOptions = { kubeconfig?: string; context?: string; env: NodeJS.ProcessEnv; execTimeoutMs?: number; signal?: AbortSignal };

/** The kubeconfig's YAML as a mapping; an empty file or anything else is refused by name. */
function readKubeconfig(source: string): RawKubeconfig {
  let raw: unknown;
  try {
    raw = parse(readFileSync(source, 'utf8'));
  } catch (error) {
    throw new EnvironmentError(`cannot read kubeconfig ${source}: ${(error as Error).message}`);
  }
  if (raw === null || raw === undefined) throw new EnvironmentError(`kubeconfig ${source} is empty`);
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new EnvironmentError(`kubeconfig ${source} is not a kubeconfig (a YAML mapping with clusters, users and contexts)`);
  return raw as RawKubeconfig;
}

export async function loadClusterAuth(options: LoadOptions): Promise<ClusterAuth> {
  const source = kubeconfigPath(options.kubeconfig, options.env);
  const implicit = !options.kubeconfig && !options.env.KUBECONFIG;
  if (implicit && !existsSync(source)) {
    const inCluster = inClusterAuth(options.env);
    if (inCluster) return inCluster;
  }
  const raw = readKubeconfig(source);
  const contextName = options.context ?? raw['current-context'];
  if (!contextName) throw new EnvironmentError(`${source}: no current-context set and no --context given`);
  const context = pick(raw.contexts, contextName, 'context', source).context;
  const cluster = pick(raw.clusters, context.cluster, 'cluster', source).cluster;
  const user = context.user ? pick(raw.users, context.user, 'user', source).user : {};
  const base = dirname(source);
  const server = cluster.server;
  if (typeof server !== 'string' || !/^https?:\/\//.test(server)) {
    throw new EnvironmentError(`${source}: cluster '${context.cluster}' has no http(s) server URL`);
  }
  const auth: ClusterAuth = {
    server: server.replace(/\/+$/, ''),
    ca: readBytes(cluster['certificate-authority'], cluster['certificate-authority-data'], base, `cluster '${context.cluster}' certificate-authority`, source),
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    cert: readBytes(user['client-certificate'], user['client-certificate-data'], base, `user '${context.user}' client-certificate`, source),
    key: readBytes(user['client-key'], user['client-key-data'], base, `user '${context.user}' client-key`, source),
    source,
  };
  if (typeof user.token === 'string') auth.token = user.token;
  else if (typeof user.tokenFile === 'string') auth.token = readNamedFile(user.tokenFile, base, `user '${context.user}' tokenFile`, source).toString('utf8').trim();
  else if (user.exec !== undefined) {
    const limits = { timeoutMs: options.execTimeoutMs ?? 30_000, signal: options.signal };
    Object.assign(auth, await runExecPlugin(user.exec as ExecConfig, server, options.env, limits));
  }
  return auth;
}
