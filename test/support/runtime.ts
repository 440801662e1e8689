// Shared by the tests and the bench that run the template for real on the
// process runtime (hack/runtime): start and stop the runtime, a template
// repository whose DAGs git-sync (git, in the runtime) clones from a local
// folder, the CLI commands run in-process, and the Airflow REST API reached
// through the Kubernetes API's service proxy, as a CI runner would reach it.
import { execa } from 'execa';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run as bumpRun } from '../../src/commands/bump.ts';
import { run as deployRun } from '../../src/commands/deploy.ts';
import { KubeClient } from '../../src/kube/client.ts';
import { loadClusterAuth } from '../../src/kube/kubeconfig.ts';
import { clusterEnv, kubeconfigPath } from './cluster.ts';
import { repoRoot } from './paths.ts';
import { waitFor } from './wait.ts';

export interface Runtime {
  stateDir: string;
  node: string;
  logFile: string;
  stop(): Promise<void>;
}

/** Starts hack/runtime as a node of the test cluster that owns `namespaces`; resolves once it is ready. */
export async function startRuntime(namespaces: string[], node = `runtime-${process.pid}`): Promise<Runtime> {
  const stateDir = mkdtempSync(join(tmpdir(), 'process-runtime-'));
  const logFile = join(stateDir, 'runtime.log');
  const log = openSync(logFile, 'a');
  const args = [join(repoRoot, 'hack', 'runtime', 'main.ts'), '--kubeconfig', kubeconfigPath, '--state', stateDir, '--node', node];
  for (const ns of namespaces) args.push('--namespace', ns);
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', log, log] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await waitFor('the process runtime', async () => {
    if (child.exitCode !== null) throw new Error(`the process runtime exited: ${readFileSync(logFile, 'utf8')}`);
    return readFileSync(logFile, 'utf8').includes('process runtime ready') ? true : undefined;
  });
  return {
    stateDir,
    node,
    logFile,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      await exited;
      clearTimeout(timer);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

const git = (cwd: string, ...args: string[]) =>
  execa('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd });

export interface TemplateRepo {
  dir: string;
  /** Writes `files` (path -> text), commits them and returns the commit. */
  commit(files: Record<string, string>, message: string): Promise<string>;
  cleanup(): void;
}

/**
 * A copy of the template as a git repository, whose overlays/local reads its
 * DAGs from the repository itself (a file:// URL) and deploys into
 * `namespace` (a run of its own, which needs no clean-up of an earlier one).
 */
export async function templateRepo(namespace: string): Promise<TemplateRepo> {
  const dir = mkdtempSync(join(tmpdir(), 'template-repo-'));
  for (const part of ['base', 'components', 'overlays', 'dags']) cpSync(join(repoRoot, part), join(dir, part), { recursive: true });
  const environment = join(dir, 'overlays', 'local', 'environment.yaml');
  writeFileSync(environment, readFileSync(environment, 'utf8').replace(/dagRepo: .*/, `dagRepo: file://${dir}`));
  const kustomization = join(dir, 'overlays', 'local', 'kustomization.yaml');
  writeFileSync(kustomization, readFileSync(kustomization, 'utf8').replace(/^namespace: .*/m, `namespace: ${namespace}`));
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  const commit = async (files: Record<string, string>, message: string) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    await git(dir, 'add', '-A');
    await git(dir, 'commit', '--quiet', '--allow-empty', '-m', message);
    return (await git(dir, 'rev-parse', 'HEAD')).stdout.trim();
  };
  await commit({}, 'the template');
  return { dir, commit, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function command(run: typeof deployRun, args: string[], cwd: string): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const io = { stdout: (t: string) => chunks.push(t), stderr: (t: string) => chunks.push(t), env: clusterEnv(), cwd };
  const code = await run(args, io);
  return { code, out: chunks.join('') };
}

/** `bump local --ref <commit>` and commit the ref file, as the action does. */
export async function bumpLocal(repo: TemplateRepo, ref: string): Promise<void> {
  const bumped = await command(bumpRun, ['local', '--ref', ref], repo.dir);
  if (bumped.code !== 0) throw new Error(`bump: ${bumped.out}`);
  await repo.commit({}, `local: DAGs at ${ref}`);
}

export function deployLocal(repo: TemplateRepo, timeoutSeconds = 400, extra: string[] = []): Promise<{ code: number; out: string }> {
  return command(deployRun, ['local', '--timeout', String(timeoutSeconds), ...extra], repo.dir);
}

export async function kubeClient(): Promise<KubeClient> {
  return new KubeClient(await loadClusterAuth({ kubeconfig: kubeconfigPath, env: process.env }));
}

/** The Airflow REST API of `namespace`, through the service proxy, logged in as the generated admin. */
export class AirflowApi {
  private readonly client: KubeClient;
  private readonly base: string;
  private readonly namespace: string;
  private token = '';

  constructor(client: KubeClient, namespace: string) {
    this.client = client;
    this.namespace = namespace;
    this.base = `/api/v1/namespaces/${namespace}/services/airflow-api-server:airflow-ui/proxy`;
  }

  async login(): Promise<void> {
    const secret = await this.client.request<{ data: { password: string } }>('GET', `/api/v1/namespaces/${this.namespace}/secrets/airflow-admin`);
    const password = Buffer.from(secret.data.password, 'base64').toString('utf8');
    const answer = await this.client.request<{ access_token: string }>('POST', `${this.base}/auth/token`, { body: { username: 'admin', password } });
    this.token = answer.access_token;
  }

  private headers(): Record<string, string> {
    // A cookie, not an Authorization header: that one belongs to the
    // Kubernetes API when the kubeconfig holds a token.
    return { cookie: `_token=${this.token}` };
  }

  /** GET a JSON document of the REST API (path from /api/v2 on). */
  async get<T>(path: string): Promise<T> {
    return this.client.request<T>('GET', `${this.base}${path}`, { headers: this.headers() });
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.client.request<T>('POST', `${this.base}${path}`, { body, headers: this.headers() });
  }

  async patch<T>(path: string, body: unknown): Promise<T> {
    return this.client.request<T>('PATCH', `${this.base}${path}`, { body, headers: this.headers() });
  }

  async text(path: string, accept = 'text/plain'): Promise<string> {
    return this.client.requestText('GET', `${this.base}${path}`, { accept, headers: this.headers() });
  }
}
