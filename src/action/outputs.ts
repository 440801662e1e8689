/**
 * The action's outputs. A command collects them into one object and the entry
 * sets them once, at the end, through the secret mask. `outputNames` is what
 * action.yml declares (a test keeps the two equal).
 */
import type { SecretMask } from '../secrets/mask.ts';

export const outputNames = [
  'findings',
  'errors',
  'warnings',
  'report-file',
  'ref',
  'previous-ref',
  'changed',
  'commit',
  'image',
  'rendered-file',
  'objects',
  'applied',
  'pruned',
  'unchanged',
  'branch',
  'pull-request-number',
  'pull-request-url',
  'pull-request-operation',
  'environments',
] as const;

export type OutputName = (typeof outputNames)[number];
export type ActionOutputs = Partial<Record<OutputName, string | number | boolean>>;

export function setOutputs(outputs: ActionOutputs, mask: SecretMask, setOutput: (name: string, value: string) => void): void {
  for (const name of outputNames) {
    const value = outputs[name];
    if (value !== undefined) setOutput(name, mask.mask(String(value)));
  }
}
