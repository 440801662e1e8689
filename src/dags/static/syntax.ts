/**
 * Small readers over tree-sitter's Python nodes: literal values, call
 * arguments, positions.
 */
import type { Node } from 'web-tree-sitter';

export type Place = { line: number; column: number };

/** 1-based line and column of a node's start. */
export function placeOf(node: Node): Place {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

const simpleEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** The value of a string literal (f-strings without placeholders included), or null if it is not one. */
export function stringValue(node: Node | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map((part) => stringValue(part));
    return parts.every((part) => part !== null) ? parts.join('') : null;
  }
  if (node.type !== 'string') return null;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpolation') return null;
    if (child.type === 'string_content') value += child.text;
    else if (child.type === 'escape_sequence') value += simpleEscapes[child.text.slice(1)] ?? child.text;
  }
  return value;
}

export type Arguments = {
  positional: Node[];
  keywords: Map<string, Node>;
  /** true when `*args` or `**kwargs` may supply more than what is written. */
  splat: boolean;
};

export function callArguments(call: Node): Arguments {
  const result: Arguments = { positional: [], keywords: new Map(), splat: false };
  const list = call.childForFieldName('arguments');
  if (!list || list.type !== 'argument_list') return result;
  for (const argument of list.namedChildren) {
    if (!argument || argument.type === 'comment') continue;
    if (argument.type === 'keyword_argument') {
      const name = argument.childForFieldName('name')?.text;
      const value = argument.childForFieldName('value');
      if (name && value) result.keywords.set(name, value);
    } else if (argument.type === 'list_splat' || argument.type === 'dictionary_splat') {
      result.splat = true;
    } else {
      result.positional.push(argument);
    }
  }
  return result;
}

/** The entries of a dict literal `{"key": value}` with string keys. */
export function dictEntries(node: Node): Map<string, Node> {
  const entries = new Map<string, Node>();
  if (node.type === 'call' && node.childForFieldName('function')?.text === 'dict') {
    for (const [name, value] of callArguments(node).keywords) entries.set(name, value);
    return entries;
  }
  if (node.type !== 'dictionary') return entries;
  for (const pair of node.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const key = stringValue(pair.childForFieldName('key'));
    const value = pair.childForFieldName('value');
    if (key !== null && value) entries.set(key, value);
  }
  return entries;
}

/** Every node of `types` under `node` (the node included), in source order. */
export function descendants(node: Node, types: Set<string>): Node[] {
  const found: Node[] = [];
  const visit = (current: Node): void => {
    if (types.has(current.type)) found.push(current);
    for (const child of current.namedChildren) if (child) visit(child);
  };
  visit(node);
  return found;
}

/** Drops parentheses around an expression. */
export function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1) {
    const inner = current.namedChild(0);
    if (!inner) break;
    current = inner;
  }
  return current;
}
