/**
 * Remembers import results by content, so an unchanged file is not imported
 * again. An entry is valid while the file's bytes, the bytes of every dags
 * folder module its import loaded, and the Airflow environment are the same.
 * One JSON file per DAG file; a broken entry is just a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportReply } from './reply.ts';

type Entry = { key: string; dependencies: Record<string, string>; reply: ImportReply };

/** Where import replies are remembered: on disk (ImportCache) or in memory (MemoryReplyCache). */
export type ReplyCache = {
  get(file: string, sha256: string, hashOf: (path: string) => string | null): ImportReply | null;
  set(file: string, sha256: string, dependencies: Record<string, string>, reply: ImportReply): void;
};

/** The replies of one long-running process (validate --watch), by file. */
export class MemoryReplyCache implements ReplyCache {
  private readonly entries = new Map<string, { sha256: string; dependencies: Record<string, string>; reply: ImportReply }>();

  get(file: string, sha256: string, hashOf: (path: string) => string | null): ImportReply | null {
    const entry = this.entries.get(file);
    if (entry === undefined || entry.sha256 !== sha256) return null;
    for (const [dependency, hash] of Object.entries(entry.dependencies)) {
      if (hashOf(dependency) !== hash) return null;
    }
    return entry.reply;
  }

  set(file: string, sha256: string, dependencies: Record<string, string>, reply: ImportReply): void {
    this.entries.set(file, { sha256, dependencies, reply });
  }
}

export class ImportCache implements ReplyCache {
  private readonly folder: string;
  private readonly environmentKey: string;

  constructor(folder: string, environmentKey: string) {
    this.folder = folder;
    this.environmentKey = environmentKey;
    mkdirSync(folder, { recursive: true });
  }

  /** The cached reply, if the file and everything it loaded are unchanged. */
  get(file: string, sha256: string, hashOf: (path: string) => string | null): ImportReply | null {
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(this.entryPath(file), 'utf8')) as Entry;
    } catch {
      return null;
    }
    if (entry.key !== this.key(sha256)) return null;
    for (const [dependency, hash] of Object.entries(entry.dependencies)) {
      if (hashOf(dependency) !== hash) return null;
    }
    return entry.reply;
  }

  set(file: string, sha256: string, dependencies: Record<string, string>, reply: ImportReply): void {
    const entry: Entry = { key: this.key(sha256), dependencies, reply };
    const path = this.entryPath(file);
    // Write then rename, so a parallel run never reads half an entry.
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, path);
  }

  private key(sha256: string): string {
    return createHash('sha256').update(this.environmentKey).update(sha256).digest('hex');
  }

  private entryPath(file: string): string {
    return join(this.folder, `${createHash('sha256').update(file).digest('hex').slice(0, 32)}.json`);
  }
}
