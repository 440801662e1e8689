/**
 * Which environments a push must deploy: those whose overlay or the shared
 * template (base/, components/) differ between what the environment last
 * deployed successfully and the commit at hand. Deciding from the last
 * success, not from one push's before..HEAD, means a run that was cancelled
 * or failed is made good by the next one, whatever that one touches.
 */
import { Git } from '../git/git.ts';

export type PendingDecision = {
  environment: string;
  deploy: boolean;
  /** Why, in a sentence for the log and the summary. */
  reason: string;
  /** The commit the environment last deployed successfully, if any is known. */
  deployed?: string;
  /** The files that differ, when the decision came from a diff. */
  changed: string[];
};

export type PendingOptions = {
  repoRoot: string;
  environments: string[];
  /** The commit about to be deployed. */
  head: string;
  /** The commit each environment last deployed successfully (undefined: none recorded). */
  lastDeployed: (environment: string) => Promise<string | undefined>;
  env: NodeJS.ProcessEnv;
};

/** The paths whose change an environment's deploy carries. */
export function deployedPaths(environment: string): string[] {
  return ['base', 'components', `overlays/${environment}`];
}

async function hasCommit(git: Git, commit: string): Promise<boolean> {
  return (await git.run(['cat-file', '-e', `${commit}^{commit}`], { allowFailure: true })).exitCode === 0;
}

async function isAncestor(git: Git, ancestor: string, of: string): Promise<boolean> {
  return (await git.run(['merge-base', '--is-ancestor', ancestor, of], { allowFailure: true })).exitCode === 0;
}

async function decide(git: Git, head: string, environment: string, deployed: string | undefined): Promise<PendingDecision> {
  const base = { environment, deployed, changed: [] };
  if (deployed === undefined) return { ...base, deploy: true, reason: 'no successful deployment is recorded' };
  if (!(await hasCommit(git, deployed))) {
    return { ...base, deploy: true, reason: `the last deployed commit ${deployed} is not in this checkout (a shallow clone, or history rewritten): deploying to be sure` };
  }
  if (deployed !== head && (await isAncestor(git, head, deployed))) {
    return { ...base, deploy: false, reason: `a newer commit, ${deployed}, is deployed already` };
  }
  const changed = (await git.text(['diff', '--name-only', '--no-renames', deployed, head, '--', ...deployedPaths(environment)])).split('\n').filter(Boolean);
  if (changed.length === 0) return { ...base, deploy: false, reason: `nothing it deploys changed since ${deployed}` };
  return { ...base, changed, deploy: true, reason: `${changed.length} file(s) it deploys changed since ${deployed}` };
}

export async function pendingDeploys(options: PendingOptions): Promise<PendingDecision[]> {
  const git = new Git(options.repoRoot, options.env);
  const head = await git.revParse(options.head);
  const decisions: PendingDecision[] = [];
  for (const environment of options.environments) decisions.push(await decide(git, head, environment, await options.lastDeployed(environment)));
  return decisions;
}
