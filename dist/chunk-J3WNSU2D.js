import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  Discovery,
  openClient
} from "./chunk-I3JNE5F2.js";
import {
  renderOverlay
} from "./chunk-PRALPFIX.js";

// src/deploy/open.ts
function normalizeScope(objects, connection) {
  return objects.map((o) => {
    const info = connection.discovery.find(o);
    if (info && !info.namespaced && o.metadata.namespace !== void 0) {
      const metadata = { ...o.metadata };
      delete metadata.namespace;
      return { ...o, metadata };
    }
    return o;
  });
}
async function startEnvironment(settings, kustomizeOutput) {
  const abort = new AbortController();
  const stopOnError = (promise) => promise.catch((error) => (abort.abort(error), Promise.reject(error)));
  const connecting = stopOnError(openClient(settings, abort.signal));
  const discovery = connecting.then((client) => Discovery.load(client));
  discovery.catch(() => void 0);
  const [rendered, connected] = await Promise.allSettled([
    stopOnError(renderOverlay({ overlayDir: settings.overlayDir, renderedFile: settings.renderedFile, environment: settings.environment, namespace: settings.namespace, revision: settings.revision, env: settings.env, kustomizeOutput })),
    connecting
  ]);
  if (connected.status === "fulfilled" && rendered.status === "rejected") connected.value.close();
  if (rendered.status === "rejected" || connected.status === "rejected") throw abort.signal.reason;
  return { client: connected.value, rendered: rendered.value, discovery };
}
async function openedFrom(started) {
  const connection = { client: started.client, discovery: await started.discovery };
  return { connection, rendered: { ...started.rendered, objects: normalizeScope(started.rendered.objects, connection) } };
}
async function openEnvironment(settings, kustomizeOutput) {
  const started = await startEnvironment(settings, kustomizeOutput);
  try {
    return await openedFrom(started);
  } catch (error) {
    started.client.close();
    throw error;
  }
}

export {
  startEnvironment,
  openedFrom,
  openEnvironment
};
