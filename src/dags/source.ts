/**
 * Reads a Python file and decodes it the way the Python interpreter would
 * (PEP 263: UTF-8 unless a coding declaration in the first two lines says
 * otherwise), so an undecodable file is reported where Python would fail.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Finding } from './report.ts';

export type Source = {
  /** Relative to the dags folder. */
  path: string;
  absolute: string;
  bytes: Buffer;
  /** null when the file cannot be decoded (then `findings` says why). */
  text: string | null;
  sha256: string;
  /** Airflow's DAG discovery safe mode imports only files that pass this test. */
  airflowWillImport: boolean;
  findings: Finding[];
  /**
   * The file's identity when it was read, where `text` is its own UTF-8 (so
   * a program reading the file itself, the native ruff, reads the same text
   * as long as the stamp is unchanged); absent otherwise.
   */
  stamp?: FileStamp;
};

/** Inode, size and change time (nanoseconds): any write to the file changes the change time. */
export type FileStamp = { ino: bigint; size: bigint; ctimeNs: bigint; mtimeNs: bigint };

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.ino === b.ino && a.size === b.size && a.ctimeNs === b.ctimeNs && a.mtimeNs === b.mtimeNs;
}

export function readSource(path: string, absolute: string): Source {
  const { bytes, stamp } = readStamped(absolute);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const decoded = decodePython(bytes);
  const findings: Finding[] = [];
  if ('problem' in decoded) {
    findings.push({ file: path, line: decoded.line, column: decoded.column, severity: 'error', rule: 'invalid-encoding', message: decoded.problem, layer: 'static' });
  }
  const text = 'text' in decoded ? decoded.text : null;
  if (text !== null) {
    const nul = text.indexOf('\0');
    if (nul >= 0) {
      const { line, column } = positionOf(text, nul);
      findings.push({ file: path, line, column, severity: 'error', rule: 'syntax-error', message: 'source code cannot contain null bytes', layer: 'static' });
    }
  }
  const source: Source = { path, absolute, bytes, text, sha256, airflowWillImport: passesSafeModeHeuristic(bytes), findings };
  if (text !== null && 'utf8' in decoded) source.stamp = stamp;
  return source;
}

/** The bytes, and the stamp taken before reading them through the same descriptor. */
function readStamped(absolute: string): { bytes: Buffer; stamp: FileStamp } {
  const fd = openSync(absolute, 'r');
  try {
    const { ino, size, ctimeNs, mtimeNs } = fstatSync(fd, { bigint: true });
    return { bytes: readFileSync(fd), stamp: { ino, size, ctimeNs, mtimeNs } };
  } finally {
    closeSync(fd);
  }
}

/**
 * Airflow's default `might_contain_dag` heuristic (airflow/utils/file.py):
 * the bytes, lower-cased, contain "airflow" and either "dag" or "asset".
 */
export function passesSafeModeHeuristic(bytes: Buffer): boolean {
  const lower = bytes.toString('latin1').toLowerCase();
  return lower.includes('airflow') && (lower.includes('dag') || lower.includes('asset'));
}

/** `utf8`: the text is the file's bytes as UTF-8 (a byte order mark aside). */
type Decoded = { text: string; utf8?: true } | { problem: string; line: number; column: number | null };

const codingCookie = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

function decodePython(bytes: Buffer): Decoded {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body);
  if (declared !== null && !/^utf[-_]?8(?:[-_].*)?$/i.test(declared)) {
    if (hasBom) return { problem: `the file starts with a UTF-8 byte order mark but declares the encoding '${declared}'`, line: 1, column: null };
    const label = webEncodingLabel(declared);
    if (label === 'ascii') {
      const offset = body.findIndex((byte) => byte >= 0x80);
      if (offset >= 0) {
        const { line, column } = positionOf(body.subarray(0, offset).toString('latin1'), offset);
        return { problem: `the file declares the encoding 'ascii' but has a non-ASCII byte (0x${(body[offset] as number).toString(16).toUpperCase()})`, line, column };
      }
    }
    try {
      return { text: new TextDecoder(label === 'ascii' ? 'latin1' : label).decode(body) };
    } catch {
      return { problem: `unknown encoding '${declared}' in the coding declaration`, line: 1, column: null };
    }
  }
  const invalid = firstInvalidUtf8(body);
  if (invalid === null) return { text: body.toString('utf8'), utf8: true };
  const prefix = body.subarray(0, invalid).toString('utf8');
  const { line, column } = positionOf(prefix, prefix.length);
  const byte = body[invalid]?.toString(16).toUpperCase().padStart(2, '0');
  return {
    problem: `the file is not valid UTF-8 (byte 0x${byte}) and declares no other encoding: Python refuses to import it; save it as UTF-8`,
    line,
    column,
  };
}

/** Python's codec names (`latin-1`, `cp1252`, `iso8859_15`) as TextDecoder labels. */
function webEncodingLabel(python: string): string {
  const name = python.toLowerCase().replaceAll('_', '-');
  if (['latin-1', 'latin1', 'l1', 'iso-8859-1', 'iso8859-1', '8859', 'cp819', 'latin'].includes(name)) return 'latin1';
  if (['ascii', 'us-ascii', '646'].includes(name)) return 'ascii';
  const windows = /^(?:cp|windows-)(125\d)$/.exec(name);
  if (windows) return `windows-${windows[1]}`;
  const iso = /^iso-?8859-(\d+)$/.exec(name);
  if (iso) return `iso-8859-${iso[1]}`;
  return name;
}

/** The encoding of a PEP 263 declaration on line 1, or on line 2 after a comment or blank line 1. */
function declaredEncoding(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString('latin1').split(/\r\n|\r|\n/, 2);
  const first = codingCookie.exec(head[0] ?? '');
  if (first) return first[1] ?? null;
  if (head.length > 1 && /^[ \t\f]*(?:#.*)?$/.test(head[0] ?? '')) return codingCookie.exec(head[1] ?? '')?.[1] ?? null;
  return null;
}

/** Offset of the first byte that breaks UTF-8, or null. */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let codePoint = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return null;
}

/** 1-based line and column (in characters) of `offset` in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A zip archive of DAG files: imported by Airflow, not read by the static checks. */
export function readArchive(path: string, absolute: string): Source {
  const bytes = readFileSync(absolute);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { path, absolute, bytes, text: null, sha256, airflowWillImport: true, findings: [] };
}
