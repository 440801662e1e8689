/**
 * `.airflowignore` rules, with Airflow's semantics (airflow/_shared/module_loading/
 * file_discovery.py): the rules of a folder's ignore file apply to that folder
 * and everything below it, and add to the rules inherited from its parents.
 *
 * - "regexp" syntax: each line is an unanchored regular expression searched in
 *   the path relative to the dags folder.
 * - "glob" syntax (Airflow 3's default): each line is a gitignore pattern; a
 *   pattern with a slash at the start or in the middle is relative to the
 *   folder of its ignore file, others match a file or folder name at any depth;
 *   "!" re-includes, and the last matching pattern wins.
 */
import { posix } from 'node:path';
import { compileGlob, GlobPatternError } from './gitwildmatch.ts';

export const ignoreFileName = '.airflowignore';
export type IgnoreSyntax = 'glob' | 'regexp';

type RegexpRule = { syntax: 'regexp'; regex: RegExp };
type GlobRule = { syntax: 'glob'; regex: RegExp; include: boolean; dirOnly: boolean; relativeTo: string | null };
export type IgnoreRule = RegexpRule | GlobRule;

/** A line Airflow cannot use; `fatal` when Airflow fails to list the folder because of it. */
export type IgnoreProblem = { line: number; message: string; fatal: boolean };

/**
 * Parses one ignore file. `folder` is its folder and paths are relative to
 * the dags folder, with forward slashes ('' for the dags folder itself).
 */
export function parseIgnoreFile(
  text: string,
  syntax: IgnoreSyntax,
  folder: string,
): { rules: IgnoreRule[]; problems: IgnoreProblem[] } {
  const rules: IgnoreRule[] = [];
  const problems: IgnoreProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const pattern = raw.replace(/\s*#.*/, '');
    if (pattern === '') return;
    const line = index + 1;
    if (syntax === 'regexp') {
      const regex = compilePythonRegex(pattern);
      if (regex === null) problems.push({ line, message: `invalid regular expression ${JSON.stringify(pattern)}: Airflow ignores this line`, fatal: false });
      else rules.push({ syntax, regex });
      return;
    }
    if (pattern.trim() === '/') return;
    try {
      const compiled = compileGlob(pattern);
      if (compiled.regex === null) return;
      const raw = pattern.replace(/^!+/, '').trimEnd();
      rules.push({
        syntax,
        regex: compiled.regex,
        include: compiled.include,
        dirOnly: raw !== raw.replace(/\/+$/, ''),
        relativeTo: pattern.startsWith('/') || pattern.replace(/\/+$/, '').includes('/') ? folder : null,
      });
    } catch (error) {
      if (!(error instanceof GlobPatternError)) throw error;
      problems.push({ line, message: `${error.message}: Airflow fails to list the dags folder`, fatal: true });
    }
  });
  return { rules, problems };
}

/** Whether `path` (relative to the dags folder) is ignored by `rules`. */
export function isIgnored(path: string, isDirectory: boolean, rules: IgnoreRule[]): boolean {
  let matched = false;
  for (const rule of rules) {
    if (rule.syntax === 'regexp') {
      if (rule.regex.test(path)) return true;
      continue;
    }
    if (rule.dirOnly && !isDirectory) continue;
    const relative = rule.relativeTo === null ? posix.basename(path) : posix.relative(rule.relativeTo, path);
    if (rule.regex.test(isDirectory ? `${relative}/` : relative)) matched = rule.include;
  }
  return matched;
}

/** Python's `re` syntax is close to JavaScript's; named groups are spelled differently. */
function compilePythonRegex(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>'));
  } catch {
    return null;
  }
}
