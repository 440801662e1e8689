// The repository's Dockerfile read as instructions (continuation lines
// joined, comments dropped), for the checks a build would otherwise make:
// there is no Docker here to build it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './paths.ts';

export type Instruction = { line: number; keyword: string; args: string };

export function dockerfileInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: Instruction | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (pending === undefined && (line === '' || line.startsWith('#'))) return;
    if (pending !== undefined && line.startsWith('#')) return;
    const continued = line.endsWith('\\');
    const body = continued ? line.slice(0, -1).trim() : line;
    if (pending === undefined) {
      const [keyword = '', ...rest] = body.split(/\s+/);
      pending = { line: index + 1, keyword: keyword.toUpperCase(), args: rest.join(' ') };
    } else pending.args = `${pending.args} ${body}`.trim();
    if (!continued) {
      instructions.push(pending);
      pending = undefined;
    }
  });
  if (pending !== undefined) instructions.push(pending);
  return instructions;
}

export function repositoryDockerfile(): Instruction[] {
  return dockerfileInstructions(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'));
}

/** The Airflow version base/kustomization.yaml pins (newTag of apache/airflow). */
export function pinnedAirflowVersion(root = repoRoot): string {
  const images = parse(readFileSync(join(root, 'base', 'kustomization.yaml'), 'utf8')).images as { name: string; newTag?: string }[];
  const tag = images.find((i) => i.name === 'apache/airflow')?.newTag;
  if (tag === undefined) throw new Error('base/kustomization.yaml pins no apache/airflow tag');
  return tag;
}

/** The words of a RUN instruction's command (after its --mount and other flags), split on blanks. */
export function runWords(instruction: Instruction): string[] {
  return instruction.args.split(/\s+/).filter((w) => w.length > 0 && !w.startsWith('--mount=') && !w.startsWith('--network=') && !w.startsWith('--security='));
}
