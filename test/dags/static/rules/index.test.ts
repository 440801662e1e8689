/**
 * The rule registry: one source file, one fixture folder and one test per
 * registered rule, named by its id, and docs/validate.md's table of the
 * static rules listing exactly the registered rules with their severities.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../../../src/dags/static/rules/index.ts';
import { repoRoot } from '../../../support/paths.ts';
import { ruleFixtures } from '../../../support/dags.ts';

const ids = rules.map((rule) => rule.id);
const sorted = (values: string[]) => [...values].sort();
const namesIn = (folder: string, suffix: string) =>
  readdirSync(folder).filter((name) => name.endsWith(suffix) && name !== `index${suffix}`).map((name) => name.slice(0, -suffix.length));

/** The rows of the table under the heading `### Rules of the static layer`: [id, severity]. */
function documentedRules(): string[][] {
  const text = readFileSync(join(repoRoot, 'docs', 'validate.md'), 'utf8');
  const section = text.split(/^### /m).find((part) => part.startsWith('Rules of the static layer\n'));
  if (section === undefined) throw new Error("docs/validate.md has no '### Rules of the static layer' section");
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').slice(1, 3).map((cell) => cell.trim().replace(/^`|`$/g, '')));
}

describe('rule registry', () => {
  it('registers each id once', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(0);
  });

  it('has one source file per rule, named by its id', () => {
    expect(sorted(namesIn(join(repoRoot, 'src', 'dags', 'static', 'rules'), '.ts'))).toEqual(sorted(ids));
  });

  it('has one fixture folder and one test per rule, named by its id', () => {
    expect(sorted(readdirSync(ruleFixtures))).toEqual(sorted(ids));
    expect(sorted(namesIn(join(repoRoot, 'test', 'dags', 'static', 'rules'), '.test.ts'))).toEqual(sorted(ids));
  });

  it('is what docs/validate.md lists, in the same order, with the same severities', () => {
    expect(documentedRules()).toEqual(rules.map((rule) => [rule.id, rule.severity]));
  });
});
