import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  describedImageIn,
  formatImagePin,
  kustomizationFileName,
  parseImagePin,
  withImagePin
} from "./chunk-HA2VP2ES.js";
import {
  parseGitRef,
  readPinnedRef,
  refFilePath,
  writePinnedRef
} from "./chunk-64HCW6T5.js";
import {
  Git
} from "./chunk-27TEZR2O.js";
import {
  environmentArg,
  flagText,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import {
  overlayDirFor
} from "./chunk-C6Q5PNHF.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";

// src/commands/bump.ts
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// src/git/commit-exists.ts
async function checkCommitExists(git, commit, remote = "origin") {
  const found = await git.run(["cat-file", "-e", `${commit}^{commit}`], { allowFailure: true });
  if (found.exitCode === 0) return;
  const shallow = (await git.run(["rev-parse", "--is-shallow-repository"], { allowFailure: true })).stdout.trim() === "true";
  if (shallow) {
    throw new UsageError(
      `commit ${commit} is not in this checkout, which is shallow: fetch it first (git fetch --no-tags --depth=1 ${remote} ${commit}), or check out the whole history (actions/checkout with fetch-depth: 0)`
    );
  }
  throw new UsageError(`commit ${commit} does not exist in the repository at ${git.cwd}: pin a commit of this repository (git-sync could not fetch it)`);
}

// src/commands/bump.ts
var cliWording = { ref: "--ref", allowRefName: "pass --allow-ref-name to pin a branch or tag instead", image: "--image" };
function parsedRef(options) {
  const wording = options.wording ?? cliWording;
  return options.ref === void 0 ? void 0 : parseGitRef(options.ref, options.allowRefName, wording.ref, wording.allowRefName);
}
async function checkedRef(options, env) {
  const ref = parsedRef(options);
  if (options.image !== void 0) parseImagePin(options.image, (options.wording ?? cliWording).image);
  overlayDirFor(options.repoRoot, options.environment, options.overlay);
  if (ref?.kind === "commit") await checkCommitExists(new Git(options.repoRoot, env), ref.value);
  return ref;
}
function plannedImage(overlayDir, image, place) {
  const pin = parseImagePin(image, place);
  const file = join(overlayDir, kustomizationFileName);
  const text = readFileSync(file, "utf8");
  const previous = describedImageIn(file, text);
  const content = withImagePin(file, text, pin);
  return { change: { file, previous, pin: formatImagePin(pin), changed: content !== void 0 }, content };
}
function bump(options) {
  const wording = options.wording ?? cliWording;
  const ref = parsedRef(options);
  if (ref === void 0 && options.image === void 0) throw new UsageError(`bump: give ${wording.ref}, ${wording.image} or both`);
  const overlayDir = overlayDirFor(options.repoRoot, options.environment, options.overlay);
  const previous = readPinnedRef(overlayDir);
  const image = options.image === void 0 ? void 0 : plannedImage(overlayDir, options.image, wording.image);
  const refChanged = ref === void 0 ? false : writePinnedRef(overlayDir, ref.value);
  if (image?.content !== void 0) writeFileSync(image.change.file, image.content);
  return { environment: options.environment, file: refFilePath(overlayDir), previous, ref, image: image?.change, changed: refChanged || image?.change.changed === true };
}
function report(result) {
  const lines = [];
  const ref = result.ref?.value;
  if (ref !== void 0) lines.push(ref !== result.previous ? `${result.file}: GITSYNC_REF ${result.previous} -> ${ref}` : `${result.file}: GITSYNC_REF is already ${ref}; nothing changed`);
  const image = result.image;
  if (image !== void 0) lines.push(image.changed ? `${image.file}: image ${image.previous ?? "(the base image)"} -> ${image.pin}` : `${image.file}: image is already ${image.pin}; nothing changed`);
  return `${lines.join("\n")}
`;
}
async function run(argv, io) {
  const parsed = parseCommandArgs(argv, { ref: { type: "string" }, image: { type: "string" }, "allow-ref-name": { type: "boolean" }, overlay: { type: "string" } }, "bump");
  const environment = environmentArg(parsed.positionals, "bump");
  const ref = flagText(parsed.values, "ref");
  const image = flagText(parsed.values, "image");
  if (ref === void 0 && image === void 0) throw new UsageError("bump: --ref <commit-sha> is required (or --image <name>@sha256:<digest>, or both)");
  const options = { repoRoot: io.cwd, environment, ref, image, allowRefName: parsed.values["allow-ref-name"] === true, overlay: flagText(parsed.values, "overlay") };
  await checkedRef(options, io.env);
  io.stdout(report(bump(options)));
  return 0;
}

export {
  checkedRef,
  bump,
  run
};
