/**
 * Which promotions are allowed by default: the steps of the promotion chain
 * in environments.yaml (dev to staging and staging to prod without one).
 * Anything else (prod back to dev, dev straight to prod) needs an explicit
 * --allow-any-order.
 */
import { UsageError } from '../errors.ts';

export type PromotionStep = { from: string; to: string };

/** `advice`: how to allow it, in the words of the caller's entry (a CLI flag or an action input). */
export function checkPromotionOrder(from: string, to: string, allowAnyOrder: boolean, chain: PromotionStep[], advice = 'pass --allow-any-order if it is meant'): void {
  if (from === to) throw new UsageError(`cannot promote '${from}' to itself`);
  if (allowAnyOrder) return;
  if (chain.some((s) => s.from === from && s.to === to)) return;
  const allowed = chain.map((s) => `${s.from} -> ${s.to}`).join(', ') || 'none';
  throw new UsageError(`promoting '${from}' to '${to}' is not in the usual order (${allowed}); ${advice}`);
}

/** The branch that carries the promotion into `to`: one per target, reused by every later promotion. */
export function promotionBranch(to: string): string {
  return `airflow-gitops/promote-${to}`;
}
