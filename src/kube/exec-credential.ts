/**
 * client.authentication.k8s.io exec plugins: managed clusters hand out
 * short-lived credentials through a helper program named in the kubeconfig.
 */
import { execa } from 'execa';
import { EnvironmentError } from '../errors.ts';

export type ExecConfig = {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[] | null;
  apiVersion?: string;
};

export async function runExecPlugin(
  config: ExecConfig,
  server: string,
  env: NodeJS.ProcessEnv,
): Promise<{ token?: string; cert?: Buffer; key?: Buffer }> {
  const apiVersion = config.apiVersion ?? 'client.authentication.k8s.io/v1';
  const extraEnv = Object.fromEntries((config.env ?? []).map((e) => [e.name, e.value]));
  const execInfo = { apiVersion, kind: 'ExecCredential', spec: { interactive: false, cluster: { server } } };
  const result = await execa(config.command, config.args ?? [], {
    env: { ...env, ...extraEnv, KUBERNETES_EXEC_INFO: JSON.stringify(execInfo) },
    reject: false,
    stdin: 'ignore',
  });
  if (result.exitCode !== 0) {
    // The plugin's stderr explains itself (expired log-in and the like); its stdout may hold a token, so it is not shown.
    throw new EnvironmentError(`kubeconfig exec plugin '${config.command}' failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  }
  let status: { token?: string; clientCertificateData?: string; clientKeyData?: string };
  try {
    status = (JSON.parse(result.stdout) as { status?: typeof status }).status ?? {};
  } catch {
    throw new EnvironmentError(`kubeconfig exec plugin '${config.command}' printed no ExecCredential JSON`);
  }
  return {
    token: status.token,
    cert: status.clientCertificateData ? Buffer.from(status.clientCertificateData) : undefined,
    key: status.clientKeyData ? Buffer.from(status.clientKeyData) : undefined,
  };
}
