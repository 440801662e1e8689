import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseGitRef,
  readPinnedRef,
  refFilePath,
  writePinnedRef
} from "./chunk-64HCW6T5.js";
import {
  Git
} from "./chunk-2B6XIGMR.js";
import {
  environmentArg,
  parseCommandArgs
} from "./chunk-4TQ4CUEX.js";
import {
  overlayDirFor
} from "./chunk-C6Q5PNHF.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";

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
var cliWording = { ref: "--ref", allowRefName: "pass --allow-ref-name to pin a branch or tag instead" };
async function checkedRef(options, env) {
  const wording = options.wording ?? cliWording;
  const ref = parseGitRef(options.ref, options.allowRefName, wording.ref, wording.allowRefName);
  overlayDirFor(options.repoRoot, options.environment, options.overlay);
  if (ref.kind === "commit") await checkCommitExists(new Git(options.repoRoot, env), ref.value);
  return ref;
}
function bump(options) {
  const wording = options.wording ?? cliWording;
  const ref = parseGitRef(options.ref, options.allowRefName, wording.ref, wording.allowRefName);
  const overlayDir = overlayDirFor(options.repoRoot, options.environment, options.overlay);
  const previous = readPinnedRef(overlayDir);
  const changed = writePinnedRef(overlayDir, ref.value);
  return { environment: options.environment, file: refFilePath(overlayDir), previous, ref, changed };
}
async function run(argv, io) {
  const parsed = parseCommandArgs(argv, { ref: { type: "string" }, "allow-ref-name": { type: "boolean" }, overlay: { type: "string" } }, "bump");
  const environment = environmentArg(parsed.positionals, "bump");
  const ref = parsed.values.ref;
  if (typeof ref !== "string") throw new UsageError("bump: --ref <commit-sha> is required");
  const options = {
    repoRoot: io.cwd,
    environment,
    ref,
    allowRefName: parsed.values["allow-ref-name"] === true,
    overlay: typeof parsed.values.overlay === "string" ? parsed.values.overlay : void 0
  };
  await checkedRef(options, io.env);
  const result = bump(options);
  io.stdout(
    result.changed ? `${result.file}: GITSYNC_REF ${result.previous} -> ${result.ref.value}
` : `${result.file}: GITSYNC_REF is already ${result.ref.value}; nothing changed
`
  );
  return 0;
}

export {
  checkedRef,
  bump,
  run
};
