// action.yml is what the runner reads; the code reads the same inputs and sets
// the same outputs, with the same defaults.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionInputs, commandNames, secretInputNames } from '../../src/action/settings.ts';
import { outputNames } from '../../src/action/outputs.ts';
import { actionYaml, projectRoot } from '../support/github/run-action.ts';

const action = actionYaml() as ReturnType<typeof actionYaml> & { name: string; description: string };
type Input = { description?: string; required?: boolean; default?: string };

describe('action.yml', () => {
  it('runs dist/action.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(existsSync(join(projectRoot, action.runs.main))).toBe(true);
    // Self-hosted and GitHub Enterprise Server runners older than this cannot run node24 actions.
    expect(readFileSync(join(projectRoot, 'docs', 'action.md'), 'utf8')).toContain('runner **v2.327.1 or later**');
  });

  it('has a description the Marketplace accepts (125 characters at most)', () => {
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.description.length).toBeLessThanOrEqual(125);
  });

  it('declares exactly the inputs the code reads, with the same defaults', () => {
    const inputs = action.inputs as Record<string, Input>;
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(actionInputs).sort());
    for (const [name, spec] of Object.entries(actionInputs)) {
      const declared = inputs[name] as Input;
      expect(declared.description, `input ${name}`).toMatch(/\S/);
      expect(declared.default, `default of ${name}`).toBe(spec.default);
    }
  });

  it('marks only the command as required and gives secrets no default', () => {
    const inputs = action.inputs as Record<string, Input>;
    expect(Object.entries(inputs).filter(([, i]) => i.required).map(([n]) => n)).toEqual(['command']);
    expect(inputs.command?.description).toContain(commandNames.join(', ').replace(/, (?=[^,]*$)/, ' or '));
    for (const name of secretInputNames) if (name !== 'token') expect(inputs[name]?.default, name).toBeUndefined();
    expect(inputs.token?.default).toBe('${{ github.token }}');
  });

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...outputNames].sort());
    for (const [name, output] of Object.entries(action.outputs as Record<string, { description?: string }>)) expect(output.description, name).toMatch(/\S/);
  });
});
