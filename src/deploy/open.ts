/**
 * The first step of diff and deploy: render the overlay and connect to the
 * cluster at once, before anything is read from it. Its own module, so that the
 * deploy command can start it while the rest of the engine loads.
 */
import { renderOverlay, type Rendered } from './render.ts';
import type { DeploySettings } from './settings.ts';
import { connect, type Connection } from '../kube/connect.ts';
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

/** Renders (or takes the kustomize build the caller started) and connects at once; the caller closes `connection.client`. */
export async function openEnvironment(settings: OpenSettings, kustomizeOutput?: Promise<string>): Promise<Opened> {
  // Render and connect at once; when either fails the other is stopped, so nothing is left running after the error.
  const abort = new AbortController();
  const stopOnError = <T>(promise: Promise<T>) => promise.catch((error: unknown) => (abort.abort(error), Promise.reject(error)));
  const [rendered, connected] = await Promise.allSettled([
    stopOnError(renderOverlay({ overlayDir: settings.overlayDir, renderedFile: settings.renderedFile, environment: settings.environment, namespace: settings.namespace, revision: settings.revision, env: settings.env, kustomizeOutput })),
    stopOnError(connect(settings, abort.signal)),
  ]);
  if (connected.status === 'fulfilled' && rendered.status === 'rejected') connected.value.client.close();
  // The first failure is the one to report: the other may only be its consequence (aborted).
  if (rendered.status === 'rejected' || connected.status === 'rejected') throw abort.signal.reason;
  const connection = connected.value;
  return { connection, rendered: { ...rendered.value, objects: normalizeScope(rendered.value.objects, connection) } };
}

