/**
 * The first step of diff and deploy: render the overlay and connect to the
 * cluster at once, before anything is read from it. Its own module, so that the
 * deploy command can start it while the rest of the engine loads.
 */
import { renderOverlay, type Rendered } from './render.ts';
import type { DeploySettings } from './settings.ts';
import { openClient, type Connection } from '../kube/connect.ts';
import type { KubeClient } from '../kube/client.ts';
import { Discovery } from '../kube/discovery.ts';
import type { KubeObject } from '../objects.ts';

export type OpenSettings = Pick<DeploySettings, 'environment' | 'overlayDir' | 'renderedFile' | 'namespace' | 'revision' | 'env' | 'kubeconfig' | 'context' | 'timeouts'>;

/** Cluster-scoped objects must not carry a namespace (kustomize adds one to kinds it does not know). */
function normalizeScope(objects: KubeObject[], connection: Connection): KubeObject[] {
  return objects.map((o) => {
    const info = connection.discovery.find(o);
    if (info && !info.namespaced && o.metadata.namespace !== undefined) {
      const metadata = { ...o.metadata };
      delete metadata.namespace;
      return { ...o, metadata };
    }
    return o;
  });
}

/** The render and the connection, before anything is read from the cluster. */
export type Opened = { connection: Connection; rendered: Rendered };

/**
 * The render and the client, discovery still loading: enough to take the deploy lock (a Lease, a
 * Namespace: kinds every cluster serves) while discovery finishes. The caller closes `client`.
 */
export type Started = { client: KubeClient; rendered: Rendered; discovery: Promise<Discovery> };

/** Renders (or takes the kustomize build the caller started) and connects at once; discovery starts as soon as the client is there. */
export async function startEnvironment(settings: OpenSettings, kustomizeOutput?: Promise<string>): Promise<Started> {
  // Render and connect at once; when either fails the other is stopped, so nothing is left running after the error.
  const abort = new AbortController();
  const stopOnError = <T>(promise: Promise<T>) => promise.catch((error: unknown) => (abort.abort(error), Promise.reject(error)));
  const connecting = stopOnError(openClient(settings, abort.signal));
  const discovery = connecting.then((client) => Discovery.load(client));
  // Awaited by `openedFrom`; when the render fails first, the client is closed and this failure is moot.
  discovery.catch(() => undefined);
  const [rendered, connected] = await Promise.allSettled([
    stopOnError(renderOverlay({ overlayDir: settings.overlayDir, renderedFile: settings.renderedFile, environment: settings.environment, namespace: settings.namespace, revision: settings.revision, env: settings.env, kustomizeOutput })),
    connecting,
  ]);
  if (connected.status === 'fulfilled' && rendered.status === 'rejected') connected.value.close();
  // The first failure is the one to report: the other may only be its consequence (aborted).
  if (rendered.status === 'rejected' || connected.status === 'rejected') throw abort.signal.reason;
  return { client: connected.value, rendered: rendered.value, discovery };
}

/** Once discovery is loaded: the connection, and the render with cluster-scoped objects namespace-free. */
export async function openedFrom(started: Started): Promise<Opened> {
  const connection = { client: started.client, discovery: await started.discovery };
  return { connection, rendered: { ...started.rendered, objects: normalizeScope(started.rendered.objects, connection) } };
}

/** Renders and connects at once, discovery included; the caller closes `connection.client`. */
export async function openEnvironment(settings: OpenSettings, kustomizeOutput?: Promise<string>): Promise<Opened> {
  const started = await startEnvironment(settings, kustomizeOutput);
  try {
    return await openedFrom(started);
  } catch (error) {
    started.client.close();
    throw error;
  }
}

