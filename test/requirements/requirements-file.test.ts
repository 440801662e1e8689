/** parseRequirements: one requirement a line; what the lock cannot record is refused at its line. */
import { describe, expect, it } from 'vitest';
import { parseRequirements, requirementsDigest } from '../../src/requirements/index.ts';

describe('requirements.txt', () => {
  it('reads requirements with normalized names, without comments and blank lines', () => {
    const requirements = parseRequirements('# the DAGs\n\nApache_Airflow.Providers-HTTP >=5  # the API\npandas>=2.2,<3 ; python_version >= "3.11"\n', 'requirements.txt');
    expect(requirements).toEqual([
      { name: 'apache-airflow-providers-http', text: 'Apache_Airflow.Providers-HTTP >=5', line: 3 },
      { name: 'pandas', text: 'pandas>=2.2,<3 ; python_version >= "3.11"', line: 4 },
    ]);
    expect(requirementsDigest(requirements)).toBe(requirementsDigest(parseRequirements('Apache_Airflow.Providers-HTTP   >=5\npandas>=2.2,<3 ; python_version >= "3.11"', 'x')));
  });

  it.each([
    ['-r other.txt\n', /^requirements\.txt:1: '-r other\.txt': options .* are not supported/],
    ['pandas\n--index-url https://example.test/simple\n', /^requirements\.txt:2: '--index-url/],
    ['pandas\nPandas>=2\n', /^requirements\.txt:2: pandas is already required on line 1/],
    ['pandas \\\n  >=2\n', /^requirements\.txt:1: a requirement continued on the next line/],
    ['>=2\n', /^requirements\.txt:1: '>=2' is not a requirement/],
  ])('refuses %j', (text, message) => {
    expect(() => parseRequirements(text, 'requirements.txt')).toThrow(message);
  });
});
