/**
 * Validation of the value written into an overlay's pinned-ref file. The value
 * ends up inside YAML that git-sync reads, so it must be a plain token: a full
 * commit SHA by default, or (when explicitly allowed) a branch or tag name that
 * passes git's check-ref-format rules and uses only characters that need no
 * quoting in YAML or a shell.
 */
import { UsageError } from '../errors.ts';

export type GitRef = { kind: 'commit' | 'name'; value: string };

const commitSha = /^[0-9a-fA-F]{40}$/;
// Narrower than git allows: git accepts quotes, '#', '$', '!' and non-ASCII in
// ref names, any of which could change the meaning of the YAML or env file.
const safeNameChars = /^[A-Za-z0-9._/+-]+$/;

/** Returns the problem with `name` as a git ref name, or undefined if it is fine. */
export function refNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 255) return 'it is longer than 255 characters';
  if (!safeNameChars.test(name)) return 'it may contain only letters, digits and . _ / + -';
  if (name === '@') return "it is the single character '@'";
  if (name === 'HEAD') return "it is 'HEAD', which follows the remote's default branch instead of pinning one";
  if (name.startsWith('-')) return "it begins with '-'";
  if (name.startsWith('/') || name.endsWith('/')) return "it begins or ends with '/'";
  if (name.includes('//')) return "it contains consecutive slashes '//'";
  if (name.includes('..')) return "it contains '..'";
  if (name.endsWith('.')) return "it ends with '.'";
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return `its component '${component}' begins with '.'`;
    if (component.endsWith('.lock')) return `its component '${component}' ends with '.lock'`;
  }
  return undefined;
}

/**
 * Parses the `--ref` value. Without `allowName`, only a full 40-hex commit SHA
 * passes: that pins exactly what runs. With it, a branch or tag name passes too.
 */
export function parseGitRef(value: string, allowName: boolean, flag = '--ref', allowNameAdvice = 'pass --allow-ref-name to pin a branch or tag instead'): GitRef {
  if (commitSha.test(value)) return { kind: 'commit', value: value.toLowerCase() };
  const quoted = JSON.stringify(value);
  if (!allowName) {
    throw new UsageError(
      `${flag} ${quoted} is not a full 40-character commit SHA (hex digits only); ${allowNameAdvice}`,
    );
  }
  const problem = refNameProblem(value);
  if (problem !== undefined) throw new UsageError(`${flag} ${quoted} is not a valid git ref name: ${problem}`);
  return { kind: 'name', value };
}
