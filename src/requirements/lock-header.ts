/**
 * The header of requirements.lock records what the lock was resolved from:
 * the requirement lines of requirements.txt (and their digest), the Airflow
 * pin and the base lock's sha256. Comparing it with the files as they are now
 * tells a stale lock, and why, without the network or Python.
 */
import { UsageError } from '../errors.ts';
import { normalizedName, type Requirement } from './requirements-file.ts';

/** What a lock is resolved from. */
export type LockInputs = {
  /** requirements.txt's requirement lines, as parseRequirements returns them. */
  requirements: Pick<Requirement, 'name' | 'text'>[];
  requirementsDigest: string;
  airflow: string;
  baseLockSha256: string;
};

const marker = '# resolved-from';

export function renderHeader(inputs: LockInputs, names: { requirements: string; kustomization: string; baseLock: string }): string {
  return [
    '# Every package the Airflow image and the import check install, Airflow\'s and the',
    `# DAGs' (${names.requirements}), pinned with hashes: pip install --require-hashes --no-deps -r requirements.lock.`,
    `# Written by \`npx airflow-gitops lock\`: change ${names.requirements} and lock again, do not edit.`,
    `${marker} requirements ${inputs.requirementsDigest}`,
    `${marker} airflow ${inputs.airflow}`,
    `${marker} base-lock ${inputs.baseLockSha256}`,
    ...inputs.requirements.map((requirement) => `${marker} requirement ${requirement.text}`),
    '',
  ].join('\n');
}

/** The inputs a lock's header records; `path` names the lock in errors. */
export function readHeader(lockText: string, path: string): LockInputs {
  const recorded: LockInputs = { requirements: [], requirementsDigest: '', airflow: '', baseLockSha256: '' };
  for (const line of lockText.split('\n')) {
    if (!line.startsWith('#')) break;
    if (!line.startsWith(`${marker} `)) continue;
    const [key = '', ...rest] = line.slice(marker.length + 1).split(' ');
    const value = rest.join(' ');
    if (key === 'requirements') recorded.requirementsDigest = value;
    else if (key === 'airflow') recorded.airflow = value;
    else if (key === 'base-lock') recorded.baseLockSha256 = value;
    else if (key === 'requirement') recorded.requirements.push({ name: normalizedName(/^[A-Za-z0-9._-]*/.exec(value)?.[0] ?? value), text: value });
  }
  if (recorded.requirementsDigest === '' || recorded.airflow === '' || recorded.baseLockSha256 === '') {
    throw new UsageError(`${path} has no '${marker}' header (it was not written by \`npx airflow-gitops lock\`): run \`npx airflow-gitops lock\``);
  }
  return recorded;
}

/** What changed between the recorded inputs and the current ones, one sentence each; empty when the lock is current. */
export function staleness(recorded: LockInputs, current: LockInputs, names: { requirements: string; kustomization: string; baseLock: string }): string[] {
  const reasons: string[] = [];
  const before = new Map(recorded.requirements.map((requirement) => [requirement.name, requirement.text]));
  const now = new Map(current.requirements.map((requirement) => [requirement.name, requirement.text]));
  for (const [name, text] of now) {
    const old = before.get(name);
    if (old === undefined) reasons.push(`requirement added in ${names.requirements}: ${text}`);
    else if (old !== text) reasons.push(`requirement changed in ${names.requirements}: ${old} -> ${text}`);
  }
  for (const [name, text] of before) if (!now.has(name)) reasons.push(`requirement removed from ${names.requirements}: ${text}`);
  if (reasons.length === 0 && recorded.requirementsDigest !== current.requirementsDigest) reasons.push(`the requirement lines of ${names.requirements} changed (order or spelling)`);
  if (recorded.airflow !== current.airflow) reasons.push(`Airflow pin changed in ${names.kustomization}: the lock is for apache-airflow ${recorded.airflow}, the pin is now ${current.airflow}`);
  if (recorded.baseLockSha256 !== current.baseLockSha256) reasons.push(`${names.baseLock} changed since the lock was resolved`);
  return reasons;
}
