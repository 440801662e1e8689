/**
 * What a deploy may do with the Fernet key of an installation. Airflow
 * encrypts connection passwords and variables with the first key of
 * `[core] fernet_key` (a comma-separated list) and decrypts with any of them,
 * so a key is changed in three steps: the new key goes first in the list
 * (every component restarts with both), `airflow rotate-fernet-key`
 * re-encrypts everything with the new key, and a later deploy drops the old
 * keys. Replacing the key outright would leave everything stored unreadable,
 * so that is refused.
 */
import { createHash } from 'node:crypto';
import { fernetKey } from './generate.ts';

export type FernetInput = {
  /** The live value (possibly "new,old"), when the Secret exists. */
  live: string | undefined;
  /** The value given through the environment (one key). */
  given: string | undefined;
  /** The rotation option was given. */
  rotate: boolean;
  /** Whether `airflow rotate-fernet-key` completed for the live list's first key. */
  rotationCompleted: (newKey: string) => Promise<boolean>;
};

export type FernetDecision =
  | { value: string; source: 'given' | 'live' | 'generated'; rotateTo?: string; dropped?: number }
  | { refused: string };

export function fernetKeys(value: string): string[] {
  return value.split(',').map((k) => k.trim()).filter((k) => k.length > 0);
}

/** A short, one-way tag of a key: names a rotation without revealing the key. */
export function keyTag(key: string): string {
  return createHash('sha256').update(`airflow-gitops fernet rotation\n${key}`).digest('hex').slice(0, 16);
}

function rotateTo(newKey: string, liveKeys: string[], source: 'given' | 'generated'): FernetDecision {
  // Old keys stay after the new one until the rotation Job has re-encrypted everything.
  const keys = [newKey, ...liveKeys.filter((k) => k !== newKey)];
  return { value: keys.join(','), source, rotateTo: newKey };
}

export async function decideFernet(input: FernetInput, variable: string, option: string): Promise<FernetDecision> {
  const { live, given, rotate } = input;
  if (live === undefined || fernetKeys(live).length === 0) {
    if (given !== undefined) return { value: given, source: 'given' };
    return { value: fernetKey(), source: 'generated' };
  }
  const liveKeys = fernetKeys(live);
  const current = liveKeys[0] ?? '';
  if (given !== undefined && given !== current) {
    if (!rotate) {
      return {
        refused:
          `${variable} differs from the Fernet key this installation runs with: replacing it would leave every stored connection password and variable unreadable. ` +
          `To change it, rerun with ${option}: the new key goes first in the key list, \`airflow rotate-fernet-key\` re-encrypts what is stored, and a later deploy drops the old key`,
      };
    }
    return rotateTo(given, liveKeys, 'given');
  }
  if (rotate && liveKeys.length === 1) return given !== undefined ? { refused: `${option} needs a new key: ${variable} is the key already in use (leave it unset to generate one)` } : rotateTo(fernetKey(), liveKeys, 'generated');
  if (liveKeys.length > 1) {
    // A rotation is under way: run it (again) when asked, else drop the old keys once it completed.
    if (rotate) return { value: live, source: 'live', rotateTo: current };
    if (await input.rotationCompleted(current)) return { value: current, source: 'live', dropped: liveKeys.length - 1 };
  }
  return { value: live, source: given !== undefined ? 'given' : 'live' };
}
