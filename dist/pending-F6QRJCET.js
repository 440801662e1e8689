import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  GitHubClient,
  resolveRepository
} from "./chunk-OMGV5NTF.js";
import {
  readEnvironments
} from "./chunk-2QA4ABBH.js";
import {
  table
} from "./chunk-WXGFXV66.js";
import "./chunk-JKRQ3V4L.js";
import "./chunk-LY2ZCFWI.js";
import "./chunk-RBNP2GGL.js";
import "./chunk-6M56B45Z.js";
import {
  Git
} from "./chunk-27TEZR2O.js";
import "./chunk-C6Q5PNHF.js";
import "./chunk-CT3SYMP3.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";
import "./chunk-XWJVXINM.js";
import "./chunk-XNDQ27F5.js";

// src/github/deployments.ts
var deploymentsLooked = 200;
async function lastSuccessfulDeployment(github, repository, environment) {
  const at = { owner: repository.owner, repo: repository.name };
  return github.call(`reading the deployments of environment ${environment}`, async (octokit) => {
    let looked = 0;
    for await (const page of octokit.paginate.iterator(octokit.rest.repos.listDeployments, { ...at, environment, per_page: 30 })) {
      for (const deployment of page.data) {
        if (++looked > deploymentsLooked) return void 0;
        const statuses = await octokit.rest.repos.listDeploymentStatuses({ ...at, deployment_id: deployment.id, per_page: 1 });
        if (statuses.data[0]?.state === "success") return { id: deployment.id, sha: deployment.sha, createdAt: deployment.created_at };
      }
    }
    return void 0;
  });
}

// src/promotion/pending.ts
function deployedPaths(environment) {
  return ["base", "components", `overlays/${environment}`];
}
async function hasCommit(git, commit) {
  return (await git.run(["cat-file", "-e", `${commit}^{commit}`], { allowFailure: true })).exitCode === 0;
}
async function isAncestor(git, ancestor, of) {
  return (await git.run(["merge-base", "--is-ancestor", ancestor, of], { allowFailure: true })).exitCode === 0;
}
async function decide(git, head, environment, deployed) {
  const base = { environment, deployed, changed: [] };
  if (deployed === void 0) return { ...base, deploy: true, reason: "no successful deployment is recorded" };
  if (!await hasCommit(git, deployed)) {
    return { ...base, deploy: true, reason: `the last deployed commit ${deployed} is not in this checkout (a shallow clone, or history rewritten): deploying to be sure` };
  }
  if (deployed !== head && await isAncestor(git, head, deployed)) {
    return { ...base, deploy: false, reason: `a newer commit, ${deployed}, is deployed already` };
  }
  const changed = (await git.text(["diff", "--name-only", "--no-renames", deployed, head, "--", ...deployedPaths(environment)])).split("\n").filter(Boolean);
  if (changed.length === 0) return { ...base, deploy: false, reason: `nothing it deploys changed since ${deployed}` };
  return { ...base, changed, deploy: true, reason: `${changed.length} file(s) it deploys changed since ${deployed}` };
}
async function pendingDeploys(options) {
  const git = new Git(options.repoRoot, options.env);
  const head = await git.revParse(options.head);
  const decisions = [];
  for (const environment of options.environments) decisions.push(await decide(git, head, environment, await options.lastDeployed(environment)));
  return decisions;
}

// src/action/commands/pending.ts
async function pendingAction(settings, context) {
  if (settings.token === void 0) throw new UsageError("input 'token' is required for command 'pending': it reads the repository's deployments (permission deployments: read)");
  const git = new Git(settings.workingDirectory, context.env);
  const repository = resolveRepository(context.env, await git.remoteUrl("origin"));
  const github = new GitHubClient({ apiUrl: repository.apiUrl, token: settings.token, log: context.log });
  const githubEnvironments = new Map(readEnvironments(settings.workingDirectory).map((e) => [e.name, e.githubEnvironment]));
  const decisions = await pendingDeploys({
    repoRoot: settings.workingDirectory,
    environments: settings.environments,
    head: "HEAD",
    lastDeployed: async (environment) => (await lastSuccessfulDeployment(github, repository, githubEnvironments.get(environment) ?? environment))?.sha,
    env: context.env
  });
  for (const d of decisions) context.log(`${d.environment}: ${d.deploy ? "deploy" : "up to date"}: ${d.reason}`);
  const pending = decisions.filter((d) => d.deploy).map((d) => d.environment);
  return {
    outputs: { environments: JSON.stringify(pending) },
    summary: `## Pending deploys

${table(["environment", "deploy", "why"], decisions.map((d) => [d.environment, d.deploy ? "yes" : "no", d.reason]))}
`
  };
}
export {
  pendingAction
};
