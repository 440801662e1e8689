/**
 * Reads a step's stdout the way the runner does: each line, with leading
 * whitespace trimmed, that starts with `::` is a workflow command, unless
 * commands were stopped by `::stop-commands::TOKEN` and not yet resumed by a
 * line that is exactly `::TOKEN::`. What it does not do: act on the commands
 * (no masking, no annotations), or check the token's form as the runner does.
 */
export type WorkflowCommand = { line: number; name: string; properties: Record<string, string>; message: string; text: string };

export function commandsTheRunnerRuns(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  let stoppedBy: string | undefined;
  stdout.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.trimStart();
    if (stoppedBy !== undefined) {
      if (text === `::${stoppedBy}::`) stoppedBy = undefined;
      return;
    }
    const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(text);
    if (match === null) return;
    const [, name, props, message] = match as unknown as [string, string, string | undefined, string];
    const properties = Object.fromEntries((props ?? '').split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
    commands.push({ line: index + 1, name, properties, message, text });
    if (name === 'stop-commands') stoppedBy = message;
  });
  return commands;
}
