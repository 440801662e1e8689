// What stands in for each image, and its entrypoint semantics. A registry
// cannot be reached here, so each image is replaced by local programs:
//   apache/airflow   the locked venv (.venv/airflow); the image's entrypoint
//                    runs `airflow <args>`, or the program itself when the
//                    first arg is bash or python; `command` replaces it
//   postgres         Debian's PostgreSQL, through images/postgres-entrypoint
//   redis            Debian's redis-server, through images/redis-server
//   git-sync         git itself, through git-sync.ts (git-sync v4's layout)
//   edoburu/pgbouncer    Debian's PgBouncer, through images/pgbouncer
//   prom/statsd-exporter the statsd exporter built from its Go module
//                        (.cache/bin), through images/statsd-exporter
// Each keeps the image's environment that matters (AIRFLOW_HOME, HOME, PATH).
// The official Airflow image also ships the git provider (GitDagBundle) and
// the statsd client: they come from .venv/airflow-extras, beside the venv,
// when scripts/test.sh has installed it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Image {
  /** The program and arguments for a container's command and args. */
  argv(command: string[] | undefined, args: string[] | undefined): string[];
  /** The image's own environment (before the container's). */
  env: Record<string, string>;
  /** Paths inside the image that are writable per container (-> a folder of the container). */
  writable: string[];
  workingDir: string;
  /** Run as this user when the runtime runs as root (PostgreSQL refuses root). */
  user?: string;
  /** Its program reads /etc/hosts itself, not through nss_wrapper (launch.ts gives it the pod's). */
  readsEtcHosts?: boolean;
  /** The image's STOPSIGNAL, when not SIGTERM. */
  stopSignal?: NodeJS.Signals;
}

const here = import.meta.dirname;
export const runtimeHome = here;
const systemPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const statsdExporter = join(here, '..', '..', '.cache', 'bin', 'statsd_exporter');

/** PYTHONPATH of the Airflow image: the runtime's sitecustomize, then the image's extra packages. */
function airflowPythonPath(venv: string): string {
  const extras = join(dirname(venv), 'airflow-extras');
  return [join(here, 'python'), ...(existsSync(extras) ? [extras] : [])].join(':');
}

/** The two images of the optional components (components/pgbouncer, components/metrics). */
function componentImage(name: string): Image | undefined {
  if (name === 'edoburu/pgbouncer') {
    if (!existsSync('/usr/sbin/pgbouncer')) throw new Error('PgBouncer is not installed (Debian package pgbouncer; scripts/test.sh installs it)');
    return {
      // The image's entrypoint writes pgbouncer.ini from environment
      // variables; that is not emulated: `command` names the program.
      argv: (command, args) => {
        const argv = [...(command ?? []), ...(args ?? [])];
        return argv.length > 0 ? argv : ['pgbouncer', '/etc/pgbouncer/pgbouncer.ini'];
      },
      env: { PATH: `${join(here, 'images')}:${systemPath}` },
      writable: ['/tmp'],
      workingDir: '/',
      // PgBouncer refuses to run as root.
      user: 'postgres',
      // It resolves the database's name with c-ares.
      readsEtcHosts: true,
    };
  }
  if (name === 'prom/statsd-exporter') {
    if (!existsSync(statsdExporter)) throw new Error(`${statsdExporter} is missing (scripts/test.sh builds it from its Go module)`);
    return {
      argv: (command, args) => (command && command.length > 0 ? [...command, ...(args ?? [])] : [join(here, 'images', 'statsd-exporter'), ...(args ?? [])]),
      env: { PATH: systemPath, STATSD_EXPORTER: statsdExporter },
      writable: ['/tmp'],
      workingDir: '/',
    };
  }
  return undefined;
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const version = versions.find((v) => existsSync(join(root, v, 'bin', 'postgres')));
  if (!version) throw new Error('PostgreSQL is not installed (Debian package postgresql; scripts/test.sh installs it)');
  return join(root, version, 'bin');
}

export function imageFor(image: string, venv: string): Image {
  const name = image.replace(/[:@].*$/, '').replace(/^docker\.io\/(library\/)?/, '');
  if (name === 'apache/airflow') {
    return {
      argv: (command, args) => {
        if (command && command.length > 0) return [...command, ...(args ?? [])];
        const a = args ?? [];
        if (a[0] === 'bash' || a[0] === 'python' || a[0] === 'airflow') return a;
        return ['airflow', ...a];
      },
      env: { AIRFLOW_HOME: '/opt/airflow', HOME: '/home/airflow', PATH: `${join(venv, 'bin')}:${systemPath}`, LANG: 'C.UTF-8', PYTHONPATH: airflowPythonPath(venv) },
      writable: ['/opt/airflow', '/home/airflow', '/tmp'],
      workingDir: '/opt/airflow',
    };
  }
  if (name === 'postgres') {
    return {
      argv: (command, args) => (command && command.length > 0 ? [...command, ...(args ?? [])] : [join(here, 'images', 'postgres-entrypoint'), ...(args ?? [])]),
      env: { PATH: `${postgresBin()}:${systemPath}`, PGDATA: '/var/lib/postgresql/data', LANG: 'C.UTF-8' },
      writable: ['/tmp', '/var/lib/postgresql'],
      workingDir: '/',
      user: 'postgres',
      // The postgres image stops with SIGINT, PostgreSQL's fast shutdown; on
      // SIGTERM it would wait for every client to leave, up to the grace period.
      stopSignal: 'SIGINT',
    };
  }
  if (name === 'redis') {
    return {
      argv: (command, args) => (command && command.length > 0 ? [...command, ...(args ?? [])] : ['redis-server', ...(args ?? [])]),
      env: { PATH: `${join(here, 'images')}:${systemPath}` },
      writable: ['/tmp', '/data'],
      workingDir: '/data',
    };
  }
  if (name === 'registry.k8s.io/git-sync/git-sync') {
    return {
      argv: () => [process.execPath, join(here, 'git-sync.ts')],
      env: { HOME: '/tmp', PATH: systemPath },
      writable: ['/tmp'],
      workingDir: '/',
    };
  }
  const component = componentImage(name);
  if (component) return component;
  throw new Error(`image ${image}: the process runtime has no stand-in for it (ErrImagePull)`);
}

/** uid and gid of a local user, for containers that must not run as root. */
export function localUser(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** The nss_wrapper library that gives each process the pod's hosts file and hostname. */
export function nssWrapper(): string {
  for (const dir of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib']) {
    const file = join(dir, 'libnss_wrapper.so');
    if (existsSync(file)) return file;
  }
  throw new Error('libnss_wrapper.so not found (Debian package libnss-wrapper; scripts/test.sh installs it)');
}
