/**
 * The Secrets Airflow's pods read, which environment variable fills each key,
 * and which keys the deploy may generate. Generated keys are created once,
 * when missing, and then kept: a new fernet key would make every stored
 * connection password unreadable, a new JWT or API secret would log out and
 * break running task instances.
 */
export type KeySource =
  | { env: string; generate?: undefined }
  | { env: string; generate: 'fernet' | 'token' };

export type SecretSpec = { name: string; keys: Record<string, KeySource> };

export const secretCatalog: SecretSpec[] = [
  {
    name: 'airflow-secrets',
    keys: {
      'fernet-key': { env: 'AIRFLOW_GITOPS_FERNET_KEY', generate: 'fernet' },
      'jwt-secret': { env: 'AIRFLOW_GITOPS_JWT_SECRET', generate: 'token' },
      'api-secret-key': { env: 'AIRFLOW_GITOPS_API_SECRET_KEY', generate: 'token' },
    },
  },
  // The databases run inside the environment, so their passwords may be generated too.
  { name: 'airflow-postgresql', keys: { password: { env: 'AIRFLOW_GITOPS_POSTGRES_PASSWORD', generate: 'token' } } },
  { name: 'airflow-redis', keys: { password: { env: 'AIRFLOW_GITOPS_REDIS_PASSWORD', generate: 'token' } } },
  // The password of the `admin` login (base/api-server), which the deploy's health gate uses too.
  { name: 'airflow-admin', keys: { password: { env: 'AIRFLOW_GITOPS_ADMIN_PASSWORD', generate: 'token' } } },
  // What Airflow authenticates to PgBouncer with (components/pgbouncer).
  { name: 'airflow-pgbouncer', keys: { password: { env: 'AIRFLOW_GITOPS_PGBOUNCER_PASSWORD', generate: 'token' } } },
  {
    name: 'airflow-git-ssh',
    keys: { 'ssh-privatekey': { env: 'AIRFLOW_GITOPS_GIT_SSH_KEY' }, known_hosts: { env: 'AIRFLOW_GITOPS_GIT_KNOWN_HOSTS' } },
  },
  { name: 'airflow-git-https', keys: { username: { env: 'AIRFLOW_GITOPS_GIT_USERNAME' }, token: { env: 'AIRFLOW_GITOPS_GIT_TOKEN' } } },
];
