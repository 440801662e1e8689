/**
 * Checks on the render as a whole, before any dry-run: what no single object's
 * dry-run can see. The same object twice (under two API versions, say), names
 * this tool keeps for itself, and collisions between objects (one nodePort, one
 * Ingress host and path) are refused, naming both places in the render.
 */
import { describeObject, groupKind, isRecord, objectKey, recordsIn, specOf, type KubeObject } from '../objects.ts';
import type { Inventory } from './applyset.ts';
import { lockName } from './lock.ts';
import type { PlanProblem } from './plan.ts';

/** Where an object is in the render: its API version and its place in kustomize's output. */
function place(object: KubeObject, index: number): string {
  return `${object.apiVersion} ${describeObject(object)} (object ${index + 1} of the render)`;
}

function duplicates(objects: KubeObject[]): PlanProblem[] {
  const first = new Map<string, number>();
  const problems: PlanProblem[] = [];
  objects.forEach((object, index) => {
    const key = objectKey(object);
    const earlier = first.get(key);
    if (earlier === undefined) return void first.set(key, index);
    const other = objects[earlier] as KubeObject;
    problems.push({
      object: describeObject(object),
      message: `${describeObject(object)} is rendered twice: as ${place(other, earlier)} and as ${place(object, index)}. One object has one definition: remove one of them`,
    });
  });
  return problems;
}

function reserved(objects: KubeObject[], inventory: Inventory, environment: string): PlanProblem[] {
  const taken = [
    { groupKind: 'ConfigMap', name: inventory.parentName, what: "the environment's inventory record" },
    { groupKind: 'Lease.coordination.k8s.io', name: lockName(environment), what: "the environment's deploy lock" },
  ];
  const problems: PlanProblem[] = [];
  objects.forEach((object, index) => {
    const hit = taken.find((t) => t.groupKind === groupKind(object) && t.name === object.metadata.name && object.metadata.namespace === inventory.namespace);
    if (hit) problems.push({ object: describeObject(object), message: `${place(object, index)} has the name this tool keeps for ${hit.what}: rename it` });
  });
  return problems;
}

/** `value` seen at `where`: the problem when it was seen before, else undefined (and remembered). */
function collision(seen: Map<string, string>, value: string, where: string, what: string): PlanProblem | undefined {
  const before = seen.get(value);
  if (before === undefined) return void seen.set(value, where);
  return { object: where, message: `${what} is used twice in the render: by ${before} and by ${where}` };
}

function nodePorts(objects: KubeObject[]): PlanProblem[] {
  const seen = new Map<string, string>();
  const problems: (PlanProblem | undefined)[] = [];
  objects.forEach((object, index) => {
    if (groupKind(object) !== 'Service') return;
    for (const port of recordsIn(specOf(object).ports)) {
      const nodePort = port.nodePort;
      if (typeof nodePort !== 'number') continue;
      const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
      problems.push(collision(seen, `${nodePort}/${protocol}`, place(object, index), `nodePort ${nodePort}/${protocol}`));
    }
  });
  return problems.filter((p): p is PlanProblem => p !== undefined);
}

function ingressPaths(objects: KubeObject[]): PlanProblem[] {
  const seen = new Map<string, string>();
  const problems: (PlanProblem | undefined)[] = [];
  objects.forEach((object, index) => {
    if (groupKind(object) !== 'Ingress.networking.k8s.io') return;
    const spec = specOf(object);
    const className = typeof spec.ingressClassName === 'string' ? spec.ingressClassName : '(default class)';
    for (const rule of recordsIn(spec.rules)) {
      const host = typeof rule.host === 'string' ? rule.host : '*';
      for (const path of recordsIn(isRecord(rule.http) ? rule.http.paths : undefined)) {
        const route = `${host}${typeof path.path === 'string' ? path.path : '/'}`;
        problems.push(collision(seen, `${className} ${route}`, place(object, index), `Ingress host and path ${route} (class ${className})`));
      }
    }
  });
  return problems.filter((p): p is PlanProblem => p !== undefined);
}

/** Every problem of the render as a set; empty when there is none. */
export function checkRenderedSet(objects: KubeObject[], inventory: Inventory, environment: string): PlanProblem[] {
  return [...duplicates(objects), ...reserved(objects, inventory, environment), ...nodePorts(objects), ...ingressPaths(objects)];
}
