import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  describe,
  exitCodeFor
} from "./chunk-VGK45RJW.js";
import "./chunk-XNDQ27F5.js";

// src/commands/index.ts
var commands = {
  validate: { summary: "check a DAG folder (static checks, optionally a real Airflow import)", load: () => import("./validate-AAHW45UH.js") },
  lock: { summary: "resolve requirements.txt into requirements.lock for the pinned Airflow (--check: fail when it is stale)", load: () => import("./lock-FB5SZGPA.js") },
  bump: { summary: "set an environment's pinned git-sync ref and/or Airflow image digest", load: () => import("./bump-OE4LT5UN.js") },
  render: { summary: "render an overlay to multi-document YAML", load: () => import("./render-YIPRHWOH.js") },
  diff: { summary: "server-side dry-run an overlay against the live cluster", load: () => import("./diff-A2LI2GGR.js") },
  deploy: { summary: "dry-run, apply, prune and wait for an overlay", load: () => import("./deploy-SIFULE3Y.js") },
  environments: { summary: "the environments, their order and promotion chain from environments.yaml (for the workflows)", load: () => import("./environments-ONDGWW4R.js") },
  destroy: { summary: "remove what an environment applied, keeping its Secrets and PVCs unless asked (a dry run without --yes)", load: () => import("./destroy-AAVSPB6Q.js") },
  secrets: { summary: "list the Secrets an environment uses: origin and last change of each value, never the value", load: () => import("./secrets-NNKB7S2V.js") },
  promote: { summary: "open or update a pull request pinning one environment to another's ref", load: () => import("./promote-EUNNCZ63.js") },
  check: { summary: "render an overlay and, with a kubeconfig, dry-run it; write the result as JSON", load: () => import("./check-6JUL4PL4.js") },
  "pr-comment": { summary: "create or update the sticky pull-request comment of the checks", load: () => import("./pr-comment-4NML5VE6.js") },
  init: { summary: "write a new repository of your own: overlays, DAGs, workflows and the vendored template", load: () => import("./init-7GDQMBG4.js") },
  upgrade: { summary: "move a repository made by init to this engine's version (in place or as a pull request)", load: () => import("./upgrade-GIT7U6IQ.js") },
  "pin-remote": { summary: "pin this DAG repository's commit in the platform repository (pull request or commit)", load: () => import("./pin-remote-HYPSFTGO.js") }
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

// src/cli-main.ts
function usage() {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
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
