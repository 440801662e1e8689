// The workflows cannot run here, so their structure is checked instead: what
// they pass to the action and to the reusable workflow exists, what they read
// is declared, and every workflow limits its token's permissions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionInputs, type CommandName } from '../../src/action/settings.ts';
import { actionYaml, projectRoot } from '../support/github/run-action.ts';

type Step = { id?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string; env?: Record<string, string> };
type Job = {
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: 'inherit' | Record<string, string>;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string> | string;
  environment?: string | { name: string };
  concurrency?: { group: string; 'cancel-in-progress'?: boolean } | string;
  outputs?: Record<string, string>;
  steps?: Step[];
  'timeout-minutes'?: number;
  'runs-on'?: string;
};
type Declared = { required?: boolean; default?: unknown; type?: string };
type Workflow = {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
};

const folder = join(projectRoot, '.github', 'workflows');
const files = readdirSync(folder).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'));
const workflows = new Map(files.map((file) => [file, { text: readFileSync(join(folder, file), 'utf8'), doc: parse(readFileSync(join(folder, file), 'utf8')) as Workflow }]));
const action = actionYaml();

function workflow(file: string): Workflow {
  const found = workflows.get(file);
  if (!found) throw new Error(`.github/workflows/${file} is missing`);
  return found.doc;
}

/** A workflow's text without its comments (which may quote what not to write). */
function code(file: string): string {
  return (workflows.get(file)?.text ?? '')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .join('\n');
}

function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** Every `${{ ... }}` expression in a value, flattened. */
function expressions(value: unknown): string[] {
  return [...JSON.stringify(value ?? null).matchAll(/\$\{\{(.*?)\}\}/g)].map((m) => m[1] as string);
}

/** The action of this repository: `./` in its own workflows, `./.airflow-gitops` (the workflow's own version, checked out) in reusable ones. */
const isAction = (step: Step) => step.uses === './' || step.uses === './.airflow-gitops';

const localActionSteps = [...workflows].flatMap(([file, { doc }]) =>
  Object.entries(doc.jobs).flatMap(([jobName, job]) => (job.steps ?? []).filter(isAction).map((step) => ({ file, jobName, job, step }))),
);

/** Engine commands a job runs with the CLI of the checked-out engine (node .airflow-gitops/dist/cli.js <command>). */
function cliCommands(job: Job): string[] {
  return (job.steps ?? []).flatMap((s) => [...(s.run ?? '').matchAll(/node \.airflow-gitops\/dist\/cli\.js ([a-z-]+)/g)].map((m) => m[1] as string));
}

describe('the workflows', () => {
  it('are the ones the project documents', () => {
    expect(files.sort()).toEqual(['checks.yml', 'ci.yml', 'dag-repository.yml', 'deploy.yml', 'promote.yml', 'release.yml', 'reusable-checks.yml', 'reusable-deploy.yml']);
  });

  it.each(files)('%s limits the token at the top and grants write access only to jobs that need it', (file) => {
    const doc = workflow(file);
    expect(doc.permissions, `${file} has no top-level permissions`).toBeDefined();
    for (const value of Object.values(doc.permissions ?? {})) expect(value).not.toBe('write');
    for (const [name, job] of Object.entries(doc.jobs)) {
      const granted = typeof job.permissions === 'object' ? Object.entries(job.permissions).filter(([, v]) => v === 'write').map(([k]) => k) : [];
      // An OIDC token writes nothing: it is for the cloud log-in, in the deploy job or a job calling it.
      if (granted.includes('id-token')) {
        // Or for the step `engine` of a reusable workflow, which reads the workflow's own version from it.
        const logsIn =
          (job.steps ?? []).some((s) => s.if?.includes('inputs.cloud ==') || s.id === 'engine') || ['./.github/workflows/reusable-deploy.yml', './.github/workflows/reusable-checks.yml'].includes(job.uses ?? '');
        expect(logsIn, `${file} job ${name} asks for id-token but logs in to no cloud`).toBe(true);
      }
      const writes = granted.filter((k) => k !== 'id-token');
      if (writes.length === 0) continue;
      // A job that writes does so for a reason the test can see: a push, a pull request or its comment.
      const commands = (job.steps ?? []).filter(isAction).map((s) => s.with?.command);
      const pins = commands.includes('bump') && (job.steps ?? []).some((s) => s.with?.commit === true);
      const allowed = new Set(['id-token']);
      if (commands.includes('promote') || pins) ['contents', 'pull-requests'].forEach((p) => allowed.add(p));
      if (cliCommands(job).includes('pr-comment')) allowed.add('pull-requests');
      // The release: the GitHub release and the moved major tag.
      if ((job.steps ?? []).some((s) => /gh release create .*\n.*git push --force origin "refs\/tags\//s.test(s.run ?? ''))) allowed.add('contents');
      // The Airflow image: pushed to the repository's container registry.
      if ((job.steps ?? []).some((s) => s.uses?.startsWith('docker/build-push-action@') && s.with?.push === true)) allowed.add('packages');
      // A call of a reusable workflow of this repository may grant what that workflow's jobs ask for.
      const called = job.uses?.startsWith('./.github/workflows/') ? workflow(job.uses.slice('./.github/workflows/'.length)) : undefined;
      for (const calledJob of Object.values(called?.jobs ?? {})) {
        if (typeof calledJob.permissions === 'object') for (const [p, v] of Object.entries(calledJob.permissions)) if (v === 'write') allowed.add(p);
      }
      for (const permission of writes) expect(allowed.has(permission), `${file} job ${name} asks for ${permission}: write without a step that needs it`).toBe(true);
    }
  });

  it.each(files)('%s pins every third-party action to a full commit SHA, names its release beside it, and gives every job a timeout', (file) => {
    const lines = (workflows.get(file)?.text ?? '').split('\n');
    for (const [name, job] of Object.entries(workflow(file).jobs)) {
      if (job.uses === undefined) expect(job['timeout-minutes'], `${file} job ${name}`).toBeGreaterThan(0);
      for (const step of job.steps ?? []) {
        if (step.uses === undefined || step.uses.startsWith('./')) continue;
        // A tag can be moved to other code; a commit cannot.
        expect(step.uses, `${file} job ${name}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        // The release tag as its project publishes it (a few have two parts, like v1.3).
        expect(lines.find((line) => line.includes(`uses: ${step.uses}`)), `${file} job ${name}: the release of ${step.uses}`).toMatch(/ # v\d+\.\d+(\.\d+)?$/);
      }
    }
  });

  it('has Dependabot keep the pinned actions and the npm packages up to date', () => {
    const config = parse(readFileSync(join(projectRoot, '.github', 'dependabot.yml'), 'utf8')) as { updates: { 'package-ecosystem': string; directory: string }[] };
    expect(config.updates.map((u) => `${u['package-ecosystem']} ${u.directory}`).sort()).toEqual(['github-actions /', 'npm /']);
  });

  it.each(files)('%s never runs a job in a cancelled run (!cancelled(), not always())', (file) => {
    expect(code(file)).not.toMatch(/always\(\)/);
  });

  it('pass the local action only inputs it declares, and the ones its command needs', () => {
    expect(localActionSteps.length).toBeGreaterThanOrEqual(6);
    const needed: Record<string, string[]> = {
      bump: ['environment'],
      render: ['environment'],
      diff: ['environment'],
      deploy: ['environment', 'kubeconfig'],
      promote: ['from-environment', 'to-environment'],
      pending: ['environments'],
      validate: [],
    };
    for (const { file, jobName, step } of localActionSteps) {
      const place = `${file} job ${jobName} step ${step.id ?? step.with?.command}`;
      const given = Object.keys(step.with ?? {});
      for (const name of given) expect(Object.keys(action.inputs), `${place}: input ${name}`).toContain(name);
      const command = step.with?.command as CommandName;
      expect(Object.keys(needed), `${place}: command`).toContain(command);
      for (const name of needed[command] ?? []) expect(given, `${place} needs input ${name}`).toContain(name);
      for (const name of given) {
        const spec = actionInputs[name];
        if (spec && spec.commands !== 'all') expect(spec.commands, `${place}: input ${name} is not for ${command}`).toContain(command);
      }
    }
  });

  it('read only outputs that the steps and jobs they name declare', () => {
    for (const [file, { doc }] of workflows) {
      for (const [jobName, job] of Object.entries(doc.jobs)) {
        const steps = job.steps ?? [];
        for (const [index, step] of steps.entries()) {
          for (const expression of expressions({ ...step, id: undefined })) {
            for (const [, id, output] of expression.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
              const producer = steps.findIndex((s) => s.id === id);
              expect(producer, `${file} job ${jobName}: steps.${id} is not an earlier step`).toBeGreaterThanOrEqual(0);
              expect(producer).toBeLessThan(index);
              if (steps[producer] !== undefined && isAction(steps[producer])) expect(Object.keys(action.outputs), `${file}: action output ${output}`).toContain(output);
            }
          }
        }
        for (const expression of expressions(job.outputs)) {
          for (const [, id, output] of expression.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
            const producer = steps.find((s) => s.id === id);
            expect(producer, `${file} job ${jobName} output reads steps.${id}`).toBeDefined();
            if (producer !== undefined && isAction(producer)) expect(Object.keys(action.outputs)).toContain(output);
          }
        }
        for (const expression of expressions({ ...job, outputs: undefined })) {
          for (const [, needed, output] of expression.matchAll(/needs\.([\w-]+)\.(?:outputs\.([\w-]+)|result)/g)) {
            expect(needsOf(job), `${file} job ${jobName} reads needs.${needed} without needing it`).toContain(needed);
            if (output !== undefined) expect(Object.keys(doc.jobs[needed as string]?.outputs ?? {}), `${file}: ${needed} has no output ${output}`).toContain(output);
          }
        }
      }
    }
  });

  it.each(['reusable-deploy.yml', 'reusable-checks.yml', 'dag-repository.yml'])('%s declares in workflow_call every input and secret it reads', (file) => {
    const reusable = workflow(file);
    const call = reusable.on.workflow_call as { inputs: Record<string, Declared>; secrets?: Record<string, Declared>; outputs?: Record<string, { value: string }> };
    const text = JSON.stringify(reusable.jobs);
    const secretsRead = new Set([...text.matchAll(/secrets\.([A-Za-z_][\w]*)/g)].map((m) => m[1] as string));
    const inputsRead = new Set([...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1] as string));
    for (const name of secretsRead) if (name !== 'GITHUB_TOKEN') expect(Object.keys(call.secrets ?? {}), `secret ${name}`).toContain(name);
    for (const name of inputsRead) expect(Object.keys(call.inputs), `input ${name}`).toContain(name);
    for (const [name, input] of Object.entries(call.inputs)) {
      expect(['string', 'boolean', 'number'], `input ${name} type`).toContain(input.type);
      if (input.required) expect(input.default, `required input ${name} has a default`).toBeUndefined();
    }
    for (const [name, output] of Object.entries(call.outputs ?? {})) {
      const [, job, jobOutput] = /jobs\.([\w-]+)\.outputs\.([\w-]+)/.exec(output.value) ?? [];
      expect(Object.keys(reusable.jobs[job as string]?.outputs ?? {}), `workflow output ${name}`).toContain(jobOutput);
    }
  });

  it('call the reusable workflow with its required inputs, only declared ones, and each secret it declares by name (no secrets: inherit)', () => {
    const call = workflow('reusable-deploy.yml').on.workflow_call as { inputs: Record<string, Declared>; secrets: Record<string, Declared> };
    const callers = [...workflows].flatMap(([file, { doc }]) =>
      Object.entries(doc.jobs).filter(([, job]) => job.uses === './.github/workflows/reusable-deploy.yml').map(([name, job]) => ({ file, name, job })),
    );
    expect(callers.map((c) => c.name).sort()).toEqual(['first', 'later', 'manual']);
    for (const { file, name, job } of callers) {
      const given = Object.keys(job.with ?? {});
      for (const input of given) expect(Object.keys(call.inputs), `${file} job ${name} passes ${input}`).toContain(input);
      for (const [input, declared] of Object.entries(call.inputs)) if (declared.required) expect(given, `${file} job ${name} lacks ${input}`).toContain(input);
      expect(job.secrets, `${file} job ${name}`).toEqual(Object.fromEntries(Object.keys(call.secrets).map((secret) => [secret, `\${{ secrets.${secret} }}`])));
    }
    for (const file of files) expect(code(file), file).not.toMatch(/secrets:\s*inherit/);
  });

  it('log in to EKS, GKE or AKS by OIDC before the deploy when asked, with an OIDC token', () => {
    const job = workflow('reusable-deploy.yml').jobs.deploy as Job;
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const steps = job.steps ?? [];
    const deployAt = steps.findIndex((s) => s.id === 'deploy');
    const login = (cloud: string) => steps.map((s, i) => ({ s, i })).filter(({ s }) => s.if === `inputs.cloud == '${cloud}'`);
    const expected: Record<string, string[]> = {
      eks: ['aws-actions/configure-aws-credentials', 'run'],
      gke: ['google-github-actions/auth', 'google-github-actions/get-gke-credentials'],
      aks: ['azure/login', 'azure/use-kubelogin', 'azure/aks-set-context'],
    };
    for (const [cloud, uses] of Object.entries(expected)) {
      const found = login(cloud);
      expect(found.map(({ s }) => (s.uses ?? 'run').split('@')[0]), cloud).toEqual(uses);
      for (const { i } of found) expect(i, cloud).toBeLessThan(deployAt);
      expect(JSON.stringify(found.map(({ s }) => s)), cloud).toContain('inputs.cloud-role');
    }
    // An unknown cloud fails before any log-in step runs.
    const refuse = steps.findIndex((s) => s.if?.startsWith("inputs.cloud != ''"));
    expect(refuse).toBeGreaterThanOrEqual(0);
    expect(refuse).toBeLessThan(Math.min(...Object.keys(expected).flatMap((cloud) => login(cloud).map(({ i }) => i))));
    const call = workflow('reusable-deploy.yml').on.workflow_call as { inputs: Record<string, Declared> };
    for (const input of ['cloud', 'cloud-role', 'cluster-name', 'cluster-location']) expect(call.inputs[input]?.required, input).toBe(false);
  });

  it('deploy each environment in its GitHub environment, one run at a time per environment', () => {
    const job = workflow('reusable-deploy.yml').jobs.deploy as Job;
    expect(job.environment).toEqual({ name: '${{ inputs.github-environment || inputs.environment }}' });
    expect(job.concurrency).toEqual({ group: 'airflow-gitops-deploy-${{ inputs.environment }}', 'cancel-in-progress': false });
    const steps = (job.steps ?? []).filter(isAction);
    const deploy = steps.find((s) => s.with?.command === 'deploy');
    expect(deploy?.with?.kubeconfig).toBe('${{ secrets.KUBECONFIG }}');
    // Validation runs before the deploy step.
    expect(steps.map((s) => s.with?.command)).toEqual(['validate', 'deploy']);
  });

  it('read the environments, their order, GitHub environments and promotion chain from environments.yaml alone', () => {
    const readers = [...workflows].flatMap(([file, { doc }]) =>
      Object.entries(doc.jobs).flatMap(([name, job]) => (job.steps ?? []).filter((s) => s.run?.includes('node dist/cli.js environments')).map(() => `${file}:${name}`)),
    );
    expect(readers.sort()).toEqual(['ci.yml:environments', 'deploy.yml:environments', 'promote.yml:chain']);
    for (const file of files) {
      // The pull-request checks take one kubeconfig secret per environment, declared by name (a reusable
      // workflow's secrets are static), and a DAG repository names the environment it pins (dev by default).
      if (['reusable-deploy.yml', 'reusable-checks.yml', 'checks.yml', 'dag-repository.yml'].includes(file)) continue;
      // No environment is named in a workflow: adding one is an overlay folder and an entry in environments.yaml.
      expect(code(file), file).not.toMatch(/\b(dev|staging|prod)\b/);
    }
  });

  it('deploy on push to main: validate, pin the first environment (committed), deploy it, then the pending later ones in order', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.name).toBe('deploy');
    expect(deploy.on.push).toMatchObject({ branches: ['main'] });
    const pin = (deploy.jobs.pin?.steps ?? []).find((s) => s.with?.command === 'bump');
    expect(pin?.with).toMatchObject({ environment: '${{ needs.environments.outputs.first }}', commit: true });
    expect(deploy.jobs.pin?.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    // The image job hands over the digest of an image it built, pinned in the same commit.
    expect(needsOf(deploy.jobs.pin as Job)).toEqual(['validate', 'environments', 'image']);
    // When main refused the pin (it waits in a pull request), the first environment deploys main as pushed.
    expect(deploy.jobs.first?.with).toMatchObject({
      environment: '${{ needs.environments.outputs.first }}',
      'github-environment': '${{ fromJSON(needs.environments.outputs.github)[needs.environments.outputs.first] }}',
      ref: '${{ needs.pin.outputs.commit || github.sha }}',
    });
    // What the later environments deploy comes from the changes job (see deploy-scenario.integration.test.ts), not from before..HEAD.
    expect(deploy.jobs.changes?.permissions).toEqual({ contents: 'read', deployments: 'read' });
    expect(JSON.stringify(deploy)).not.toContain('github.event.before');
    const later = deploy.jobs.later as Job & { strategy: { 'max-parallel': number; 'fail-fast': boolean; matrix: { environment: string } } };
    expect(needsOf(later)).toEqual(expect.arrayContaining(['first', 'changes']));
    expect(later.strategy).toEqual({ 'max-parallel': 1, 'fail-fast': true, matrix: { environment: '${{ fromJSON(needs.changes.outputs.environments) }}' } });
    expect(later.with).toMatchObject({ environment: '${{ matrix.environment }}', ref: '${{ needs.pin.outputs.commit || github.sha }}' });
    expect(later.if).toMatch(/^!cancelled\(\) && /);
    for (const name of ['first', 'later', 'manual']) expect(deploy.jobs[name]?.permissions, name).toMatchObject({ 'id-token': 'write' });
    // A manual run deploys main, as its description says: any other branch is refused before anything runs.
    const refuse = deploy.jobs.validate?.steps?.[0];
    expect(refuse?.if).toBe("github.event_name == 'workflow_dispatch' && github.ref != 'refs/heads/main'");
    expect(refuse?.run).toMatch(/exit 1\n$/);
    // ... and only an environment of environments.yaml, in its GitHub environment.
    const read = (deploy.jobs.environments?.steps ?? []).find((s) => s.id === 'read');
    expect(read?.env).toEqual({ MANUAL: '${{ inputs.environment }}' });
    expect(read?.run).toContain('--require "$MANUAL"');
    expect(deploy.jobs.manual?.with).toMatchObject({
      environment: '${{ inputs.environment }}',
      'github-environment': '${{ fromJSON(needs.environments.outputs.github)[inputs.environment] }}',
    });
  });

  it('promote after a successful deploy run of the deploy workflow, each target in its own concurrency group', () => {
    const promote = workflow('promote.yml');
    const trigger = promote.on.workflow_run as { workflows: string[]; types: string[] };
    // workflow_run matches workflows by their name.
    expect(trigger.workflows).toEqual([workflow('deploy.yml').name]);
    expect(trigger.types).toEqual(['completed']);
    expect(promote.on).toHaveProperty('workflow_dispatch');
    expect(promote.jobs.chain?.if).toContain("github.event.workflow_run.conclusion == 'success'");
    const job = promote.jobs.promote as Job & { strategy: { matrix: { include: string } } };
    expect(needsOf(job)).toEqual(['chain']);
    expect(job.strategy.matrix.include).toBe('${{ fromJSON(needs.chain.outputs.promotions) }}');
    expect(job.concurrency).toEqual({ group: 'airflow-gitops-promote-${{ matrix.to }}', 'cancel-in-progress': false });
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    // The commit and the pull request are made through the API: the checkout keeps no credentials.
    const checkout = (job.steps ?? []).find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['persist-credentials']).toBe(false);
    const step = (job.steps ?? []).find((s) => s.uses === './');
    expect(step?.with?.token).toBe('${{ steps.app-token.outputs.token || secrets.PROMOTION_TOKEN || github.token }}');
    // The App token carries only the permissions a promotion needs.
    const app = (job.steps ?? []).find((s) => s.id === 'app-token');
    expect(Object.entries(app?.with ?? {}).filter(([name]) => name.startsWith('permission-'))).toEqual([
      ['permission-contents', 'write'],
      ['permission-pull-requests', 'write'],
    ]);
  });

  it('run the test suite in ci', () => {
    const ci = workflow('ci.yml');
    expect(ci.on).toHaveProperty('pull_request');
    const runs = Object.values(ci.jobs).flatMap((job) => (job.steps ?? []).map((s) => s.run));
    expect(runs).toContain('npm test');
  });

  it.each(files)('%s keeps expressions out of shell scripts (values go through env)', (file) => {
    for (const [name, job] of Object.entries(workflow(file).jobs)) {
      for (const step of job.steps ?? []) {
        if (step.run === undefined) continue;
        expect(step.run, `${file} job ${name}: an expression in run: is a script injection risk`).not.toMatch(/\$\{\{/);
      }
    }
  });
});
