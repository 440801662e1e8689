/**
 * The job summary (GITHUB_STEP_SUMMARY). GitHub rejects a step's summary over
 * 1 MiB, so the text is cut to fit with a note saying so; the command's own
 * sections (the findings table) already stop short of that limit.
 */
import { appendFileSync } from 'node:fs';
import { cell, summaryLimitBytes } from '../dags/index.ts';
import type { SecretMask } from '../secrets/mask.ts';

// Defined once, with the findings table that uses them too.
export { cell, summaryLimitBytes };

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map((row) => line(row.map(cell)))].join('\n');
}

/** A fenced block long enough that no run of backticks inside can close it. */
export function codeBlock(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** The fence of a code block still open at the end of `text`, if any. */
function openFence(text: string): string | undefined {
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const fence = /^(`{3,})/.exec(line)?.[1];
    if (fence === undefined) continue;
    if (open === undefined) open = fence;
    else if (fence.length >= open.length && line.trim() === fence) open = undefined;
  }
  return open;
}

/** `text` cut at a line boundary so that it and the note fit in `limitBytes`; a code block cut open is closed. */
export function fitSummary(text: string, limitBytes = summaryLimitBytes): string {
  if (Buffer.byteLength(text) <= limitBytes) return text;
  const note = '\n\n**The rest of this summary was cut: a job summary is limited to 1 MiB.**\n';
  // Room for the note and for a closing fence of up to 16 backticks.
  const room = limitBytes - Buffer.byteLength(note) - 17;
  const cut = Buffer.from(text).subarray(0, room).toString('utf8').replace(/\uFFFD$/, '');
  const lastNewline = cut.lastIndexOf('\n');
  const kept = lastNewline > 0 ? cut.slice(0, lastNewline) : cut;
  const fence = openFence(kept);
  return `${kept}${fence === undefined ? '' : `\n${fence}`}${note}`;
}

/** Appends to the step summary when the runner provides one (not when the action runs elsewhere). */
export function writeSummary(markdown: string, mask: SecretMask, env: NodeJS.ProcessEnv): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file || markdown.length === 0) return false;
  appendFileSync(file, fitSummary(`${mask.mask(markdown).replace(/\n*$/, '')}\n`));
  return true;
}
