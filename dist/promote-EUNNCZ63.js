import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  promote
} from "./chunk-4GFHPOML.js";
import "./chunk-Z6GDXSVY.js";
import "./chunk-AF6MUGKY.js";
import "./chunk-OMGV5NTF.js";
import "./chunk-2QA4ABBH.js";
import "./chunk-JKRQ3V4L.js";
import "./chunk-HA2VP2ES.js";
import "./chunk-64HCW6T5.js";
import "./chunk-27TEZR2O.js";
import {
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";
import "./chunk-XWJVXINM.js";
import "./chunk-XNDQ27F5.js";

// src/commands/promote.ts
async function run(argv, io) {
  const parsed = parseCommandArgs(
    argv,
    {
      "allow-any-order": { type: "boolean" },
      "no-push": { type: "boolean" },
      "no-pull-request": { type: "boolean" },
      remote: { type: "string" },
      base: { type: "string" },
      labels: { type: "string" },
      draft: { type: "boolean" }
    },
    "promote"
  );
  const [from, to, ...extra] = parsed.positionals;
  if (from === void 0 || to === void 0 || extra.length > 0) throw new UsageError("usage: airflow-gitops promote <from-environment> <to-environment> [options]");
  const text = (name) => typeof parsed.values[name] === "string" ? parsed.values[name] : void 0;
  const push = parsed.values["no-push"] !== true;
  const result = await promote({
    repoRoot: io.cwd,
    from,
    to,
    allowAnyOrder: parsed.values["allow-any-order"] === true,
    push,
    // Without a push there is no branch to open a pull request from.
    pullRequest: push && parsed.values["no-pull-request"] !== true,
    remote: text("remote") ?? "origin",
    base: text("base"),
    labels: (text("labels") ?? "").split(",").map((l) => l.trim()).filter((l) => l.length > 0),
    draft: parsed.values.draft === true,
    token: io.env.GITHUB_TOKEN || io.env.GH_TOKEN || void 0,
    env: io.env,
    log: (line) => io.stderr(`${line}
`)
  });
  io.stdout(`${result.message}
`);
  return 0;
}
export {
  run
};
