/**
 * gitignore-style patterns, translated to regular expressions the way the
 * `pathspec` library does it (GitIgnoreSpecPattern), because that is what
 * Airflow uses for `.airflowignore` in its default "glob" syntax. Matching
 * the same paths as Airflow matters more here than matching git.
 */

export class GlobPatternError extends Error {
  override name = 'GlobPatternError';
}

export type GlobPattern = {
  /** null for a line that matches nothing (blank, comment, "/", bad range). */
  regex: RegExp | null;
  /** true: matched paths are ignored; false: a "!" pattern re-includes them. */
  include: boolean;
};

const noOp: GlobPattern = { regex: null, include: true };

/** Marks an invalid [range]: pathspec (and so Airflow) drops the whole pattern. */
class RangeError extends Error {}

/** @throws GlobPatternError for a pattern pathspec rejects (Airflow then fails to list the folder). */
export function compileGlob(pattern: string): GlobPattern {
  let text = pattern.endsWith('\\ ') ? pattern : pattern.trimEnd();
  if (text === '' || text.startsWith('#') || text === '/') return noOp;
  let include = true;
  if (text.startsWith('!')) {
    include = false;
    text = text.slice(1);
  }
  const segments = text.split('/');
  const isDirPattern = segments.at(-1) === '';
  const normalized = normalizeSegments(isDirPattern, segments, pattern);
  if (typeof normalized === 'string') return { regex: new RegExp(normalized), include };
  try {
    return { regex: new RegExp(translateSegments(isDirPattern, normalized, pattern)), include };
  } catch (error) {
    if (error instanceof RangeError) return noOp;
    throw error;
  }
}

/** The segments to translate, or a whole regular expression for the special cases. */
function normalizeSegments(isDirPattern: boolean, segments: string[], original: string): string[] | string {
  if (segments[0] === '') {
    // A leading slash anchors the pattern to the folder of the ignore file.
    segments.shift();
  } else if (segments.length === 1 || (segments.length === 2 && segments[1] === '')) {
    // No slash but a trailing one: the pattern matches at any depth.
    if (segments[0] !== '**') segments.unshift('**');
  }
  if (segments.length === 0) throw new GlobPatternError(`invalid pattern ${JSON.stringify(original)}`);
  if (segments.at(-1) === '') segments[segments.length - 1] = '**';
  for (let i = segments.length - 1; i > 0; i--) {
    if (segments[i - 1] === '**' && segments[i] === '**') segments.splice(i, 1);
  }
  const joined = segments.join('/');
  if (joined === '**') return isDirPattern ? '(/)' : '.';
  if (joined === '**/*') return '.';
  if (joined === '**/*/**') return isDirPattern ? '(/)' : '/';
  return segments;
}

function translateSegments(isDirPattern: boolean, segments: string[], original: string): string {
  let out = '';
  let needSlash = false;
  const end = segments.length - 1;
  segments.forEach((segment, i) => {
    if (segment === '**') {
      if (i === 0) out += '^(?:.+/)?';
      else if (i < end) {
        out += '(?:/.+)?';
        needSlash = true;
      } else out += isDirPattern ? '(/)' : '/';
      return;
    }
    if (i === 0) out += '^';
    if (needSlash) out += '/';
    out += segment === '*' ? '[^/]+' : translateSegmentGlob(segment, original);
    if (i === end) out += '(?:(/)|$)';
    needSlash = true;
  });
  return out;
}

function translateSegmentGlob(segment: string, original: string): string {
  let regex = '';
  let escape = false;
  let i = 0;
  while (i < segment.length) {
    const char = segment[i++] as string;
    if (escape) {
      escape = false;
      regex += escapeRegex(char);
    } else if (char === '\\') {
      escape = true;
    } else if (char === '*') {
      regex += '[^/]*';
    } else if (char === '?') {
      regex += '[^/]';
    } else if (char === '[') {
      let j = i;
      if (segment[j] === '!' || segment[j] === '^') j++;
      if (segment[j] === ']') j++;
      while (j < segment.length && segment[j] !== ']') j++;
      if (j >= segment.length) throw new RangeError();
      j++;
      let expression = '[';
      if (segment[i] === '!' || segment[i] === '^') {
        expression += '^';
        i++;
      }
      expression += segment.slice(i, j).replaceAll('\\', '\\\\');
      regex += expression;
      i = j;
    } else {
      regex += escapeRegex(char);
    }
  }
  if (escape) throw new GlobPatternError(`invalid pattern ${JSON.stringify(original)}: it ends with an escape character`);
  return regex;
}

function escapeRegex(char: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(char) ? `\\${char}` : char;
}
