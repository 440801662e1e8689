/**
 * `validate --watch`: checks the folder once, then again after every change,
 * and prints the findings of the files each change touched. Airflow stays
 * loaded in one worker for the whole session and every result is kept in
 * memory, so a save costs the checks of the saved file (and of the files that
 * import it, when it is a helper module), not a new run.
 */
import { mkdtempSync, realpathSync, rmSync, watch } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from './config.ts';
import { renderText } from './formats/text.ts';
import { MemoryReplyCache } from './imports/cache.ts';
import { airflowEnvironment } from './imports/environment.ts';
import { ImportWorker } from './imports/worker.ts';
import type { Finding, Report } from './report.ts';
import { MemoryStaticCache, type FactsCache } from './static/cache.ts';
import type { FileFacts } from './static/facts.ts';
import { RuffProcess } from './static/ruff-process.ts';
import { validateDags, type ValidateOptions } from './validate.ts';

export type WatchOptions = Omit<ValidateOptions, 'import' | 'cacheFolder' | 'resident'> & {
  /** Where reports go. */
  out: (text: string) => void;
  /** How the dags folder is named in printed paths. */
  label: string;
  /** Ends the session. */
  signal: AbortSignal;
};

/** Editors save in several writes: wait for this long a quiet before checking. */
const settleMs = 20;

export async function watchDags(options: WatchOptions): Promise<void> {
  const dagsFolder = resolve(options.dagsFolder);
  const environment = airflowEnvironment(options.python);
  const config = loadConfig(dagsFolder, options.configFile);
  const airflowHome = mkdtempSync(join(tmpdir(), 'airflow-gitops-home-'));
  const settings = { dagsFolder: realpathSync(dagsFolder), timeoutSeconds: config.timeoutSeconds, env: options.env ?? process.env, airflowHome };
  const worker = new ImportWorker(environment, settings, options.workers ?? availableParallelism());
  const facts = new RecordingFactsCache();
  // ruff's WebAssembly build kept running answers a save in about a millisecond; the native ruff,
  // where there is one, takes the runs of many files, such as the first (see lintAll).
  const ruff = new RuffProcess();
  const resident = { facts, imports: { worker, cache: new MemoryReplyCache() }, ruff };
  const run = async (): Promise<Run> => {
    facts.checked.clear();
    facts.seen.clear();
    const report = await validateDags({ ...options, import: true, cacheFolder: null, resident });
    return { report, files: new Set(facts.seen), checked: new Set(facts.checked) };
  };
  try {
    await worker.start();
    let previous: Run | null = null;
    await onChanges(dagsFolder, options.signal, async () => {
      const next = await run();
      if (previous === null) {
        options.out(renderText(next.report, options.label));
        options.out(`watching ${options.label} for changes\n`);
      } else {
        const touched = touchedFiles(previous, next);
        if (touched.changed.length > 0 || touched.removed.length > 0) options.out(describeChange(next.report, touched, options.label));
      }
      previous = next;
    });
  } finally {
    await Promise.all([worker.stop(), ruff.stop()]);
    rmSync(airflowHome, { recursive: true, force: true });
  }
}

/**
 * Calls `check` once, then after each burst of changes under `folder`, one
 * call at a time, until `signal` aborts. The watcher starts before the first
 * call: it sets itself up over the folder's tree in the background, and a
 * change made meanwhile would be missed.
 */
async function onChanges(folder: string, signal: AbortSignal, check: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let fail: (error: unknown) => void = () => undefined;
  // Ends when the signal aborts, or with the error of a failed check.
  const stopped = new Promise<void>((resolve, reject) => {
    fail = reject;
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const start = (): void => {
    if (running !== null) {
      again = true;
      return;
    }
    running = check().catch(fail).finally(() => {
      running = null;
      if (again && !signal.aborted) {
        again = false;
        start();
      }
    });
  };
  const watcher = watch(folder, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(start, settleMs);
  });
  start();
  try {
    await stopped;
  } finally {
    clearTimeout(timer);
    watcher.close();
    await running;
  }
}

type Touched = { changed: string[]; removed: string[] };
/** One check of the folder: its report, every file it read, and the files it had to check again. */
type Run = { report: Report; files: Set<string>; checked: Set<string> };

/**
 * The files a change touched: those checked again (the changed files and the
 * importers of a changed helper), those whose findings differ from the last
 * run (a duplicate dag_id in another file), and those gone.
 */
function touchedFiles(previous: Run, next: Run): Touched {
  const before = findingsByFile(previous.report.findings);
  const after = findingsByFile(next.report.findings);
  const changed = new Set<string>([...next.checked, ...(next.report.imports ?? []).filter((file) => !file.cached).map((file) => file.file)]);
  for (const file of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(file) !== after.get(file)) changed.add(file);
  }
  const removed = [...previous.files].filter((file) => !next.files.has(file));
  for (const file of removed) changed.delete(file);
  return { changed: [...changed].sort(), removed: removed.sort() };
}

function findingsByFile(findings: Finding[]): Map<string, string> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  return new Map([...byFile].map(([file, list]) => [file, JSON.stringify(list)]));
}

function describeChange(report: Report, touched: Touched, label: string): string {
  const lines = [`--- ${new Date().toTimeString().slice(0, 8)}`];
  for (const file of touched.removed) lines.push(`${label}/${file}: removed`);
  if (touched.changed.length > 0) {
    const files = new Set(touched.changed);
    const findings = report.findings.filter((finding) => files.has(finding.file));
    const clean = touched.changed.filter((file) => !findings.some((finding) => finding.file === file));
    for (const file of clean) lines.push(`${label}/${file}: no findings`);
    lines.push(renderText({ files: files.size, findings }, label).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

/** The in-memory facts, noting which files the last run had to check again. */
class RecordingFactsCache implements FactsCache {
  readonly checked = new Set<string>();
  readonly seen = new Set<string>();
  private readonly inner = new MemoryStaticCache();

  get(path: string, sha256: string): FileFacts | null {
    this.seen.add(path);
    return this.inner.get(path, sha256);
  }

  set(path: string, sha256: string, facts: FileFacts): void {
    this.checked.add(path);
    this.inner.set(path, sha256, facts);
  }

  save(): void {
    this.inner.save();
  }
}
