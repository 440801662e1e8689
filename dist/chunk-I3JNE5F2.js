import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  groupOf
} from "./chunk-PRALPFIX.js";
import {
  KubeClient,
  defaultTimeouts
} from "./chunk-R3FHXGE5.js";
import {
  require_dist
} from "./chunk-CT3SYMP3.js";
import {
  EnvironmentError
} from "./chunk-VGK45RJW.js";
import {
  __toESM
} from "./chunk-XNDQ27F5.js";

// src/kube/discovery.ts
var aggregatedAccept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;q=0.5";
var Discovery = class _Discovery {
  byKind = /* @__PURE__ */ new Map();
  // Aggregated discovery lists a group's versions in preference order: the first seen wins.
  byGroupKind = /* @__PURE__ */ new Map();
  static async load(client) {
    const discovery = new _Discovery();
    const roots = await Promise.all(["/api", "/apis"].map((p) => client.request("GET", p, { accept: aggregatedAccept })));
    for (const root of roots) {
      if (root.kind !== "APIGroupDiscoveryList") {
        throw new EnvironmentError(`the API server ${client.server} does not offer aggregated discovery (Kubernetes 1.30 or newer is needed)`);
      }
      discovery.add(root);
    }
    return discovery;
  }
  add(list) {
    for (const group of list.items ?? []) {
      const groupName = group.metadata.name ?? "";
      for (const version of group.versions) {
        for (const resource of version.resources) {
          const kind = resource.responseKind?.kind;
          if (!kind) continue;
          const info = { group: groupName, version: version.version, plural: resource.resource, namespaced: resource.scope === "Namespaced", kind };
          this.byKind.set(`${groupName}/${version.version}/${kind}`, info);
          const gk = groupName === "" ? kind : `${kind}.${groupName}`;
          if (!this.byGroupKind.has(gk)) this.byGroupKind.set(gk, info);
        }
      }
    }
  }
  /** The resource serving `object`'s apiVersion and kind, or undefined when the cluster does not serve it. */
  find(object) {
    const group = groupOf(object.apiVersion);
    const version = object.apiVersion.slice(object.apiVersion.indexOf("/") + 1);
    return this.byKind.get(`${group}/${version}/${object.kind}`);
  }
  /** The preferred version of a group-kind ("Deployment.apps"), as recorded in an inventory. */
  findGroupKind(groupKind) {
    return this.byGroupKind.get(groupKind);
  }
};
function apiVersionOf(info) {
  return info.group === "" ? info.version : `${info.group}/${info.version}`;
}
function collectionPath(info, namespace) {
  const root = info.group === "" ? `/api/${info.version}` : `/apis/${info.group}/${info.version}`;
  return info.namespaced && namespace ? `${root}/namespaces/${encodeURIComponent(namespace)}/${info.plural}` : `${root}/${info.plural}`;
}
function objectPath(info, object) {
  return `${collectionPath(info, object.metadata.namespace)}/${encodeURIComponent(object.metadata.name)}`;
}

// src/kube/kubeconfig.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";

// src/kube/exec-credential.ts
function killGroup(pid) {
  if (pid === void 0) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
  }
}
async function runPlugin(config, env, limits) {
  const { execa } = await import("./execa-UWFTI6ES.js");
  const child = execa(config.command, config.args ?? [], { env, reject: false, stdin: "ignore", detached: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, limits.timeoutMs);
  const abort = () => killGroup(child.pid);
  limits.signal?.addEventListener("abort", abort, { once: true });
  try {
    const result = await child;
    return { result, timedOut };
  } finally {
    clearTimeout(timer);
    limits.signal?.removeEventListener("abort", abort);
  }
}
async function runExecPlugin(config, server, env, limits) {
  const apiVersion = config.apiVersion ?? "client.authentication.k8s.io/v1";
  const extraEnv = Object.fromEntries((config.env ?? []).map((e) => [e.name, e.value]));
  const execInfo = { apiVersion, kind: "ExecCredential", spec: { interactive: false, cluster: { server } } };
  const name = `kubeconfig exec plugin '${config.command}'`;
  const { result, timedOut } = await runPlugin(config, { ...env, ...extraEnv, KUBERNETES_EXEC_INFO: JSON.stringify(execInfo) }, limits);
  limits.signal?.throwIfAborted();
  if (timedOut) throw new EnvironmentError(`${name} did not finish within ${limits.timeoutMs / 1e3} s (the request timeout): it was stopped`);
  if (result.exitCode === void 0) {
    const code = result.cause?.code;
    const why = code === "ENOENT" ? "no such program (is it installed and on PATH?)" : code === "EACCES" ? "not executable" : String(result.shortMessage);
    throw new EnvironmentError(`${name} could not be started: ${why}`);
  }
  if (result.exitCode !== 0) {
    throw new EnvironmentError(`${name} failed (exit ${result.exitCode}): ${String(result.stderr).trim()}`);
  }
  let status;
  try {
    status = JSON.parse(String(result.stdout)).status ?? {};
  } catch {
    throw new EnvironmentError(`${name} printed no ExecCredential JSON`);
  }
  return {
    token: status.token,
    cert: status.clientCertificateData ? Buffer.from(status.clientCertificateData) : void 0,
    key: status.clientKeyData ? Buffer.from(status.clientKeyData) : void 0
  };
}

// src/kube/in-cluster.ts
import { existsSync, readFileSync } from "node:fs";
var accountDir = "/var/run/secrets/kubernetes.io/serviceaccount";
function inClusterAuth(env, dir = accountDir) {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  if (!host || !port || !existsSync(`${dir}/token`)) return void 0;
  return {
    server: `https://${host.includes(":") ? `[${host}]` : host}:${port}`,
    ca: existsSync(`${dir}/ca.crt`) ? readFileSync(`${dir}/ca.crt`) : void 0,
    insecureSkipTlsVerify: false,
    token: readFileSync(`${dir}/token`, "utf8").trim(),
    source: `the pod's service account (${dir})`
  };
}

// src/kube/kubeconfig.ts
function kubeconfigPath(explicit, env) {
  if (explicit) return explicit;
  const fromEnv = env.KUBECONFIG?.split(":").find((p) => p.length > 0);
  return fromEnv ?? join(env.HOME ?? homedir(), ".kube", "config");
}
function readNamedFile(file, base, field, source) {
  const path = isAbsolute(file) ? file : join(base, file);
  try {
    return readFileSync2(path);
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : error.message;
    throw new EnvironmentError(`${source}: ${field} ${path}: ${why}`);
  }
}
function readBytes(file, data, base, field, source) {
  if (typeof data === "string" && data.length > 0) return Buffer.from(data, "base64");
  if (typeof file === "string" && file.length > 0) return readNamedFile(file, base, field, source);
  return void 0;
}
function pick(entries, name, what, source) {
  const found = entries?.find((e) => e.name === name);
  if (found === void 0) throw new EnvironmentError(`${source}: no ${what} named '${name}'`);
  return found;
}
function readKubeconfig(source) {
  let raw;
  try {
    raw = (0, import_yaml.parse)(readFileSync2(source, "utf8"));
  } catch (error) {
    throw new EnvironmentError(`cannot read kubeconfig ${source}: ${error.message}`);
  }
  if (raw === null || raw === void 0) throw new EnvironmentError(`kubeconfig ${source} is empty`);
  if (typeof raw !== "object" || Array.isArray(raw)) throw new EnvironmentError(`kubeconfig ${source} is not a kubeconfig (a YAML mapping with clusters, users and contexts)`);
  return raw;
}
async function loadClusterAuth(options) {
  const source = kubeconfigPath(options.kubeconfig, options.env);
  const implicit = !options.kubeconfig && !options.env.KUBECONFIG;
  if (implicit && !existsSync2(source)) {
    const inCluster = inClusterAuth(options.env);
    if (inCluster) return inCluster;
  }
  const raw = readKubeconfig(source);
  const contextName = options.context ?? raw["current-context"];
  if (!contextName) throw new EnvironmentError(`${source}: no current-context set and no --context given`);
  const context = pick(raw.contexts, contextName, "context", source).context;
  const cluster = pick(raw.clusters, context.cluster, "cluster", source).cluster;
  const user = context.user ? pick(raw.users, context.user, "user", source).user : {};
  const base = dirname(source);
  const server = cluster.server;
  if (typeof server !== "string" || !/^https?:\/\//.test(server)) {
    throw new EnvironmentError(`${source}: cluster '${context.cluster}' has no http(s) server URL`);
  }
  const auth = {
    server: server.replace(/\/+$/, ""),
    ca: readBytes(cluster["certificate-authority"], cluster["certificate-authority-data"], base, `cluster '${context.cluster}' certificate-authority`, source),
    insecureSkipTlsVerify: cluster["insecure-skip-tls-verify"] === true,
    cert: readBytes(user["client-certificate"], user["client-certificate-data"], base, `user '${context.user}' client-certificate`, source),
    key: readBytes(user["client-key"], user["client-key-data"], base, `user '${context.user}' client-key`, source),
    source
  };
  if (typeof user.token === "string") auth.token = user.token;
  else if (typeof user.tokenFile === "string") auth.token = readNamedFile(user.tokenFile, base, `user '${context.user}' tokenFile`, source).toString("utf8").trim();
  else if (user.exec !== void 0) {
    const limits = { timeoutMs: options.execTimeoutMs ?? 3e4, signal: options.signal };
    Object.assign(auth, await runExecPlugin(user.exec, server, options.env, limits));
  }
  return auth;
}

// src/kube/connect.ts
async function openClient(options, signal) {
  const timeouts = options.timeouts ?? defaultTimeouts;
  const auth = await loadClusterAuth({ ...options, execTimeoutMs: timeouts.requestMs, signal });
  signal?.throwIfAborted();
  return new KubeClient(auth, timeouts);
}
async function connect(options, signal) {
  const client = await openClient(options, signal);
  const close = () => client.close();
  signal?.addEventListener("abort", close, { once: true });
  try {
    return { client, discovery: await Discovery.load(client) };
  } catch (error) {
    client.close();
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener("abort", close);
  }
}

export {
  Discovery,
  apiVersionOf,
  collectionPath,
  objectPath,
  openClient,
  connect
};
