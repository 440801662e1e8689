/**
 * Which promotions are allowed by default: one step up the ladder at a time,
 * dev to staging and staging to prod. Anything else (prod back to dev, dev
 * straight to prod) needs an explicit --allow-any-order.
 */
import { UsageError } from '../errors.ts';

export const promotionLadder = ['dev', 'staging', 'prod'] as const;

/** `advice`: how to allow it, in the words of the caller's entry (a CLI flag or an action input). */
export function checkPromotionOrder(from: string, to: string, allowAnyOrder: boolean, advice = 'pass --allow-any-order if it is meant'): void {
  if (from === to) throw new UsageError(`cannot promote '${from}' to itself`);
  if (allowAnyOrder) return;
  const index = (promotionLadder as readonly string[]).indexOf(from);
  if (index >= 0 && promotionLadder[index + 1] === to) return;
  const allowed = promotionLadder.slice(0, -1).map((env, i) => `${env} -> ${promotionLadder[i + 1]}`).join(', ');
  throw new UsageError(`promoting '${from}' to '${to}' is not in the usual order (${allowed}); ${advice}`);
}

/** The branch that carries the promotion into `to`: one per target, reused by every later promotion. */
export function promotionBranch(to: string): string {
  return `airflow-gitops/promote-${to}`;
}
