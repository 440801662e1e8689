// One container of a pod: its process, restarts and probes, as the kubelet
// runs them. The process runs in a process group of its own (stopping it
// stops its children: SIGTERM, then SIGKILL after the grace period). After an
// exit the restart policy decides; restarts wait 10 s, doubling up to 300 s,
// reset after 10 minutes of running (CrashLoopBackOff). Startup probe first;
// liveness and readiness only after it succeeded; a failed startup or
// liveness probe (failureThreshold in a row) kills the container; readiness
// switches `ready` after failureThreshold failures or successThreshold
// successes. Output goes to logs/<container>/<restart>.log in the pod folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { probeOnce, runWithDeadline, type ProbeTarget } from './probes.ts';
import type { Container, ContainerState, Probe } from './types.ts';

export interface Launch {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  uid?: number;
  gid?: number;
  rewrite: (text: string) => string;
  podIP: string;
  logDir: string;
  /** The signal that asks the container to stop (the image's STOPSIGNAL). */
  stopSignal?: NodeJS.Signals;
}

export type Report = (event: { reason: string; message: string; warning: boolean }) => void;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

const now = () => new Date().toISOString();

export class ContainerRunner {
  readonly spec: Container;
  state: ContainerState = { waiting: { reason: 'ContainerCreating' } };
  lastState: ContainerState = {};
  restartCount = 0;
  started = false;
  ready = false;
  finished = false;
  pid: number | undefined;
  private readonly launch: Launch;
  private readonly policy: string;
  private readonly onChange: () => void;
  private readonly report: Report;
  private readonly stopping = new AbortController();
  private child: ChildProcess | undefined;
  private probes: AbortController | undefined;
  private done: Promise<void> = Promise.resolve();

  constructor(spec: Container, launch: Launch, policy: string, onChange: () => void, report: Report) {
    this.spec = spec;
    this.launch = launch;
    this.policy = policy;
    this.onChange = onChange;
    this.report = report;
  }

  /** Starts the container's loop of runs and restarts; resolves when it ends for good. */
  start(): Promise<void> {
    this.done = this.loop();
    return this.done;
  }

  private async loop(): Promise<void> {
    let backoff = 10_000;
    while (!this.stopping.signal.aborted) {
      const startedAt = Date.now();
      const code = await this.runOnce();
      if (this.stopping.signal.aborted) break;
      const restart = this.policy === 'Always' || (this.policy === 'OnFailure' && code !== 0);
      if (!restart) break;
      if (Date.now() - startedAt > 600_000) backoff = 10_000;
      this.lastState = this.state;
      this.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${backoff / 1000}s restarting failed container=${this.spec.name}` } };
      this.report({ reason: 'BackOff', message: `Back-off restarting failed container ${this.spec.name}`, warning: true });
      this.onChange();
      await sleep(backoff, this.stopping.signal);
      backoff = Math.min(backoff * 2, 300_000);
      if (!this.stopping.signal.aborted) this.restartCount++;
    }
    this.finished = true;
    this.onChange();
  }

  private runOnce(): Promise<number> {
    const { argv, env, cwd, uid, gid, logDir } = this.launch;
    mkdirSync(join(logDir, this.spec.name), { recursive: true });
    const log = createWriteStream(join(logDir, this.spec.name, `${this.restartCount}.log`));
    log.on('error', () => {});
    const [file, ...args] = argv;
    return new Promise((resolve) => {
      const startedAt = now();
      const child = spawn(file ?? 'false', args, { env, cwd, uid, gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      this.child = child;
      this.pid = child.pid;
      child.stdout?.pipe(log, { end: false });
      child.stderr?.pipe(log, { end: false });
      let settled = false;
      const finish = (code: number, message?: string) => {
        if (settled) return;
        settled = true;
        this.probes?.abort();
        killGroup(child.pid, 'SIGKILL');
        this.started = false;
        this.ready = false;
        this.child = undefined;
        const reason = code === 0 ? 'Completed' : 'Error';
        this.state = { terminated: { exitCode: code, reason, startedAt, finishedAt: now(), ...(message ? { message } : {}) } };
        this.onChange();
        resolve(code);
      };
      // The log ends when both pipes are closed, after the last output.
      child.on('close', () => log.end());
      child.on('error', (error) => finish(128, error.message));
      child.on('exit', (code, signal) => finish(code ?? (signal === 'SIGKILL' ? 137 : 143)));
      this.state = { running: { startedAt } };
      this.report({ reason: 'Started', message: `Started container ${this.spec.name}`, warning: false });
      this.onChange();
      void this.runProbes();
    });
  }

  private target(): ProbeTarget {
    const ports = new Map((this.spec.ports ?? []).filter((p) => p.name).map((p) => [p.name ?? '', p.containerPort]));
    const { env, cwd, uid, gid, rewrite, podIP } = this.launch;
    return { podIP, ports, exec: (command, timeoutMs) => runWithDeadline(command.map(rewrite), { env, cwd, uid, gid }, timeoutMs) };
  }

  /** Runs `probe` every period until `signal` aborts; `onResult` gets each consecutive count. */
  private async probeLoop(kind: string, probe: Probe, signal: AbortSignal, onResult: (ok: boolean, streak: number) => boolean): Promise<void> {
    const target = this.target();
    await sleep((probe.initialDelaySeconds ?? 0) * 1000, signal);
    let last: boolean | undefined;
    let streak = 0;
    while (!signal.aborted) {
      const result = await probeOnce(probe, target);
      if (signal.aborted) return;
      streak = result.ok === last ? streak + 1 : 1;
      last = result.ok;
      if (!result.ok) this.report({ reason: 'Unhealthy', message: `${kind} probe failed: ${result.message}`, warning: true });
      if (!onResult(result.ok, streak)) return;
      await sleep((probe.periodSeconds ?? 10) * 1000, signal);
    }
  }

  private async runProbes(): Promise<void> {
    const probes = new AbortController();
    this.probes = probes;
    const { startupProbe, livenessProbe, readinessProbe } = this.spec;
    if (startupProbe) {
      let passed = false;
      await this.probeLoop('Startup', startupProbe, probes.signal, (ok, streak) => {
        if (ok) passed = true;
        else if (streak >= (startupProbe.failureThreshold ?? 3)) this.kill('failed startup probe, will be restarted');
        return !ok;
      });
      if (!passed || probes.signal.aborted) return;
    }
    this.started = true;
    this.onChange();
    if (livenessProbe) {
      void this.probeLoop('Liveness', livenessProbe, probes.signal, (ok, streak) => {
        if (!ok && streak >= (livenessProbe.failureThreshold ?? 3)) {
          this.kill('failed liveness probe, will be restarted');
          return false;
        }
        return true;
      });
    }
    if (!readinessProbe) {
      this.ready = true;
      this.onChange();
      return;
    }
    void this.probeLoop('Readiness', readinessProbe, probes.signal, (ok, streak) => {
      const threshold = ok ? (readinessProbe.successThreshold ?? 1) : (readinessProbe.failureThreshold ?? 3);
      if (streak >= threshold && this.ready !== ok) {
        this.ready = ok;
        this.onChange();
      }
      return true;
    });
  }

  private kill(why: string): void {
    this.report({ reason: 'Killing', message: `Container ${this.spec.name} ${why}`, warning: false });
    const pid = this.child?.pid;
    killGroup(pid, this.launch.stopSignal ?? 'SIGTERM');
    setTimeout(() => killGroup(pid, 'SIGKILL'), 30_000).unref();
  }

  /** Stops the container for good: SIGTERM, SIGKILL after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    this.stopping.abort();
    this.probes?.abort();
    const pid = this.child?.pid;
    if (pid) {
      killGroup(pid, this.launch.stopSignal ?? 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
      await this.done;
      clearTimeout(timer);
    }
    await this.done;
  }
}
