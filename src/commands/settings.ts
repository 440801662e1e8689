/**
 * The one road to the engine's settings. The CLI parses argv into
 * `DeployOptions`, the action reads its inputs into the same type, and this
 * module checks every value once, quoting it and naming the option the way
 * the caller's entry names it (`--timeout` or `input 'timeout'`).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import { checkEnvironmentName, overlayDirFor } from '../overlays/environments.ts';
import { fieldManagerFor, type DeploySettings, type EngineSettings } from '../deploy/settings.ts';
import type { Revision } from '../deploy/tracking.ts';
import { defaultTimeouts } from '../kube/client.ts';

/** How an entry names one of its options in a message. */
export type OptionNamer = (option: string) => string;
export const flagName: OptionNamer = (option) => `--${option}`;

export type EngineOptions = {
  environment: string;
  overlay?: string;
  namespace?: string;
  kubeconfig?: string;
  context?: string;
  commit?: string;
  runUrl?: string;
  fieldManager?: string;
};

export type DeployOptions = EngineOptions & {
  forceConflicts?: boolean;
  recreateStatefulSets?: boolean;
  prune?: boolean;
  pruneSecrets?: boolean;
  prunePvcs?: boolean;
  wait?: boolean;
  /** A duration as written: 300, 300s or 5m. */
  timeout?: string;
  rollback?: boolean;
  dryRunAll?: boolean;
  /** Ask Airflow after the rollout whether it is healthy and imports the DAGs (deploy/health-gate.ts). */
  healthGate?: boolean;
  rotateFernetKey?: boolean;
  resizeVolumes?: boolean;
  /** Durations as written, like `timeout`: how long to wait for a connection, and for each answer. */
  connectTimeout?: string;
  requestTimeout?: string;
  stealLock?: boolean;
  adopt?: boolean;
  /** A file already rendered (`render -o`, or kustomize's output) to deploy instead of rendering the overlay. */
  rendered?: string;
};

export type Origin = { cwd: string; env: NodeJS.ProcessEnv; name?: OptionNamer };

const durationPattern = /^(\d+)(s|m)?$/;

/** Seconds in a duration written as 300, 300s or 5m; undefined when it is not one. */
export function durationSeconds(value: string): number | undefined {
  const match = durationPattern.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
}

function checkedDuration(value: string, name: OptionNamer, option: string): number {
  const seconds = durationSeconds(value);
  if (seconds === undefined) throw new UsageError(`${name(option)} ${JSON.stringify(value)} is not a duration like 300, 300s or 5m`);
  if (seconds <= 0) throw new UsageError(`${name(option)} must be more than 0`);
  return seconds;
}

/** The commit and run URL recorded on changed objects: as given, else from GitHub Actions' environment. */
function revisionFrom(options: EngineOptions, env: NodeJS.ProcessEnv, name: OptionNamer): Revision {
  const commit = options.commit ?? env.GITHUB_SHA;
  if (commit !== undefined && !/^[0-9a-f]{40}$/i.test(commit)) throw new UsageError(`${name('commit')} ${JSON.stringify(commit)} is not a full 40-character commit SHA`);
  let runUrl = options.runUrl;
  if (runUrl === undefined && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    runUrl = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  }
  if (runUrl !== undefined && !/^https?:\/\/[^\s"']+$/.test(runUrl)) throw new UsageError(`${name('run-url')} ${JSON.stringify(runUrl)} is not an http(s) URL`);
  return { commit: commit?.toLowerCase(), runUrl };
}

export function engineSettings(options: EngineOptions, origin: Origin): EngineSettings {
  const name = origin.name ?? flagName;
  const environment = checkEnvironmentName(options.environment);
  const fieldManager = options.fieldManager ?? fieldManagerFor(environment);
  if (!/^[A-Za-z0-9][-A-Za-z0-9_.]{0,127}$/.test(fieldManager)) throw new UsageError(`${name('field-manager')} ${JSON.stringify(fieldManager)} is not a valid field manager name`);
  const namespace = options.namespace;
  if (namespace !== undefined && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) throw new UsageError(`${name('namespace')} ${JSON.stringify(namespace)} is not a valid namespace name`);
  return {
    environment,
    repoRoot: origin.cwd,
    overlayDir: overlayDirFor(origin.cwd, environment, options.overlay),
    namespace,
    kubeconfig: options.kubeconfig,
    context: options.context,
    revision: revisionFrom(options, origin.env, name),
    fieldManager,
    env: origin.env,
  };
}

/** The rendered file as an absolute path; refused unless it is a readable file. */
function renderedFile(file: string | undefined, cwd: string, name: OptionNamer): string | undefined {
  if (file === undefined) return undefined;
  const path = resolve(cwd, file);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) throw new UsageError(`${name('rendered')} ${JSON.stringify(file)}: no such file`);
  if (!stat.isFile()) throw new UsageError(`${name('rendered')} ${JSON.stringify(file)} is not a file (a rendered YAML file is expected; give a folder with --overlay)`);
  return path;
}

export function deploySettings(options: DeployOptions, origin: Origin): DeploySettings {
  const name = origin.name ?? flagName;
  const timeoutSeconds = checkedDuration(options.timeout ?? '300', name, 'timeout');
  const timeouts = {
    connectMs: 1000 * checkedDuration(options.connectTimeout ?? `${defaultTimeouts.connectMs / 1000}s`, name, 'connect-timeout'),
    requestMs: 1000 * checkedDuration(options.requestTimeout ?? `${defaultTimeouts.requestMs / 1000}s`, name, 'request-timeout'),
  };
  return {
    ...engineSettings(options, origin),
    forceConflicts: options.forceConflicts ?? false,
    recreateStatefulSets: options.recreateStatefulSets ?? false,
    prune: options.prune ?? true,
    pruneSecrets: options.pruneSecrets ?? false,
    prunePvcs: options.prunePvcs ?? false,
    wait: options.wait ?? true,
    timeoutSeconds,
    rollback: options.rollback ?? false,
    dryRunAll: options.dryRunAll ?? false,
    healthGate: options.healthGate ?? true,
    rotateFernetKey: options.rotateFernetKey ?? false,
    resizeVolumes: options.resizeVolumes ?? false,
    timeouts,
    stealLock: options.stealLock ?? false,
    adopt: options.adopt ?? false,
    renderedFile: renderedFile(options.rendered, origin.cwd, name),
  };
}
