/* eslint-disable @typescript-eslint/no-explicit-any -- live objects are untyped JSON, read as kubectl prints them */
// Shared by the deploy engine's cluster tests: temporary overlays around the
// fixtures (each test its own namespace), running the real commands in-process
// with captured output, reading live state, and scanning every captured output
// for the values of the Secrets the test namespaces hold.
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect } from 'vitest';
import { run as deployRun } from '../../src/commands/deploy.ts';
import { run as diffRun } from '../../src/commands/diff.ts';
import { clusterEnv, getJson, kubectl, testNamespace } from './cluster.ts';

export { getJson };
import { repoRoot } from './paths.ts';

export const fixtures = join(repoRoot, 'test/fixtures/overlays');
const captured: string[] = [];

// Every folder made here is removed when the test file that made it is done
// (each test file imports this module afresh, so this hook is its own).
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temporaryFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A namespace name not yet created (the render creates it) or created now when `create`. */
export async function freshNamespace(prefix: string, create: boolean): Promise<string> {
  if (create) return testNamespace(prefix);
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

/**
 * An overlay folder that puts `fixture` into `namespace`, plus `extra`
 * kustomization lines (patches, more resources). Returns the folder.
 */
export function overlay(namespace: string, fixture = 'basic', extra = '', files: Record<string, string> = {}): string {
  const dir = temporaryFolder(`overlay-${namespace}-`);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'kustomization.yaml'), `namespace: ${namespace}\nresources:\n  - ${relative(dir, join(fixtures, fixture))}\n${extra}`);
  return dir;
}

export function rewrite(dir: string, namespace: string, fixture = 'basic', extra = '', files: Record<string, string> = {}): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'kustomization.yaml'), `namespace: ${namespace}\nresources:\n  - ${relative(dir, join(fixtures, fixture))}\n${extra}`);
}

export function copyTemplate(): string {
  const dir = temporaryFolder('template-');
  for (const part of ['base', 'components', 'overlays']) cpSync(join(repoRoot, part), join(dir, part), { recursive: true });
  return dir;
}

/**
 * The template committed to a new git repository, its local overlay pointed at
 * `namespace`: what a team's repository looks like to `bump` and `deploy`.
 */
export async function localTemplateRepo(namespace: string): Promise<{ repo: string; git: (...args: string[]) => Promise<{ stdout: string }> }> {
  const repo = copyTemplate();
  const kustomization = join(repo, 'overlays/local/kustomization.yaml');
  writeFileSync(kustomization, readFileSync(kustomization, 'utf8').replace(/^namespace: .*$/m, `namespace: ${namespace}`));
  const git = async (...args: string[]) => {
    const { stdout } = await execa('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], { cwd: repo });
    return { stdout };
  };
  await git('init', '-q');
  await git('add', '.');
  await git('commit', '-qm', 'template');
  return { repo, git };
}

export type Outcome = { code: number; out: string };

async function runCommand(command: typeof deployRun, args: string[], extraEnv: NodeJS.ProcessEnv, cwd: string): Promise<Outcome> {
  const chunks: string[] = [];
  const io = { stdout: (t: string) => chunks.push(t), stderr: (t: string) => chunks.push(t), env: { ...clusterEnv(), ...extraEnv }, cwd };
  const code = await command(args, io);
  const out = chunks.join('');
  captured.push(out);
  return { code, out };
}

export function deploy(environment: string, overlayDir: string, args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}, cwd = overlayDir): Promise<Outcome> {
  return runCommand(deployRun, [environment, '--overlay', overlayDir, '--timeout', '120', ...args], extraEnv, cwd);
}

export function diff(environment: string, overlayDir: string, args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  return runCommand(diffRun, [environment, '--overlay', overlayDir, ...args], extraEnv, overlayDir);
}

/** kind/name -> resourceVersion of every object of the usual kinds in `namespace`. */
export async function versions(namespace: string): Promise<Record<string, string>> {
  const list = await getJson<{ items: any[] }>(['get', 'configmaps,secrets,serviceaccounts,services,deployments,statefulsets,jobs,roles,rolebindings,persistentvolumeclaims,ingresses', '-n', namespace]);
  return Object.fromEntries(
    list.items.filter((o) => o.metadata.name !== 'kube-root-ca.crt' && o.metadata.name !== 'default').map((o) => [`${o.kind}/${o.metadata.name}`, o.metadata.resourceVersion]),
  );
}

/** Fails if any value of any Secret in `namespaces` appears (plain or base64) in any output captured so far. */
export async function expectNoSecretInOutput(namespaces: string[], alsoSecret: string[] = []): Promise<void> {
  const values = [...alsoSecret];
  for (const ns of namespaces) {
    const list = await getJson<{ items: { data?: Record<string, string> }[] }>(['get', 'secrets', '-n', ns]);
    for (const s of list.items) for (const v of Object.values(s.data ?? {})) values.push(v, Buffer.from(v, 'base64').toString('utf8'));
  }
  const text = captured.join('\n');
  expect(captured.length).toBeGreaterThan(0);
  for (const value of values.filter((v) => v.length >= 8)) expect(text.includes(value), `a secret value appears in the output`).toBe(false);
}

/** The control plane may outlive the run (a developer's cluster): give the fake nodes' pod slots back. */
export async function deleteNamespaces(names: string[]): Promise<void> {
  if (names.length > 0) await kubectl(['delete', 'namespace', '--wait=false', '--ignore-not-found', ...names]);
}
