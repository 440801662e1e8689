import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  commitFileLinker
} from "./chunk-VJPR55DX.js";
import {
  WorkflowLog
} from "./chunk-3RXC6EC4.js";
import {
  defaultCacheFolder,
  escapeData,
  hasErrors,
  renderGithub,
  renderJson,
  renderMarkdownSummary,
  renderText,
  validateDags,
  watchDags
} from "./chunk-LY2ZCFWI.js";
import "./chunk-RBNP2GGL.js";
import "./chunk-6M56B45Z.js";
import "./chunk-CT3SYMP3.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/commands/validate.ts
import { appendFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
var usage = `usage: airflow-gitops validate <dags-dir> [options]

  --import            also import every file with the real Airflow (needs .venv/airflow:
                      bash scripts/setup-airflow-venv.sh)
  --format FORMAT     text (default), json or github (workflow-command annotations)
  --config FILE       settings file (default: <dags-dir>/.airflow-gitops-validate.yaml)
  --python PATH       the Python with Airflow installed (default: .venv/airflow/bin/python)
  --lock FILE         the team's requirements.lock, for missing-dependency (default: the first
                      requirements.lock in the dags folder or above it, up to the repository root)
  --cache-dir DIR     where static and import results are cached (default: .cache/airflow-gitops/validate)
  --no-cache          import every file again
  --no-server         start Airflow (with --import) and ruff for this run alone; by default
                      (but not where CI is set) both stay loaded in servers in the cache
                      folder, reused by later runs and gone after 10 idle minutes
  --watch             check once, then again after every change, with Airflow kept loaded
                      (both layers; prints the findings of the files each change touched)
  --workspace DIR     repository root for github annotation paths (default: $GITHUB_WORKSPACE or .)
  --require-dags      fail when the folder holds no DAG file (default: a warning)
`;
var formats = ["text", "json", "github"];
async function run(argv, io) {
  const { values, positionals } = parseOptions(argv);
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one dags folder, got ${positionals.length === 0 ? "none" : positionals.map((p) => `'${p}'`).join(" ")}
${usage}`);
  const format = values.format;
  if (!formats.includes(format)) throw new UsageError(`--format '${values.format}' is not one of ${formats.join(", ")}`);
  const dagsFolder = resolve(io.cwd, positionals[0]);
  if (values.watch) {
    if (format !== "text") throw new UsageError(`--watch prints text: it cannot be combined with --format ${format}`);
    return watch(dagsFolder, values, io);
  }
  const report = await validateDags({
    dagsFolder,
    import: values.import,
    configFile: values.config === void 0 ? void 0 : resolve(io.cwd, values.config),
    python: values.python === void 0 ? void 0 : resolve(io.cwd, values.python),
    lock: values.lock === void 0 ? void 0 : resolve(io.cwd, values.lock),
    cacheFolder: values["no-cache"] ? null : resolve(io.cwd, values["cache-dir"] ?? defaultCacheFolder),
    env: io.env,
    // In CI nothing may outlive the job's step: each run starts its own Airflow and ruff.
    importServer: !values["no-server"] && !inCi(io.env),
    ruffServer: !values["no-server"] && !inCi(io.env)
  });
  if (format === "json") io.stdout(renderJson(report));
  else if (format === "text") printText(renderText(report, relative(io.cwd, dagsFolder) || "."), io);
  else {
    const workspace = resolve(io.cwd, values.workspace ?? io.env.GITHUB_WORKSPACE ?? ".");
    const pathOf = (file) => relative(workspace, join(dagsFolder, file)).split(sep).join("/");
    io.stdout(renderGithub(report, pathOf));
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) appendFileSync(summaryFile, renderMarkdownSummary(report, pathOf, void 0, commitFileLinker(io.env)));
  }
  const empty = emptyFolder(report, positionals[0], values["require-dags"], format === "github");
  if (empty !== void 0) (format === "github" ? io.stdout : io.stderr)(empty.text);
  return hasErrors(report) || empty?.fails ? 1 : 0;
}
function inCi(env) {
  return env.CI !== void 0 && env.CI !== "" && env.CI.toLowerCase() !== "false";
}
function printText(text, io) {
  if (io.env.GITHUB_ACTIONS !== "true") return io.stdout(text);
  const log = new WorkflowLog((line) => io.stdout(`${line}
`));
  log.text(text.replace(/\n$/, ""));
  log.resume();
}
function emptyFolder(report, folder, required, github) {
  if (report.files > 0) return void 0;
  const message = `${JSON.stringify(folder)} holds no DAG file to check`;
  if (required) return { text: `error: ${message} (--require-dags)
`, fails: true };
  const warning = `${message}; pass --require-dags to make this an error`;
  return { text: github ? `::warning::${escapeData(warning)}
` : `warning: ${warning}
`, fails: false };
}
async function watch(dagsFolder, values, io) {
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  try {
    await watchDags({
      dagsFolder,
      configFile: values.config === void 0 ? void 0 : resolve(io.cwd, values.config),
      python: values.python === void 0 ? void 0 : resolve(io.cwd, values.python),
      lock: values.lock === void 0 ? void 0 : resolve(io.cwd, values.lock),
      env: io.env,
      out: io.stdout,
      label: relative(io.cwd, dagsFolder) || ".",
      signal: stop.signal
    });
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
  return 0;
}
function parseOptions(argv) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        import: { type: "boolean", default: false },
        format: { type: "string", default: "text" },
        config: { type: "string" },
        python: { type: "string" },
        lock: { type: "string" },
        "cache-dir": { type: "string" },
        "no-cache": { type: "boolean", default: false },
        "no-server": { type: "boolean", default: false },
        watch: { type: "boolean", default: false },
        workspace: { type: "string" },
        "require-dags": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      }
    });
  } catch (error) {
    throw new UsageError(`${error.message}
${usage}`);
  }
}
export {
  run
};
