/**
 * The tree-sitter Python parser (WebAssembly), loaded once per process.
 */
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { assetPath } from './assets.ts';
import { rememberNodeAnswers } from './node-memo.ts';

let parser: Promise<Parser> | undefined;

async function load(): Promise<Parser> {
  await Parser.init({ locateFile: () => assetPath('web-tree-sitter/web-tree-sitter.wasm') });
  const language = await Language.load(assetPath('tree-sitter-python/tree-sitter-python.wasm'));
  const loaded = new Parser();
  loaded.setLanguage(language);
  rememberNodeAnswers();
  return loaded;
}

export async function pythonParser(): Promise<Parser> {
  parser ??= load();
  return parser;
}

/** Parses `text`, hands the tree to `use`, and frees the tree's WebAssembly memory after. */
export async function withTree<T>(text: string, use: (tree: Tree) => T): Promise<T> {
  const tree = (await pythonParser()).parse(text);
  if (tree === null) throw new Error('tree-sitter returned no tree');
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}
