// Deploy of a 56-object overlay (test/fixtures/overlays/bench) against
// `kubectl apply --server-side -k` on the same local cluster, in the same run:
// cold (namespace and everything new) and no-op (nothing changed). Both sides
// run as fresh processes: ours is the CLI bundled as `npm run build` bundles
// dist/cli.js (what the npm bin and the action run), with --no-wait, as kubectl
// apply does not wait either (ours still dry-runs, prunes and records its inventory).
import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  await build({
    entryPoints: { cli: join(root, 'src', 'cli.ts') },
    bundle: true,
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

export default async function bench(only: string[]): Promise<Record<string, BenchResult>> {
  const names = ['deploy_cold_vs_kubectl_apply', 'deploy_noop_vs_kubectl_apply'];
  if (only.length > 0 && !names.some((n) => only.includes(n))) return {};
  cli = await bundleCli();
  const started = !(await clusterUp());
  if (started) await execa('bash', [join(root, 'hack', 'cluster', 'up.sh')], { stdio: 'inherit' });
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
    if (started) await execa('bash', [join(root, 'hack', 'cluster', 'down.sh')], { stdio: 'inherit' });
  }
  return {
    deploy_cold_vs_kubectl_apply: result(times.oursCold, times.refCold),
    deploy_noop_vs_kubectl_apply: result(times.oursNoop, times.refNoop),
  };
}
