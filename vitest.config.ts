import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing but Node (and, for the import layer, the
// Airflow venv); `cluster` needs the local control plane, which its global
// setup starts once per run (or reuses) and stops at the end.
export default defineConfig({
  test: {
    // Two cores: more workers only thrash the API server and the Python imports.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts'],
          globalSetup: ['test/support/cluster-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
