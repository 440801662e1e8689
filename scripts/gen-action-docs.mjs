// Writes the action's inputs and outputs, read from action.yml, into README.md
// between <!-- action-docs:start --> and <!-- action-docs:end -->, so the README
// cannot drift from action.yml. Without the markers, a section "Action inputs
// and outputs" holding them is added at the end.
//
//   node scripts/gen-action-docs.mjs            update README.md
//   node scripts/gen-action-docs.mjs --check    fail if README.md is stale
//   --readme FILE / --action FILE               other files (for tests)
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const start = '<!-- action-docs:start -->';
const end = '<!-- action-docs:end -->';

function cell(text) {
  return String(text).replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ').trim();
}

export function renderActionDocs(actionText) {
  const action = parse(actionText);
  const lines = [
    start,
    '<!-- generated from action.yml by scripts/gen-action-docs.mjs: edit action.yml, then run it -->',
    '',
    '### Inputs',
    '',
    '| name | required | default | description |',
    '| --- | --- | --- | --- |',
  ];
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    const fallback = input.default === undefined ? '' : `\`${cell(input.default)}\``;
    lines.push(`| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${fallback} | ${cell(input.description ?? '')} |`);
  }
  lines.push('', '### Outputs', '', '| name | description |', '| --- | --- |');
  for (const [name, output] of Object.entries(action.outputs ?? {})) lines.push(`| \`${name}\` | ${cell(output.description ?? '')} |`);
  lines.push(end);
  return lines.join('\n');
}

export function withActionDocs(readme, block) {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from >= 0 && to > from) return `${readme.slice(0, from)}${block}${readme.slice(to + end.length)}`;
  if (from >= 0 || to >= 0) throw new Error(`README has only one of the markers ${start} and ${end}`);
  return `${readme.replace(/\n*$/, '\n')}\n## Action inputs and outputs\n\n${block}\n`;
}

const { values } = parseArgs({ options: { check: { type: 'boolean' }, readme: { type: 'string' }, action: { type: 'string' } } });
const readmePath = values.readme ?? 'README.md';
const readme = readFileSync(readmePath, 'utf8');
const updated = withActionDocs(readme, renderActionDocs(readFileSync(values.action ?? 'action.yml', 'utf8')));
if (values.check) {
  if (updated !== readme) {
    console.error(`${readmePath} is stale: its action inputs and outputs differ from action.yml; run 'node scripts/gen-action-docs.mjs'`);
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  console.log(`updated ${readmePath}`);
}
