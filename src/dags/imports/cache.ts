/**
 * Remembers import results by content, so an unchanged file is not imported
 * again. An entry is valid while the file's bytes, the bytes of every dags
 * folder module its import loaded, and the Airflow environment are the same.
 *
 * One JSON file per environment key: one read and at most one write per run,
 * where a file per entry cost hundreds of small writes at the end of a cold
 * run (~0.2 s for 500 files) and as many reads at the start of a warm one.
 * A broken or foreign file is just a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonAtomically } from '../json-file.ts';
import type { ImportReply } from './reply.ts';

type Entry = { sha256: string; dependencies: Record<string, string>; reply: ImportReply };
type Stored = { key: string; files: Record<string, Entry> };

/** Where import replies are remembered: on disk (ImportCache) or in memory (MemoryReplyCache). */
export type ReplyCache = {
  get(file: string, sha256: string, hashOf: (path: string) => string | null): ImportReply | null;
  set(file: string, sha256: string, dependencies: Record<string, string>, reply: ImportReply): void;
  save(): void;
};

/** The reply of an entry whose file and dependencies are unchanged, else null. */
function validReply(entry: Entry | undefined, sha256: string, hashOf: (path: string) => string | null): ImportReply | null {
  if (entry === undefined || entry.sha256 !== sha256) return null;
  for (const [dependency, hash] of Object.entries(entry.dependencies)) {
    if (hashOf(dependency) !== hash) return null;
  }
  return entry.reply;
}

/** The replies of one long-running process (validate --watch), by file. */
export class MemoryReplyCache implements ReplyCache {
  private readonly entries = new Map<string, Entry>();

  get(file: string, sha256: string, hashOf: (path: string) => string | null): ImportReply | null {
    return validReply(this.entries.get(file), sha256, hashOf);
  }

  set(file: string, sha256: string, dependencies: Record<string, string>, reply: ImportReply): void {
    this.entries.set(file, { sha256, dependencies, reply });
  }

  save(): void {
    // Nothing to write: the entries live as long as the process.
  }
}

export class ImportCache implements ReplyCache {
  private readonly file: string;
  private readonly key: string;
  private readonly known: Record<string, Entry>;
  private readonly next: Record<string, Entry> = {};
  private changed = false;

  constructor(folder: string, environmentKey: string) {
    this.key = createHash('sha256').update(environmentKey).digest('hex');
    this.file = join(folder, `replies-${this.key.slice(0, 16)}.json`);
    mkdirSync(folder, { recursive: true });
    let stored: Stored | null = null;
    try {
      stored = JSON.parse(readFileSync(this.file, 'utf8')) as Stored;
    } catch {
      // No cache yet, or a broken one: everything is a miss.
    }
    this.known = stored !== null && stored.key === this.key && typeof stored.files === 'object' ? stored.files : {};
  }

  /** The cached reply, if the file and everything it loaded are unchanged. */
  get(file: string, sha256: string, hashOf: (path: string) => string | null): ImportReply | null {
    const entry = this.known[file];
    const reply = validReply(entry, sha256, hashOf);
    if (reply !== null) this.next[file] = entry as Entry;
    return reply;
  }

  set(file: string, sha256: string, dependencies: Record<string, string>, reply: ImportReply): void {
    this.next[file] = { sha256, dependencies, reply };
    this.changed = true;
  }

  /** Writes the entries of this run's files, when any was added or one dropped out. */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.known).length) return;
    writeJsonAtomically(this.file, { key: this.key, files: this.next } satisfies Stored);
  }
}
