import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/dags/static/ruff-runner.ts
import { createInterface } from "node:readline";

// src/dags/static/ruff.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
var utf16Positions = 1;
var ruffSettings = {
  lint: {
    // AIR3: Airflow 3 migration. F7: statements Python refuses to compile
    // (return/yield/break outside their block...). F82: undefined names.
    select: ["AIR3", "F7", "F82"],
    // Several AIR3 rules are still preview rules.
    preview: true
  },
  "target-version": "py311"
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
  return ruff().check(text).map((diagnostic) => {
    const rule = diagnostic.code === null || diagnostic.code === "invalid-syntax" ? "syntax-error" : diagnostic.code;
    return {
      file: path,
      line: diagnostic.start_location.row,
      column: diagnostic.start_location.column,
      severity: severityOf(rule),
      rule,
      message: diagnostic.message,
      layer: "static"
    };
  });
}
function severityOf(rule) {
  if (rule.startsWith("airflow3-suggested") || rule === "airflow3-dag-dynamic-value") return "warning";
  return "error";
}

// src/dags/static/ruff-runner.ts
for await (const line of createInterface({ input: process.stdin })) {
  const { path, text } = JSON.parse(line);
  process.stdout.write(`${JSON.stringify(ruffFindings(path, text))}
`);
}
