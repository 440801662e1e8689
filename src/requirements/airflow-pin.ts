/**
 * The Airflow version the cluster runs: the newTag of the `apache/airflow`
 * entry under `images:` in base/kustomization.yaml. The base lock, the team's
 * lock and the import check's venv all follow it (the same rule as
 * python/requirements/airflow-pin.sh, which the shell scripts use).
 */
import { readFileSync } from 'node:fs';
import { isMap, isSeq, parseDocument } from 'yaml';
import { UsageError } from '../errors.ts';

export function airflowPin(kustomization: string): string {
  let text: string;
  try {
    text = readFileSync(kustomization, 'utf8');
  } catch {
    throw new UsageError(`${kustomization} not found; it pins the Airflow version (images: - name: apache/airflow, newTag: ...)`);
  }
  const images = parseDocument(text).get('images');
  const entry = isSeq(images) ? images.items.find((item) => isMap(item) && item.get('name') === 'apache/airflow') : undefined;
  const tag = isMap(entry) ? entry.get('newTag') : undefined;
  const version = typeof tag === 'number' ? String(tag) : tag;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new UsageError(`${kustomization}: no plain version for apache/airflow (found '${String(version ?? '')}'); expected an images: entry with name: apache/airflow and newTag: "X.Y.Z"`);
  }
  return version;
}

/** The apache-airflow version a lock pins, or null. */
export function lockedAirflow(lockText: string): string | null {
  return /^apache-airflow==([^\s;\\]+)/m.exec(lockText)?.[1] ?? null;
}
