import type { Finding, Severity } from '../../report.ts';
import type { Place } from '../syntax.ts';

/** A static-layer finding at a place in a file. */
export function finding(file: string, place: Place, severity: Severity, rule: string, message: string): Finding {
  return { file, line: place.line, column: place.column, severity, rule, message, layer: 'static' };
}

export function quote(value: string | null): string {
  return value === null ? '(computed)' : `'${value}'`;
}
