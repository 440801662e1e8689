// `npm run bench`: runs every bench/*.bench.ts module, each of which measures
// ours against a reference tool in the same run and returns named results.
// Results are merged into bench/results.json as
// {"<name>": {"ours_s": ..., "reference_s": ..., "ratio": ours/reference}}.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BenchResult = { ours_s: number; reference_s: number; ratio: number };
export type BenchModule = { default: (only: string[]) => Promise<Record<string, BenchResult>> };

const benchDir = dirname(fileURLToPath(import.meta.url));
const resultsFile = join(benchDir, 'results.json');
const only = process.argv.slice(2);

const previous: Record<string, BenchResult> = existsSync(resultsFile)
  ? JSON.parse(readFileSync(resultsFile, 'utf8'))
  : {};
const results = { ...previous };
for (const file of readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  const module = (await import(join(benchDir, file))) as BenchModule;
  const found = await module.default(only);
  for (const [name, result] of Object.entries(found)) {
    results[name] = result;
    console.log(`${name}: ours ${result.ours_s.toFixed(3)} s, reference ${result.reference_s.toFixed(3)} s, ratio ${result.ratio.toFixed(3)}`);
  }
}
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
