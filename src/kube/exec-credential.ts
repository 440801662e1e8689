/**
 * client.authentication.k8s.io exec plugins: managed clusters hand out
 * short-lived credentials through a helper program named in the kubeconfig.
 * The plugin runs in a process group of its own, so that a plugin that hangs
 * (waiting for a browser log-in, a frozen metadata server) is killed with every
 * process it started once the exec timeout passes or the command gives up.
 */
import { EnvironmentError } from '../errors.ts';

export type ExecConfig = {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[] | null;
  apiVersion?: string;
};

export type ExecLimits = { timeoutMs: number; signal?: AbortSignal };

/** SIGKILL to the whole group: a plugin's children (a shell script's curl) must not outlive it. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

async function runPlugin(config: ExecConfig, env: NodeJS.ProcessEnv, limits: ExecLimits) {
  // Loaded here: most kubeconfigs name no plugin, and every command that connects would load execa otherwise.
  const { execa } = await import('execa');
  const child = execa(config.command, config.args ?? [], { env, reject: false, stdin: 'ignore', detached: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, limits.timeoutMs);
  const abort = () => killGroup(child.pid);
  limits.signal?.addEventListener('abort', abort, { once: true });
  try {
    const result = await child;
    return { result, timedOut };
  } finally {
    clearTimeout(timer);
    limits.signal?.removeEventListener('abort', abort);
  }
}

export async function runExecPlugin(
  config: ExecConfig,
  server: string,
  env: NodeJS.ProcessEnv,
  limits: ExecLimits,
): Promise<{ token?: string; cert?: Buffer; key?: Buffer }> {
  const apiVersion = config.apiVersion ?? 'client.authentication.k8s.io/v1';
  const extraEnv = Object.fromEntries((config.env ?? []).map((e) => [e.name, e.value]));
  const execInfo = { apiVersion, kind: 'ExecCredential', spec: { interactive: false, cluster: { server } } };
  const name = `kubeconfig exec plugin '${config.command}'`;
  const { result, timedOut } = await runPlugin(config, { ...env, ...extraEnv, KUBERNETES_EXEC_INFO: JSON.stringify(execInfo) }, limits);
  limits.signal?.throwIfAborted();
  if (timedOut) throw new EnvironmentError(`${name} did not finish within ${limits.timeoutMs / 1000} s (the request timeout): it was stopped`);
  if (result.exitCode === undefined) {
    const code = (result.cause as NodeJS.ErrnoException | undefined)?.code;
    const why = code === 'ENOENT' ? 'no such program (is it installed and on PATH?)' : code === 'EACCES' ? 'not executable' : String(result.shortMessage);
    throw new EnvironmentError(`${name} could not be started: ${why}`);
  }
  if (result.exitCode !== 0) {
    // The plugin's stderr explains itself (expired log-in and the like); its stdout may hold a token, so it is not shown.
    throw new EnvironmentError(`${name} failed (exit ${result.exitCode}): ${String(result.stderr).trim()}`);
  }
  let status: { token?: string; clientCertificateData?: string; clientKeyData?: string };
  try {
    status = (JSON.parse(String(result.stdout)) as { status?: typeof status }).status ?? {};
  } catch {
    throw new EnvironmentError(`${name} printed no ExecCredential JSON`);
  }
  return {
    token: status.token,
    cert: status.clientCertificateData ? Buffer.from(status.clientCertificateData) : undefined,
    key: status.clientKeyData ? Buffer.from(status.clientKeyData) : undefined,
  };
}
