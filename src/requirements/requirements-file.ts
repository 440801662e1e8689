/**
 * requirements.txt: what the team's DAGs need beyond the Airflow image. One
 * requirement a line, as pip reads it; comments and blank lines do not count.
 * Options (-r, -c, -e, --index-url, ...) are refused: the lock records each
 * requirement line in its header, and a nested file would change unseen.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../errors.ts';

export type Requirement = {
  /** The distribution's name, normalized (PEP 503): `Apache_Airflow.x` is `apache-airflow-x`. */
  name: string;
  /** The line without its comment, spaces collapsed: what the lock records. */
  text: string;
  line: number;
};

export function normalizedName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** The requirements of a file's text; `path` names the file in errors. */
export function parseRequirements(text: string, path: string): Requirement[] {
  const found: Requirement[] = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of text.split('\n').entries()) {
    const line = index + 1;
    const content = raw.replace(/(^|\s)#.*$/, '').trim().replace(/\s+/g, ' ');
    if (content === '') continue;
    if (raw.trimEnd().endsWith('\\')) throw new UsageError(`${path}:${line}: a requirement continued on the next line is not supported; write it on one line`);
    if (content.startsWith('-')) throw new UsageError(`${path}:${line}: '${content}': options (-r, -c, -e, --index-url, ...) are not supported here; write one requirement a line`);
    const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(content)?.[0];
    if (name === undefined) throw new UsageError(`${path}:${line}: '${content}' is not a requirement (expected a distribution name, e.g. apache-airflow-providers-http>=5)`);
    const normalized = normalizedName(name);
    const earlier = seen.get(normalized);
    if (earlier !== undefined) throw new UsageError(`${path}:${line}: ${normalized} is already required on line ${earlier}; keep one line per distribution`);
    seen.set(normalized, line);
    found.push({ name: normalized, text: content, line });
  }
  return found;
}

/** sha256 of the requirement lines in order: edits to comments or blank lines do not change it. */
export function requirementsDigest(requirements: Requirement[]): string {
  return createHash('sha256').update(requirements.map((requirement) => `${requirement.text}\n`).join('')).digest('hex');
}
