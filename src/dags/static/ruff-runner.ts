/**
 * Child-process entry for ruff (see ruff-process.ts): reads one JSON request
 * per line on stdin, `{"path": ..., "text": ...}`, and answers each with one
 * line of JSON, the list of findings.
 */
import { createInterface } from 'node:readline';
import { ruffFindings } from './ruff.ts';

for await (const line of createInterface({ input: process.stdin })) {
  const { path, text } = JSON.parse(line) as { path: string; text: string };
  process.stdout.write(`${JSON.stringify(ruffFindings(path, text))}\n`);
}
