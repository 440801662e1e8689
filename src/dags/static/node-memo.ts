/**
 * Saves crossings into WebAssembly on web-tree-sitter's nodes, which the DAG
 * model and the rules read many times over (a file of 160 named nodes:
 * about 580 `type` reads and 100 field reads):
 *
 * - a node's `type` is read from WebAssembly memory at every access (the node
 *   copied in, a call): the first answer is kept on the node object;
 * - `childForFieldName` builds a new object for a child its parent already
 *   holds in its list of children, so what that object learns (its children,
 *   its type) is learnt again: the parent's own object is returned instead,
 *   found by the node id, which is unique within a tree.
 *
 * The trees are never edited, so a first answer stays true while the tree
 * lives, and the node objects go with their tree (parser.ts). Where a later
 * web-tree-sitter keeps its children elsewhere, field reads only stop being
 * shared: the answers are the same.
 */
import { Node } from 'web-tree-sitter';

const typeKey = Symbol('type');
type Remembering = Node & { [typeKey]?: string };
/** web-tree-sitter's own caches of a node's children (internal fields). */
type WithChildren = Node & { _children?: (Node | null)[]; _namedChildren?: (Node | null)[] };

let installed = false;

export function rememberNodeAnswers(): void {
  if (installed) return;
  installed = true;
  const type = Object.getOwnPropertyDescriptor(Node.prototype, 'type')?.get;
  if (type === undefined) throw new Error("web-tree-sitter's Node has no type getter");
  const childForFieldName = Node.prototype.childForFieldName;
  Object.defineProperty(Node.prototype, 'type', {
    configurable: true,
    get(this: Remembering): string {
      return (this[typeKey] ??= String(type.call(this)));
    },
  });
  Node.prototype.childForFieldName = function (this: WithChildren, field: string): Node | null {
    const child = childForFieldName.call(this, field);
    const known = child === null ? undefined : (this._children ?? this._namedChildren);
    return known?.find((candidate) => candidate?.id === child?.id) ?? child;
  };
}
