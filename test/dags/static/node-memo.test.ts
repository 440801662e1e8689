/**
 * The answers node-memo.ts keeps on web-tree-sitter's nodes are the ones
 * web-tree-sitter gives: every node's type, and every field's child (the
 * same node, as the parent's own object where it holds one), over the DAG
 * fixture corpus.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node } from 'web-tree-sitter';
import { withTree } from '../../../src/dags/static/parser.ts';
import { repoRoot } from '../../support/paths.ts';

const fixtures = join(repoRoot, 'test', 'fixtures', 'dags');
const files = readdirSync(fixtures, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.py') && statSync(join(fixtures, name)).isFile());

function* everyNode(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children) if (child) yield* everyNode(child);
}

describe("web-tree-sitter's nodes, remembering", () => {
  it('give the type and the field children web-tree-sitter gives', async () => {
    let fieldsRead = 0;
    let shared = 0;
    for (const name of files) {
      await withTree(readFileSync(join(fixtures, name), 'utf8'), (tree) => {
        const fields = tree.language.fields;
        for (const node of everyNode(tree.rootNode)) {
          const children = node.children;
          // Twice: the second answer comes from what the node kept.
          for (let round = 0; round < 2; round++) expect(node.type, name).toBe(tree.language.types[node.typeId] ?? 'ERROR');
          for (const [fieldId, field] of fields.entries()) {
            if (field === null) continue;
            const expected = node.childForFieldId(fieldId);
            const child = node.childForFieldName(field);
            expect(child?.id, `${name} ${node.type}.${field}`).toBe(expected?.id);
            expect(child?.type).toBe(expected?.type);
            if (child === null) continue;
            fieldsRead++;
            if (children.includes(child)) shared++;
          }
        }
      });
    }
    expect(fieldsRead).toBeGreaterThan(1000);
    // A field's child is the object the parent lists among its children, once it has listed them.
    expect(shared).toBe(fieldsRead);
  }, 60_000);
});
