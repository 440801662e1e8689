// A CommandIO that keeps what a command writes, for tests that run commands in-process.
import type { CommandIO } from '../../src/commands/io.ts';

export type CapturedIO = { io: CommandIO; stdout: string[]; stderr: string[]; all: string[] };

export function captureIO(cwd: string, env: NodeJS.ProcessEnv = process.env): CapturedIO {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const all: string[] = [];
  return {
    stdout,
    stderr,
    all,
    io: {
      stdout: (text) => (stdout.push(text), all.push(text)),
      stderr: (text) => (stderr.push(text), all.push(text)),
      env,
      cwd,
    },
  };
}
