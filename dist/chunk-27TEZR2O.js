import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CommandFailure,
  EnvironmentError
} from "./chunk-VGK45RJW.js";
import {
  execa
} from "./chunk-XWJVXINM.js";

// src/git/git.ts
var fallbackIdentity = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" };
var Git = class {
  cwd;
  env;
  constructor(cwd, env) {
    this.cwd = cwd;
    this.env = { ...env, GIT_TERMINAL_PROMPT: "0", GCM_INTERACTIVE: "never", LC_ALL: "C" };
  }
  /** Runs git; a non-zero exit throws unless `allowFailure`. */
  async run(args, options = {}) {
    let result;
    try {
      result = await execa("git", args, { cwd: this.cwd, env: { ...this.env, ...options.env }, extendEnv: false, input: options.input, reject: false, stripFinalNewline: false });
    } catch (error) {
      throw new EnvironmentError(`cannot run git: ${error.message}`);
    }
    if (result.failed && result.exitCode === void 0) throw new EnvironmentError(`cannot run git: ${result.shortMessage}`);
    const outcome = { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? 1 };
    if (outcome.exitCode !== 0 && !options.allowFailure) {
      throw new CommandFailure(`git ${args.join(" ")} failed in ${this.cwd}: ${outcome.stderr.trim() || `exit code ${outcome.exitCode}`}`);
    }
    return outcome;
  }
  async text(args) {
    return (await this.run(args)).stdout.trim();
  }
  topLevel() {
    return this.text(["rev-parse", "--show-toplevel"]);
  }
  revParse(revision) {
    return this.text(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]);
  }
  /** The checked-out branch, or undefined when HEAD is detached. */
  async currentBranch() {
    const result = await this.run(["symbolic-ref", "--quiet", "--short", "HEAD"], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : void 0;
  }
  async remoteUrl(remote) {
    const result = await this.run(["remote", "get-url", remote], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : void 0;
  }
  /** A file's bytes at a commit, as stored (no line-ending conversion). */
  async show(commit, path) {
    return (await this.run(["show", `${commit}:${path}`])).stdout;
  }
  /** -c options for an identity when the repository has none, so commits work in a fresh checkout. */
  async identityArgs() {
    const email = await this.run(["config", "user.email"], { allowFailure: true });
    if (email.exitCode === 0 && email.stdout.trim().length > 0) return [];
    return ["-c", `user.name=${fallbackIdentity.name}`, "-c", `user.email=${fallbackIdentity.email}`];
  }
  /** The commit a remote branch points at, or undefined when the branch does not exist there. */
  async remoteBranch(remote, branch) {
    const out = await this.text(["ls-remote", "--heads", remote, `refs/heads/${branch}`]);
    const line = out.split("\n").find((l) => l.endsWith(`	refs/heads/${branch}`));
    return line?.split("	")[0];
  }
};

export {
  Git
};
