/**
 * validateDags: the whole validation of a dags folder, as the CLI and the
 * GitHub Action run it. Discovery, then the static layer on every file, then
 * (when asked) the import layer on the files Airflow would import, then
 * suppressions and configured severities, into one sorted report.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.ts';
import { loadConfig, type ValidateConfig } from './config.ts';
import { explainMissingModules, findLockedModules, localModules } from './dependencies.ts';
import { discoverDagFiles } from './files/discover.ts';
import { airflowEnvironment } from './imports/environment.ts';
import { importFiles, importResult, type ResidentImports } from './imports/import-layer.ts';
import { compareFindings, severityRank, type Finding, type Report } from './report.ts';
import { readArchive, readSource, type Source } from './source.ts';
import { StaticCache, type FactsCache } from './static/cache.ts';
import { addRuffFindings, checkFile } from './static/check-file.ts';
import type { FileFacts } from './static/facts.ts';
import { nativeRuff } from './static/ruff-binary.ts';
import { lintAll, type LintOptions, type RuffProcess } from './static/ruff-process.ts';
import { folderRules } from './static/rules/index.ts';
import { explainMissingStandIns, standInEnvironment, standInsFingerprint } from './stand-ins.ts';
import { applySuppressions, suppressionsOf } from './suppressions.ts';

/**
 * The cache of both layers, relative to the working directory: the static
 * layer's `static.json` and the import layer's `imports/` folder.
 */
export const defaultCacheFolder = join('.cache', 'airflow-gitops', 'validate');

export type ValidateOptions = {
  dagsFolder: string;
  /** Also import every file with the real Airflow. */
  import?: boolean;
  /** A config file other than `<dagsFolder>/.airflow-gitops-validate.yaml`. */
  configFile?: string;
  /** The Python with Airflow installed; default: the project's .venv/airflow. */
  python?: string;
  /** Where results of both layers are cached (see defaultCacheFolder); null turns the cache off. */
  cacheFolder?: string | null;
  /**
   * The team's requirements.lock (its module map, requirements.modules.json, beside it), for
   * missing-dependency; default: the first one in the dags folder or above it, up to the
   * repository's root; null: none.
   */
  lock?: string | null;
  /** Parallel imports; default: one per core. */
  workers?: number;
  env?: NodeJS.ProcessEnv;
  /** What `validate --watch` keeps between runs: results in memory and a running Airflow worker. */
  resident?: Resident;
  /**
   * Import through a server that keeps Airflow loaded between runs, in the
   * cache folder (imports/server.ts); needs a cache folder. Default: off.
   */
  importServer?: boolean;
  /** Lint through a ruff process kept running between runs, in the cache folder (static/ruff-server.ts). Default: off. */
  ruffServer?: boolean;
};

export type Resident = { facts: FactsCache; imports: ResidentImports | null; ruff?: RuffProcess };

export async function validateDags(options: ValidateOptions): Promise<Report> {
  const dagsFolder = resolve(options.dagsFolder);
  if (!isDirectory(dagsFolder)) throw new UsageError(`${options.dagsFolder} is not a folder`);
  const config = loadConfig(dagsFolder, options.configFile);
  // Fail on a missing Airflow before the static layer spends any time.
  const environment = options.import ? airflowEnvironment(options.python) : null;
  const lockedModules = findLockedModules(dagsFolder, options.lock);

  const discovery = discoverDagFiles(dagsFolder, config.ignoreSyntax);
  const sources: Source[] = discovery.files.map((file) => (file.kind === 'zip' ? readArchive(file.path, file.absolute) : readSource(file.path, file.absolute)));
  const importOptions = environment === null ? null : {
    dagsFolder,
    environment,
    timeoutSeconds: config.timeoutSeconds,
    parseBudgetSeconds: config.parseBudgetSeconds,
    cacheFolder: options.cacheFolder === undefined ? null : options.cacheFolder,
    workers: options.workers,
    env: { ...(options.env ?? process.env), ...standInEnvironment(config.standIns) },
    cacheKey: standInsFingerprint(config.standIns),
    resident: options.resident?.imports ?? undefined,
    server: options.importServer ?? false,
  };
  const toImport = sources.filter((source) => source.airflowWillImport);
  // Airflow takes seconds to start: let it start while the static layer runs.
  const importing = importOptions === null ? null : importFiles(toImport, importOptions);
  importing?.catch(() => undefined);
  // One turn of the event loop, so that the import server's connection opens and takes the
  // files before the static layer holds the thread (with every file cached it never yields).
  if (importing !== null) await new Promise(setImmediate);

  const factsCache = options.resident?.facts ?? (options.cacheFolder ? new StaticCache(options.cacheFolder) : null);
  // Asked only when a file is linted: a run whose files are all cached spawns no `ruff --version`.
  const lint = async (): Promise<LintOptions> => ({
    native: await nativeRuff(options.env ?? process.env, environment?.python),
    resident: options.resident?.ruff,
    serverFolder: options.ruffServer && options.cacheFolder ? options.cacheFolder : null,
  });
  const facts = await staticFacts(sources, factsCache, importing !== null, lint);

  const files = [...facts.values()];
  const findings: Finding[] = [
    ...discovery.findings,
    ...files.flatMap((file) => file.findings),
    ...folderRules.flatMap((rule) => rule.check({ dagsFolder, sources, files, lockedModules })),
  ];
  const report: Report = { files: sources.length, findings };

  if (importing !== null && importOptions !== null) {
    const imported = importResult(toImport, await importing, facts, importOptions);
    const explained = explainMissingModules(explainMissingStandIns(imported.findings, findings), lockedModules, localModules(dagsFolder, lockedModules));
    findings.push(...withoutRepeats(explained, findings));
    findings.push(...withoutRepeats(importedDuplicates(imported.imported, facts), findings));
    report.imports = imported.imported;
  }

  const suppressions = new Map(sources.filter((source) => source.text !== null).map((source) => [source.path, suppressionsOf(source.text as string)]));
  report.findings = withConfiguredSeverities(applySuppressions(dedupe(findings), suppressions), config).sort(compareFindings);
  return report;
}

/**
 * The static layer's facts of every readable file: from the cache where the
 * file is unchanged, else from tree-sitter here and ruff in a child process
 * (the native ruff, or the WebAssembly build) at the same time.
 */
async function staticFacts(sources: Source[], cache: FactsCache | null, yieldBetweenFiles: boolean, lint: () => Promise<LintOptions>): Promise<Map<string, FileFacts>> {
  const facts = new Map<string, FileFacts>();
  const toCheck: Source[] = [];
  for (const source of sources) {
    if (source.text === null && source.findings.length === 0) continue;
    const cached = cache?.get(source.path, source.sha256) ?? null;
    if (cached === null) toCheck.push(source);
    else facts.set(source.path, cached);
  }
  const inputs = toCheck.flatMap(({ path, text, absolute, stamp }) => (text === null ? [] : [{ path, text, absolute, stamp }]));
  // `ruff --version` (a few milliseconds) runs beside the tree-sitter work below.
  const linting = inputs.length === 0 ? Promise.resolve(new Map<string, Finding[]>()) : lint().then((options) => lintAll(inputs, options));
  linting.catch(() => undefined);
  const checked: FileFacts[] = [];
  for (const source of toCheck) {
    checked.push(await checkFile(source));
    // Let the import workers' replies in between files, so they do not wait for the whole static layer.
    if (yieldBetweenFiles) await new Promise(setImmediate);
  }
  const ruff = await linting;
  for (const [index, file] of checked.entries()) {
    addRuffFindings(file, ruff.get(file.path) ?? []);
    cache?.set(file.path, (toCheck[index] as Source).sha256, file);
    facts.set(file.path, file);
  }
  cache?.save();
  // The report lists files in the order they were found.
  return new Map(sources.flatMap((source) => { const file = facts.get(source.path); return file ? [[source.path, file] as const] : []; }));
}

/** A dag_id loaded by two files replaces the other in Airflow's database. */
function importedDuplicates(imported: { file: string; dagIds: string[] }[], facts: Map<string, FileFacts>): Finding[] {
  const firstFile = new Map<string, string>();
  const findings: Finding[] = [];
  for (const { file, dagIds } of [...imported].sort((a, b) => a.file.localeCompare(b.file))) {
    for (const dagId of new Set(dagIds)) {
      const first = firstFile.get(dagId);
      if (first === undefined) {
        firstFile.set(dagId, file);
        continue;
      }
      const place = facts.get(file)?.dagIds.find((site) => site.dagId === dagId)?.place ?? { line: 1, column: null };
      findings.push({ file, line: place.line, column: place.column, severity: 'error', rule: 'duplicate-dag-id', layer: 'import',
        message: `Airflow loaded dag_id '${dagId}' from this file and from ${first}: one replaces the other` });
    }
  }
  return findings;
}

/**
 * Import findings that only repeat a static finding on the same line, at
 * the same or a higher severity: the static message is the more precise one.
 */
function withoutRepeats(importFindings: Finding[], staticFindings: Finding[]): Finding[] {
  return importFindings.filter((candidate) => !staticFindings.some((known) =>
    known.file === candidate.file && known.line === candidate.line && (known.rule === candidate.rule || severityRank[known.severity] <= severityRank[candidate.severity])));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = JSON.stringify([finding.file, finding.line, finding.column, finding.rule, finding.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function withConfiguredSeverities(findings: Finding[], config: ValidateConfig): Finding[] {
  return findings.flatMap((finding) => {
    const configured = config.severities.get(finding.rule);
    if (configured === undefined) return [finding];
    return configured === 'off' ? [] : [{ ...finding, severity: configured }];
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
