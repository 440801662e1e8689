/**
 * Runs the native ruff (see ruff-binary.ts) over many files in one process.
 * A file read as UTF-8 is given to ruff by its own path, so nothing is
 * copied; the others (another encoding), and any file whose stamp (inode,
 * size, change times) is not the same after ruff as before it was read,
 * which ruff may have read with other contents, are checked from copies of
 * the text this run read, in a temporary folder. Names are arguments after
 * `--`, never a shell's words. Ruff writes its JSON to a file, so it never
 * waits for this process to read a pipe.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../report.ts';
import { sameStamp, type FileStamp } from '../source.ts';
import { ruffFinding, ruffSelection } from './ruff-finding.ts';

export type NativeInput = { path: string; text: string; absolute?: string; stamp?: FileStamp };

type NativeDiagnostic = {
  name: string | null;
  message: string;
  fix: { message: string | null } | null;
  location: { row: number; column: number };
  filename: string;
};

/** Kept well under the kernel's limit on a command line's length. */
const maxArgumentBytes = 512 * 1024;

const flags = [
  'check', '--no-cache', '--isolated', '--exit-zero', '--output-format', 'json',
  '--select', ruffSelection.select.join(','), ...(ruffSelection.preview ? ['--preview'] : []), '--target-version', ruffSelection.targetVersion,
];

export async function lintNative(ruff: string, files: NativeInput[]): Promise<Map<string, Finding[]>> {
  const results = new Map<string, Finding[]>(files.map((file) => [file.path, []]));
  const folder = mkdtempSync(join(tmpdir(), 'airflow-gitops-ruff-'));
  try {
    const byName = new Map<string, NativeInput>();
    files.forEach((file, index) => byName.set(file.absolute !== undefined && file.stamp !== undefined ? file.absolute : copied(folder, index, file.text), file));
    const diagnostics = await runRuff(ruff, folder, [...byName.keys()]);
    const changed = new Set(files.filter((file) => file.stamp !== undefined && file.absolute !== undefined && !unchanged(file.absolute, file.stamp)));
    for (const diagnostic of diagnostics) {
      const file = byName.get(diagnostic.filename);
      if (file === undefined) throw new Error(`ruff reported ${diagnostic.filename}, a file it was not given`);
      if (!changed.has(file)) results.get(file.path)?.push(findingOf(file, diagnostic));
    }
    if (changed.size > 0) {
      const again = await lintNative(ruff, [...changed].map(({ path, text }) => ({ path, text })));
      for (const [path, findings] of again) results.set(path, findings);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return results;
}

function copied(folder: string, index: number, text: string): string {
  const name = join(folder, `${index}.py`);
  writeFileSync(name, text);
  return name;
}

function unchanged(absolute: string, stamp: FileStamp): boolean {
  try {
    const { ino, size, ctimeNs, mtimeNs } = statSync(absolute, { bigint: true });
    return sameStamp(stamp, { ino, size, ctimeNs, mtimeNs });
  } catch {
    return false;
  }
}

/** Ruff over `names`, in as many runs as the command line's length needs, one after the other. */
async function runRuff(ruff: string, folder: string, names: string[]): Promise<NativeDiagnostic[]> {
  const diagnostics: NativeDiagnostic[] = [];
  let start = 0;
  for (let run = 0; start < names.length; run++) {
    let end = start;
    for (let bytes = 0; end < names.length && (end === start || bytes < maxArgumentBytes); end++) bytes += Buffer.byteLength(names[end] as string) + 1;
    const output = join(folder, `ruff-${run}.json`);
    await execRuff(ruff, [...flags, '--output-file', output, '--', ...names.slice(start, end)]);
    diagnostics.push(...(JSON.parse(readFileSync(output, 'utf8')) as NativeDiagnostic[]));
    start = end;
  }
  return diagnostics;
}

function execRuff(ruff: string, args: string[]): Promise<void> {
  // Ruff's own settings from the environment (RUFF_*) must not change what it checks.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('RUFF_')));
  return new Promise((resolve, reject) => {
    execFile(ruff, args, { env, encoding: 'utf8', maxBuffer: 16 << 20 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${ruff} check failed (${error.code ?? error.signal ?? error.message}): ${stderr.trim()}`));
      else resolve();
    });
  });
}

function findingOf(file: NativeInput, diagnostic: NativeDiagnostic): Finding {
  return ruffFinding(file.path, {
    name: diagnostic.name,
    message: diagnostic.message,
    fixMessage: diagnostic.fix?.message ?? null,
    row: diagnostic.location.row,
    column: utf16Column(file.text, diagnostic.location.row, diagnostic.location.column),
  });
}

/**
 * Ruff's JSON counts columns in characters (code points); findings count
 * UTF-16 code units, as the WebAssembly build is asked to: they differ after
 * a character outside the Basic Multilingual Plane (an emoji) on the line.
 */
export function utf16Column(text: string, row: number, column: number): number {
  if (!/[\uD800-\uDFFF]/.test(text)) return column;
  let offset = 0;
  for (let line = 1; line < row; line++) {
    const next = /\r\n|\r|\n/g;
    next.lastIndex = offset;
    const match = next.exec(text);
    if (match === null) return column;
    offset = match.index + match[0].length;
  }
  let units = 0;
  for (let characters = 1; characters < column && offset + units < text.length; characters++) {
    const code = text.charCodeAt(offset + units);
    units += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return units + 1;
}
