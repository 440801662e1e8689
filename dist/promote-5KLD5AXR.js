import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  promote
} from "./chunk-4GFHPOML.js";
import "./chunk-Z6GDXSVY.js";
import "./chunk-AF6MUGKY.js";
import "./chunk-OMGV5NTF.js";
import "./chunk-2QA4ABBH.js";
import {
  table
} from "./chunk-WXGFXV66.js";
import "./chunk-JKRQ3V4L.js";
import "./chunk-LY2ZCFWI.js";
import "./chunk-RBNP2GGL.js";
import "./chunk-6M56B45Z.js";
import "./chunk-HA2VP2ES.js";
import "./chunk-64HCW6T5.js";
import "./chunk-27TEZR2O.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import "./chunk-VGK45RJW.js";
import "./chunk-XWJVXINM.js";
import "./chunk-XNDQ27F5.js";

// src/action/commands/promote.ts
var actionWording = {
  allowAnyOrder: "set input 'allow-any-order' to true if it is meant",
  noPush: "the action always pushes",
  noPullRequest: "set input 'pull-request' to false",
  noPullRequestAsked: "input 'pull-request' is false",
  token: "set input 'token' (it defaults to the workflow's token)",
  base: "set input 'base' to the branch the pull request merges into"
};
async function promoteAction(settings, context) {
  const result = await promote({
    repoRoot: settings.workingDirectory,
    from: settings.from,
    to: settings.to,
    allowAnyOrder: settings.allowAnyOrder,
    push: true,
    pullRequest: settings.pullRequest,
    remote: "origin",
    base: settings.base,
    labels: settings.labels,
    draft: settings.draft,
    token: settings.token,
    env: context.env,
    log: context.log,
    wording: actionWording,
    // With a token the commit is made by GitHub (signed); without one it is pushed with git.
    commitThroughApi: settings.token !== void 0
  });
  context.log(result.message);
  const pr = result.pullRequest;
  const rows = [[result.from, result.to, result.previous, result.ref, result.image ?? "the base image", pr ? `[#${pr.number}](${pr.url}) ${pr.operation}` : "-"]];
  return {
    outputs: {
      ref: result.ref,
      "previous-ref": result.previous,
      ...result.image === void 0 ? {} : { image: result.image },
      changed: result.changed,
      branch: result.branch,
      ...result.commit === void 0 ? {} : { commit: result.commit },
      ...pr === void 0 ? {} : { "pull-request-number": pr.number, "pull-request-url": pr.url, "pull-request-operation": pr.operation }
    },
    summary: `## Promotion ${result.from} \u2192 ${result.to}

${table(["from", "to", `${result.to} now`, "promoted ref", "promoted image", "pull request"], rows)}

${result.message}
`
  };
}
export {
  actionWording,
  promoteAction
};
