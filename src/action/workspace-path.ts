/**
 * Path inputs stay inside the workspace, as actions/checkout keeps its `path`
 * there: a workflow that reads DAGs from, or writes a file to, a place outside
 * the repository's checkout is refused with the input's name and the path it
 * resolved to. Symbolic links are followed for the part of the path that
 * exists, so a link in the repository cannot lead out either.
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.ts';

/** The real path of the longest existing ancestor of `path`, with the rest appended as written. */
function realPath(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return path;
    rest.unshift(basename(existing));
    existing = parent;
  }
  return join(realpathSync(existing), ...rest);
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/** `value` resolved against `base`; refused, naming `input`, when it is not inside `workspace`. */
export function confinedPath(workspace: string, base: string, value: string, input: string): string {
  const root = resolve(workspace);
  const path = resolve(base, value);
  if (!inside(root, path)) throw new UsageError(`input '${input}': ${JSON.stringify(value)} resolves to ${path}, which is outside the workspace ${root}`);
  const real = realPath(path);
  if (!inside(realPath(root), real)) throw new UsageError(`input '${input}': ${JSON.stringify(value)} resolves through a symbolic link to ${real}, which is outside the workspace ${root}`);
  return path;
}
