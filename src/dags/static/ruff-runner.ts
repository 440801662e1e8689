/**
 * Child-process entry for ruff (see ruff-process.ts): reads one JSON request
 * per line on stdin, `{"path": ..., "text": ...}`, and answers each with one
 * line of JSON, the list of findings.
 */
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ruffFindings } from './ruff.ts';
import { serveRuff } from './ruff-server.ts';

if (process.argv[2] === '--serve') {
  // `--serve <socket>`: the same answers on a Unix socket, for many runs (see ruff-server.ts).
  serveRuff(process.argv[3] as string, fileURLToPath(import.meta.url));
} else {
  for await (const line of createInterface({ input: process.stdin })) {
    const { path, text } = JSON.parse(line) as { path: string; text: string };
    process.stdout.write(`${JSON.stringify(ruffFindings(path, text))}\n`);
  }
}
