import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  pinBody,
  pinTitle,
  publishPin
} from "./chunk-JKKFY5PB.js";
import "./chunk-Z6GDXSVY.js";
import "./chunk-GFE6HHBJ.js";
import "./chunk-AF6MUGKY.js";
import {
  GitHubClient,
  resolveRepository
} from "./chunk-OMGV5NTF.js";
import {
  table
} from "./chunk-WXGFXV66.js";
import "./chunk-JKRQ3V4L.js";
import "./chunk-LY2ZCFWI.js";
import "./chunk-RBNP2GGL.js";
import "./chunk-6M56B45Z.js";
import {
  bump,
  checkedRef
} from "./chunk-6PH3BHAF.js";
import {
  parseImagePin,
  withImagePin
} from "./chunk-HA2VP2ES.js";
import "./chunk-64HCW6T5.js";
import {
  Git
} from "./chunk-27TEZR2O.js";
import "./chunk-4TQ4CUEX.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";
import "./chunk-XWJVXINM.js";
import "./chunk-XNDQ27F5.js";

// src/action/commands/bump.ts
import { relative, sep } from "node:path";
async function branchOf(git, env) {
  const branch = await git.currentBranch() ?? (env.GITHUB_REF_TYPE === "branch" ? env.GITHUB_REF_NAME : void 0);
  if (branch === void 0) throw new UsageError("input 'commit': HEAD is detached and the run is not for a branch, so there is no branch to commit the pin to");
  return branch;
}
async function gitHubTarget(git, settings, context) {
  if (settings.token === void 0) return void 0;
  const repository = resolveRepository(context.env, await git.remoteUrl("origin"));
  return { client: new GitHubClient({ apiUrl: repository.apiUrl, token: settings.token, log: context.log }), repository, commits: true };
}
function describePin(outcome, branch, throughApi) {
  if (outcome.operation === "committed") return `${throughApi ? "committed" : "pushed"} ${outcome.commit} to ${branch}`;
  if (outcome.operation === "unchanged") return `${branch} already pins it (${outcome.commit})`;
  return `pull request #${outcome.pullRequest?.number} ${outcome.pullRequest?.operation} (${branch} refused the commit)`;
}
function imageEdit(top, image) {
  if (image === void 0) return [];
  const path = relative(top, image.file).split(sep).join("/");
  return [{ path, change: (content) => withImagePin(path, content, parseImagePin(image.pin, "input 'image'")) }];
}
async function commitPin(settings, context, result, ref) {
  const git = new Git(settings.workingDirectory, context.env);
  const top = await git.topLevel();
  const path = relative(top, result.file).split(sep).join("/");
  const also = imageEdit(top, result.image);
  const branch = await branchOf(git, context.env);
  const facts = { environment: settings.environment, ref, file: path, image: result.image?.pin };
  const imageLine = also[0] === void 0 ? "" : `${also[0].path}: image ${result.image?.pin ?? ""}
`;
  const message = `Pin ${settings.environment} to ${ref.slice(0, 12)}

${path}: GITSYNC_REF=${ref}
${imageLine}
[skip ci]
`;
  let target;
  const outcome = await publishPin(git, {
    remote: "origin",
    base: branch,
    path,
    environment: settings.environment,
    ref,
    also,
    mode: "commit",
    parent: await git.revParse("HEAD"),
    github: () => target ??= gitHubTarget(git, settings, context),
    text: { title: pinTitle(facts), message, body: (refused) => pinBody({ ...facts, refused }) },
    labels: [],
    log: context.log
  });
  return { outcome, pushed: describePin(outcome, branch, settings.token !== void 0) };
}
async function bumpAction(settings, context) {
  const options = {
    repoRoot: settings.workingDirectory,
    environment: settings.environment,
    ref: settings.ref,
    image: settings.image,
    allowRefName: settings.allowRefName,
    wording: { ref: "input 'ref'", allowRefName: "set input 'allow-ref-name' to true to pin a branch or tag instead", image: "input 'image'" }
  };
  await checkedRef(options, context.env);
  const result = bump(options);
  const ref = result.ref?.value ?? settings.ref;
  context.log(ref !== result.previous ? `${result.file}: GITSYNC_REF ${result.previous} -> ${ref}` : `${result.file}: GITSYNC_REF is already ${ref}`);
  if (result.image !== void 0) context.log(`${result.image.file}: image ${result.image.changed ? `${result.image.previous ?? "(the base image)"} -> ` : "is already "}${result.image.pin}`);
  const outcome = {
    outputs: { ref, "previous-ref": result.previous, changed: result.changed, ...result.image === void 0 ? {} : { image: result.image.pin } },
    summary: ""
  };
  let pushed = "not asked (commit: false)";
  if (settings.commit) {
    const pin = await commitPin(settings, context, result, ref);
    pushed = pin.pushed;
    const pr = pin.outcome.pullRequest;
    if (pin.outcome.operation !== "pull-request") outcome.outputs.commit = pin.outcome.commit;
    outcome.outputs.changed = pin.outcome.operation !== "unchanged";
    if (pr !== void 0) Object.assign(outcome.outputs, { "pull-request-number": pr.number, "pull-request-url": pr.url, "pull-request-operation": pr.operation });
    context.log(pushed);
  }
  outcome.summary = [
    `## Pinned ref of ${settings.environment}`,
    "",
    table(["file", "before", "after", "commit"], [
      [relative(settings.workingDirectory, result.file), result.previous, ref, pushed],
      ...result.image === void 0 ? [] : [[relative(settings.workingDirectory, result.image.file), result.image.previous ?? "(the base image)", result.image.pin, pushed]]
    ]),
    ""
  ].join("\n");
  return outcome;
}
export {
  bumpAction
};
