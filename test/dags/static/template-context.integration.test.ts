/**
 * The template rules checked against the real Airflow: the fixture DAG of
 * template-needs-logical-date and the variables of template-context.ts are
 * rendered by Airflow 3's own task runner (test/support/render_templates.py)
 * in a run with a logical date and in a manual run without one. Each warning
 * the static rule gives names a task whose rendering fails in the manual run
 * as predicted; what the rules offer instead renders.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { logicalDateVariables, removedVariables } from '../../../src/dags/static/template-context.ts';
import { repoRoot } from '../../support/paths.ts';
import { fixtureFindings, ruleFixtures, runAirflowPython, temporaryFolder, type FixtureFinding } from '../../support/dags.ts';

type Outcome = { ok: true; fields: Record<string, string> } | { ok: false; error: string };
type Rendered = { with: Outcome; without: Outcome };
type Result = { tasks: Record<string, Rendered>; templates: Record<string, Rendered> };
type Output = { files: Record<string, Record<string, Rendered>>; templates: Record<string, Rendered> };

const dagFile = join(ruleFixtures, 'template-needs-logical-date', 'manual.py');
/** The `{{ ... }}` / `{% ... %}` parts of an advice text, as whole templates. */
const templatesIn = (advice: string) => [...advice.matchAll(/\{\{.*?\}\}|\{%.*?%\}.*?\{%.*?%\}/g)].map((match) => match[0].replace('…', 'x'));
/** Airflow asks its API server for the previous successful run: not there in this test. */
const needsServer = (name: string) => name.startsWith('prev_data_interval');

let result: Result;
let example: Result;
let warnings: FixtureFinding[];

beforeAll(async () => {
  const templates = [
    ...Object.keys(removedVariables).map((name) => `{{ ${name} }}`),
    ...Object.values(removedVariables).flatMap(templatesIn),
    ...Object.keys(logicalDateVariables).map((name) => `{{ ${name} }}`),
    ...Object.values(logicalDateVariables).flatMap(templatesIn),
  ];
  const request = join(temporaryFolder('render-templates'), 'templates.json');
  writeFileSync(request, JSON.stringify(templates));
  // One Airflow process for both DAG files: starting Airflow is most of the time.
  const exampleFile = join(repoRoot, 'dags', 'example_bash.py');
  const output = runAirflowPython(join(repoRoot, 'test', 'support', 'render_templates.py'), [request, dagFile, exampleFile]) as Output;
  result = { tasks: output.files[dagFile] ?? {}, templates: output.templates };
  example = { tasks: output.files[exampleFile] ?? {}, templates: {} };
  warnings = (await fixtureFindings('template-needs-logical-date')).filter((finding) => finding.file === 'manual.py');
}, 600_000);

const failure = (outcome: Outcome) => (outcome.ok ? 'rendered' : outcome.error);

describe('template-needs-logical-date against Airflow 3', () => {
  it('warns about tasks whose rendering fails in a manual run, naming the variable Airflow reports undefined', () => {
    const lines = readFileSync(dagFile, 'utf8').split('\n');
    const taskAt = (line: number) => lines.slice(0, line).reverse().map((text) => /task_id="(\w+)"/.exec(text)?.[1]).find(Boolean) as string;
    const warned = new Map<string, string[]>();
    for (const warning of warnings) {
      const task = taskAt(warning.line);
      warned.set(task, [...(warned.get(task) ?? []), /^`(\w+)`/.exec(warning.message)?.[1] as string]);
    }
    expect([...warned.keys()].sort()).toEqual(['ds', 'interval', 'logical_date', 'previous', 'ts']);
    for (const [task, names] of warned) {
      const rendered = result.tasks[task] as Rendered;
      expect(failure(rendered.without), task).toMatch(new RegExp(`^UndefinedError: '(${names.join('|')})' is undefined$`));
      if (!names.some(needsServer)) expect(rendered.with.ok, task).toBe(true);
    }
  });

  it('warns about a template file whose rendering fails in a manual run', () => {
    const rendered = result.tasks.script as Rendered;
    expect(failure(rendered.without)).toBe("UndefinedError: 'ds' is undefined");
    expect(rendered.with.ok && rendered.with.fields.bash_command).toContain('load-orders --day "2026-03-01"');
  });

  it('leaves alone the tasks that render in both runs', () => {
    for (const task of ['safe', 'tested', 'default']) {
      const rendered = result.tasks[task] as Rendered;
      expect([rendered.with.ok, rendered.without.ok], task).toEqual([true, true]);
    }
  });

  it.each(Object.keys(logicalDateVariables))('%s is undefined without a logical date, and its null-safe form renders', (name) => {
    const rendered = result.templates[`{{ ${name} }}`] as Rendered;
    expect(failure(rendered.without)).toBe(`UndefinedError: '${name}' is undefined`);
    if (!needsServer(name)) expect(rendered.with.ok).toBe(true);
    for (const template of templatesIn(logicalDateVariables[name] as string)) {
      // It renders, and not to "None" (what a date filter given None renders).
      const without = (result.templates[template] as Rendered).without;
      expect(without.ok ? without.fields.doc !== 'None' : failure(without), template).toBe(true);
    }
  });
});

describe('the example DAG with a templated field', () => {
  it('renders every task in a scheduled run and in a manual run without a logical date', () => {
    expect(Object.keys(example.tasks).length).toBeGreaterThan(0);
    for (const [task, rendered] of Object.entries(example.tasks)) expect([failure(rendered.with), failure(rendered.without)], task).toEqual(['rendered', 'rendered']);
    const report = example.tasks.report?.without;
    expect(report?.ok && report.fields.bash_command).toBe('echo "report for 2026-03-02 on $(hostname)"');
  });
});

describe('removed-template-variable against Airflow 3', () => {
  it.each(Object.keys(removedVariables))('%s is undefined even with a logical date, and its replacement renders', (name) => {
    expect(failure((result.templates[`{{ ${name} }}`] as Rendered).with)).toBe(`UndefinedError: '${name}' is undefined`);
    for (const template of templatesIn(removedVariables[name] as string)) {
      const rendered = (result.templates[template] as Rendered).with;
      expect(rendered.ok || needsServer(template.slice(3)) ? 'ok' : failure(rendered), template).toBe('ok');
    }
  });
});
