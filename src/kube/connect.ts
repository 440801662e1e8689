/** Opens the API client and discovery for a command. */
import { KubeClient } from './client.ts';
import { Discovery } from './discovery.ts';
import { loadClusterAuth } from './kubeconfig.ts';

export type Connection = { client: KubeClient; discovery: Discovery };

export async function connect(options: { kubeconfig?: string; context?: string; env: NodeJS.ProcessEnv }): Promise<Connection> {
  const auth = await loadClusterAuth(options);
  const client = new KubeClient(auth);
  try {
    return { client, discovery: await Discovery.load(client) };
  } catch (error) {
    client.close();
    throw error;
  }
}
