/**
 * src/git owns plain git operations on a checkout (running git, one-file
 * commits, pushes); it knows nothing of GitHub.
 *
 * The one way this project runs git. Every call goes through `run`, which
 * never prompts for credentials (a CI job would hang) and turns a failure into
 * an error naming the git command and quoting git's own message.
 */
import { execa } from 'execa';
import { CommandFailure, EnvironmentError } from '../errors.ts';

export type GitResult = { stdout: string; stderr: string; exitCode: number };

/** The committer used when the repository has none configured (a fresh CI checkout). */
export const fallbackIdentity = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

export class Git {
  readonly cwd: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(cwd: string, env: NodeJS.ProcessEnv) {
    this.cwd = cwd;
    this.env = { ...env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', LC_ALL: 'C' };
  }

  /** Runs git; a non-zero exit throws unless `allowFailure`. */
  async run(args: string[], options: { input?: string; allowFailure?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<GitResult> {
    let result;
    try {
      result = await execa('git', args, { cwd: this.cwd, env: { ...this.env, ...options.env }, extendEnv: false, input: options.input, reject: false, stripFinalNewline: false });
    } catch (error) {
      throw new EnvironmentError(`cannot run git: ${(error as Error).message}`);
    }
    if (result.failed && result.exitCode === undefined) throw new EnvironmentError(`cannot run git: ${result.shortMessage}`);
    const outcome = { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? 1 };
    if (outcome.exitCode !== 0 && !options.allowFailure) {
      throw new CommandFailure(`git ${args.join(' ')} failed in ${this.cwd}: ${outcome.stderr.trim() || `exit code ${outcome.exitCode}`}`);
    }
    return outcome;
  }

  async text(args: string[]): Promise<string> {
    return (await this.run(args)).stdout.trim();
  }

  topLevel(): Promise<string> {
    return this.text(['rev-parse', '--show-toplevel']);
  }

  revParse(revision: string): Promise<string> {
    return this.text(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  }

  /** The checked-out branch, or undefined when HEAD is detached. */
  async currentBranch(): Promise<string | undefined> {
    const result = await this.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async remoteUrl(remote: string): Promise<string | undefined> {
    const result = await this.run(['remote', 'get-url', remote], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  /** A file's bytes at a commit, as stored (no line-ending conversion). */
  async show(commit: string, path: string): Promise<string> {
    return (await this.run(['show', `${commit}:${path}`])).stdout;
  }

  /** -c options for an identity when the repository has none, so commits work in a fresh checkout. */
  async identityArgs(): Promise<string[]> {
    const email = await this.run(['config', 'user.email'], { allowFailure: true });
    if (email.exitCode === 0 && email.stdout.trim().length > 0) return [];
    return ['-c', `user.name=${fallbackIdentity.name}`, '-c', `user.email=${fallbackIdentity.email}`];
  }

  /** The commit a remote branch points at, or undefined when the branch does not exist there. */
  async remoteBranch(remote: string, branch: string): Promise<string | undefined> {
    const out = await this.text(['ls-remote', '--heads', remote, `refs/heads/${branch}`]);
    const line = out.split('\n').find((l) => l.endsWith(`\trefs/heads/${branch}`));
    return line?.split('\t')[0];
  }
}
