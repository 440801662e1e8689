// The Dockerfile, checked by reading it (no Docker here to build it): FROM the
// official image at the version base/kustomization.yaml pins, the lock
// installed with its hashes and nothing else, as the airflow user, no cache or
// lock left in a layer, and the lints hadolint would apply to these lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinnedAirflowVersion, repositoryDockerfile, runWords, type Instruction } from '../support/dockerfile.ts';
import { repoRoot } from '../support/paths.ts';

const instructions = repositoryDockerfile();
const at = (i: Instruction) => `Dockerfile:${i.line} ${i.keyword} ${i.args}`;
const runs = instructions.filter((i) => i.keyword === 'RUN');
const pipRuns = runs.filter((i) => /\bpip3? install\b/.test(i.args));

/** The USER in effect for each instruction (the official image starts as airflow). */
function usersAt(): Map<Instruction, string> {
  let user = 'airflow';
  const users = new Map<Instruction, string>();
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') user = 'airflow';
    if (instruction.keyword === 'USER') user = instruction.args.split(':')[0] ?? '';
    users.set(instruction, user);
  }
  return users;
}

describe('Dockerfile', () => {
  it('builds FROM apache/airflow at an ARG whose default is the version base/kustomization.yaml pins', () => {
    const from = instructions.filter((i) => i.keyword === 'FROM');
    expect(from.map((i) => i.args)).toEqual(['apache/airflow:${AIRFLOW_VERSION}']);
    const arg = instructions.find((i) => i.keyword === 'ARG' && i.args.startsWith('AIRFLOW_VERSION='));
    expect(arg, 'ARG AIRFLOW_VERSION=<version> before FROM').toBeDefined();
    expect(instructions.indexOf(arg as Instruction)).toBeLessThan(instructions.indexOf(from[0] as Instruction));
    expect(arg?.args).toBe(`AIRFLOW_VERSION=${pinnedAirflowVersion()}`);
    // Re-declared after FROM, so the version check in the stage sees it.
    expect(instructions.some((i) => i.keyword === 'ARG' && i.args === 'AIRFLOW_VERSION' && i.line > (from[0]?.line ?? 0))).toBe(true);
  });

  it('installs requirements.lock with its hashes, no dependency resolution and no cache, as the airflow user', () => {
    expect(pipRuns).toHaveLength(1);
    const run = pipRuns[0] as Instruction;
    const words = runWords(run);
    const install = words.slice(words.indexOf('install'));
    for (const flag of ['--no-cache-dir', '--no-deps', '--require-hashes']) expect(install, at(run)).toContain(flag);
    const file = install[install.indexOf('-r') + 1];
    // The lock comes in through a bind mount of this step only: it is in no layer.
    expect(run.args).toContain(`--mount=type=bind,source=requirements.lock,target=${file}`);
    expect(install.filter((w) => w === '-r' || w.startsWith('--requirement'))).toHaveLength(1);
    // Nothing besides the lock: no package named on the command line, no other index.
    const named = install.slice(1, install.indexOf('&&') > 0 ? install.indexOf('&&') : undefined).filter((w) => !w.startsWith('-') && w !== file);
    expect(named, at(run)).toEqual([]);
    expect(run.args).not.toMatch(/--(extra-)?index-url|--trusted-host|--upgrade|--pre\b/);
    expect(usersAt().get(run)).toBe('airflow');
    expect(run.args).toContain('test "$(airflow version)" = "${AIRFLOW_VERSION}"');
  });

  it('ends as the airflow user and passes the hadolint rules that apply to it', () => {
    const users = usersAt();
    expect(users.get(instructions.at(-1) as Instruction)).toBe('airflow');
    for (const instruction of instructions) {
      expect(instruction.keyword, at(instruction)).not.toBe('ADD'); // DL3020: COPY, not ADD
      expect(instruction.keyword, at(instruction)).not.toBe('MAINTAINER'); // DL4000
      if (instruction.keyword === 'FROM') expect(instruction.args, at(instruction)).not.toMatch(/:latest\b|^[^:]*$/); // DL3006, DL3007
    }
    for (const run of runs) {
      expect(run.args, at(run)).not.toMatch(/\bsudo\b/); // DL3004
      expect(run.args, at(run)).not.toMatch(/(^|&&|;)\s*cd\s/); // DL3003: WORKDIR, not cd
      if (/\bpip3? install\b/.test(run.args)) expect(run.args, at(run)).toContain('--no-cache-dir'); // DL3042
      expect(run.args, at(run)).not.toMatch(/\bapt-get\b|\bapk\b|\bcurl\b|\bwget\b/); // nothing fetched outside the lock
    }
    // DL3002: the last USER is not root.
    expect(instructions.filter((i) => i.keyword === 'USER').map((i) => i.args)).not.toContain('root');
  });

  it('sends only the lock as build context', () => {
    const ignore = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    expect(ignore).toEqual(['*', '!requirements.lock']);
  });
});
