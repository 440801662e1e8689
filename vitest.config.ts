import { defineConfig } from 'vitest/config';

// Tests mirror src/ (test/deploy/plan.test.ts is about src/deploy/plan.ts) and
// say by their name what they need:
//   *.test.ts              Node alone
//   *.integration.test.ts  real programs: git, kustomize, the Airflow venv, sshd
//   *.cluster.test.ts      the local control plane, which the cluster project's
//                          global setup starts once per run (or reuses) and stops
const integration = 'test/**/*.integration.test.ts';
const cluster = 'test/**/*.cluster.test.ts';
// Every project's temporary folders live in one folder per run, removed at the end.
const tempRoot = 'test/support/temp-root.ts';

export default defineConfig({
  test: {
    // Two cores: more workers only thrash the API server and the Python imports.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [integration, cluster, '**/node_modules/**'],
          globalSetup: [tempRoot],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: [integration],
          globalSetup: [tempRoot],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'cluster',
          include: [cluster],
          globalSetup: [tempRoot, 'test/support/cluster-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
