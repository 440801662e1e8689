/**
 * Inline suppressions: `# airflow-gitops: ignore[rule-id]` (or several ids,
 * comma-separated) at the end of a line silences those rules on that line.
 */
import type { Finding } from './report.ts';

const marker = /#\s*airflow-gitops:\s*ignore\[([^\]]*)\]/;

/** Rule ids suppressed per 1-based line. */
export function suppressionsOf(text: string): Map<number, Set<string>> {
  const byLine = new Map<number, Set<string>>();
  text.split('\n').forEach((line, index) => {
    const match = marker.exec(line);
    if (!match) return;
    const rules = (match[1] ?? '').split(',').map((rule) => rule.trim()).filter(Boolean);
    if (rules.length > 0) byLine.set(index + 1, new Set(rules));
  });
  return byLine;
}

export function applySuppressions(findings: Finding[], suppressionsByFile: Map<string, Map<number, Set<string>>>): Finding[] {
  return findings.filter((finding) => !suppressionsByFile.get(finding.file)?.get(finding.line)?.has(finding.rule));
}
