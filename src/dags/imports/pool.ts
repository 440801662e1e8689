/**
 * Imports many files with one worker that runs as many imports at once as
 * there are cores (importing is CPU-bound). One worker, not one per core:
 * each worker spends seconds of CPU importing Airflow before its first file,
 * while its forked children share that work for free. Started only when needed.
 */
import { availableParallelism } from 'node:os';
import type { AirflowEnvironment } from './environment.ts';
import type { ImportReply } from './reply.ts';
import { ImportWorker, type WorkerSettings } from './worker.ts';

export async function importAll(
  files: string[],
  environment: AirflowEnvironment,
  settings: WorkerSettings,
  parallel = availableParallelism(),
): Promise<Map<string, ImportReply>> {
  const replies = new Map<string, ImportReply>();
  if (files.length === 0) return replies;
  const worker = new ImportWorker(environment, settings, Math.max(1, Math.min(parallel, files.length)));
  try {
    await worker.start();
    // The worker queues what it cannot start yet; replies come as imports finish.
    await Promise.all(files.map(async (file) => replies.set(file, await worker.importFile(file))));
  } finally {
    await worker.stop();
  }
  return replies;
}
