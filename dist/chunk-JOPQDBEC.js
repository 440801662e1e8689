import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  durationSeconds
} from "./chunk-LLYEG4VB.js";
import {
  checkEnvironmentName
} from "./chunk-C6Q5PNHF.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";

// src/action/workspace-path.ts
import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
function realPath(path) {
  let existing = path;
  const rest = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return path;
    rest.unshift(basename(existing));
    existing = parent;
  }
  return join(realpathSync(existing), ...rest);
}
function inside(root, path) {
  const rel = relative(root, path);
  return !(rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}
function confinedPath(workspace, base, value, input) {
  const root = resolve(workspace);
  const path = resolve(base, value);
  if (!inside(root, path)) throw new UsageError(`input '${input}': ${JSON.stringify(value)} resolves to ${path}, which is outside the workspace ${root}`);
  const real = realPath(path);
  if (!inside(realPath(root), real)) throw new UsageError(`input '${input}': ${JSON.stringify(value)} resolves through a symbolic link to ${real}, which is outside the workspace ${root}`);
  return path;
}

// src/action/inputs.ts
function inputVariable(name) {
  return `INPUT_${name.replaceAll(" ", "_").toUpperCase()}`;
}
var Inputs = class {
  env;
  constructor(env) {
    this.env = env;
  }
  /** The value as given, untrimmed: for secrets whose whitespace matters (a key's last newline). */
  raw(name) {
    return this.env[inputVariable(name)] ?? "";
  }
  /** The trimmed value, or undefined when the input is empty or not set. */
  text(name) {
    const value = this.raw(name).trim();
    return value.length > 0 ? value : void 0;
  }
  required(name, why) {
    const value = this.text(name);
    if (value === void 0) throw new UsageError(`input '${name}' is required ${why}`);
    return value;
  }
  /** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
  boolean(name, fallback) {
    const value = this.text(name);
    if (value === void 0) return fallback;
    if (["true", "True", "TRUE"].includes(value)) return true;
    if (["false", "False", "FALSE"].includes(value)) return false;
    throw new UsageError(`input '${name}': ${JSON.stringify(value)} is not a boolean (use true or false)`);
  }
  choice(name, allowed) {
    const value = this.text(name);
    if (value === void 0) return void 0;
    if (!allowed.includes(value)) {
      throw new UsageError(`input '${name}': ${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
    }
    return value;
  }
  /** Items separated by commas or newlines, blanks dropped. */
  list(name) {
    return (this.text(name) ?? "").split(/[,\n]/).map((item) => item.trim()).filter((item) => item.length > 0);
  }
  /** Checks `value` with `problem` (which returns what is wrong, or undefined) and names the input when it fails. */
  checked(name, check) {
    const value = this.text(name);
    if (value === void 0) return void 0;
    const problem = check(value);
    if (problem !== void 0) throw new UsageError(`input '${name}': ${JSON.stringify(value)} ${problem}`);
    return value;
  }
};

// src/action/settings.ts
var commandNames = ["validate", "bump", "render", "diff", "deploy", "promote", "pending"];
var cluster = ["diff", "deploy"];
var environmentCommands = ["bump", "render", "diff", "deploy"];
var actionInputs = {
  command: { commands: "all" },
  "working-directory": { commands: "all", default: "." },
  environment: { commands: environmentCommands },
  "dags-directory": { commands: ["validate"], default: "dags" },
  "import-check": { commands: ["validate"], default: "false" },
  "require-dags": { commands: ["validate"], default: "false" },
  "airflow-python": { commands: ["validate"] },
  "requirements-lock": { commands: ["validate"] },
  ref: { commands: ["bump"] },
  "allow-ref-name": { commands: ["bump"], default: "false" },
  image: { commands: ["bump"] },
  commit: { commands: ["bump"], default: "false" },
  "render-file": { commands: ["render"] },
  kubeconfig: { commands: cluster, secret: true },
  context: { commands: cluster },
  "git-ssh-key": { commands: cluster, secret: true },
  "known-hosts": { commands: cluster },
  "postgres-password": { commands: cluster, secret: true },
  "redis-password": { commands: cluster, secret: true },
  "force-conflicts": { commands: cluster, default: "false" },
  "recreate-statefulsets": { commands: cluster, default: "false" },
  prune: { commands: cluster, default: "true" },
  "prune-secrets": { commands: cluster, default: "false" },
  "prune-pvcs": { commands: cluster, default: "false" },
  wait: { commands: ["deploy"], default: "true" },
  timeout: { commands: ["deploy"], default: "5m" },
  rollback: { commands: ["deploy"], default: "false" },
  "from-environment": { commands: ["promote"] },
  "to-environment": { commands: ["promote"] },
  "allow-any-order": { commands: ["promote"], default: "false" },
  "pull-request": { commands: ["promote"], default: "true" },
  base: { commands: ["promote"] },
  labels: { commands: ["promote"] },
  draft: { commands: ["promote"], default: "false" },
  environments: { commands: ["pending"] },
  // The runner fills in the workflow's token for every step; promotion also accepts an App or personal token.
  token: { commands: ["bump", "promote", "pending"], secret: true, default: "${{ github.token }}" }
};
var secretInputNames = Object.entries(actionInputs).filter(([, spec]) => spec.secret === true).map(([name]) => name);
function environmentInput(inputs, name, command) {
  const value = inputs.required(name, `for command '${command}'`);
  try {
    return checkEnvironmentName(value);
  } catch (error) {
    throw new UsageError(`input '${name}': ${error.message}`);
  }
}
function environmentList(inputs) {
  inputs.required("environments", "for command 'pending'");
  return inputs.list("environments").map((name) => {
    try {
      return checkEnvironmentName(name);
    } catch (error) {
      throw new UsageError(`input 'environments': ${error.message}`);
    }
  });
}
function refuseForeignInputs(inputs, command) {
  for (const [name, spec] of Object.entries(actionInputs)) {
    if (spec.commands === "all" || spec.default !== void 0 || spec.commands.includes(command)) continue;
    if (inputs.text(name) !== void 0) {
      throw new UsageError(`input '${name}' is not used by command '${command}' (it is for ${spec.commands.join(", ")})`);
    }
  }
}
var durationProblem = (value) => (durationSeconds(value) ?? 0) > 0 ? void 0 : "is not a duration like 300, 300s or 5m";
var inputName = (option) => `input '${option}'`;
function withFinalNewline(value) {
  return value.endsWith("\n") ? value : `${value}
`;
}
function clusterSettings(inputs, command, common) {
  const secretValues = {};
  const sshKey = inputs.raw("git-ssh-key");
  if (sshKey.trim().length > 0) secretValues.AIRFLOW_GITOPS_GIT_SSH_KEY = withFinalNewline(sshKey.trim());
  const knownHosts = inputs.text("known-hosts");
  if (knownHosts !== void 0) secretValues.AIRFLOW_GITOPS_GIT_KNOWN_HOSTS = withFinalNewline(knownHosts);
  const postgres = inputs.text("postgres-password");
  if (postgres !== void 0) secretValues.AIRFLOW_GITOPS_POSTGRES_PASSWORD = postgres;
  const redis = inputs.text("redis-password");
  if (redis !== void 0) secretValues.AIRFLOW_GITOPS_REDIS_PASSWORD = redis;
  return {
    ...common,
    command,
    environment: environmentInput(inputs, "environment", command),
    kubeconfig: inputs.text("kubeconfig"),
    context: inputs.text("context"),
    secretValues,
    forceConflicts: inputs.boolean("force-conflicts", false),
    recreateStatefulSets: inputs.boolean("recreate-statefulsets", false),
    prune: inputs.boolean("prune", true),
    pruneSecrets: inputs.boolean("prune-secrets", false),
    prunePvcs: inputs.boolean("prune-pvcs", false),
    wait: inputs.boolean("wait", true),
    timeout: inputs.checked("timeout", durationProblem) ?? "5m",
    rollback: inputs.boolean("rollback", false)
  };
}
function inputCommand(env) {
  return new Inputs(env).text("command") ?? "(no command)";
}
function validateSettings(inputs, common, workspace) {
  const dagsDirectory = inputs.text("dags-directory") ?? "dags";
  return {
    ...common,
    command: "validate",
    dagsDirectory,
    dagsFolder: confinedPath(workspace, common.workingDirectory, dagsDirectory, "dags-directory"),
    importCheck: inputs.boolean("import-check", false),
    requireDags: inputs.boolean("require-dags", false),
    airflowPython: inputs.text("airflow-python"),
    requirementsLock: optionalPath(inputs.text("requirements-lock"), (path) => confinedPath(workspace, common.workingDirectory, path, "requirements-lock"))
  };
}
function optionalPath(value, confine) {
  return value === void 0 ? void 0 : confine(value);
}
function readActionSettings(env, cwd) {
  const inputs = new Inputs(env);
  const command = inputs.choice("command", commandNames);
  if (command === void 0) throw new UsageError(`input 'command' is required: one of ${commandNames.join(", ")}`);
  refuseForeignInputs(inputs, command);
  const workspace = env.GITHUB_WORKSPACE || cwd;
  const common = { workingDirectory: confinedPath(workspace, cwd, inputs.text("working-directory") ?? ".", "working-directory") };
  switch (command) {
    case "validate":
      return validateSettings(inputs, common, workspace);
    case "bump": {
      const ref = inputs.text("ref") ?? env.GITHUB_SHA;
      if (ref === void 0) throw new UsageError("input 'ref' is required for command 'bump' outside a workflow run (GITHUB_SHA is not set)");
      return {
        ...common,
        command,
        environment: environmentInput(inputs, "environment", command),
        ref,
        image: inputs.text("image"),
        allowRefName: inputs.boolean("allow-ref-name", false),
        commit: inputs.boolean("commit", false),
        token: inputs.text("token")
      };
    }
    case "render": {
      const renderFile = inputs.text("render-file");
      return {
        ...common,
        command,
        environment: environmentInput(inputs, "environment", command),
        renderFile: renderFile === void 0 ? void 0 : confinedPath(workspace, common.workingDirectory, renderFile, "render-file")
      };
    }
    case "diff":
    case "deploy":
      return clusterSettings(inputs, command, common);
    case "pending":
      return { ...common, command, environments: environmentList(inputs), token: inputs.text("token") };
    case "promote":
      return {
        ...common,
        command,
        from: environmentInput(inputs, "from-environment", command),
        to: environmentInput(inputs, "to-environment", command),
        allowAnyOrder: inputs.boolean("allow-any-order", false),
        pullRequest: inputs.boolean("pull-request", true),
        base: inputs.text("base"),
        labels: inputs.list("labels"),
        draft: inputs.boolean("draft", false),
        token: inputs.text("token")
      };
  }
}

export {
  Inputs,
  secretInputNames,
  inputName,
  inputCommand,
  readActionSettings
};
