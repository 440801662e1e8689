// Renders the Kustomize template for tests. Prefers the pinned kustomize the
// cluster build puts in .cluster/bin and falls back to `kubectl kustomize`.
// The deploy command has its own wrapper (src/kustomize); this one only serves
// the tests of the template itself.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { clusterBin, repoRoot } from '../paths.ts';

export { repoRoot };
export const environments = ['local', 'dev', 'staging', 'prod'] as const;
export type Environment = (typeof environments)[number];

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A rendered object; fields beyond these are read through the typed helpers in model.ts. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface Renderer {
  name: string;
  command: string;
  args(dir: string): string[];
}

const pinned: Renderer = { name: 'kustomize (pinned)', command: join(clusterBin, 'kustomize'), args: (dir) => ['build', dir] };
const kubectl: Renderer = { name: 'kubectl kustomize', command: 'kubectl', args: (dir) => ['kustomize', dir] };

async function onPath(command: string): Promise<boolean> {
  const found = await execa('sh', ['-c', `command -v ${command}`], { reject: false });
  return found.exitCode === 0;
}

/** Every kustomize this machine has: the pinned one first, then kubectl's. */
export async function renderers(): Promise<Renderer[]> {
  const found: Renderer[] = [];
  if (existsSync(pinned.command)) found.push(pinned);
  if (await onPath('kubectl')) found.push(kubectl);
  if (found.length === 0) throw new Error(`no kustomize: neither ${pinned.command} (npm run cluster:build) nor kubectl on PATH`);
  return found;
}

export async function preferredRenderer(): Promise<Renderer> {
  const [first] = await renderers();
  if (first === undefined) throw new Error('no kustomize');
  return first;
}

export interface BuildResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function buildRaw(dir: string, renderer?: Renderer): Promise<BuildResult> {
  const r = renderer ?? (await preferredRenderer());
  const run = await execa(r.command, r.args(dir), { reject: false });
  return { exitCode: run.exitCode ?? 1, stdout: run.stdout, stderr: run.stderr };
}

export function parseObjects(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

/** Builds a kustomization directory; throws with kustomize's message when it fails. */
export async function build(dir: string, renderer?: Renderer): Promise<K8sObject[]> {
  const result = await buildRaw(dir, renderer);
  if (result.exitCode !== 0) throw new Error(`kustomize build ${dir} failed: ${result.stderr}`);
  return parseObjects(result.stdout);
}

export function overlayDir(env: string): string {
  return join(repoRoot, 'overlays', env);
}

const cache = new Map<string, Promise<K8sObject[]>>();

/** The rendered overlay (built once per test file). */
export function renderOverlay(env: Environment): Promise<K8sObject[]> {
  let rendered = cache.get(env);
  if (rendered === undefined) {
    rendered = build(overlayDir(env));
    cache.set(env, rendered);
  }
  return rendered;
}

/** The overlay's environment.yaml values. */
export async function environmentValues(env: string): Promise<Record<string, string>> {
  const doc = parse(await readFile(join(overlayDir(env), 'environment.yaml'), 'utf8')) as { data: Record<string, string> };
  return doc.data;
}

/** The commit in the overlay's git-sync-ref.env. */
export async function pinnedRef(env: string): Promise<string> {
  const text = await readFile(join(overlayDir(env), 'git-sync-ref.env'), 'utf8');
  const match = /^GITSYNC_REF=(.*)$/m.exec(text);
  if (match?.[1] === undefined) throw new Error(`overlays/${env}/git-sync-ref.env has no GITSYNC_REF= line`);
  return match[1];
}

export interface VariantChanges {
  /** Rewrites the copied kustomization.yaml (paths already point back into the repository). */
  kustomization?: (text: string) => string;
  /** Keys to set (string) or remove (null) in the copied environment.yaml. */
  environment?: Record<string, string | null>;
  /** Replaces the copied git-sync-ref.env; null deletes it. */
  gitSyncRef?: string | null;
}

/**
 * Copies an overlay to a temporary directory, points its ../../ paths back at
 * the repository and applies the changes: a variant of a real environment
 * (another component, namespace or value) without touching the work tree.
 */
export async function variant(env: string, changes: VariantChanges): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `template-${env}-`));
  await cp(overlayDir(env), dir, { recursive: true });
  const up = `${relative(dir, repoRoot)}/`;
  const kustomizationPath = join(dir, 'kustomization.yaml');
  let kustomization = (await readFile(kustomizationPath, 'utf8')).replaceAll('../../', up);
  if (changes.kustomization) kustomization = changes.kustomization(kustomization);
  await writeFile(kustomizationPath, kustomization);
  if (changes.environment) {
    const environmentPath = join(dir, 'environment.yaml');
    const doc = parse(await readFile(environmentPath, 'utf8')) as { data: Record<string, string> };
    const removed = new Set(Object.entries(changes.environment).filter(([, v]) => v === null).map(([k]) => k));
    const kept = Object.entries(doc.data).filter(([k]) => !removed.has(k));
    const set = Object.entries(changes.environment).filter((e): e is [string, string] => e[1] !== null);
    doc.data = Object.fromEntries([...kept, ...set]);
    await writeFile(environmentPath, stringify(doc));
  }
  if (changes.gitSyncRef !== undefined) {
    const refPath = join(dir, 'git-sync-ref.env');
    if (changes.gitSyncRef === null) await rm(refPath);
    else await writeFile(refPath, changes.gitSyncRef);
  }
  return dir;
}

/** A kustomization text with one component swapped for another. */
export function swapComponent(text: string, from: string, to: string): string {
  const pattern = new RegExp(`(components/)${from}\\n`);
  if (!pattern.test(text)) throw new Error(`component ${from} not in kustomization`);
  return text.replace(pattern, `$1${to}\n`);
}

/** A kustomization text with one more component at the end of its components list. */
export function addComponent(text: string, component: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('components:'));
  if (start < 0) throw new Error('kustomization has no components list');
  let end = start + 1;
  while (end < lines.length && /^\s+- /.test(lines[end] ?? '')) end += 1;
  const previous = lines[end - 1] ?? '';
  const prefix = previous.replace(/components\/[^/]+$/, 'components/');
  lines.splice(end, 0, `${prefix}${component}`);
  return lines.join('\n');
}

/** A kustomization text with its namespace replaced. */
export function withNamespace(text: string, namespace: string): string {
  if (!/^namespace: .*$/m.test(text)) throw new Error('kustomization has no namespace');
  return text.replace(/^namespace: .*$/m, `namespace: ${namespace}`);
}
