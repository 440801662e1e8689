/**
 * Credentials of a pod's service account, for runners that run inside the
 * cluster they deploy to (self-hosted runners on Kubernetes): used when no
 * kubeconfig is given or found.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ClusterAuth } from './cluster-auth.ts';

const accountDir = '/var/run/secrets/kubernetes.io/serviceaccount';

export function inClusterAuth(env: NodeJS.ProcessEnv, dir = accountDir): ClusterAuth | undefined {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  if (!host || !port || !existsSync(`${dir}/token`)) return undefined;
  return {
    server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    ca: existsSync(`${dir}/ca.crt`) ? readFileSync(`${dir}/ca.crt`) : undefined,
    insecureSkipTlsVerify: false,
    token: readFileSync(`${dir}/token`, 'utf8').trim(),
    source: `the pod's service account (${dir})`,
  };
}
