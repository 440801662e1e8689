/**
 * The validator's settings file, `.airflow-gitops-validate.yaml` in the dags
 * folder (or the file given with --config). See docs/validate.md.
 *
 *   rules:                      # severity per rule id: error | warning | notice | off
 *     missing-schedule: error
 *   airflowignore_syntax: glob  # or regexp, like Airflow's [core] dag_ignore_file_syntax
 *   import:
 *     timeout_seconds: 30       # per file, like [core] dagbag_import_timeout
 *     parse_budget_seconds: 2   # warn (slow-parse) above this
 *     variables:                # stand-ins for Variables read at parse time
 *       sales_bucket: any       # (any: a placeholder value)
 *     connections:              # stand-ins for connections, as URIs
 *       warehouse: postgres://user:pass@db:5432/sales
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { UsageError } from '../errors.ts';
import type { IgnoreSyntax } from './files/airflowignore.ts';
import type { Severity } from './report.ts';

export const configFileName = '.airflow-gitops-validate.yaml';

/** Stand-in Variables and connections for the import check, by name (value `any`: a placeholder). */
export type StandIns = { variables: Map<string, string>; connections: Map<string, string> };

export type ValidateConfig = {
  severities: Map<string, Severity | 'off'>;
  ignoreSyntax: IgnoreSyntax;
  timeoutSeconds: number;
  parseBudgetSeconds: number;
  standIns: StandIns;
};

export const defaultConfig: ValidateConfig = {
  severities: new Map(),
  ignoreSyntax: 'glob',
  timeoutSeconds: 30,
  parseBudgetSeconds: 2,
  standIns: { variables: new Map(), connections: new Map() },
};

const freshConfig = (): ValidateConfig => ({ ...defaultConfig, severities: new Map(), standIns: { variables: new Map(), connections: new Map() } });

type Fail = (node: YamlNode | null | undefined, message: string) => never;

/** The config at `explicit`, else the one in the dags folder, else the defaults. */
export function loadConfig(dagsFolder: string, explicit: string | undefined): ValidateConfig {
  const path = explicit ?? join(dagsFolder, configFileName);
  if (!existsSync(path)) {
    if (explicit !== undefined) throw new UsageError(`config file ${explicit} does not exist`);
    return freshConfig();
  }
  return parseConfig(readFileSync(path, 'utf8'), path);
}

export function parseConfig(text: string, path: string): ValidateConfig {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const fail: Fail = (node, message) => {
    const offset = node?.range?.[0] ?? 0;
    throw new UsageError(`${path}:${lines.linePos(offset).line}: ${message}`);
  };
  if (document.errors.length > 0) {
    const [error] = document.errors;
    throw new UsageError(`${path}:${error?.linePos?.[0].line ?? 1}: invalid YAML: ${error?.message.split('\n')[0]}`);
  }
  const config = freshConfig();
  const root = document.contents;
  if (root === null) return config;
  if (!isMap(root)) return fail(root, 'expected a mapping with keys rules, airflowignore_syntax, import');
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    if (key === 'rules') {
      if (!isMap(value)) return fail(value, 'rules: expected a mapping of rule id to error, warning, notice or off');
      for (const rule of value.items) {
        const id = isScalar(rule.key) ? String(rule.key.value) : '';
        const severity = isScalar(rule.value) ? String(rule.value.value) : '';
        if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail(rule.key as YamlNode, `rules: '${id}' is not a rule id`);
        if (!['error', 'warning', 'notice', 'off'].includes(severity)) fail(rule.value as YamlNode, `rules: ${id}: '${severity}' is not one of error, warning, notice, off`);
        config.severities.set(id, severity as Severity | 'off');
      }
    } else if (key === 'airflowignore_syntax') {
      const syntax = isScalar(value) ? String(value.value) : '';
      if (syntax !== 'glob' && syntax !== 'regexp') fail(value, `airflowignore_syntax: '${syntax}' is not glob or regexp`);
      config.ignoreSyntax = syntax as IgnoreSyntax;
    } else if (key === 'import') {
      parseImportSection(value, config, fail);
    } else {
      fail(pair.key as YamlNode, `unknown setting '${key}' (expected rules, airflowignore_syntax or import)`);
    }
  }
  return config;
}

const importSettings = 'timeout_seconds, parse_budget_seconds, variables or connections';

function parseImportSection(value: YamlNode | null, config: ValidateConfig, fail: Fail): void {
  if (!isMap(value)) return fail(value, `import: expected a mapping with ${importSettings}`);
  for (const setting of value.items) {
    const name = isScalar(setting.key) ? String(setting.key.value) : '';
    const node = setting.value as YamlNode | null;
    if (name === 'variables' || name === 'connections') {
      parseStandIns(`import: ${name}`, node, config.standIns[name], fail);
      continue;
    }
    if (name !== 'timeout_seconds' && name !== 'parse_budget_seconds') fail(setting.key as YamlNode, `import: unknown setting '${name}' (expected ${importSettings})`);
    const number = isScalar(node) ? Number(node.value) : Number.NaN;
    if (!(number > 0)) fail(node, `import: ${name}: expected a positive number of seconds`);
    if (name === 'timeout_seconds') config.timeoutSeconds = number;
    else config.parseBudgetSeconds = number;
  }
}

/** `name: value` pairs; a name becomes part of an environment variable's name, so '=' and NUL are refused. */
function parseStandIns(where: string, value: YamlNode | null, into: Map<string, string>, fail: Fail): void {
  if (!isMap(value)) return fail(value, `${where}: expected a mapping of name to a stand-in value (or any)`);
  for (const pair of value.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const stand = pair.value as YamlNode | null;
    if (name === '' || /[=\0\s]/.test(name)) fail(pair.key as YamlNode, `${where}: '${name}' is not a usable name`);
    if (!isScalar(stand) || stand.value === null || typeof stand.value === 'object') return fail(stand, `${where}: ${name}: expected a value (a string, or any)`);
    into.set(name, String(stand.value));
  }
}
