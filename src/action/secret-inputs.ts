/**
 * Hides the secret inputs before the action does anything else. The runner
 * masks log lines one at a time, so a multi-line secret (an SSH key) is
 * registered line by line; a kubeconfig is mostly harmless structure
 * ("kind: Config"), so only its credential values are registered, unless it
 * does not parse, when every non-trivial line and every long word is. The same fragments go into a
 * SecretMask that filters the outputs and the job summary as well.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { SecretMask } from '../secrets/mask.ts';
import { secretInputNames } from './settings.ts';
import { Inputs } from './inputs.ts';

const kubeconfigCredentialKeys = new Set(['token', 'client-key-data', 'client-certificate-data', 'password', 'username', 'id-token', 'refresh-token', 'client-secret', 'access-token', 'value']);

function credentialValues(node: YamlNode | null | undefined, underCredentialKey: boolean, out: string[]): void {
  if (isScalar(node)) {
    if (underCredentialKey && typeof node.value === 'string') out.push(node.value);
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      credentialValues(pair.value as YamlNode, underCredentialKey || kubeconfigCredentialKeys.has(key) || key === 'config' || key === 'env', out);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) credentialValues(item as YamlNode, underCredentialKey, out);
  }
}

function linesOf(value: string, minLength: number): string[] {
  return value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length >= minLength);
}

function longWords(value: string): string[] {
  return [...value.matchAll(/[A-Za-z0-9+/=._~-]{16,}/g)].map((m) => m[0]);
}

/** The strings to hide for one secret input's value. */
export function secretFragments(name: string, value: string): string[] {
  const trimmed = value.trim();
  if (trimmed.length === 0) return [];
  if (name === 'kubeconfig') {
    const document = parseDocument(trimmed);
    // Unparsable: a parser's message may quote any part of it, so hide every line and every long word (tokens, base64 data).
    if (document.errors.length > 0 || !isMap(document.contents)) return [trimmed, ...linesOf(trimmed, 8), ...longWords(trimmed)];
    const values: string[] = [];
    credentialValues(document.contents, false, values);
    // The whole content never fits one log line; its credentials are what must not show.
    return values.filter((v) => v.length >= 4);
  }
  const fragments = [trimmed, Buffer.from(trimmed).toString('base64')];
  if (trimmed.includes('\n')) fragments.push(...linesOf(trimmed, 4));
  return fragments;
}

/** Registers every secret input with the runner (`setSecret`) and returns a mask holding the same values. */
export function maskSecretInputs(env: NodeJS.ProcessEnv, setSecret: (value: string) => void): SecretMask {
  const inputs = new Inputs(env);
  const mask = new SecretMask();
  for (const name of secretInputNames) {
    for (const fragment of new Set(secretFragments(name, inputs.raw(name)))) {
      setSecret(fragment);
      mask.add(fragment);
    }
  }
  return mask;
}
