// One probe attempt as the kubelet makes it: exec runs the command inside the
// container (its environment, paths and user) and succeeds on exit code 0;
// httpGet succeeds on a status from 200 to 399 and tcpSocket on a connection,
// both to the pod's address unless the probe names a host; each within
// timeoutSeconds (default 1), past which the attempt fails.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import type { Probe } from './types.ts';

export interface ProbeTarget {
  podIP: string;
  ports: Map<string, number>;
  exec(command: string[], timeoutMs: number): Promise<{ ok: boolean; output: string }>;
}

export interface ProbeResult {
  ok: boolean;
  message: string;
}

function port(target: ProbeTarget, value: number | string): number {
  if (typeof value === 'number') return value;
  const named = target.ports.get(value);
  if (named === undefined) throw new Error(`port ${value} is not a port of the container`);
  return named;
}

function httpProbe(probe: NonNullable<Probe['httpGet']>, target: ProbeTarget, timeoutMs: number): Promise<ProbeResult> {
  const host = probe.host ?? target.podIP;
  const p = port(target, probe.port);
  const path = probe.path ?? '/';
  return new Promise((resolve) => {
    const headers = Object.fromEntries((probe.httpHeaders ?? []).map((h) => [h.name, h.value]));
    const req = request({ host, port: p, path, method: 'GET', timeout: timeoutMs, headers: { 'user-agent': 'kube-probe/1.35', ...headers } }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      resolve({ ok: status >= 200 && status < 400, message: `HTTP probe failed with statuscode: ${status}` });
    });
    req.on('timeout', () => req.destroy(new Error(`Get "http://${host}:${p}${path}": context deadline exceeded`)));
    req.on('error', (error) => resolve({ ok: false, message: error.message }));
    req.end();
  });
}

function tcpProbe(probe: NonNullable<Probe['tcpSocket']>, target: ProbeTarget, timeoutMs: number): Promise<ProbeResult> {
  const host = probe.host ?? target.podIP;
  const p = port(target, probe.port);
  return new Promise((resolve) => {
    const socket = connect({ host, port: p, timeout: timeoutMs });
    socket.on('connect', () => {
      socket.destroy();
      resolve({ ok: true, message: '' });
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve({ ok: false, message: `dial tcp ${host}:${p}: i/o timeout` });
    });
    socket.on('error', (error) => resolve({ ok: false, message: error.message }));
  });
}

export async function probeOnce(probe: Probe, target: ProbeTarget): Promise<ProbeResult> {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  try {
    if (probe.exec) {
      const result = await target.exec(probe.exec.command, timeoutMs);
      return { ok: result.ok, message: result.output.trim().slice(-500) };
    }
    if (probe.httpGet) return await httpProbe(probe.httpGet, target, timeoutMs);
    if (probe.tcpSocket) return await tcpProbe(probe.tcpSocket, target, timeoutMs);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  return { ok: false, message: 'probe has no handler the runtime knows (grpc is not emulated)' };
}

/** Runs `argv` with a deadline; the whole process group is killed when it passes. */
export function runWithDeadline(argv: string[], options: { env: NodeJS.ProcessEnv; cwd: string; uid?: number; gid?: number }, timeoutMs: number): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const [file, ...args] = argv;
    if (!file) {
      resolve({ ok: false, output: 'empty command' });
      return;
    }
    const child = spawn(file, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      output += `\ncommand timed out after ${timeoutMs / 1000}s`;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, output: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, output });
    });
  });
}
