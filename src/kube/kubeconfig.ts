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

function readBytes(file: string | undefined, data: unknown, base: string): Buffer | undefined {
  if (typeof data === 'string' && data.length > 0) return Buffer.from(data, 'base64');
  if (typeof file === 'string' && file.length > 0) return readFileSync(isAbsolute(file) ? file : join(base, file));
  return undefined;
}

function pick<T>(entries: NamedEntry<T>[] | undefined, name: string, what: string, source: string): T {
  const found = entries?.find((e) => e.name === name);
  if (found === undefined) throw new EnvironmentError(`${source}: no ${what} named '${name}'`);
  return found;
}

export async function loadClusterAuth(options: { kubeconfig?: string; context?: string; env: NodeJS.ProcessEnv }): Promise<ClusterAuth> {
  const source = kubeconfigPath(options.kubeconfig, options.env);
  const implicit = !options.kubeconfig && !options.env.KUBECONFIG;
  if (implicit && !existsSync(source)) {
    const inCluster = inClusterAuth(options.env);
    if (inCluster) return inCluster;
  }
  let raw: RawKubeconfig;
  try {
    raw = parse(readFileSync(source, 'utf8')) as RawKubeconfig;
  } catch (error) {
    throw new EnvironmentError(`cannot read kubeconfig ${source}: ${(error as Error).message}`);
  }
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
    ca: readBytes(cluster['certificate-authority'] as string, cluster['certificate-authority-data'], base),
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    cert: readBytes(user['client-certificate'] as string, user['client-certificate-data'], base),
    key: readBytes(user['client-key'] as string, user['client-key-data'], base),
    source,
  };
  if (typeof user.token === 'string') auth.token = user.token;
  else if (typeof user.tokenFile === 'string') auth.token = readFileSync(user.tokenFile, 'utf8').trim();
  else if (user.exec !== undefined) Object.assign(auth, await runExecPlugin(user.exec as ExecConfig, server, options.env));
  return auth;
}
