import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretMask } from '../../src/secrets/mask.ts';
import { cell, codeBlock, fitSummary, summaryLimitBytes, table, writeSummary } from '../../src/action/summary.ts';

describe('summary text', () => {
  it('escapes what would break a table cell or inject HTML', () => {
    expect(cell('a|b\n<script>&')).toBe('a\\|b<br>&lt;script&gt;&amp;');
    expect(table(['x', 'y'], [['1', 'a|b']])).toBe('| x | y |\n| --- | --- |\n| 1 | a\\|b |');
  });

  it('fences code with more backticks than it contains', () => {
    expect(codeBlock('a ``` b')).toBe('````\na ``` b\n````');
  });

  it('cuts a summary over 1 MiB at a line boundary and says so', () => {
    const line = `${'x'.repeat(99)}\n`;
    const big = line.repeat(20_000);
    const fitted = fitSummary(big);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(summaryLimitBytes);
    expect(fitted).toMatch(/x\n\n\*\*The rest of this summary was cut: a job summary is limited to 1 MiB\.\*\*\n$/);
    expect(fitSummary('short\n')).toBe('short\n');
  });

  it('closes a code block that the cut leaves open', () => {
    const fitted = fitSummary(`## diff\n\n${codeBlock('  ~ change    Deployment/x\n'.repeat(100_000), 'diff')}\n`);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(summaryLimitBytes);
    expect(fitted).toMatch(/Deployment\/x\n```\n\n\*\*The rest of this summary was cut/);
    // A block closed before the cut gets no extra fence.
    const closed = fitSummary('```\na\n```\n' + 'b\n'.repeat(200), 200);
    expect(Buffer.byteLength(closed)).toBeLessThanOrEqual(200);
    expect(closed).toMatch(/^```\na\n```\nb\n/);
    expect(closed).not.toMatch(/b\n```/);
  });

  it('does not split a multi-byte character when cutting', () => {
    const fitted = fitSummary('é'.repeat(600_000), 1001);
    expect(fitted).not.toContain('\uFFFD');
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(1001);
  });
});

describe('writeSummary', () => {
  it('appends to GITHUB_STEP_SUMMARY through the secret mask', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md');
    writeFileSync(file, 'earlier step\n');
    const mask = new SecretMask();
    mask.add('s3cret-value');
    expect(writeSummary('## title\nvalue s3cret-value\n\n', mask, { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('earlier step\n## title\nvalue ***\n');
  });

  it('writes nothing outside a runner', () => {
    expect(writeSummary('## title', new SecretMask(), {})).toBe(false);
  });
});
