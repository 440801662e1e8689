import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  promotionChain,
  readEnvironments
} from "./chunk-2QA4ABBH.js";
import {
  Git
} from "./chunk-27TEZR2O.js";
import {
  flagText,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import {
  checkEnvironmentName,
  listEnvironments
} from "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";
import "./chunk-XWJVXINM.js";
import "./chunk-XNDQ27F5.js";

// src/commands/environments.ts
var flags = { "github-output": { type: "boolean" }, "changed-since": { type: "string" }, require: { type: "string" } };
async function changedFiles(cwd, env, since) {
  if (!/^[0-9a-f]{7,40}$/i.test(since)) return void 0;
  const git = new Git(cwd, env);
  const known = await git.run(["cat-file", "-e", `${since}^{commit}`], { allowFailure: true });
  if (known.exitCode !== 0) return void 0;
  return (await git.text(["diff", "--name-only", since, "HEAD"])).split("\n").filter((l) => l.length > 0);
}
function changedOf(later, files) {
  if (files === void 0) return later.map((e) => e.name);
  const shared = files.some((f) => f.startsWith("base/") || f.startsWith("components/"));
  return later.filter((e) => shared || files.some((f) => f.startsWith(`overlays/${e.name}/`))).map((e) => e.name);
}
async function environments(cwd, env, since) {
  const entries = readEnvironments(cwd);
  const [first, ...later] = entries;
  if (first === void 0) throw new UsageError("no environments: add overlays/<env>/ and an entry in environments.yaml");
  const files = since === void 0 ? void 0 : await changedFiles(cwd, env, since);
  return {
    first: first.name,
    later: later.map((e) => e.name),
    changed: changedOf(later, files),
    promotions: promotionChain(entries),
    github: Object.fromEntries(entries.map((e) => [e.name, e.githubEnvironment])),
    overlays: listEnvironments(cwd)
  };
}
async function run(argv, io) {
  const parsed = parseCommandArgs(argv, flags, "environments");
  if (parsed.positionals.length > 0) throw new UsageError("usage: airflow-gitops environments [--github-output] [--changed-since <commit>] [--require <env>]");
  const output = await environments(io.cwd, io.env, flagText(parsed.values, "changed-since"));
  const required = flagText(parsed.values, "require");
  if (required !== void 0) {
    const name = checkEnvironmentName(required);
    const listed = [output.first, ...output.later];
    if (!listed.includes(name)) throw new UsageError(`environment '${name}' is not in environments.yaml (${listed.join(", ")})`);
  }
  if (parsed.values["github-output"] === true) {
    for (const [key, value] of Object.entries(output)) io.stdout(`${key}=${typeof value === "string" ? value : JSON.stringify(value)}
`);
  } else io.stdout(`${JSON.stringify(output, null, 2)}
`);
  return 0;
}
export {
  environments,
  run
};
