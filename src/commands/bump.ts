/** bump <env> --ref <sha>: pin an environment's git-sync ref (one line of one file changes). */
import type { CommandIO } from './io.ts';
import { parseCommandArgs, environmentArg } from './argv.ts';
import { parseGitRef, type GitRef } from '../overlays/git-ref.ts';
import { overlayDirFor } from '../overlays/environments.ts';
import { readPinnedRef, refFilePath, writePinnedRef } from '../overlays/ref-file.ts';
import { UsageError } from '../errors.ts';
import { checkCommitExists } from '../git/commit-exists.ts';
import { Git } from '../git/git.ts';

export type BumpResult = { environment: string; file: string; previous: string; ref: GitRef; changed: boolean };

/** How the caller's entry names the ref option, and how to allow a name (CLI flags by default). */
export type BumpWording = { ref: string; allowRefName: string };
const cliWording: BumpWording = { ref: '--ref', allowRefName: 'pass --allow-ref-name to pin a branch or tag instead' };

export type BumpOptions = { repoRoot: string; environment: string; ref: string; allowRefName: boolean; overlay?: string; wording?: BumpWording };

/** The ref checked for form; a commit also for existence in the repository (names are resolved by git-sync). */
export async function checkedRef(options: BumpOptions, env: NodeJS.ProcessEnv): Promise<GitRef> {
  const wording = options.wording ?? cliWording;
  const ref = parseGitRef(options.ref, options.allowRefName, wording.ref, wording.allowRefName);
  // An unknown environment is the plainer mistake: say that first.
  overlayDirFor(options.repoRoot, options.environment, options.overlay);
  if (ref.kind === 'commit') await checkCommitExists(new Git(options.repoRoot, env), ref.value);
  return ref;
}

/** Validates the form of `ref` before touching the file; a second identical bump changes nothing. */
export function bump(options: BumpOptions): BumpResult {
  const wording = options.wording ?? cliWording;
  const ref = parseGitRef(options.ref, options.allowRefName, wording.ref, wording.allowRefName);
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
  const options: BumpOptions = {
    repoRoot: io.cwd,
    environment,
    ref,
    allowRefName: parsed.values['allow-ref-name'] === true,
    overlay: typeof parsed.values.overlay === 'string' ? parsed.values.overlay : undefined,
  };
  await checkedRef(options, io.env);
  const result = bump(options);
  io.stdout(
    result.changed
      ? `${result.file}: GITSYNC_REF ${result.previous} -> ${result.ref.value}\n`
      : `${result.file}: GITSYNC_REF is already ${result.ref.value}; nothing changed\n`,
  );
  return 0;
}
