import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CommandFailure
} from "./chunk-VGK45RJW.js";

// src/kube/errors.ts
var KubeApiError = class extends Error {
  name = "KubeApiError";
  status;
  reason;
  causes;
  constructor(status, reason, message, causes) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.causes = causes;
  }
};
var ApiUnreachableError = class extends CommandFailure {
  name = "ApiUnreachableError";
};
function isNotFound(error) {
  return error instanceof KubeApiError && error.status === 404;
}

// src/poll.ts
function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
async function pollUntil(probe, options) {
  const deadline = Date.now() + options.timeoutMs;
  for (; ; ) {
    const value = await probe();
    if (value !== void 0) return value;
    const left = deadline - Date.now();
    if (left <= 0 || options.signal?.aborted) return void 0;
    await sleep(Math.min(options.intervalMs, left), options.signal);
  }
}

// src/kube/transport.ts
import { connect, constants } from "node:http2";
import { createRequire } from "node:module";
var ConnectTimeout = class extends Error {
  name = "ConnectTimeout";
  code = "ECONNECTTIMEOUT";
};
var Http2Transport = class {
  session;
  auth;
  connectTimeoutMs;
  constructor(auth, connectTimeoutMs) {
    this.auth = auth;
    this.connectTimeoutMs = connectTimeoutMs;
  }
  connection() {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const session = connect(this.auth.server, {
      ca: this.auth.ca,
      cert: this.auth.cert,
      key: this.auth.key,
      rejectUnauthorized: !this.auth.insecureSkipTlsVerify
    });
    const seconds = this.connectTimeoutMs / 1e3;
    const timer = setTimeout(() => {
      const error = new ConnectTimeout(`no connection within the connect timeout (${seconds} s)`);
      sessionErrors.set(session, error);
      session.destroy(error);
    }, this.connectTimeoutMs);
    session.once("connect", () => clearTimeout(timer));
    session.once("close", () => clearTimeout(timer));
    session.on("error", (error) => {
      if (!sessionErrors.has(session)) sessionErrors.set(session, error);
    });
    session.on("goaway", () => session.close());
    this.session = session;
    return session;
  }
  open(method, url, headers, payload, signal) {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      let session;
      let stream;
      try {
        session = this.connection();
        stream = session.request({ [constants.HTTP2_HEADER_METHOD]: method, [constants.HTTP2_HEADER_PATH]: url.pathname + url.search, ...headers }, { endStream: payload === void 0, signal });
      } catch (error) {
        reject(error);
        return;
      }
      stream.setEncoding("utf8");
      const failed = (error) => reject(signal.aborted ? signal.reason : sessionError(session) ?? error);
      stream.on("error", failed);
      stream.on("close", () => failed(new Error("the stream closed before its response")));
      stream.on("response", (h) => {
        resolve({
          status: Number(h[constants.HTTP2_HEADER_STATUS] ?? 0),
          header: (name) => h[name] === void 0 ? void 0 : String(h[name]),
          body: stream,
          destroy: () => stream.close(constants.NGHTTP2_CANCEL)
        });
      });
      stream.end(payload);
    });
  }
  close() {
    this.session?.destroy();
    this.session = void 0;
  }
};
var sessionErrors = /* @__PURE__ */ new WeakMap();
function sessionError(session) {
  return sessionErrors.get(session);
}
function nodeHttp() {
  return createRequire(import.meta.url)("node:http");
}
var Http1Transport = class {
  http = nodeHttp();
  agent = new this.http.Agent({ keepAlive: true, maxSockets: 16 });
  connectTimeoutMs;
  constructor(connectTimeoutMs) {
    this.connectTimeoutMs = connectTimeoutMs;
  }
  open(method, url, headers, payload, signal) {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const req = this.http.request(url, { method, headers, agent: this.agent, signal }, (res) => {
        res.setEncoding("utf8");
        resolve({ status: res.statusCode ?? 0, header: (name) => res.headers[name], body: res, destroy: () => res.destroy() });
      });
      req.on("socket", (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => req.destroy(new ConnectTimeout(`no connection within the connect timeout (${this.connectTimeoutMs / 1e3} s)`)), this.connectTimeoutMs);
        socket.once("connect", () => clearTimeout(timer));
        socket.once("close", () => clearTimeout(timer));
      });
      req.on("error", (error) => reject(signal.aborted ? signal.reason : error));
      req.end(payload);
    });
  }
  close() {
    this.agent.destroy();
  }
};
function transportFor(auth, connectTimeoutMs) {
  return auth.server.startsWith("https:") ? new Http2Transport(auth, connectTimeoutMs) : new Http1Transport(connectTimeoutMs);
}

// src/kube/in-flight.ts
var InFlight = class {
  limit;
  running = 0;
  waiting = [];
  constructor(limit) {
    this.limit = Math.max(1, limit);
  }
  /** Runs `work` once a slot is free; the slot is given back when it settles. */
  async run(work) {
    if (this.running >= this.limit) await new Promise((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
};

// src/kube/client.ts
var defaultTimeouts = { connectMs: 1e4, requestMs: 3e4 };
var maxInFlight = 64;
var RequestTimeout = class extends Error {
  name = "RequestTimeout";
};
function parseWarnings(header) {
  if (!header) return [];
  return [...header.matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? "").replace(/\\(.)/g, "$1"));
}
var retriableSocketErrors = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "EPIPE",
  "ERR_HTTP2_GOAWAY_SESSION",
  "ERR_HTTP2_INVALID_SESSION",
  "ERR_HTTP2_STREAM_ERROR",
  "ERR_STREAM_PREMATURE_CLOSE"
]);
var KubeClient = class {
  server;
  auth;
  transport;
  inFlight = new InFlight(maxInFlight);
  timeouts;
  constructor(auth, timeouts = defaultTimeouts) {
    this.auth = auth;
    this.server = auth.server;
    this.timeouts = timeouts;
    this.transport = transportFor(auth, timeouts.connectMs);
  }
  close() {
    this.transport.close();
  }
  /** A signal that aborts when the request timeout has passed; `clear` when the answer is in. */
  deadline() {
    const controller = new AbortController();
    const seconds = this.timeouts.requestMs / 1e3;
    const timer = setTimeout(() => controller.abort(new RequestTimeout(`no complete answer within the request timeout (${seconds} s)`)), this.timeouts.requestMs);
    return { signal: controller.signal, clear: () => clearTimeout(timer) };
  }
  unreachable(what, error) {
    return new ApiUnreachableError(`the API server ${this.server} did not answer ${what}: ${error.message}`);
  }
  url(path, query = {}) {
    const url = new URL(this.server + path);
    for (const [k, v] of Object.entries(query)) if (v !== void 0) url.searchParams.set(k, String(v));
    return url;
  }
  open(method, url, options, payload, signal) {
    const headers = { ...options.headers, accept: options.accept ?? "application/json" };
    if (this.auth.token) headers.authorization = `Bearer ${this.auth.token}`;
    if (payload !== void 0) {
      headers["content-type"] = options.contentType ?? "application/json";
      headers["content-length"] = String(Buffer.byteLength(payload));
    }
    return this.transport.open(method, url, headers, payload, signal);
  }
  /** Sends one request and returns the decoded JSON body; throws KubeApiError on a non-2xx answer. */
  async request(method, path, options = {}) {
    const text = await this.requestText(method, path, options);
    return text.length > 0 ? JSON.parse(text) : {};
  }
  /** Like request, for endpoints that answer plain text (pod logs). */
  async requestText(method, path, options = {}) {
    return this.inFlight.run(() => this.send(method, path, options));
  }
  async send(method, path, options) {
    const url = this.url(path, options.query);
    const payload = options.body === void 0 ? void 0 : JSON.stringify(options.body);
    for (let attempt = 0; ; attempt++) {
      let response;
      let text;
      const timeout = this.deadline();
      try {
        response = await this.open(method, url, options, payload, timeout.signal);
        text = await readAll(response);
        if (timeout.signal.aborted) throw timeout.signal.reason;
      } catch (error) {
        const code = error.code ?? "";
        if (attempt === 0 && retriableSocketErrors.has(code) && !timeout.signal.aborted) continue;
        throw this.unreachable(`${method} ${url.pathname}`, timeout.signal.aborted ? timeout.signal.reason : error);
      } finally {
        timeout.clear();
      }
      const status = response.status;
      if (status === 429 && attempt < 5) {
        await sleep(Number(response.header("retry-after") ?? 1) * 1e3);
        continue;
      }
      if (status >= 200 && status < 300) {
        for (const warning of parseWarnings(response.header("warning"))) options.onWarning?.(warning);
        return text;
      }
      throw toApiError(status, text, `${method} ${url.pathname}`);
    }
  }
  /**
   * Opens a watch and calls `onEvent` for each event until the stream ends or
   * `signal` aborts. Resolves when the stream ends (the caller re-lists and re-watches).
   */
  async watch(path, query, onEvent, signal) {
    const url = this.url(path, { ...query, watch: 1, allowWatchBookmarks: true });
    if (signal.aborted) return;
    const timeout = this.deadline();
    let response;
    try {
      response = await this.open("GET", url, {}, void 0, AbortSignal.any([signal, timeout.signal]));
    } catch (error) {
      if (signal.aborted) return;
      throw this.unreachable(`a watch on ${url.pathname}`, error);
    } finally {
      timeout.clear();
    }
    if (response.status >= 300) throw toApiError(response.status, await readAll(response), `watch ${url.pathname}`);
    const stop = () => response.destroy();
    signal.addEventListener("abort", stop, { once: true });
    if (signal.aborted) stop();
    let buffered = "";
    try {
      for await (const chunk of response.body) {
        buffered += chunk;
        let newline;
        while ((newline = buffered.indexOf("\n")) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          if (line.trim().length > 0) onEvent(JSON.parse(line));
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof KubeApiError) throw error;
      throw new ApiUnreachableError(`watch on ${url.pathname} broke: ${error.message}`);
    } finally {
      signal.removeEventListener("abort", stop);
    }
  }
};
async function readAll(response) {
  let text = "";
  for await (const chunk of response.body) text += chunk;
  return text;
}
function toApiError(status, text, what) {
  try {
    const body = JSON.parse(text);
    return new KubeApiError(status, body.reason ?? String(status), body.message ?? text, body.details?.causes ?? []);
  } catch {
    return new KubeApiError(status, String(status), `${what}: HTTP ${status} ${text.slice(0, 300)}`, []);
  }
}

// src/secrets/mask.ts
var redacted = "(redacted)";
var SecretMask = class {
  values = /* @__PURE__ */ new Set();
  add(value) {
    if (value === void 0 || value.length < 6) return;
    this.values.add(value);
    this.values.add(Buffer.from(value).toString("base64"));
    for (const line of value.split("\n")) if (line.trim().length >= 12) this.values.add(line.trim());
  }
  /** Registers every value of a Secret object's data (base64) and stringData. */
  addSecretData(data, encoded) {
    for (const value of Object.values(data ?? {})) {
      this.add(encoded ? Buffer.from(value, "base64").toString("utf8") : value);
      if (encoded) this.values.add(value);
    }
  }
  mask(text) {
    let out = text;
    for (const value of [...this.values].sort((a, b) => b.length - a.length)) {
      if (out.includes(value)) out = out.split(value).join("***");
    }
    return out;
  }
};

export {
  KubeApiError,
  isNotFound,
  pollUntil,
  defaultTimeouts,
  KubeClient,
  redacted,
  SecretMask
};
