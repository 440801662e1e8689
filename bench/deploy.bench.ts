// Deploy of a 56-object overlay (test/fixtures/overlays/bench) against
// `kubectl apply --server-side -k` on the same local cluster, in the same run,
// and of a generated 1,000-object overlay against `kubectl apply --server-side
// -f` of the same overlay's rendered file (each run's peak memory reported):
// cold (namespace and everything new) and no-op (nothing changed). Both sides
// run as fresh processes: ours is the CLI bundled as `npm run build` bundles
// dist/cli.js (what the npm bin and the action run), with --no-wait, as kubectl
// apply does not wait either (ours still dry-runs, prunes and records its inventory).
// At 1,000 objects ours deploys the rendered file kubectl applies (`--rendered`), and,
// reported beside it, the overlay itself (kustomize included).
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BenchResult } from './run.ts';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const bin = join(root, '.cluster', 'bin');
const kubeconfig = join(root, '.cluster', 'kubeconfig');
const env = { ...process.env, KUBECONFIG: kubeconfig, PATH: `${bin}:${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` };
const fixture = join(root, 'test', 'fixtures', 'overlays', 'bench');
const rounds = 7;

async function clusterUp(): Promise<boolean> {
  const ready = await execa(join(bin, 'kubectl'), ['--kubeconfig', kubeconfig, 'get', '--raw', '/readyz'], { reject: false, timeout: 5_000 });
  return ready.exitCode === 0;
}

function overlayFor(namespace: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-overlay-'));
  writeFileSync(join(dir, 'kustomization.yaml'), `namespace: ${namespace}\nresources:\n  - ${relative(dir, fixture)}\n`);
  return dir;
}

async function timed(command: string, args: string[]): Promise<number> {
  const start = performance.now();
  const result = await execa(command, args, { env, cwd: root, reject: false });
  const seconds = (performance.now() - start) / 1000;
  if (result.exitCode !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return seconds;
}

const bundleDir = join(root, 'bench', 'work', 'deploy');

/** The CLI bundled with the same esbuild settings as scripts/build.mjs, into bench/work (not dist/). */
async function bundleCli(): Promise<string> {
  rmSync(bundleDir, { recursive: true, force: true });
  await build({
    // cli.js loads cli-main.js beside it (see src/cli.ts).
    entryPoints: { cli: join(root, 'src', 'cli.ts'), 'cli-main': join(root, 'src', 'cli-main.ts') },
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    outdir: bundleDir,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return join(bundleDir, 'cli.js');
}

let cli = '';
const ours = (dir: string) => timed(process.execPath, [cli, 'deploy', 'bench', '--overlay', dir, '--no-wait']);
const kubectl = (dir: string) => timed(join(bin, 'kubectl'), ['--kubeconfig', kubeconfig, 'apply', '--server-side', '-k', dir]);

/** Untimed: waits until the namespace's Deployments are available and its pods settled. */
async function settle(namespace: string): Promise<void> {
  const args = ['--kubeconfig', kubeconfig, 'wait', '--for=condition=Available', '--timeout=120s', 'deployment', '--all', '-n', namespace];
  await execa(join(bin, 'kubectl'), args, { reject: false });
  await new Promise((resolve) => setTimeout(resolve, 500));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function result(o: number[], r: number[]): BenchResult {
  const ours_s = median(o);
  const reference_s = median(r);
  return { ours_s, reference_s, ratio: ours_s / reference_s };
}

/** The 1,000 objects: 800 ConfigMaps, 100 ServiceAccounts, 50 headless Services, 29 Roles, 20 Deployments and the Namespace. */
function thousandObjects(): string {
  const docs: string[] = ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: placeholder\n'];
  const n = (i: number) => String(i).padStart(3, '0');
  for (let i = 0; i < 800; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-${n(i)}\ndata:\n  LOG_LEVEL: info\n  INDEX: "${i}"\n`);
  for (let i = 0; i < 100; i++) docs.push(`apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: account-${n(i)}\n`);
  for (let i = 0; i < 50; i++) docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: service-${n(i)}\nspec:\n  clusterIP: None\n  selector: {app: worker-${n(i % 20)}}\n  ports: [{port: 8080}]\n`);
  for (let i = 0; i < 29; i++) docs.push(`apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader-${n(i)}\nrules:\n  - {apiGroups: [""], resources: [configmaps], verbs: [get, list]}\n`);
  for (let i = 0; i < 20; i++) {
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker-${n(i)}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: worker-${n(i)}}}\n` +
        `  template:\n    metadata: {labels: {app: worker-${n(i)}}}\n    spec:\n      serviceAccountName: account-${n(i)}\n` +
        `      containers: [{name: worker, image: "registry.k8s.io/pause:3.10", envFrom: [{configMapRef: {name: settings-${n(i)}}}]}]\n`,
    );
  }
  return docs.join('---\n');
}

const thousandDir = join(root, 'bench', 'work', 'deploy-1000');

/** An overlay of the 1,000 objects in `namespace`, and its rendered file (what kubectl applies). */
async function thousandOverlay(namespace: string): Promise<{ dir: string; rendered: string }> {
  mkdirSync(join(thousandDir, 'base'), { recursive: true });
  writeFileSync(join(thousandDir, 'base', 'objects.yaml'), thousandObjects());
  writeFileSync(join(thousandDir, 'base', 'kustomization.yaml'), 'resources:\n  - objects.yaml\n');
  const dir = join(thousandDir, namespace);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kustomization.yaml'), `namespace: ${namespace}\nresources:\n  - ../base\n`);
  const rendered = join(thousandDir, `${namespace}.yaml`);
  await execa(process.execPath, [cli, 'render', 'bench', '--overlay', dir, '-o', rendered], { env, cwd: root });
  return { dir, rendered };
}

// Peak memory of a child: the kernel keeps the largest resident set of the waited-for children.
const rssProbe = 'import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)';

async function timedWithMemory(command: string, args: string[]): Promise<{ seconds: number; rssMb: number }> {
  const start = performance.now();
  const result = await execa('python3', ['-c', rssProbe, command, ...args], { env, cwd: root, reject: false });
  const seconds = (performance.now() - start) / 1000;
  if (result.exitCode !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  const kb = Number(String(result.stderr).trim().split('\n').pop());
  return { seconds, rssMb: kb / 1024 };
}

type Measured = { seconds: number; rssMb: number };

function resultWithMemory(o: Measured[], r: Measured[]): BenchResult & { ours_max_rss_mb: number; reference_max_rss_mb: number } {
  return {
    ...result(o.map((m) => m.seconds), r.map((m) => m.seconds)),
    ours_max_rss_mb: Math.max(...o.map((m) => m.rssMb)),
    reference_max_rss_mb: Math.max(...r.map((m) => m.rssMb)),
  };
}

async function deleteNamespaces(names: string[], wait: boolean): Promise<void> {
  const args = ['--kubeconfig', kubeconfig, 'delete', 'namespace', `--wait=${wait}`, '--timeout=300s', '--ignore-not-found', ...names];
  await execa(join(bin, 'kubectl'), args, { reject: false });
}

type Contender = 'ours' | 'overlay' | 'ref';

/**
 * 1,000 objects, cold and no-op, ours (--no-wait) against kubectl apply --server-side -f, each on its
 * own namespace's rendered file: ours deploys that file (`--rendered`), as kubectl does; `overlay` is
 * ours rendering the overlay with kustomize first (a cost kubectl -f does not pay), reported beside.
 */
async function thousand(): Promise<Record<string, BenchResult>> {
  const cold: Record<Contender, Measured[]> = { ours: [], overlay: [], ref: [] };
  const noop: Record<Contender, Measured[]> = { ours: [], overlay: [], ref: [] };
  const all: string[] = [];
  const orders: Contender[][] = [['ours', 'overlay', 'ref'], ['ref', 'ours', 'overlay'], ['overlay', 'ref', 'ours']];
  try {
    for (let round = -1; round < 3; round++) {
      const names = { ours: `bench1k-ours-${randomBytes(3).toString('hex')}`, overlay: `bench1k-overlay-${randomBytes(3).toString('hex')}`, ref: `bench1k-kubectl-${randomBytes(3).toString('hex')}` };
      all.push(...Object.values(names));
      const [mine, rendering, theirs] = [await thousandOverlay(names.ours), await thousandOverlay(names.overlay), await thousandOverlay(names.ref)];
      const runs: Record<Contender, () => Promise<Measured>> = {
        ours: () => timedWithMemory(process.execPath, [cli, 'deploy', 'bench', '--overlay', mine.dir, '--rendered', mine.rendered, '--no-wait']),
        overlay: () => timedWithMemory(process.execPath, [cli, 'deploy', 'bench', '--overlay', rendering.dir, '--no-wait']),
        ref: () => timedWithMemory(join(bin, 'kubectl'), ['--kubeconfig', kubeconfig, 'apply', '--server-side', '--field-manager=bench', '-f', theirs.rendered]),
      };
      // Rotate who goes first, so that none always meets a busier API server.
      for (const who of orders[(round + 3) % 3] ?? []) {
        const first = await runs[who]();
        await settle(names[who]);
        const second = await runs[who]();
        // Every run on stderr, with the load average, so that a median can be checked against its parts.
        console.error(`  1,000 objects, round ${round}, ${who}: cold ${first.seconds.toFixed(2)} s, no-op ${second.seconds.toFixed(2)} s (load ${loadavg()[0]?.toFixed(2)})`);
        if (round < 0) continue;
        cold[who].push(first);
        noop[who].push(second);
      }
      await deleteNamespaces(Object.values(names), true);
    }
  } finally {
    await deleteNamespaces(all, false);
  }
  return {
    deploy_1000_cold_vs_kubectl_apply: resultWithMemory(cold.ours, cold.ref),
    deploy_1000_noop_vs_kubectl_apply: resultWithMemory(noop.ours, noop.ref),
    deploy_1000_overlay_cold_vs_kubectl_apply: resultWithMemory(cold.overlay, cold.ref),
    deploy_1000_overlay_noop_vs_kubectl_apply: resultWithMemory(noop.overlay, noop.ref),
  };
}

export default async function bench(only: string[]): Promise<Record<string, BenchResult>> {
  const names = ['deploy_cold_vs_kubectl_apply', 'deploy_noop_vs_kubectl_apply'];
  const thousandNames = ['deploy_1000_cold_vs_kubectl_apply', 'deploy_1000_noop_vs_kubectl_apply', 'deploy_1000_overlay_cold_vs_kubectl_apply', 'deploy_1000_overlay_noop_vs_kubectl_apply'];
  const wanted = (list: string[]) => only.length === 0 || list.some((n) => only.includes(n));
  if (!wanted(names) && !wanted(thousandNames)) return {};
  cli = await bundleCli();
  if (!wanted(names)) return withCluster(thousand);
  const small = await withCluster(() => fiftySix());
  return wanted(thousandNames) ? { ...small, ...(await withCluster(thousand)) } : small;
}

async function withCluster<T>(work: () => Promise<T>): Promise<T> {
  const started = !(await clusterUp());
  if (started) await execa('bash', [join(root, 'hack', 'cluster', 'up.sh')], { stdio: 'inherit' });
  try {
    return await work();
  } finally {
    if (started) await execa('bash', [join(root, 'hack', 'cluster', 'down.sh')], { stdio: 'inherit' });
  }
}

async function fiftySix(): Promise<Record<string, BenchResult>> {
  const namespaces: string[] = [];
  const times = { oursCold: [] as number[], oursNoop: [] as number[], refCold: [] as number[], refNoop: [] as number[] };
  try {
    // One untimed round each, so disk caches (kubectl's discovery cache, node's compile cache) are warm for both.
    for (let round = -1; round < rounds; round++) {
      const a = `bench-ours-${randomBytes(3).toString('hex')}`;
      const b = `bench-kubectl-${randomBytes(3).toString('hex')}`;
      namespaces.push(a, b);
      const oursDir = overlayFor(a);
      const refDir = overlayFor(b);
      // Alternate who goes first, so neither always meets a busier API server.
      const pair = round % 2 === 0 ? [['ours', oursDir], ['ref', refDir]] : [['ref', refDir], ['ours', oursDir]];
      for (const [who, dir] of pair as [string, string][]) {
        const run = who === 'ours' ? ours : kubectl;
        const namespace = who === 'ours' ? a : b;
        const cold = await run(dir);
        // A no-op deploy meets a settled environment, not controllers still busy with the cold one.
        await settle(namespace);
        const noop = await run(dir);
        if (round < 0) continue;
        (who === 'ours' ? times.oursCold : times.refCold).push(cold);
        (who === 'ours' ? times.oursNoop : times.refNoop).push(noop);
      }
      // Give pods and names back as we go (a long run must not fill the fake nodes), and wait until
      // they are gone, so the namespace controller's clean-up does not run during the next round.
      await execa(join(bin, 'kubectl'), ['--kubeconfig', kubeconfig, 'delete', 'namespace', '--wait=true', '--timeout=120s', a, b], { reject: false });
    }
  } finally {
    await execa(join(bin, 'kubectl'), ['--kubeconfig', kubeconfig, 'delete', 'namespace', '--wait=false', ...namespaces], { reject: false });
  }
  return {
    deploy_cold_vs_kubectl_apply: result(times.oursCold, times.refCold),
    deploy_noop_vs_kubectl_apply: result(times.oursNoop, times.refNoop),
  };
}
