import { describe, expect, it } from 'vitest';
import { WorkflowLog } from '../../src/github/workflow-log.ts';

function record() {
  const lines: string[] = [];
  return { lines, log: new WorkflowLog((line) => lines.push(line)) };
}

describe('WorkflowLog', () => {
  it('stops commands before plain text, with a fresh random token each time, and resumes before its own command', () => {
    const { lines, log } = record();
    log.text('dags/x.py:3: error\n  ::error file=README.md::pwned');
    log.command(() => lines.push('::error file=dags/x.py,line=3::message'));
    log.text('more');
    log.resume();
    const [first, second] = lines.filter((line) => line.startsWith('::stop-commands::')).map((line) => line.slice('::stop-commands::'.length));
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
    expect(lines).toEqual([
      `::stop-commands::${first}`,
      'dags/x.py:3: error',
      '  ::error file=README.md::pwned',
      `::${first}::`,
      '::error file=dags/x.py,line=3::message',
      `::stop-commands::${second}`,
      'more',
      `::${second}::`,
    ]);
  });

  it('prints nothing extra when there is no plain text', () => {
    const { lines, log } = record();
    log.command(() => lines.push('::notice::done'));
    log.resume();
    expect(lines).toEqual(['::notice::done']);
  });
});
