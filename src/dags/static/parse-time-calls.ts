/**
 * Work done while Airflow parses the file. The dag-processor imports every
 * DAG file again and again (every 30 s by default), so a Variable read, a
 * connection lookup, a network or database call at that level runs thousands
 * of times a day, slows parsing for every DAG, and breaks the import when the
 * remote side is down. Such calls belong inside tasks or Jinja templates.
 * The four parse-time-* rules share this matcher and message.
 */
import type { Finding, Severity } from '../report.ts';
import { fileRule, type FileRule } from './rule.ts';

export type CallMatcher = (callee: string) => boolean;

/** Matches a callee that is `name` or a member of it (`requests` matches `requests.get`). */
export const oneOf = (names: string[]): CallMatcher => {
  const members = names.map((name) => `${name}.`);
  return (callee) => names.includes(callee) || members.some((prefix) => callee.startsWith(prefix));
};
/** Matches a method of any object by its name (`hook.get_records`). */
export const method = (names: string[]): CallMatcher => (callee) => names.includes(callee.slice(callee.lastIndexOf('.') + 1));

type ParseTimeRule = { id: string; severity: Severity; matches: CallMatcher; what: string; instead: string };

export function parseTimeRule({ id, severity, matches, what, instead }: ParseTimeRule): FileRule {
  return fileRule(id, severity, ({ file, model }, report) => {
    const findings: Finding[] = [];
    for (const call of model.parseTimeCalls) {
      if (!matches(call.callee)) continue;
      const shortName = call.callee.split('.').slice(-2).join('.');
      findings.push(report(file, call.place, `${shortName}(...) ${what} every time Airflow parses this file: ${instead}`));
    }
    return findings;
  });
}
