/** bump <env> --ref <sha>: pin an environment's git-sync ref (one line of one file changes). */
import type { CommandIO } from './io.ts';
import { parseCommandArgs, environmentArg } from './argv.ts';
import { parseGitRef, type GitRef } from '../overlays/git-ref.ts';
import { overlayDirFor } from '../overlays/environments.ts';
import { readPinnedRef, refFilePath, writePinnedRef } from '../overlays/ref-file.ts';
import { UsageError } from '../errors.ts';

export type BumpResult = { environment: string; file: string; previous: string; ref: GitRef; changed: boolean };

/** Validates `ref` before touching the file; a second identical bump changes nothing. */
export function bump(options: { repoRoot: string; environment: string; ref: string; allowRefName: boolean; overlay?: string }): BumpResult {
  const ref = parseGitRef(options.ref, options.allowRefName);
  const overlayDir = overlayDirFor(options.repoRoot, options.environment, options.overlay);
  const previous = readPinnedRef(overlayDir);
  const changed = writePinnedRef(overlayDir, ref.value);
  return { environment: options.environment, file: refFilePath(overlayDir), previous, ref, changed };
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(argv, { ref: { type: 'string' }, 'allow-ref-name': { type: 'boolean' }, overlay: { type: 'string' } }, 'bump');
  const environment = environmentArg(parsed.positionals, 'bump');
  const ref = parsed.values.ref;
  if (typeof ref !== 'string') throw new UsageError('bump: --ref <commit-sha> is required');
  const result = bump({
    repoRoot: io.cwd,
    environment,
    ref,
    allowRefName: parsed.values['allow-ref-name'] === true,
    overlay: typeof parsed.values.overlay === 'string' ? parsed.values.overlay : undefined,
  });
  io.stdout(
    result.changed
      ? `${result.file}: GITSYNC_REF ${result.previous} -> ${result.ref.value}\n`
      : `${result.file}: GITSYNC_REF is already ${result.ref.value}; nothing changed\n`,
  );
  return 0;
}
