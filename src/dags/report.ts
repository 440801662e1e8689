/**
 * The validation report: the findings every check writes and every format
 * reads, plus what the import layer learned per file. (A deploy's report is
 * another thing: src/deploy/plan-report.ts.)
 */

export type Severity = 'error' | 'warning' | 'notice';
export type Layer = 'static' | 'import';

export type Finding = {
  /** Path relative to the dags folder, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, or null when the check knows only the line. */
  column: number | null;
  severity: Severity;
  /** A stable id: the name users write in suppressions and the config file. */
  rule: string;
  message: string;
  layer: Layer;
};

/** What the import layer learned about one file, beyond its findings. */
export type ImportedFile = {
  file: string;
  dagIds: string[];
  /** Whether Airflow itself recorded an import error for the file. */
  failed: boolean;
  /** Seconds Airflow took to import the file and serialize its DAGs; null on a timeout or crash. */
  parseSeconds: number | null;
  /** True when the result came from the cache instead of a new import. */
  cached: boolean;
};

export type Report = {
  /** Number of files checked. */
  files: number;
  findings: Finding[];
  /** Present when the import layer ran. */
  imports?: ImportedFile[];
};

/** The most severe first: sorts findings and compares severities. */
export const severityRank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    (a.column ?? 0) - (b.column ?? 0) ||
    severityRank[a.severity] - severityRank[b.severity] ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}

export function hasErrors(report: Report): boolean {
  return report.findings.some((finding) => finding.severity === 'error');
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
