/** How a plan reads to a person: one line per object that changes, its field changes under it. */
import { formatChanges } from './field-diff.ts';
import { compareText, describeObject } from '../objects.ts';
import type { Plan } from './plan.ts';
import type { PrunePlan } from './prune.ts';

export type PlanCounts = { create: number; change: number; recreate: number; unchanged: number; prune: number; deferred: number };

export function countPlan(plan: Plan, prune: PrunePlan): PlanCounts {
  const count = (action: string) => plan.items.filter((i) => i.action === action).length;
  return { create: count('create'), change: count('change'), recreate: count('recreate'), unchanged: count('unchanged'), prune: prune.remove.length, deferred: plan.deferred.length };
}

export function hasChanges(counts: PlanCounts): boolean {
  return counts.create + counts.change + counts.recreate + counts.prune + counts.deferred > 0;
}

export function formatPlan(plan: Plan, prune: PrunePlan): string[] {
  const lines: string[] = [];
  const sorted = [...plan.items].sort((a, b) => compareText(describeObject(a.object), describeObject(b.object)));
  for (const item of sorted) {
    const name = describeObject(item.object);
    if (item.action === 'create') lines.push(`  + create    ${name}`);
    else if (item.action === 'change') lines.push(`  ~ change    ${name}`, ...formatChanges(item.changes, '      '));
    else if (item.action === 'recreate') lines.push(`  ! recreate  ${name}: ${item.recreate?.reason ?? ''}`, ...formatChanges(item.changes, '      '));
    for (const warning of item.warnings ?? []) lines.push(`      warning from the API server: ${warning}`);
  }
  for (const object of plan.deferred) lines.push(`  + create    ${describeObject(object)} (dry-run after its namespace/CRD is created)`);
  for (const member of prune.remove) lines.push(`  - prune     ${describeObject(member.object)}`);
  for (const kept of prune.keep) lines.push(`  . keep      ${describeObject(kept.member.object)}: no longer rendered, but ${kept.reason}`);
  const counts = countPlan(plan, prune);
  lines.push(
    `  ${counts.create + counts.deferred} to create, ${counts.change} to change, ${counts.recreate} to recreate, ${counts.prune} to prune, ${counts.unchanged} unchanged`,
  );
  return lines;
}
