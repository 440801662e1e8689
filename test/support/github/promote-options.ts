// The options of a dev -> staging promotion against the test repositories and
// the GitHub stand-in, as the promotion tests run it.
import type { PromoteOptions } from '../../../src/promotion/promote.ts';
import { isolatedGitEnv, type TestRepos } from './git-repos.ts';

export interface PromotionTarget {
  repos: TestRepos;
  githubUrl: string;
  token: string;
  log?: (line: string) => void;
}

export function promoteOptions({ repos, githubUrl, token, log = () => {} }: PromotionTarget, overrides: Partial<PromoteOptions> = {}): PromoteOptions {
  return {
    repoRoot: repos.work,
    from: 'dev',
    to: 'staging',
    allowAnyOrder: false,
    push: true,
    pullRequest: true,
    remote: 'origin',
    labels: [],
    draft: false,
    token,
    env: isolatedGitEnv({ GITHUB_REPOSITORY: 'acme/airflow', GITHUB_API_URL: githubUrl, GITHUB_SERVER_URL: 'https://github.example.com' }),
    log,
    ...overrides,
  };
}
