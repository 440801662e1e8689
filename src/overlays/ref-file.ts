/**
 * The one file of an overlay that pins the git-sync ref: overlays/<env>/git-sync-ref.env,
 * an env file whose `GITSYNC_REF=<ref>` line kustomize turns into the
 * sidecars' GITSYNC_REF. Only the value on that line is replaced; comments,
 * other lines and line endings stay as they are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandFailure, UsageError } from '../errors.ts';

export const refFileName = 'git-sync-ref.env';
const refLine = /^(\s*GITSYNC_REF\s*=\s*)(\S*)(\s*)$/;

export function refFilePath(overlayDir: string): string {
  return join(overlayDir, refFileName);
}

function findLine(lines: string[], path: string): number {
  const matches = lines.map((l, i) => (refLine.test(l.replace(/\r$/, '')) ? i : -1)).filter((i) => i >= 0);
  if (matches.length !== 1) {
    throw new CommandFailure(`${path}: expected exactly one line GITSYNC_REF=<ref>, found ${matches.length}`);
  }
  return matches[0] as number;
}

export function readPinnedRef(overlayDir: string): string {
  const path = refFilePath(overlayDir);
  if (!existsSync(path)) throw new UsageError(`${path}: no pinned-ref file in this overlay`);
  const lines = readFileSync(path, 'utf8').split('\n');
  const line = lines[findLine(lines, path)] ?? '';
  return refLine.exec(line.replace(/\r$/, ''))?.[2] ?? '';
}

/** Replaces the pinned ref; returns false (and leaves the file untouched) when it already is `ref`. */
export function writePinnedRef(overlayDir: string, ref: string): boolean {
  const path = refFilePath(overlayDir);
  if (!existsSync(path)) throw new UsageError(`${path}: no pinned-ref file in this overlay`);
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const index = findLine(lines, path);
  const original = lines[index] ?? '';
  const carriageReturn = original.endsWith('\r') ? '\r' : '';
  const match = refLine.exec(original.replace(/\r$/, ''));
  if (!match || match[2] === ref) return false;
  lines[index] = `${match[1]}${ref}${match[3]}${carriageReturn}`;
  writeFileSync(path, lines.join('\n'));
  return true;
}
