/**
 * The few steps of the tests that need root (starting sshd, giving files to
 * root and another group, switching to git-sync's uid): run directly when the
 * tests run as root (a container), else through `sudo -n`, which a
 * GitHub-hosted runner's user may use without a password.
 */
import { execa } from 'execa';

export const runningAsRoot = process.getuid?.() === 0;

/** The argv that runs `command` as root with `env` set (through `env`, since sudo resets the environment). */
export function asRoot(command: string, args: string[], env: Record<string, string> = {}): [string, string[]] {
  const assignments = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  const argv = assignments.length > 0 ? ['env', ...assignments, command, ...args] : [command, ...args];
  if (runningAsRoot) return [argv[0] as string, argv.slice(1)];
  return ['sudo', ['-n', ...argv]];
}

/** Runs a short command as root and fails with its output when it fails. */
export async function runAsRoot(command: string, args: string[]): Promise<void> {
  const [program, argv] = asRoot(command, args);
  await execa(program, argv);
}
