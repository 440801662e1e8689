#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/errors.ts
function exitCodeFor(error) {
  if (error instanceof UsageError || error instanceof EnvironmentError) return 2;
  return 1;
}
function describe(error) {
  if (error instanceof Error) return error.message;
  return String(error);
}
var UsageError, EnvironmentError;
var init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    UsageError = class extends Error {
      name = "UsageError";
    };
    EnvironmentError = class extends Error {
      name = "EnvironmentError";
    };
  }
});

// src/commands/validate.ts
var validate_exports = {};
__export(validate_exports, {
  run: () => run
});
async function run(_argv, _io) {
  throw new UsageError("validate is not available yet");
}
var init_validate = __esm({
  "src/commands/validate.ts"() {
    "use strict";
    init_errors();
  }
});

// src/commands/bump.ts
var bump_exports = {};
__export(bump_exports, {
  run: () => run2
});
async function run2(_argv, _io) {
  throw new UsageError("bump is not available yet");
}
var init_bump = __esm({
  "src/commands/bump.ts"() {
    "use strict";
    init_errors();
  }
});

// src/commands/render.ts
var render_exports = {};
__export(render_exports, {
  run: () => run3
});
async function run3(_argv, _io) {
  throw new UsageError("render is not available yet");
}
var init_render = __esm({
  "src/commands/render.ts"() {
    "use strict";
    init_errors();
  }
});

// src/commands/diff.ts
var diff_exports = {};
__export(diff_exports, {
  run: () => run4
});
async function run4(_argv, _io) {
  throw new UsageError("diff is not available yet");
}
var init_diff = __esm({
  "src/commands/diff.ts"() {
    "use strict";
    init_errors();
  }
});

// src/commands/deploy.ts
var deploy_exports = {};
__export(deploy_exports, {
  run: () => run5
});
async function run5(_argv, _io) {
  throw new UsageError("deploy is not available yet");
}
var init_deploy = __esm({
  "src/commands/deploy.ts"() {
    "use strict";
    init_errors();
  }
});

// src/commands/index.ts
var commands = {
  validate: { summary: "check a DAG folder (static checks, optionally a real Airflow import)", load: () => Promise.resolve().then(() => (init_validate(), validate_exports)) },
  bump: { summary: "set an environment's pinned git-sync ref", load: () => Promise.resolve().then(() => (init_bump(), bump_exports)) },
  render: { summary: "render an overlay to multi-document YAML", load: () => Promise.resolve().then(() => (init_render(), render_exports)) },
  diff: { summary: "server-side dry-run an overlay against the live cluster", load: () => Promise.resolve().then(() => (init_diff(), diff_exports)) },
  deploy: { summary: "dry-run, apply, prune and wait for an overlay", load: () => Promise.resolve().then(() => (init_deploy(), deploy_exports)) }
};

// src/commands/io.ts
function processIO() {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd()
  };
}

// src/cli.ts
init_errors();
function usage() {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`);
  return `usage: airflow-gitops <command> [options]

commands:
${lines.join("\n")}
`;
}
async function main(argv) {
  const io = processIO();
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h") {
    io.stdout(usage());
    return name === void 0 ? 2 : 0;
  }
  const command = commands[name];
  if (command === void 0) {
    io.stderr(`airflow-gitops: unknown command '${name}'
${usage()}`);
    return 2;
  }
  try {
    const module = await command.load();
    return await module.run(rest, io);
  } catch (error) {
    io.stderr(`airflow-gitops ${name}: ${describe(error)}
`);
    return exitCodeFor(error);
  }
}
process.exitCode = await main(process.argv.slice(2));
