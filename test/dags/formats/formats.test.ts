/** The report formats: GitHub workflow-command escaping and the size-capped job summary. */
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithub } from '../../../src/dags/formats/github.ts';
import { renderMarkdownSummary, summaryLimitBytes } from '../../../src/dags/formats/markdown.ts';
import type { Finding, Report } from '../../../src/dags/report.ts';

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  file: 'team/etl.py', line: 3, column: 7, severity: 'error', rule: 'import-error', message: 'ValueError: bad', layer: 'import', ...overrides,
});

describe('github workflow commands', () => {
  it('escape messages and properties as GitHub requires', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('put the repository path, line, column and rule on each annotation', () => {
    const report: Report = { files: 1, findings: [
      finding({ message: 'KeyError: \'zone\'\nsecond line' }),
      finding({ file: 'odd,name:x.py', line: 1, column: null, severity: 'notice', rule: 'skipped-by-airflow', message: '50% sure' }),
    ] };
    expect(renderGithub(report, (file) => `dags/${file}`)).toBe(
      "::error file=dags/team/etl.py,line=3,col=7,title=import-error::KeyError: 'zone'%0Asecond line\n" +
      '::notice file=dags/odd%2Cname%3Ax.py,line=1,title=skipped-by-airflow::50%25 sure\n',
    );
  });
});

describe('markdown job summary', () => {
  it('lists every finding in a table, with cells that cannot break it', () => {
    const text = renderMarkdownSummary({ files: 2, findings: [finding({ message: 'a | b\n<script>' }), finding({ severity: 'warning', line: 9 })] }, (file) => `dags/${file}`);
    expect(text).toContain('2 file(s) checked: 1 error(s), 1 warning(s), 0 notice(s).');
    expect(text).toContain('| ❌ error | dags/team/etl.py | 3 | `import-error` | a \\| b<br>&lt;script&gt; |');
    expect(text).toContain('| ⚠️ warning | dags/team/etl.py | 9 | `import-error` | ValueError: bad |');
  });

  it('stays under 1 MiB and says how many findings it left out', () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => finding({ line: i + 1, message: `${'x'.repeat(80)} ${i}` }));
    const text = renderMarkdownSummary({ files: 1, findings });
    expect(Buffer.byteLength(text)).toBeLessThan(summaryLimitBytes);
    const rows = text.split('\n').filter((line) => line.startsWith('| ❌')).length;
    expect(rows).toBeGreaterThan(1000);
    expect(text).toContain(`${20_000 - rows} more finding(s) not shown`);
  });

  it('says so when there is nothing to report', () => {
    expect(renderMarkdownSummary({ files: 3, findings: [] })).toMatch(/3 file\(s\) checked.*\n\nNo findings\.\n$/);
  });
});
