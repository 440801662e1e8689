/**
 * Reads action inputs the way the runner passes them: each input `name` is the
 * environment variable `INPUT_<NAME>`, upper-cased with spaces turned into
 * underscores and dashes kept (`dags-directory` -> `INPUT_DAGS-DIRECTORY`).
 * A bad value is rejected here with the input's name and the value quoted.
 */
import { UsageError } from '../errors.ts';

export function inputVariable(name: string): string {
  return `INPUT_${name.replaceAll(' ', '_').toUpperCase()}`;
}

export class Inputs {
  readonly env: NodeJS.ProcessEnv;

  constructor(env: NodeJS.ProcessEnv) {
    this.env = env;
  }

  /** The value as given, untrimmed: for secrets whose whitespace matters (a key's last newline). */
  raw(name: string): string {
    return this.env[inputVariable(name)] ?? '';
  }

  /** The trimmed value, or undefined when the input is empty or not set. */
  text(name: string): string | undefined {
    const value = this.raw(name).trim();
    return value.length > 0 ? value : undefined;
  }

  required(name: string, why: string): string {
    const value = this.text(name);
    if (value === undefined) throw new UsageError(`input '${name}' is required ${why}`);
    return value;
  }

  /** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
  boolean(name: string, fallback: boolean): boolean {
    const value = this.text(name);
    if (value === undefined) return fallback;
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    throw new UsageError(`input '${name}': ${JSON.stringify(value)} is not a boolean (use true or false)`);
  }

  choice<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new UsageError(`input '${name}': ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  /** Items separated by commas or newlines, blanks dropped. */
  list(name: string): string[] {
    return (this.text(name) ?? '')
      .split(/[,\n]/)
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }

  /** Checks `value` with `problem` (which returns what is wrong, or undefined) and names the input when it fails. */
  checked(name: string, check: (value: string) => string | undefined): string | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    const problem = check(value);
    if (problem !== undefined) throw new UsageError(`input '${name}': ${JSON.stringify(value)} ${problem}`);
    return value;
  }
}
