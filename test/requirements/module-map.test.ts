/** providerOf on the committed requirements.modules.json: what counts as provided, and what is named as missing. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distributionHint, providerOf, readModuleMap } from '../../src/requirements/index.ts';
import { repoRoot } from '../support/paths.ts';

const locked = readModuleMap(join(repoRoot, 'requirements.modules.json'));

describe('providerOf', () => {
  it.each([
    ['json', 'stdlib'],
    ['concurrent.futures', 'stdlib'],
    ['airflow', 'apache-airflow-core'],
    ['airflow.models.dag', 'apache-airflow-core'],
    ['airflow.providers.http.operators.http', 'apache-airflow-providers-http'],
    ['airflow.providers.common.sql.hooks.sql', 'apache-airflow-providers-common-sql'],
    ['yaml', 'pyyaml'],
    ['requests', 'requests'],
  ])('%s is provided by %s', (module, by) => {
    const provider = providerOf(locked, module);
    expect(provider.kind === 'stdlib' ? 'stdlib' : provider.kind === 'locked' ? provider.distributions : provider).toEqual(by === 'stdlib' ? 'stdlib' : [by]);
  });

  it.each([
    ['snowflake.connector', 'snowflake'],
    ['airflow.providers.amazon.aws.hooks.s3', 'airflow.providers.amazon'],
    ['airflow.providers.common.messaging', 'airflow.providers.common.messaging'],
  ])('%s is missing: %s', (module, missing) => {
    expect(providerOf(locked, module)).toEqual({ kind: 'missing', module: missing });
  });

  it('names the provider distribution of a missing provider module', () => {
    expect(distributionHint('airflow.providers.amazon.aws.hooks.s3')).toBe('apache-airflow-providers-amazon');
    expect(distributionHint('airflow.providers.cncf.kubernetes.operators.pod')).toBe('apache-airflow-providers-cncf-kubernetes');
    expect(distributionHint('snowflake.connector')).toBeNull();
  });
});
