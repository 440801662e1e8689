/**
 * After the rollout, ask Airflow itself whether the deployed DAGs work: the
 * health report (/api/v2/monitor/health: database, scheduler, triggerer,
 * dag-processor) and the import errors found since this deploy began. It
 * reaches the api-server through the Kubernetes API's service proxy, as a CI
 * runner can, logged in as `admin` with the password from the Secret
 * airflow-admin that the deploy generates. Overlays without the api-server
 * Service (or without that Secret) are not Airflow's: the gate passes.
 */
import type { KubeClient } from '../kube/client.ts';
import { isNotFound } from '../kube/errors.ts';
import type { KubeObject } from '../objects.ts';

const service = 'airflow-api-server';
const port = 'airflow-ui';
const adminSecret = 'airflow-admin';

type Health = Record<string, { status?: string | null } | undefined>;
type ImportError = { filename: string; bundle_name?: string | null; stack_trace: string; timestamp: string };
type Dag = { dag_id: string; last_parsed_time?: string | null };

/** `file:line: message` for an import error, from the last frame of its traceback that is in the file. */
export function describeImportError(error: Pick<ImportError, 'filename' | 'stack_trace'>): string {
  const lines = error.stack_trace.trim().split('\n');
  const message = lines.filter((l) => l.trim().length > 0 && !/^\s/.test(l)).pop() ?? lines.pop() ?? '';
  const base = error.filename.split('/').pop() ?? error.filename;
  let line: string | undefined;
  for (const l of lines) {
    const frame = /File "([^"]+)", line (\d+)/.exec(l);
    if (frame?.[1]?.endsWith(base)) line = frame[2];
  }
  return `${error.filename}${line ? `:${line}` : ''}: ${message.trim()}`;
}

function apiServerNamespace(desired: KubeObject[]): string | undefined {
  const found = desired.find((o) => o.kind === 'Service' && o.metadata.name === service);
  return found?.metadata.namespace;
}

class AirflowApi {
  private readonly client: KubeClient;
  private readonly base: string;
  private cookie = '';

  constructor(client: KubeClient, namespace: string) {
    this.client = client;
    this.base = `/api/v1/namespaces/${namespace}/services/${service}:${port}/proxy`;
  }

  async login(password: string): Promise<void> {
    const answer = await this.client.request<{ access_token: string }>('POST', `${this.base}/auth/token`, { body: { username: 'admin', password } });
    // A cookie, not an Authorization header: that one belongs to the Kubernetes API.
    this.cookie = `_token=${answer.access_token}`;
  }

  get<T>(path: string): Promise<T> {
    return this.client.request<T>('GET', `${this.base}${path}`, { headers: { cookie: this.cookie } });
  }
}

async function adminPassword(client: KubeClient, namespace: string): Promise<string | undefined> {
  try {
    const secret = await client.request<{ data?: Record<string, string> }>('GET', `/api/v1/namespaces/${namespace}/secrets/${adminSecret}`);
    const value = secret.data?.password;
    return value ? Buffer.from(value, 'base64').toString('utf8') : undefined;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

type Round = { unhealthy: string[]; errors: ImportError[]; reparsed: boolean };

async function round(api: AirflowApi, since: Date): Promise<Round> {
  const health = await api.get<Health>('/api/v2/monitor/health');
  const unhealthy = Object.entries(health)
    .filter(([, v]) => v?.status !== 'healthy')
    .map(([k, v]) => `${k}: ${v?.status ?? 'unknown'}`);
  const found = await api.get<{ import_errors: ImportError[] }>('/api/v2/importErrors?limit=1000');
  const errors = found.import_errors.filter((e) => new Date(e.timestamp) >= since);
  const dags = await api.get<{ dags: Dag[] }>('/api/v2/dags?limit=1000&exclude_stale=true');
  const reparsed = dags.dags.length > 0 && dags.dags.every((d) => d.last_parsed_time && new Date(d.last_parsed_time) >= since);
  return { unhealthy, errors, reparsed };
}

/**
 * Returns why the deployed Airflow is not healthy, or undefined when it is:
 * every component healthy, every DAG parsed again since `since` and no import
 * error since then. An import error fails at once; the rest is waited for
 * until `timeoutMs`.
 */
export async function airflowHealthGate(client: KubeClient, desired: KubeObject[], since: Date, timeoutMs: number, log: (line: string) => void): Promise<string | undefined> {
  const namespace = apiServerNamespace(desired);
  if (!namespace) return undefined;
  const password = await adminPassword(client, namespace);
  if (!password) {
    log(`health gate skipped: no Secret ${namespace}/${adminSecret} to log in with`);
    return undefined;
  }
  const api = new AirflowApi(client, namespace);
  const deadline = Date.now() + timeoutMs;
  let last: Round | undefined;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      await api.login(password);
      last = await round(api, since);
      if (last.errors.length > 0) {
        return `Airflow reports ${last.errors.length} import error(s) in the deployed DAGs:\n${last.errors.map((e) => `  ${describeImportError(e)}`).join('\n')}`;
      }
      if (last.unhealthy.length === 0 && last.reparsed) {
        log('healthy: Airflow reports every component healthy and no import error');
        return undefined;
      }
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  if (!last) return `Airflow's API did not answer through the service proxy within ${timeoutMs / 1000} s: ${lastError}`;
  if (last.unhealthy.length > 0) return `Airflow is not healthy after ${timeoutMs / 1000} s: ${last.unhealthy.join(', ')}`;
  log('healthy: every component healthy and no import error, though not every DAG was parsed again in time');
  return undefined;
}
