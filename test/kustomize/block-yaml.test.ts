// The block-YAML reader gives exactly what `yaml` gives, or gives up; parseManifests is the same either way.
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readBlockYaml } from '../../src/kustomize/block-yaml.ts';
import { parseManifests } from '../../src/kustomize/parse.ts';

const byYaml = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown);

const read = [
  ['scalars of the core schema', 'a: 1\nb: -0\nc: "0123"\nd: 0123\ne: true\nf: False\ng: null\nh: ~\ni:\nj: yes\nk: on\nl: 512Mi\nm: 90fa29\nn: :8000\no: 2001-12-14\np: +5\n'],
  ['quoted scalars and escapes', `a: 'it''s'\nb: "tab\\there \\"q\\" \\\\ \\u00e9 \\x41 \\U0001F600 \\/ \\0"\nc: ""\nd: ''\n"quoted key": x\n'single: key': y\n`],
  ['plain scalars with indicators inside', 'a: http://x:80/y?z=1#f\nb: --job-type\nc: -c\nd: $(VAR)\ne: a[0]{x},y\nf: x#y\n'],
  ['nested mappings and compact sequences', 'spec:\n  containers:\n  - name: web\n    args:\n    - --port\n    - "8080"\n    ports:\n    - containerPort: 8080\n      name: http\n  - name: side\n  volumes: []\n  extra: {}\n'],
  ['indented sequences and items alone on their line', 'a:\n  - x\n  -\n    b: 1\n  -\n  - z\nc: 2\n'],
  ['literal blocks', 'a: |\n  line one\n\n    indented\n  last\nb: |-\n  no newline\n  at the end\n\n\nc:\n- |\n  in a list\n'],
  ['a literal block whose text looks like YAML', 'data:\n  conf.yaml: |\n    # a comment\n    key: value\n    - item\n    ---\n  next: x\n'],
  ['long plain scalars wrapped over lines', 'a: exec python -m celery --app x\n  inspect ping --timeout 20\n  --destination y\nb:\n- one two\n  three\n'],
  ['several documents, empty ones included', '---\na: 1\n---\n---\nb: 2\n---\n'],
  ['nothing', ''],
  ['comment lines before the first document marker', '# rendered from x\n\n# second line\n---\na: 1\n---\nb: 2\n'],
];

const outside = [
  ['a flow mapping', 'a: {b: 1}\n'],
  ['a flow sequence', 'a: [1, 2]\n'],
  ['a comment', 'a: 1 # one\n'],
  ['a comment line', '# head\na: 1\n'],
  ['a comment line between documents', '---\na: 1\n# between\n---\nb: 2\n'],
  ['a comment line before a document with no marker', '# head\n\na: 1\n'],
  ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
  ['a tag', 'a: !!str 1\n'],
  ['a float', 'a: 1.5\n'],
  ['a hexadecimal integer', 'a: 0x1F\n'],
  ['a folded block', 'a: >\n  folded\n  text\n'],
  ['a kept block', 'a: |+\n  kept\n\n'],
  ['an indentation indicator', 'a: |2\n   leading space\n'],
  ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
  ['a tab', 'a: "x"\t\n'],
  ['a duplicate key', 'a: 1\na: 2\n'],
  ['a key that is not a string', '1: a\ntrue: b\n'],
  ['a merge key', 'a: 1\n<<: {b: 2}\n'],
  ['a nested sequence on one line', 'a:\n- - x\n'],
  ['a top-level sequence', '- a\n- b\n'],
  ['a value with a colon and a space', 'a: b: c\n'],
  ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
  ['a wrapped line starting with an indicator', 'a: one\n  - two\n'],
  ['a directive', '%YAML 1.2\n---\na: 1\n'],
  ['no final newline', 'a: 1'],
];

describe('readBlockYaml', () => {
  it.each(read)('reads %s as yaml does', (_name, text) => {
    const values = readBlockYaml(text);
    expect(values).toBeDefined();
    expect((values ?? []).filter((v) => v !== null)).toStrictEqual(byYaml(text).filter((v) => v !== null));
  });

  it.each(outside)('gives up on %s', (_name, text) => {
    expect(readBlockYaml(text)).toBeUndefined();
  });
});

describe('parseManifests', () => {
  const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n';

  it('reads outside the subset with yaml', () => {
    const text = `${manifest}  a: {b: 1}\n  c: 1.5\n`;
    expect(parseManifests(text, 'f.yaml')).toStrictEqual(byYaml(text));
  });

  it('reports what yaml reports when the text is not YAML', () => {
    expect(() => parseManifests(`${manifest}  a: 1\n  a: 2\n`, 'f.yaml')).toThrow(/f\.yaml, document 1: .*unique/);
  });
});
