import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  connect
} from "./chunk-3P7K43RA.js";
import {
  renderOverlay
} from "./chunk-M4MZUY2E.js";

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
async function openEnvironment(settings, kustomizeOutput) {
  const abort = new AbortController();
  const stopOnError = (promise) => promise.catch((error) => (abort.abort(error), Promise.reject(error)));
  const [rendered, connected] = await Promise.allSettled([
    stopOnError(renderOverlay({ overlayDir: settings.overlayDir, renderedFile: settings.renderedFile, environment: settings.environment, namespace: settings.namespace, revision: settings.revision, env: settings.env, kustomizeOutput })),
    stopOnError(connect(settings, abort.signal))
  ]);
  if (connected.status === "fulfilled" && rendered.status === "rejected") connected.value.client.close();
  if (rendered.status === "rejected" || connected.status === "rejected") throw abort.signal.reason;
  const connection = connected.value;
  return { connection, rendered: { ...rendered.value, objects: normalizeScope(rendered.value.objects, connection) } };
}

export {
  openEnvironment
};
