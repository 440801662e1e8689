/**
 * Imports many files over a few workers, one file at a time per worker, as
 * many workers as cores (importing is CPU-bound), started only when needed.
 */
import { availableParallelism } from 'node:os';
import type { AirflowEnvironment } from './environment.ts';
import type { ImportReply } from './reply.ts';
import { ImportWorker, type WorkerSettings } from './worker.ts';

export async function importAll(
  files: string[],
  environment: AirflowEnvironment,
  settings: WorkerSettings,
  workerCount = availableParallelism(),
): Promise<Map<string, ImportReply>> {
  const replies = new Map<string, ImportReply>();
  if (files.length === 0) return replies;
  const queue = [...files];
  const workers = Array.from({ length: Math.max(1, Math.min(workerCount, files.length)) }, () => new ImportWorker(environment, settings));
  try {
    await Promise.all(workers.map((worker) => worker.start()));
    await Promise.all(
      workers.map(async (worker) => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          replies.set(file, await worker.importFile(file));
        }
      }),
    );
  } finally {
    await Promise.allSettled(workers.map((worker) => worker.stop()));
  }
  return replies;
}
