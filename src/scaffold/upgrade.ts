/**
 * upgrade: moves a repository made by `init` to the engine version that runs
 * it. The vendored files become that version's (files it dropped are
 * removed), the workflows' references move to it, and the manifest records
 * it: one change, reviewed as one pull request. A vendored file edited by
 * hand, or a new template file where the team has one of its own, stops the
 * upgrade before anything is written.
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.ts';
import { vendoredFiles } from './engine.ts';
import { manifestFile, manifestFor, manifestText, readManifest, sha256, type Manifest } from './manifest.ts';
import { retargetUses } from './workflows.ts';

export type UpgradePlan = { from: string; to: string; engine: string; write: Map<string, Buffer>; remove: string[] };

function fileHash(repoRoot: string, path: string): string | undefined {
  const file = join(repoRoot, path);
  return existsSync(file) ? sha256(readFileSync(file)) : undefined;
}

function conflicts(repoRoot: string, manifest: Manifest, next: Map<string, Buffer>): string[] {
  const edited = Object.entries(manifest.files)
    .filter(([path, hash]) => fileHash(repoRoot, path) !== hash)
    .map(([path]) => `${path} (${existsSync(join(repoRoot, path)) ? 'edited' : 'deleted'} since ${manifest.version})`);
  const taken = [...next.keys()].filter((path) => !(path in manifest.files) && existsSync(join(repoRoot, path))).map((path) => `${path} (a file of your own where ${manifest.engine} now has one)`);
  return [...edited, ...taken];
}

function workflowChanges(repoRoot: string, manifest: Manifest, to: string): Map<string, Buffer> {
  const changes = new Map<string, Buffer>();
  const folder = join(repoRoot, '.github', 'workflows');
  if (!existsSync(folder)) return changes;
  for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const text = readFileSync(join(folder, name), 'utf8');
    const moved = retargetUses(text, manifest.engine, manifest.version, to);
    if (moved !== text) changes.set(`.github/workflows/${name}`, Buffer.from(moved));
  }
  return changes;
}

export function planUpgrade(repoRoot: string, engineRoot: string, to: string, force: boolean): UpgradePlan {
  const manifest = readManifest(repoRoot);
  const next = vendoredFiles(engineRoot);
  const problems = conflicts(repoRoot, manifest, next);
  if (problems.length > 0 && !force) {
    throw new UsageError(`upgrade would overwrite changes of your own:\n  ${problems.join('\n  ')}\nmove them into an overlay patch or a component of your own (a folder the manifest does not list), or pass --force`);
  }
  const write = new Map<string, Buffer>();
  for (const [path, content] of next) if (fileHash(repoRoot, path) !== sha256(content)) write.set(path, content);
  for (const [path, content] of workflowChanges(repoRoot, manifest, to)) write.set(path, content);
  write.set(manifestFile, Buffer.from(manifestText(manifestFor(manifest.engine, to, next))));
  const remove = Object.keys(manifest.files).filter((path) => !next.has(path) && existsSync(join(repoRoot, path)));
  return { from: manifest.version, to, engine: manifest.engine, write, remove };
}

function removeEmptyParents(repoRoot: string, path: string): void {
  for (let dir = dirname(join(repoRoot, path)); dir.startsWith(`${repoRoot}/`) && readdirSync(dir).length === 0; dir = dirname(dir)) rmdirSync(dir);
}

export function applyUpgrade(repoRoot: string, plan: UpgradePlan): void {
  for (const [path, content] of plan.write) {
    mkdirSync(dirname(join(repoRoot, path)), { recursive: true });
    writeFileSync(join(repoRoot, path), content);
  }
  for (const path of plan.remove) {
    rmSync(join(repoRoot, path));
    removeEmptyParents(repoRoot, path);
  }
}
