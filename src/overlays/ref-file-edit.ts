/**
 * Edits of a pinned-ref file as it is stored in a commit rather than in the
 * working tree: the bytes go into a scratch overlay folder so the deploy
 * engine's own ref-file code reads and writes them, and errors name the file
 * by its path in the repository.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { readPinnedRef, writePinnedRef } from './ref-file.ts';

/** Runs `body` with each of `files` (repository path -> content) written under a scratch folder. */
export function withScratchFiles<T>(files: Record<string, string>, body: (place: (file: string) => string) => T): T {
  const scratch = mkdtempSync(join(tmpdir(), 'airflow-gitops-ref-'));
  const place = (file: string) => join(scratch, file);
  try {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(place(file)), { recursive: true });
      writeFileSync(place(file), content);
    }
    return body(place);
  } catch (error) {
    if (error instanceof Error) error.message = error.message.replaceAll(`${scratch}${sep}`, '');
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function pinnedRefIn(file: string, content: string): string {
  return withScratchFiles({ [file]: content }, (place) => readPinnedRef(dirname(place(file))));
}

/** The file's content with its ref set to `ref`, or undefined when it already is. */
export function withPinnedRef(file: string, content: string, ref: string): string | undefined {
  return withScratchFiles({ [file]: content }, (place) => (writePinnedRef(dirname(place(file)), ref) ? readFileSync(place(file), 'utf8') : undefined));
}
