// The rewrites of workflow references: init turns this repository's local
// references into versioned ones; upgrade moves exactly the engine's own
// references from one release to the next and nothing that only looks alike.
import { describe, expect, it } from 'vitest';
import { retargetUses, versionedUses } from '../../src/scaffold/workflows.ts';

describe('versionedUses', () => {
  it('names the action and the reusable workflows by repository and version', () => {
    const text = ['      - uses: ./', '        uses: ./ # zizmor: ignore[self-repository] the checked-out copy', '    uses: ./.github/workflows/reusable-deploy.yml', '      - uses: ./.airflow-gitops', '      - uses: actions/checkout@v5', '# uses: ./'].join('\n');
    expect(versionedUses(text, 'acme/airflow-gitops', 'v1.2.0').split('\n')).toEqual([
      '      - uses: acme/airflow-gitops@v1.2.0',
      '        uses: acme/airflow-gitops@v1.2.0',
      '    uses: acme/airflow-gitops/.github/workflows/reusable-deploy.yml@v1.2.0',
      '      - uses: ./.airflow-gitops',
      '      - uses: actions/checkout@v5',
      '# uses: ./',
    ]);
  });

  it('runs the same version\'s CLI where this repository runs its own dist/', () => {
    expect(versionedUses('          node dist/cli.js environments --github-output >> "$GITHUB_OUTPUT"', 'acme/airflow-gitops', 'v1.2.0')).toBe(
      '          npx --yes --package=github:acme/airflow-gitops#v1.2.0 airflow-gitops environments --github-output >> "$GITHUB_OUTPUT"',
    );
  });
});

describe('retargetUses', () => {
  it('moves only the engine\'s references at the old version', () => {
    const text = [
      '      - uses: acme/airflow-gitops@v1.2.0',
      '    uses: acme/airflow-gitops/.github/workflows/reusable-checks.yml@v1.2.0  # pinned by upgrade',
      '      - uses: acme/airflow-gitops@v1.2.01',
      '      - uses: acme/airflow-gitops-extra@v1.2.0',
      '      - uses: other/airflow-gitops@v1.2.0',
      '      - uses: acme/airflow-gitops@v1.1.0',
      '#       uses: acme/airflow-gitops@v1.2.0',
    ].join('\n');
    expect(retargetUses(text, 'acme/airflow-gitops', 'v1.2.0', 'v1.3.0').split('\n')).toEqual([
      '      - uses: acme/airflow-gitops@v1.3.0',
      '    uses: acme/airflow-gitops/.github/workflows/reusable-checks.yml@v1.3.0  # pinned by upgrade',
      '      - uses: acme/airflow-gitops@v1.2.01',
      '      - uses: acme/airflow-gitops-extra@v1.2.0',
      '      - uses: other/airflow-gitops@v1.2.0',
      '      - uses: acme/airflow-gitops@v1.1.0',
      '#       uses: acme/airflow-gitops@v1.2.0',
    ]);
  });

  it('treats the engine name as text, not as a pattern', () => {
    expect(retargetUses('  - uses: acmeXairflow-gitops@v1', 'acme.airflow-gitops', 'v1', 'v2')).toBe('  - uses: acmeXairflow-gitops@v1');
  });
});
