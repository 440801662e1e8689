// The Fernet key rules: a running installation's key is never replaced, a
// rotation puts the new key first and keeps the old ones until Airflow's
// rotate-fernet-key completed, and a completed rotation drops them.
import { describe, expect, it } from 'vitest';
import { decideFernet, keyTag, type FernetInput } from '../../src/secrets/fernet.ts';
import { fernetKey, isFernetKey } from '../../src/secrets/generate.ts';

const oldKey = fernetKey();
const newKey = fernetKey();
const decide = (input: Partial<FernetInput>) =>
  decideFernet({ live: undefined, given: undefined, rotate: false, rotationCompleted: async () => false, ...input }, 'AIRFLOW_GITOPS_FERNET_KEY', '--rotate-fernet-key');

describe('the Fernet key', () => {
  it('takes the given key, or generates one, for a new installation', async () => {
    expect(await decide({ given: newKey })).toEqual({ value: newKey, source: 'given' });
    const generated = await decide({});
    expect('value' in generated && isFernetKey(generated.value)).toBe(true);
  });

  it('keeps the live key, and refuses another one without the rotation option', async () => {
    expect(await decide({ live: oldKey })).toEqual({ value: oldKey, source: 'live' });
    expect(await decide({ live: oldKey, given: oldKey })).toEqual({ value: oldKey, source: 'given' });
    const refused = await decide({ live: oldKey, given: newKey });
    expect(refused).toEqual({ refused: expect.stringContaining('AIRFLOW_GITOPS_FERNET_KEY differs from the Fernet key this installation runs with') });
    expect(JSON.stringify(refused)).not.toContain(newKey);
  });

  it('rotates: new key first, old kept; repeated while asked; the old dropped once the rotation completed', async () => {
    expect(await decide({ live: oldKey, given: newKey, rotate: true })).toEqual({ value: `${newKey},${oldKey}`, source: 'given', rotateTo: newKey });
    const list = `${newKey},${oldKey}`;
    expect(await decide({ live: list, given: newKey, rotate: true })).toEqual({ value: list, source: 'live', rotateTo: newKey });
    expect(await decide({ live: list, given: newKey })).toEqual({ value: list, source: 'given' });
    expect(await decide({ live: list, given: newKey, rotationCompleted: async (k) => k === newKey })).toEqual({ value: newKey, source: 'live', dropped: 1 });
  });

  it('generates the new key of a rotation when none is given, and refuses a rotation to the key in use', async () => {
    const generated = await decide({ live: oldKey, rotate: true });
    expect('rotateTo' in generated && generated.value === `${generated.rotateTo},${oldKey}`).toBe(true);
    expect(await decide({ live: oldKey, given: oldKey, rotate: true })).toEqual({ refused: expect.stringContaining('--rotate-fernet-key needs a new key') });
  });

  it('tags a rotation by a one-way hash of the new key', () => {
    expect(keyTag(newKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyTag(newKey)).not.toBe(keyTag(oldKey));
  });
});
