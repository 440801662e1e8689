import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  fieldManagerFor
} from "./chunk-WZ76NZZT.js";
import {
  defaultTimeouts
} from "./chunk-R3FHXGE5.js";
import {
  checkEnvironmentName,
  overlayDirFor
} from "./chunk-C6Q5PNHF.js";
import {
  UsageError
} from "./chunk-VGK45RJW.js";

// src/commands/settings.ts
import { statSync } from "node:fs";
import { resolve } from "node:path";
var flagName = (option) => `--${option}`;
var durationPattern = /^(\d+)(s|m)?$/;
function durationSeconds(value) {
  const match = durationPattern.exec(value);
  if (!match) return void 0;
  return Number(match[1]) * (match[2] === "m" ? 60 : 1);
}
function checkedDuration(value, name, option) {
  const seconds = durationSeconds(value);
  if (seconds === void 0) throw new UsageError(`${name(option)} ${JSON.stringify(value)} is not a duration like 300, 300s or 5m`);
  if (seconds <= 0) throw new UsageError(`${name(option)} must be more than 0`);
  return seconds;
}
function revisionFrom(options, env, name) {
  const commit = options.commit ?? env.GITHUB_SHA;
  if (commit !== void 0 && !/^[0-9a-f]{40}$/i.test(commit)) throw new UsageError(`${name("commit")} ${JSON.stringify(commit)} is not a full 40-character commit SHA`);
  let runUrl = options.runUrl;
  if (runUrl === void 0 && env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    runUrl = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  }
  if (runUrl !== void 0 && !/^https?:\/\/[^\s"']+$/.test(runUrl)) throw new UsageError(`${name("run-url")} ${JSON.stringify(runUrl)} is not an http(s) URL`);
  return { commit: commit?.toLowerCase(), runUrl };
}
function engineSettings(options, origin) {
  const name = origin.name ?? flagName;
  const environment = checkEnvironmentName(options.environment);
  const fieldManager = options.fieldManager ?? fieldManagerFor(environment);
  if (!/^[A-Za-z0-9][-A-Za-z0-9_.]{0,127}$/.test(fieldManager)) throw new UsageError(`${name("field-manager")} ${JSON.stringify(fieldManager)} is not a valid field manager name`);
  const namespace = options.namespace;
  if (namespace !== void 0 && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) throw new UsageError(`${name("namespace")} ${JSON.stringify(namespace)} is not a valid namespace name`);
  return {
    environment,
    repoRoot: origin.cwd,
    overlayDir: overlayDirFor(origin.cwd, environment, options.overlay),
    namespace,
    kubeconfig: options.kubeconfig,
    context: options.context,
    revision: revisionFrom(options, origin.env, name),
    fieldManager,
    env: origin.env
  };
}
function renderedFile(file, cwd, name) {
  if (file === void 0) return void 0;
  const path = resolve(cwd, file);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === void 0) throw new UsageError(`${name("rendered")} ${JSON.stringify(file)}: no such file`);
  if (!stat.isFile()) throw new UsageError(`${name("rendered")} ${JSON.stringify(file)} is not a file (a rendered YAML file is expected; give a folder with --overlay)`);
  return path;
}
function deploySettings(options, origin) {
  const name = origin.name ?? flagName;
  const timeoutSeconds = checkedDuration(options.timeout ?? "300", name, "timeout");
  const timeouts = {
    connectMs: 1e3 * checkedDuration(options.connectTimeout ?? `${defaultTimeouts.connectMs / 1e3}s`, name, "connect-timeout"),
    requestMs: 1e3 * checkedDuration(options.requestTimeout ?? `${defaultTimeouts.requestMs / 1e3}s`, name, "request-timeout")
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
    renderedFile: renderedFile(options.rendered, origin.cwd, name)
  };
}

export {
  durationSeconds,
  engineSettings,
  deploySettings
};
