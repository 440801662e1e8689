/**
 * bump <env> [--ref <sha>] [--image <name>@sha256:<digest>]: pin an
 * environment's git-sync ref (one line of git-sync-ref.env), its Airflow image
 * (the apache/airflow entry of the overlay's kustomization.yaml), or both, so
 * the DAGs and the packages they were checked with move together. Every value
 * and both files are checked before either file is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandIO } from './io.ts';
import { flagText, parseCommandArgs, environmentArg } from './argv.ts';
import { parseGitRef, type GitRef } from '../overlays/git-ref.ts';
import { overlayDirFor } from '../overlays/environments.ts';
import { readPinnedRef, refFilePath, writePinnedRef } from '../overlays/ref-file.ts';
import { describedImageIn, formatImagePin, kustomizationFileName, parseImagePin, withImagePin } from '../overlays/image-pin.ts';
import { UsageError } from '../errors.ts';
import { checkCommitExists } from '../git/commit-exists.ts';
import { Git } from '../git/git.ts';

export type ImageChange = { file: string; previous?: string; pin: string; changed: boolean };
/** file and previous: the ref file and the ref it held (read even when only the image moves). */
export type BumpResult = { environment: string; file: string; previous: string; ref?: GitRef; image?: ImageChange; changed: boolean };

/** How the caller's entry names its options, and how to allow a name (CLI flags by default). */
export type BumpWording = { ref: string; allowRefName: string; image: string };
const cliWording: BumpWording = { ref: '--ref', allowRefName: 'pass --allow-ref-name to pin a branch or tag instead', image: '--image' };

export type BumpOptions = { repoRoot: string; environment: string; ref?: string; image?: string; allowRefName: boolean; overlay?: string; wording?: BumpWording };

function parsedRef(options: BumpOptions): GitRef | undefined {
  const wording = options.wording ?? cliWording;
  return options.ref === undefined ? undefined : parseGitRef(options.ref, options.allowRefName, wording.ref, wording.allowRefName);
}

/** The ref checked for form; a commit also for existence in the repository (names are resolved by git-sync). */
export async function checkedRef(options: BumpOptions, env: NodeJS.ProcessEnv): Promise<GitRef | undefined> {
  const ref = parsedRef(options);
  if (options.image !== undefined) parseImagePin(options.image, (options.wording ?? cliWording).image);
  // An unknown environment is the plainer mistake: say that first.
  overlayDirFor(options.repoRoot, options.environment, options.overlay);
  if (ref?.kind === 'commit') await checkCommitExists(new Git(options.repoRoot, env), ref.value);
  return ref;
}

/** The kustomization's new content, worked out (and its shape checked) before anything is written. */
function plannedImage(overlayDir: string, image: string, place: string): { change: ImageChange; content?: string } {
  const pin = parseImagePin(image, place);
  const file = join(overlayDir, kustomizationFileName);
  const text = readFileSync(file, 'utf8');
  const previous = describedImageIn(file, text);
  const content = withImagePin(file, text, pin);
  return { change: { file, previous, pin: formatImagePin(pin), changed: content !== undefined }, content };
}

/** Validates every value and both files before writing; a second identical bump changes nothing. */
export function bump(options: BumpOptions): BumpResult {
  const wording = options.wording ?? cliWording;
  const ref = parsedRef(options);
  if (ref === undefined && options.image === undefined) throw new UsageError(`bump: give ${wording.ref}, ${wording.image} or both`);
  const overlayDir = overlayDirFor(options.repoRoot, options.environment, options.overlay);
  const previous = readPinnedRef(overlayDir);
  const image = options.image === undefined ? undefined : plannedImage(overlayDir, options.image, wording.image);
  const refChanged = ref === undefined ? false : writePinnedRef(overlayDir, ref.value);
  if (image?.content !== undefined) writeFileSync(image.change.file, image.content);
  return { environment: options.environment, file: refFilePath(overlayDir), previous, ref, image: image?.change, changed: refChanged || image?.change.changed === true };
}

function report(result: BumpResult): string {
  const lines: string[] = [];
  const ref = result.ref?.value;
  if (ref !== undefined) lines.push(ref !== result.previous ? `${result.file}: GITSYNC_REF ${result.previous} -> ${ref}` : `${result.file}: GITSYNC_REF is already ${ref}; nothing changed`);
  const image = result.image;
  if (image !== undefined) lines.push(image.changed ? `${image.file}: image ${image.previous ?? '(the base image)'} -> ${image.pin}` : `${image.file}: image is already ${image.pin}; nothing changed`);
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseCommandArgs(argv, { ref: { type: 'string' }, image: { type: 'string' }, 'allow-ref-name': { type: 'boolean' }, overlay: { type: 'string' } }, 'bump');
  const environment = environmentArg(parsed.positionals, 'bump');
  const ref = flagText(parsed.values, 'ref');
  const image = flagText(parsed.values, 'image');
  if (ref === undefined && image === undefined) throw new UsageError('bump: --ref <commit-sha> is required (or --image <name>@sha256:<digest>, or both)');
  const options: BumpOptions = { repoRoot: io.cwd, environment, ref, image, allowRefName: parsed.values['allow-ref-name'] === true, overlay: flagText(parsed.values, 'overlay') };
  await checkedRef(options, io.env);
  io.stdout(report(bump(options)));
  return 0;
}
