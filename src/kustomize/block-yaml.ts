/**
 * A reader for the YAML that kustomize writes (kyaml: block mappings and
 * sequences, one scalar per line, literal blocks), giving the same values as
 * the `yaml` package with its default YAML 1.2 core schema. A deploy reads
 * kustomize's output on every run and a general YAML parser is the slowest step
 * of a no-op deploy; this one reads the common subset in one pass over the lines.
 *
 * It never guesses: anything outside that subset (flow collections other than
 * `{}` and `[]`, comments, anchors, tags, folded or multi-line scalars,
 * explicit indentation indicators, floats, duplicate keys, tabs...) makes it
 * give up (`undefined`), and the caller parses the whole text with `yaml`
 * instead, which also reports any error.
 */

/** Thrown inside the reader only: the text is outside the subset. */
class OutsideSubset extends Error {}

const outside = (): never => {
  throw new OutsideSubset();
};

type Cursor = { lines: string[]; i: number; end: number };

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlank = (line: string): boolean => line.trim() === '';

/** Skips blank lines; the indentation of the next line, or -1 at the document's end. */
function peekIndent(c: Cursor): number {
  while (c.i < c.end && isBlank(c.lines[c.i] ?? '')) c.i++;
  if (c.i >= c.end) return -1;
  const line = c.lines[c.i] ?? '';
  if (line.trimStart().startsWith('#')) outside();
  return indentOf(line);
}

const isSeqItem = (line: string, col: number): boolean => line[col] === '-' && (line.length === col + 1 || line[col + 1] === ' ');

// The core schema's tags, as `yaml` resolves plain scalars (schema/core, schema/common/null).
const nullPlain = /^(?:~|[Nn]ull|NULL)?$/;
const boolPlain = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const intPlain = /^[-+]?[0-9]+$/;
const otherNumbers = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/** A plain scalar as the core schema reads it; integers as `yaml` reads them (parseInt). */
function resolvePlain(text: string): unknown {
  if (nullPlain.test(text)) return null;
  if (boolPlain.test(text)) return text[0] === 't' || text[0] === 'T';
  if (intPlain.test(text)) return parseInt(text, 10);
  if (otherNumbers.test(text)) outside();
  return text;
}

/** The text of a plain scalar on one line: no indicator first, no comment, no `: ` inside. */
function plainText(raw: string): string {
  const text = raw.trim();
  if (text === '' || /^[,[\]{}#&*!|>'"%@`]/.test(text) || /^[-?:](?: |$)/.test(text)) outside();
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) outside();
  return text;
}

const escapes: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const hexLengths: Record<string, number> = { x: 2, u: 4, U: 8 };

function unescapeDouble(body: string): string {
  return body.replace(/\\(?:([xuU])([0-9a-fA-F]*)|(.))/g, (_, hex: string | undefined, digits: string, one: string | undefined) => {
    if (one !== undefined) return escapes[one] ?? outside();
    const length = hexLengths[hex ?? ''] ?? 0;
    if (digits.length < length) outside();
    const code = parseInt(digits.slice(0, length), 16);
    if (code > 0x10ffff) outside();
    return String.fromCodePoint(code) + digits.slice(length);
  });
}

/** A quoted scalar that closes on its line: its value and where it ends. */
function quoted(line: string, start: number): { value: string; end: number } {
  if (line[start] === "'") {
    const match = /^'((?:[^']|'')*)'/.exec(line.slice(start)) ?? outside();
    return { value: (match[1] ?? '').replaceAll("''", "'"), end: start + match[0].length };
  }
  const match = /^"((?:[^"\\]|\\.)*)"/.exec(line.slice(start)) ?? outside();
  return { value: unescapeDouble(match[1] ?? ''), end: start + match[0].length };
}

/** Nothing but spaces may follow a quoted scalar. */
function quotedValue(line: string, start: number): string {
  const { value, end } = quoted(line, start);
  if (line.slice(end).trim() !== '') outside();
  return value;
}

/** A literal block scalar (`|`, `|-`) whose content is indented deeper than `parentCol`. */
function literalBlock(c: Cursor, header: string, parentCol: number): string {
  if (header !== '|' && header !== '|-') outside();
  const content: string[] = [];
  let col = -1;
  while (c.i < c.end) {
    const line = c.lines[c.i] ?? '';
    if (isBlank(line)) {
      // A blank line longer than the block's indentation keeps spaces: outside the subset.
      if (col < 0 || line.length > col) outside();
      content.push('');
    } else {
      if (col < 0) col = indentOf(line);
      if (indentOf(line) < col || col <= parentCol) break;
      content.push(line.slice(col));
    }
    c.i++;
  }
  while (content.length > 0 && content[content.length - 1] === '') content.pop();
  if (content.length === 0) outside();
  const text = content.join('\n');
  return header === '|' ? `${text}\n` : text;
}

/** The value after `key:` or `- ` on the current line (already consumed), `col` being the entry's column. */
function inlineValue(c: Cursor, raw: string, col: number): unknown {
  const text = raw.trim();
  if (text.startsWith('|')) return literalBlock(c, text, col);
  if (text === '{}') return {};
  if (text === '[]') return [];
  if (text.startsWith('"') || text.startsWith("'")) return quotedValue(text, 0);
  return resolvePlain(foldedPlain(c, plainText(text), col));
}

/** A plain scalar continued on deeper lines (kyaml wraps long ones): the lines joined by one space. */
function foldedPlain(c: Cursor, first: string, col: number): string {
  let text = first;
  for (let line = c.lines[c.i] ?? ''; c.i < c.end && !isBlank(line) && indentOf(line) > col; line = c.lines[c.i] ?? '') {
    text += ` ${plainText(line)}`;
    c.i++;
  }
  return text;
}

/** The node under `key:` or `-` with nothing after it: a deeper block, a sequence at the key's column, or null. */
function nestedValue(c: Cursor, col: number, sequenceAtSameColumn: boolean): unknown {
  const next = peekIndent(c);
  if (next < 0 || next < col) return null;
  const line = c.lines[c.i] ?? '';
  if (next === col) return sequenceAtSameColumn && isSeqItem(line, col) ? readSequence(c, col) : null;
  return isSeqItem(line, next) ? readSequence(c, next) : readMapping(c, next);
}

/** A mapping key at `start`: the key and where its value begins (after the colon). */
function mappingKey(line: string, start: number): { key: string; rest: number } {
  let key: string;
  let end: number;
  if (line[start] === '"' || line[start] === "'") {
    ({ value: key, end } = quoted(line, start));
  } else {
    const colon = line.indexOf(': ', start);
    end = colon >= 0 ? colon : line.endsWith(':') ? line.length - 1 : outside();
    key = plainText(line.slice(start, end));
    if (typeof resolvePlain(key) !== 'string') outside();
  }
  if (line[end] !== ':' || (end + 1 < line.length && line[end + 1] !== ' ')) outside();
  if (key === '__proto__' || key === '<<' || key.length > 1000) outside();
  return { key, rest: end + 1 };
}

function readMapping(c: Cursor, col: number): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (let next = peekIndent(c); next === col; next = peekIndent(c)) {
    const line = c.lines[c.i] ?? '';
    if (isSeqItem(line, col)) outside();
    const { key, rest } = mappingKey(line, col);
    if (Object.hasOwn(map, key)) outside();
    c.i++;
    const raw = line.slice(rest);
    map[key] = raw.trim() === '' ? nestedValue(c, col, true) : inlineValue(c, raw, col);
  }
  if (peekIndent(c) > col) outside();
  return map;
}

/** Whether an item's text (after `- `) opens a mapping: a key followed by `:`. */
function opensMapping(text: string): boolean {
  if (text.startsWith('"') || text.startsWith("'")) {
    const { end } = quoted(text, 0);
    return text[end] === ':';
  }
  return text.includes(': ') || text.endsWith(':');
}

function readSequence(c: Cursor, col: number): unknown[] {
  const items: unknown[] = [];
  for (let next = peekIndent(c); next === col; next = peekIndent(c)) {
    const line = c.lines[c.i] ?? '';
    if (!isSeqItem(line, col)) break;
    const text = line.slice(col + 1).trimStart();
    if (text === '') {
      c.i++;
      items.push(nestedValue(c, col, false));
    } else if (text.startsWith('- ') || text === '-') {
      outside();
    } else if (opensMapping(text)) {
      // The item's first key sits on the dash's line: read it as a mapping at that key's column.
      c.lines[c.i] = ' '.repeat(col + 1) + line.slice(col + 1);
      items.push(readMapping(c, indentOf(c.lines[c.i] ?? '')));
    } else {
      c.i++;
      items.push(inlineValue(c, text, col));
    }
  }
  return items;
}

/** One document (lines start..end): a mapping at column 0, or null when it holds nothing. */
function readDocument(lines: string[], start: number, end: number): unknown {
  const c: Cursor = { lines, i: start, end };
  const first = peekIndent(c);
  if (first < 0) return null;
  if (first !== 0) outside();
  const value = readMapping(c, 0);
  if (peekIndent(c) >= 0) outside();
  return value;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return true;
  }
  return false;
}

/**
 * The documents of a kustomize-style YAML stream as plain values (null for an empty one), or
 * undefined when the text is outside the subset this reader knows (parse it with `yaml` then).
 */
export function readBlockYaml(text: string): unknown[] | undefined {
  // Tabs, carriage returns, control characters and YAML 1.1 line breaks: left to the full parser.
  if (/[\t\r\x7f\x85\u2028\u2029\ufeff]/.test(text) || hasControlCharacter(text)) return undefined;
  if (text !== '' && !text.endsWith('\n')) return undefined;
  const lines = text.split('\n');
  lines.pop();
  // Comment lines before the stream's first `---` (the header `render -o` writes) belong to no document.
  let first = 0;
  while (first < lines.length && (lines[first]?.startsWith('#') || isBlank(lines[first] ?? ''))) first++;
  if (first > 0 && lines[first] !== '---') return undefined;
  const documents: unknown[] = [];
  try {
    let start = first;
    for (let i = first; i <= lines.length; i++) {
      const line = lines[i];
      if (line !== undefined && line !== '---') {
        if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) return undefined;
        continue;
      }
      // A leading `---` opens the first document rather than ending an empty one.
      if (!(i === first && line === '---')) documents.push(readDocument(lines, start, i));
      start = i + 1;
    }
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
  return documents;
}
