/**
 * Refusals of this tool itself (a missing secret value, a Fernet key change,
 * a StorageClass the cluster lacks), as opposed to the API server's: they are
 * found before any write and said to be this tool's, so nobody looks for them
 * in the cluster's logs. Exit code 1, like every refusal.
 */
import { CommandFailure } from '../errors.ts';

export class ToolRefusal extends CommandFailure {
  override name = 'ToolRefusal';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`nothing was written: airflow-gitops refused ${problems.length} problem(s) before asking the API server:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export function refuseBeforeWrite(problems: string[]): void {
  if (problems.length > 0) throw new ToolRefusal(problems);
}
