import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/dags/static/ruff.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// src/dags/static/replacements.ts
var ruffWithoutFix = {
  "airflow.utils.dates.days_ago": 'use a fixed date such as pendulum.datetime(2024, 1, 1, tz="UTC")',
  "airflow.utils.dates.date_range": 'build the dates with pendulum (pendulum.interval(start, end).range("days"))',
  "airflow.operators.subdag.SubDagOperator": "group the tasks with a TaskGroup (airflow.sdk.TaskGroup)",
  "airflow.triggers.external_task.TaskStateTrigger": "use WorkflowTrigger from airflow.providers.standard.triggers.external_task",
  "airflow.api_connexion.security.requires_access": "no replacement: Airflow 3 has no Flask web server (its API server checks access through the auth manager)",
  "airflow.www.auth.has_access": "no replacement: Airflow 3 has no Flask web server (its API server checks access through the auth manager)",
  provide_context: "delete the argument (Airflow 3 always passes the context to the callable)",
  default_view: "delete the argument (the UI chooses the view)",
  orientation: "delete the argument (the graph view sets its own orientation)"
};
function withReplacement(message, fix) {
  const text = message.trim().replace(/;$/, "");
  const name = /^`([^`]+)` is (?:removed|moved)/.exec(text)?.[1];
  const advice = fix ?? (name === void 0 ? void 0 : ruffWithoutFix[name]);
  if (advice === void 0) return text;
  const lowered = /^(Use|Install|Import) /.test(advice) ? advice[0]?.toLowerCase() + advice.slice(1) : advice;
  return text.endsWith(".") ? `${text} ${advice}` : `${text}: ${lowered}`;
}

// src/dags/static/ruff-finding.ts
var ruffSelection = {
  // AIR3: Airflow 3 migration. F7: statements Python refuses to compile
  // (return/yield/break outside their block...). F82: undefined names.
  select: ["AIR3", "F7", "F82"],
  // Several AIR3 rules are still preview rules.
  preview: true,
  targetVersion: "py311"
};
function ruffFinding(path, diagnostic) {
  const rule = diagnostic.name === null || diagnostic.name === "invalid-syntax" ? "syntax-error" : diagnostic.name;
  return {
    file: path,
    line: diagnostic.row,
    column: diagnostic.column,
    severity: severityOf(rule),
    rule,
    message: rule.startsWith("airflow3") ? withReplacement(diagnostic.message, diagnostic.fixMessage) : diagnostic.message,
    layer: "static"
  };
}
function severityOf(rule) {
  if (rule.startsWith("airflow3-suggested") || rule === "airflow3-dag-dynamic-value") return "warning";
  return "error";
}

// src/dags/static/ruff.ts
var utf16Positions = 1;
var ruffSettings = {
  lint: { select: ruffSelection.select, preview: ruffSelection.preview },
  "target-version": ruffSelection.targetVersion
};
var workspace;
function ruff() {
  if (workspace === void 0) {
    const require2 = createRequire(import.meta.url);
    const beside = fileURLToPath(new URL("./ruff_wasm.cjs", import.meta.url));
    const { Workspace } = require2(existsSync(beside) ? beside : "@astral-sh/ruff-wasm-nodejs");
    workspace = new Workspace(ruffSettings, utf16Positions);
  }
  return workspace;
}
function ruffFindings(path, text) {
  return ruff().check(text).map((diagnostic) => ruffFinding(path, {
    name: diagnostic.code,
    message: diagnostic.message,
    fixMessage: diagnostic.fix?.message ?? null,
    row: diagnostic.start_location.row,
    column: diagnostic.start_location.column
  }));
}

// src/dags/static/ruff-server.ts
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, statSync, unlinkSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire as createRequire2 } from "node:module";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/dags/local-server.ts
import { connect } from "node:net";
var maxSocketPathBytes = 100;
function connectedSocket(path) {
  return new Promise((resolve) => {
    const socket = connect(path);
    const fail = () => {
      socket.destroy();
      resolve(null);
    };
    socket.once("error", fail);
    socket.once("connect", () => {
      socket.off("error", fail);
      socket.on("error", () => void 0);
      resolve(socket);
    });
  });
}

// src/dags/static/ruff-server.ts
var idleMs = 6e5;
var checkMs = 2e3;
var startTimeoutMs = 6e4;
function ruffFiles(runner) {
  const beside = (name) => fileURLToPath2(new URL(`./${name}`, import.meta.url));
  const require2 = createRequire2(import.meta.url);
  const own = (name, specifier) => {
    try {
      statSync(beside(name));
      return beside(name);
    } catch {
      return require2.resolve(specifier);
    }
  };
  return [runner, own("ruff_wasm.cjs", "@astral-sh/ruff-wasm-nodejs"), own("ruff_wasm_bg.wasm", "@astral-sh/ruff-wasm-nodejs/ruff_wasm_bg.wasm"), process.execPath];
}
function fingerprint(runner) {
  const hash = createHash("sha256").update(process.version);
  for (const file of ruffFiles(runner)) {
    try {
      const stat = statSync(file);
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}
`);
    } catch {
      hash.update(`${file}\0gone
`);
    }
  }
  return hash.digest("hex");
}
function socketPath(folder, runner) {
  return join(folder, `ruff-${fingerprint(runner).slice(0, 16)}.sock`);
}
async function lintWithServer(files, folder, runner) {
  const path = socketPath(folder, runner);
  if (Buffer.byteLength(path) > maxSocketPathBytes) return null;
  let socket = await connectedSocket(path);
  if (socket === null) {
    if (!await startServer(path, runner)) return null;
    socket = await connectedSocket(path);
    if (socket === null) return null;
  }
  const results = /* @__PURE__ */ new Map();
  const lines = createInterface({ input: socket })[Symbol.asyncIterator]();
  socket.end(files.map((file) => `${JSON.stringify(file)}
`).join(""));
  try {
    for (const file of files) {
      const line = await lines.next();
      if (line.done) return null;
      results.set(file.path, JSON.parse(line.value));
    }
  } catch {
    return null;
  } finally {
    socket.destroy();
  }
  return results;
}
async function startServer(path, runner) {
  mkdirSync(join(path, ".."), { recursive: true });
  const child = spawn(process.execPath, ["--liftoff-only", runner, "--serve", path], { detached: true, stdio: ["ignore", "pipe", "ignore"] });
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), startTimeoutMs);
      createInterface({ input: child.stdout }).once("line", () => {
        clearTimeout(timer);
        resolve(true);
      });
      child.once("exit", () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
  } finally {
    child.stdout.destroy();
    child.unref();
  }
}
function serveRuff(path, runner) {
  const started = fingerprint(runner);
  try {
    unlinkSync(path);
  } catch {
  }
  let lastRun = Date.now();
  let inode = 0;
  const server = createServer((connection) => {
    lastRun = Date.now();
    connection.on("error", () => connection.destroy());
    const lines = createInterface({ input: connection });
    lines.on("line", (line) => {
      const request = JSON.parse(line);
      if (request.stop) return end();
      connection.write(`${JSON.stringify(ruffFindings(request.path, request.text))}
`);
    });
    lines.on("close", () => connection.end());
  });
  const stillOurs = () => {
    try {
      return statSync(path).ino === inode;
    } catch {
      return false;
    }
  };
  const end = () => {
    if (stillOurs()) unlinkSync(path);
    process.exit(0);
  };
  server.listen(path, () => {
    chmodSync(path, 384);
    inode = statSync(path).ino;
    process.stdout.write("ready\n");
    setInterval(() => {
      if (!stillOurs() || Date.now() - lastRun > idleMs || fingerprint(runner) !== started) end();
    }, checkMs);
  });
}

export {
  maxSocketPathBytes,
  connectedSocket,
  ruffSelection,
  ruffFinding,
  ruffFindings,
  lintWithServer,
  serveRuff
};
