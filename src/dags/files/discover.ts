/**
 * Lists the files of a dags folder the way Airflow's dag-processor walks it
 * (airflow/utils/file.py, list_py_file_paths):
 * symlinks followed, `.airflowignore` applied level by level, `.py` files and
 * zip archives kept. Entries Airflow silently passes over (broken symlinks,
 * FIFOs, symlinks leaving the folder) become findings instead of surprises;
 * none of them is ever opened, so a FIFO cannot block the walk.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import type { Finding } from '../report.ts';
import { ignoreFileName, isIgnored, parseIgnoreFile, type IgnoreRule, type IgnoreSyntax } from './airflowignore.ts';

export type DiscoveredFile = {
  /** Relative to the dags folder, forward slashes. */
  path: string;
  /** The path through the dags folder (symlinks not resolved), as Airflow imports it. */
  absolute: string;
  kind: 'python' | 'zip';
};

export type Discovery = { files: DiscoveredFile[]; findings: Finding[] };

export function discoverDagFiles(dagsFolder: string, syntax: IgnoreSyntax): Discovery {
  const root = realpathSync(dagsFolder);
  const walk = new Walk(root, syntax);
  walk.folder('', [], root);
  walk.files.sort((a, b) => a.path.localeCompare(b.path));
  return { files: walk.files, findings: walk.findings };
}

class Walk {
  readonly files: DiscoveredFile[] = [];
  readonly findings: Finding[] = [];
  private readonly root: string;
  private readonly syntax: IgnoreSyntax;
  /** Real paths of the folders walked: Airflow refuses to walk one twice. */
  private readonly visited = new Set<string>();

  constructor(root: string, syntax: IgnoreSyntax) {
    this.root = root;
    this.syntax = syntax;
    this.visited.add(root);
  }

  /** `inherited` are the rules of the parent folders; `real` is the folder's path with no symlink in it. */
  folder(folder: string, inherited: IgnoreRule[], real: string): void {
    const absolute = join(this.root, folder);
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      this.finding(folder || '.', 'warning', 'unreadable-entry', `cannot list this folder (${errorCode(error)}): Airflow skips it`);
      return;
    }
    const rules = [...inherited, ...this.ignoreRules(folder, entries.map((entry) => entry.name))];
    for (const entry of entries) {
      if (entry.name === ignoreFileName) continue;
      this.entry(posix.join(folder, entry.name), rules, entry, real);
    }
  }

  private entry(path: string, rules: IgnoreRule[], entry: Dirent, folderReal: string): void {
    const absolute = join(this.root, ...path.split('/'));
    // A plain file or folder (no symlink) needs no stat: its real path is its folder's plus its
    // name, inside the dags folder as its folder is.
    const plain = entry.isFile() || entry.isDirectory();
    const found = plain ? { stats: entry, real: join(folderReal, entry.name) } : this.resolve(path, absolute);
    if (found === null) return;
    const { stats, real } = found;
    if (stats.isDirectory()) {
      if (isIgnored(path, true, rules)) return;
      if (!plain && !this.inside(real)) return this.outside(path, real);
      if (this.visited.has(real)) {
        this.finding(path, 'error', 'symlink-loop', 'this folder is reached a second time through a symlink: Airflow stops listing the dags folder with "Detected recursive loop"');
        return;
      }
      this.visited.add(real);
      this.folder(path, rules, real);
      return;
    }
    if (isIgnored(path, false, rules)) return;
    if (!stats.isFile()) {
      if (path.endsWith('.py')) {
        this.finding(path, 'warning', 'unreadable-entry', `this entry is ${specialKind(stats)}, not a file: Airflow skips it`);
      }
      return;
    }
    if (!plain && !this.inside(real)) return this.outside(path, real);
    // The dag-processor's listing (list_py_file_paths) wants `.py` exactly.
    if (path.endsWith('.py')) this.files.push({ path, absolute, kind: 'python' });
    else if (looksLikeZip(absolute)) this.files.push({ path, absolute, kind: 'zip' });
  }

  /** What a symlink or special entry is, and where it leads; null (and a finding) when it leads nowhere. */
  private resolve(path: string, absolute: string): { stats: Stats; real: string } | null {
    try {
      return { stats: statSync(absolute), real: realpathSync.native(absolute) };
    } catch (error) {
      const code = errorCode(error);
      const what = code === 'ENOENT' ? 'a broken symlink' : code === 'ELOOP' ? 'a symlink loop' : `unreadable (${code})`;
      this.finding(path, 'warning', 'unreadable-entry', `this entry is ${what}: Airflow skips it`);
      return null;
    }
  }

  private ignoreRules(folder: string, names: string[]): IgnoreRule[] {
    if (!names.includes(ignoreFileName)) return [];
    const file = posix.join(folder, ignoreFileName);
    let text: string;
    try {
      if (!statSync(join(this.root, ...file.split('/'))).isFile()) return [];
      text = readFileSync(join(this.root, ...file.split('/')), 'utf8');
    } catch (error) {
      this.finding(file, 'warning', 'unreadable-entry', `cannot read this ignore file (${errorCode(error)})`);
      return [];
    }
    const { rules, problems } = parseIgnoreFile(text, this.syntax, folder);
    for (const problem of problems) {
      this.finding(file, problem.fatal ? 'error' : 'warning', 'airflowignore-invalid-pattern', problem.message, problem.line);
    }
    return rules;
  }

  private inside(real: string): boolean {
    const path = relative(this.root, real);
    return path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !path.startsWith(sep));
  }

  private outside(path: string, real: string): void {
    this.finding(path, 'warning', 'symlink-outside-dags-folder', `this symlink leads out of the dags folder (to ${real}): not checked, and the deployed copy of the folder may not have its target`);
  }

  private finding(file: string, severity: Finding['severity'], rule: string, message: string, line = 1): void {
    this.findings.push({ file, line, column: null, severity, rule, message, layer: 'static' });
  }
}

function specialKind(stats: Stats | Dirent): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Airflow takes any zip archive in the folder as a bundle of DAG files. */
function looksLikeZip(path: string): boolean {
  const header = Buffer.alloc(4);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return readSync(fd, header, 0, 4, 0) === 4 && header.readUInt32LE(0) === 0x04034b50;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
