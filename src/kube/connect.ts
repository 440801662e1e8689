/** Opens the API client and discovery for a command. */
import { defaultTimeouts, KubeClient, type Timeouts } from './client.ts';
import { Discovery } from './discovery.ts';
import { loadClusterAuth } from './kubeconfig.ts';

export type Connection = { client: KubeClient; discovery: Discovery };

export type ConnectOptions = { kubeconfig?: string; context?: string; env: NodeJS.ProcessEnv; timeouts?: Timeouts };

/** The client alone, before discovery (see `connect`). */
export async function openClient(options: ConnectOptions, signal?: AbortSignal): Promise<KubeClient> {
  const timeouts = options.timeouts ?? defaultTimeouts;
  const auth = await loadClusterAuth({ ...options, execTimeoutMs: timeouts.requestMs, signal });
  signal?.throwIfAborted();
  return new KubeClient(auth, timeouts);
}

/** `signal` gives up at once: the exec plugin is killed, the connection closed, and the promise rejects. */
export async function connect(options: ConnectOptions, signal?: AbortSignal): Promise<Connection> {
  const client = await openClient(options, signal);
  const close = () => client.close();
  signal?.addEventListener('abort', close, { once: true });
  try {
    return { client, discovery: await Discovery.load(client) };
  } catch (error) {
    client.close();
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', close);
  }
}
