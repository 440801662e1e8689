/**
 * Where in an overlay a value is written: the file and line naming a
 * StorageClass or issuer, so a message can point at what to edit. The
 * overlay's own files come first, then the folders its kustomization pulls
 * in (resources, components), breadth first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

const maxFiles = 400;

function kustomizationOf(dir: string): string | undefined {
  return ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].map((n) => join(dir, n)).find((f) => existsSync(f));
}

/** Local folders a kustomization refers to (remote ones and files are skipped). */
function referencedDirs(dir: string): string[] {
  const file = kustomizationOf(dir);
  if (!file) return [];
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  if (doc === null || typeof doc !== 'object') return [];
  const entries = ['resources', 'components'].flatMap((k) => (doc as Record<string, unknown>)[k]).filter((e): e is string => typeof e === 'string' && !e.includes('://'));
  return entries.map((e) => resolve(dir, e)).filter((p) => existsSync(p) && statSync(p).isDirectory());
}

function filesOf(dir: string): string[] {
  // A deploy of a rendered file may name an overlay folder that is not there.
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ya?ml|env|properties|json)$/.test(d.name))
    .map((d) => join(dir, d.name))
    .sort();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "overlays/dev/environment.yaml:12" for the first line naming `value`, or undefined. */
export function whereNamed(overlayDir: string, value: string): string | undefined {
  const pattern = new RegExp(`(^|[\\s:="'/])${escape(value)}($|[\\s"',#])`);
  const base = dirname(dirname(overlayDir));
  const queue = [overlayDir];
  const seen = new Set<string>();
  let files = 0;
  while (queue.length > 0 && files < maxFiles) {
    const dir = queue.shift() ?? '';
    if (seen.has(dir)) continue;
    seen.add(dir);
    for (const file of filesOf(dir)) {
      files += 1;
      const lines = readFileSync(file, 'utf8').split('\n');
      const index = lines.findIndex((line) => !line.trimStart().startsWith('#') && pattern.test(line));
      if (index >= 0) return `${relative(base, file)}:${index + 1}`;
    }
    queue.push(...referencedDirs(dir));
  }
  return undefined;
}
