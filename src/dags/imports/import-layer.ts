/**
 * The import layer: every file Airflow would import is imported by the real
 * Airflow (see worker.ts), unless the cache knows the answer; each reply
 * becomes findings placed at the file and line that raised.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Finding, ImportedFile } from '../report.ts';
import type { Source } from '../source.ts';
import type { FileFacts } from '../static/facts.ts';
import { ImportCache, type ReplyCache } from './cache.ts';
import type { AirflowEnvironment } from './environment.ts';
import { findingsOfReply } from './findings.ts';
import { importAll } from './pool.ts';
import { importWithServer } from './server.ts';
import type { ImportReply } from './reply.ts';
import type { ImportWorker } from './worker.ts';

export type ImportOptions = {
  dagsFolder: string;
  environment: AirflowEnvironment;
  timeoutSeconds: number;
  parseBudgetSeconds: number;
  cacheFolder: string | null;
  workers?: number;
  env: NodeJS.ProcessEnv;
  /** What else changes the import results (the stand-ins given to Airflow): part of the cache key. */
  cacheKey?: string;
  /** A worker kept running between runs (validate --watch), with its results kept in memory. */
  resident?: ResidentImports;
  /** Import through a server kept running between runs, in the cache folder (see server.ts). */
  server?: boolean;
};

/** What stays loaded between two runs of `validate --watch`: the Airflow worker and the replies so far. */
export type ResidentImports = { worker: ImportWorker; cache: ReplyCache };

export type ImportResult = { findings: Finding[]; imported: ImportedFile[] };
export type ImportReplies = Map<string, { reply: ImportReply; cached: boolean }>;

/** Imports (or finds in the cache) every file; needs nothing from the static layer, so it can run beside it. */
export async function importFiles(sources: Source[], options: ImportOptions): Promise<ImportReplies> {
  const root = realpathSync(options.dagsFolder);
  const cache: ReplyCache | null = options.resident?.cache
    ?? (options.cacheFolder === null ? null : new ImportCache(join(options.cacheFolder, 'imports'), `${options.environment.fingerprint}:${options.timeoutSeconds}:${root}:${options.cacheKey ?? ''}`));
  const hashOf = fileHasher(root);
  const replies: ImportReplies = new Map();
  const toImport: Source[] = [];
  for (const source of sources) {
    const cached = cache?.get(source.path, source.sha256, hashOf) ?? null;
    if (cached) replies.set(source.path, { reply: cached, cached: true });
    else toImport.push(source);
  }

  const fresh = await importFresh(toImport.map((source) => source.absolute), root, options);
  for (const source of toImport) {
    const reply = fresh.get(source.absolute) as ImportReply;
    replies.set(source.path, { reply, cached: false });
    // A resident worker remembers hangs and crashes too, so that saving another file does not wait for them again.
    if (cache && (reply.outcome === 'parsed' || options.resident)) cache.set(source.path, source.sha256, dependencyHashes(reply, root, hashOf), reply);
  }
  cache?.save();
  return replies;
}

/**
 * The replies of the files to import: from the resident worker; else from
 * the import server, when asked for, and from a worker started for this run
 * for whatever the server did not answer.
 */
async function importFresh(files: string[], root: string, options: ImportOptions): Promise<Map<string, ImportReply>> {
  if (options.resident) {
    const worker = options.resident.worker;
    return new Map(await Promise.all(files.map(async (file) => [file, await worker.importFile(file)] as const)));
  }
  const settings = { dagsFolder: root, timeoutSeconds: options.timeoutSeconds, env: options.env };
  const served = options.server && options.cacheFolder !== null
    ? await importWithServer(files, options.environment, { ...settings, parallel: options.workers ?? availableParallelism(), folder: join(options.cacheFolder, 'imports') })
    : new Map<string, ImportReply>();
  const rest = files.filter((file) => !served.has(file));
  if (rest.length === 0) return served;
  const airflowHome = mkdtempSync(join(tmpdir(), 'airflow-gitops-home-'));
  try {
    return new Map([...served, ...await importAll(rest, options.environment, { ...settings, airflowHome }, options.workers)]);
  } finally {
    rmSync(airflowHome, { recursive: true, force: true });
  }
}

/** The findings of the import replies, placed with the help of the static layer's facts. */
export function importResult(sources: Source[], replies: ImportReplies, facts: Map<string, FileFacts>, options: ImportOptions): ImportResult {
  const root = realpathSync(options.dagsFolder);
  const findings: Finding[] = [];
  const imported: ImportedFile[] = [];
  for (const source of sources) {
    const { reply, cached } = replies.get(source.path) as { reply: ImportReply; cached: boolean };
    findings.push(...findingsOfReply(source.path, reply, { root, facts, parseBudgetSeconds: options.parseBudgetSeconds }));
    imported.push({
      file: source.path,
      dagIds: reply.outcome === 'parsed' ? reply.dags.map((dag) => dag.dag_id) : [],
      failed: reply.outcome !== 'parsed' || reply.has_error,
      parseSeconds: reply.outcome === 'parsed' ? reply.duration_s : null,
      cached,
    });
  }
  return { findings: mergeSharedCauses(findings), imported };
}

/** sha256 of a dags-folder file by its path relative to the folder; null if it is gone. */
function fileHasher(root: string): (path: string) => string | null {
  const known = new Map<string, string | null>();
  return (path) => {
    if (!known.has(path)) {
      try {
        known.set(path, createHash('sha256').update(readFileSync(join(root, path))).digest('hex'));
      } catch {
        known.set(path, null);
      }
    }
    return known.get(path) ?? null;
  };
}

function dependencyHashes(reply: ImportReply, root: string, hashOf: (path: string) => string | null): Record<string, string> {
  const hashes: Record<string, string> = {};
  if (reply.outcome !== 'parsed') return hashes;
  for (const absolute of reply.dependencies) {
    const path = relative(root, absolute).split(sep).join('/');
    hashes[path] = hashOf(path) ?? '';
  }
  return hashes;
}

/**
 * A broken helper module fails every DAG file that imports it: one finding
 * at the helper's line, naming all the files it broke.
 */
function mergeSharedCauses(findings: Finding[]): Finding[] {
  const merged = new Map<string, { finding: Finding; importers: string[] }>();
  const result: Finding[] = [];
  for (const finding of findings) {
    const match = / \(while importing (.+)\)$/.exec(finding.message);
    if (!match) {
      result.push(finding);
      continue;
    }
    const cause = finding.message.slice(0, match.index);
    const key = JSON.stringify([finding.file, finding.line, finding.rule, cause]);
    const known = merged.get(key);
    if (known) known.importers.push(match[1] as string);
    else {
      const entry = { finding: { ...finding, message: cause }, importers: [match[1] as string] };
      merged.set(key, entry);
      result.push(entry.finding);
    }
  }
  for (const { finding, importers } of merged.values()) finding.message = `${finding.message} (while importing ${importers.join(', ')})`;
  return result;
}
