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

// src/dags/static/ruff.ts
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
      message: rule.startsWith("airflow3") ? withReplacement(diagnostic.message, diagnostic.fix?.message ?? null) : diagnostic.message,
      layer: "static"
    };
  });
}
function severityOf(rule) {
  if (rule.startsWith("airflow3-suggested") || rule === "airflow3-dag-dynamic-value") return "warning";
  return "error";
}

export {
  ruffFindings
};
