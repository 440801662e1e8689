// Does components/pgbouncer, as rendered for prod, really carry Airflow's
// connections? Real PgBouncer and PostgreSQL from Debian (the image runs
// PgBouncer too, a newer release): the rendered init script writes the user
// list and [databases] from the rendered airflow-config, PgBouncer runs with
// the rendered pgbouncer.ini (only its paths and port moved to the test's
// folder), and Airflow 3.3's own CLI migrates through the session pool, as
// the migrate-db Job does, then reads and writes through the transaction pool,
// as every other component does. The PostgreSQL password never reaches
// Airflow: it knows only PgBouncer's.
import { execa, type ResultPromise } from 'execa';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { container, envValue, generatedConfigMap, workload, type Container } from '../support/template/model.ts';
import { renderOverlay } from '../support/template/render.ts';
import {
  airflowBin, airflowExtras, airflowPython, asServerUser, freePort, postgresBin, requireFile, serverDir, serverFile, startPostgres, waitForPort, type Postgres,
} from '../support/template/processes.ts';

const pgbouncerBinary = '/usr/sbin/pgbouncer';

function mountPath(c: Container, volume: string): string {
  const found = c.volumeMounts?.find((m) => m.name === volume)?.mountPath;
  if (found === undefined) throw new Error(`${c.name} mounts no ${volume}`);
  return found;
}

describe('PgBouncer as components/pgbouncer renders it (prod)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pgbouncer-'));
  const dbPassword = randomBytes(24).toString('base64url');
  const clientPassword = randomBytes(24).toString('base64url');
  let pg: Postgres | undefined;
  let pgbouncer: ResultPromise | undefined;
  let port = 0;
  let config: Record<string, string> = {};
  let migrateConn = '';

  beforeAll(async () => {
    requireFile(pgbouncerBinary, 'apt-get install pgbouncer (scripts/test.sh does)');
    requireFile(join(airflowExtras, 'psycopg2'), 'scripts/test.sh installs test/support/template/airflow-extras.txt into .venv/airflow-extras');
    chmodSync(dir, 0o711);
    const objects = await renderOverlay('prod');
    config = generatedConfigMap(objects, 'airflow-config').data;
    const ini = generatedConfigMap(objects, 'airflow-pgbouncer-config').data['pgbouncer.ini'] ?? '';
    const pod = workload(objects, 'Deployment', 'airflow-pgbouncer').spec.template.spec;
    const init = container(pod, 'pgbouncer-config');
    const main = container(pod, 'pgbouncer');
    migrateConn = envValue(container(workload(objects, 'Job', 'airflow-migrate-db').spec.template.spec, 'airflow'), 'AIRFLOW__DATABASE__SQL_ALCHEMY_CONN') ?? '';

    pg = await startPostgres(dir, config.AIRFLOW_DATABASE_USER ?? '', dbPassword, config.AIRFLOW_DATABASE_NAME ?? '');

    // The secret volumes and the run volume, where the pod mounts them, moved here.
    const runDir = serverDir(dir, 'run');
    const secrets = serverDir(dir, 'secrets');
    expect(envValue(init, 'RUN_DIR')).toBe(mountPath(init, 'run'));
    expect(mountPath(init, 'postgresql-password')).toBe(`${envValue(init, 'PASSWORD_FILES_DIR')}/postgresql`);
    expect(mountPath(init, 'pgbouncer-password')).toBe(`${envValue(init, 'PASSWORD_FILES_DIR')}/pgbouncer`);
    for (const [name, value] of [['postgresql', dbPassword], ['pgbouncer', clientPassword]] as const) {
      mkdirSync(join(secrets, name));
      serverFile(join(secrets, name, 'password'), value);
    }
    if (process.getuid?.() === 0) await execa('chown', ['-R', '65534:65534', secrets]);
    const script = init.args?.[0] ?? '';
    const written = await execa(...asServerUser('sh', ['-c', script]), {
      reject: false,
      env: { ...config, AIRFLOW_DATABASE_HOST: '127.0.0.1', AIRFLOW_DATABASE_PORT: String(pg.port), PASSWORD_FILES_DIR: secrets, RUN_DIR: runDir },
    });
    expect(written.exitCode, written.stderr).toBe(0);

    port = await freePort();
    const iniPath = join(runDir, 'pgbouncer.ini');
    const relocated = ini.replaceAll(mountPath(main, 'run'), runDir).replace(/^listen_port = 6432$/m, `listen_port = ${port}`).replace(/^listen_addr = .*$/m, 'listen_addr = 127.0.0.1');
    expect(relocated).toContain(`auth_file = ${runDir}/userlist.txt`);
    serverFile(iniPath, relocated);
    expect(main.command?.slice(0, 1)).toEqual(['pgbouncer']);
    pgbouncer = execa(...asServerUser(pgbouncerBinary, [iniPath]), { reject: false });
    await waitForPort(port, pgbouncer, 'pgbouncer');
  }, 120_000);

  afterAll(() => {
    pgbouncer?.kill();
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The environment an Airflow container gets, the PgBouncer Service moved to loopback. */
  function airflowEnv(conn: string): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      AIRFLOW_HOME: mkdtempSync(join(dir, 'airflow-home-')),
      PYTHONPATH: airflowExtras,
      AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
      AIRFLOW__CORE__FERNET_KEY: randomBytes(32).toString('base64url') + '=',
      AIRFLOW_DATABASE_USER: config.AIRFLOW_DATABASE_USER,
      AIRFLOW_PGBOUNCER_PASSWORD: clientPassword,
      AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: conn.replace('@airflow-pgbouncer:6432/', `@127.0.0.1:${port}/`),
    };
  }

  async function psql(database: string, user: string, password: string, sql: string) {
    return execa(join(postgresBin(), 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-Atc', sql], { env: { PGPASSWORD: password }, reject: false });
  }

  it('offers the transaction-pooled and the session-pooled database, to PgBouncer\'s password alone', async () => {
    const user = config.AIRFLOW_DATABASE_USER ?? '';
    for (const database of ['airflow', 'airflow-session']) {
      const ok = await psql(database, user, clientPassword, 'select current_database()');
      expect(ok.stdout, ok.stderr).toBe(config.AIRFLOW_DATABASE_NAME);
    }
    const refused = await psql('airflow', user, dbPassword, 'select 1');
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/authentication failed/);
  });

  it('lets Airflow migrate the schema through the session pool, as the migrate-db Job does', async () => {
    expect(migrateConn).toContain('@airflow-pgbouncer:6432/airflow-session?');
    const migrated = await execa(airflowBin, ['db', 'migrate'], { env: airflowEnv(migrateConn), extendEnv: false, reject: false });
    expect(migrated.exitCode, migrated.stderr.slice(-2000)).toBe(0);
    const version = await psql('airflow', config.AIRFLOW_DATABASE_USER ?? '', clientPassword, 'select version_num from alembic_version');
    expect(version.stdout, version.stderr).toMatch(/^[0-9a-f]{12}$/);
  }, 300_000);

  it('serves the other components through the transaction pool: the migration check, and reads and writes with Airflow\'s ORM', async () => {
    const conn = config.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN ?? '';
    expect(conn).toContain('@airflow-pgbouncer:6432/airflow?');
    const env = airflowEnv(conn);
    const checked = await execa(airflowBin, ['db', 'check-migrations', '--migration-wait-timeout', '10'], { env, extendEnv: false, reject: false });
    expect(checked.exitCode, checked.stderr.slice(-2000)).toBe(0);
    const script = [
      'from airflow.models import Variable',
      'Variable.set("through_pgbouncer", "yes")',
      'print(Variable.get("through_pgbouncer"))',
    ].join('\n');
    const orm = await execa(airflowPython, ['-c', script], { env, extendEnv: false, reject: false });
    expect(orm.exitCode, orm.stderr.slice(-2000)).toBe(0);
    expect(orm.stdout.trim().split('\n').pop()).toBe('yes');
  }, 180_000);
});
