/**
 * What a DAG file declares, read from its syntax tree without running it:
 * the DAGs (`DAG(...)`, `with DAG(...)`, `@dag`), their tasks (operators with a
 * `task_id`, TaskFlow calls), the dependencies written literally between them
 * (`>>`, `<<`, `set_upstream/downstream`, `chain`, TaskFlow arguments) and the
 * calls that run while Airflow parses the file.
 *
 * Only what can be known for certain is recorded: a dynamic dag_id or a task
 * bound to a name twice is left out rather than guessed, so the rules built on
 * this model do not report what the code does not say.
 */
import type { Node } from 'web-tree-sitter';
import { isChain, isDagClass, isDagDecorator, isTaskDecorator, isTaskGroupClass, isTaskGroupDecorator, Names } from './names.ts';
import { callArguments, placeOf, stringValue, unwrap, type Place } from './syntax.ts';

export type TaskDefinition = {
  node: Node;
  place: Place;
  taskId: string | null;
  /** The task-id namespace (the DAG and its TaskGroups); null when a group id is dynamic. */
  namespace: string | null;
  /** TaskFlow calls get unique ids from Airflow (`name__1`), so they never collide. */
  taskflow: boolean;
  /** Created in a loop inside its DAG: a literal task_id then repeats. */
  repeated: boolean;
};

export type Dependency = { upstream: TaskDefinition; downstream: TaskDefinition; place: Place };

export type DagDefinition = {
  place: Place;
  /** null when the dag_id is computed (f-string, variable). */
  dagId: string | null;
  dagIdPlace: Place;
  style: 'constructor' | 'decorator';
  /** The arguments of `DAG(...)` or `@dag(...)`. */
  keywords: Map<string, Node>;
  splat: boolean;
  /** For `@dag`: the decorated function, which must be called for the DAG to exist. */
  functionName: string | null;
  /** Created in a loop: a literal dag_id then repeats. */
  repeated: boolean;
  tasks: TaskDefinition[];
  dependencies: Dependency[];
};

/** A call made while Airflow imports the file (not inside a task or a plain function). */
export type ParseTimeCall = { callee: string; place: Place };

export type DagModel = {
  names: Names;
  dags: DagDefinition[];
  parseTimeCalls: ParseTimeCall[];
  /** Module-level `name = value` assignments (the last one wins). */
  moduleValues: Map<string, Node>;
  /** Names called anywhere in the file, e.g. the `@dag` function. */
  calledNames: Set<string>;
};

type Context = {
  dag: DagDefinition | null;
  namespace: string | null;
  parseTime: boolean;
  loopsSinceDag: number;
  loops: number;
  /** Names bound to a single task in the current scope; null marks a name bound more than once. */
  bindings: Map<string, TaskDefinition | null>;
};

const taskflowMethods = new Set(['override', 'partial', 'expand', 'expand_kwargs']);

export function buildDagModel(module: Node): DagModel {
  return new ModelBuilder(module).build();
}

class ModelBuilder {
  private readonly module: Node;
  private readonly names: Names;
  private readonly model: DagModel;
  /** Task id of each `@task`-decorated function, by function name. */
  private readonly taskFunctions = new Map<string, string>();
  /** DAGs bound to a name (`dag = DAG(...)`), for tasks created with `dag=dag`. */
  private readonly dagVariables = new Map<string, DagDefinition>();
  /** The task each call node created. */
  private readonly created = new Map<number, TaskDefinition>();
  /** DAG constructor calls already taken as the head of a `with` statement. */
  private readonly withHeads = new Set<number>();
  /**
   * Parents of the nodes walked, by node id. tree-sitter's own `parent` walks
   * down from the root, which is quadratic on a block with many statements.
   */
  private readonly parents = new Map<number, Node>();

  constructor(module: Node) {
    this.module = module;
    this.names = new Names(module);
    this.model = { names: this.names, dags: [], parseTimeCalls: [], moduleValues: new Map(), calledNames: new Set() };
  }

  build(): DagModel {
    this.collectTaskFunctions(this.module);
    const context: Context = { dag: null, namespace: null, parseTime: true, loopsSinceDag: 0, loops: 0, bindings: new Map() };
    for (const statement of this.module.namedChildren) {
      if (!statement) continue;
      if (statement.type === 'expression_statement') this.recordModuleValue(statement);
      this.statement(statement, context);
    }
    return this.model;
  }

  private collectTaskFunctions(node: Node): void {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'decorated_definition') {
        const decorator = child.namedChildren.find((d) => d?.type === 'decorator' && isTaskDecorator(this.names.decorator(d)));
        const name = child.childForFieldName('definition')?.childForFieldName('name')?.text;
        if (decorator && name) {
          const expression = decorator.namedChild(0);
          const explicit = expression?.type === 'call' ? stringValue(callArguments(expression).keywords.get('task_id')) : null;
          this.taskFunctions.set(name, explicit ?? name);
        }
      }
      this.collectTaskFunctions(child);
    }
  }

  private recordModuleValue(statement: Node): void {
    const assignment = statement.namedChild(0);
    if (assignment?.type !== 'assignment') return;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type === 'identifier' && right) this.model.moduleValues.set(left.text, right);
  }

  private statement(node: Node, context: Context): void {
    switch (node.type) {
      case 'decorated_definition':
        return this.decoratedDefinition(node, context);
      case 'function_definition':
        return this.functionDefinition(node, context, { ...context, parseTime: false, bindings: new Map() });
      case 'with_statement':
        return this.withStatement(node, context);
      case 'for_statement':
      case 'while_statement':
        return this.loop(node, context);
      case 'if_statement':
        if (isMainGuard(node)) return;
        return this.children(node, context);
      case 'lambda':
        return;
      case 'call':
        this.children(node, context);
        return this.call(node, context);
      case 'binary_operator':
        this.children(node, context);
        if (isShift(node) && !this.inShiftChain(node)) this.shiftChain(node, context);
        return;
      default:
        return this.children(node, context);
    }
  }

  private children(node: Node, context: Context): void {
    for (const child of node.namedChildren) {
      if (!child) continue;
      this.parents.set(child.id, node);
      this.statement(child, context);
    }
  }

  private parentOf(node: Node): Node | null {
    return this.parents.get(node.id) ?? null;
  }

  private decoratedDefinition(node: Node, context: Context): void {
    const definition = node.childForFieldName('definition');
    const decorators = node.namedChildren.filter((child): child is Node => child?.type === 'decorator');
    for (const decorator of decorators) {
      // A decorator's arguments are evaluated where the function is defined.
      const expression = decorator.namedChild(0);
      const argumentList = expression?.type === 'call' ? expression.childForFieldName('arguments') : null;
      if (argumentList) this.children(argumentList, context);
    }
    if (!definition || definition.type !== 'function_definition') {
      if (definition) this.statement(definition, context);
      return;
    }
    const targets = decorators.map((decorator) => this.names.decorator(decorator));
    if (targets.some(isDagDecorator)) {
      const decorator = decorators[targets.findIndex(isDagDecorator)] as Node;
      const dag = this.decoratorDag(decorator, definition, context);
      const inner: Context = { dag, namespace: `dag@${definition.id}`, parseTime: context.parseTime, loopsSinceDag: 0, loops: context.loops, bindings: new Map() };
      return this.functionDefinition(definition, context, inner);
    }
    if (targets.some(isTaskGroupDecorator)) {
      // The group's tasks get the group id as prefix, and a second call a new group id.
      const inner: Context = { ...context, namespace: `group@${definition.id}`, loopsSinceDag: 0, bindings: new Map() };
      return this.functionDefinition(definition, context, inner);
    }
    // A task's body (or any other function's) runs later, not while Airflow parses the file.
    this.functionDefinition(definition, context, { ...context, dag: null, parseTime: false, bindings: new Map() });
  }

  /** Default values are evaluated where the function is defined; the body in `inner`. */
  private functionDefinition(node: Node, outer: Context, inner: Context): void {
    const parameters = node.childForFieldName('parameters');
    if (parameters) this.children(parameters, outer);
    const body = node.childForFieldName('body');
    if (body) this.children(body, inner);
  }

  private decoratorDag(decorator: Node, definition: Node, context: Context): DagDefinition {
    const expression = decorator.namedChild(0);
    const args = expression?.type === 'call' ? callArguments(expression) : { positional: [], keywords: new Map<string, Node>(), splat: false };
    const functionName = definition.childForFieldName('name')?.text ?? null;
    const idNode = args.keywords.get('dag_id') ?? args.positional[0];
    const dag: DagDefinition = {
      place: placeOf(decorator),
      dagId: idNode ? stringValue(idNode) : functionName,
      dagIdPlace: placeOf(idNode ?? definition.childForFieldName('name') ?? decorator),
      style: 'decorator',
      keywords: args.keywords,
      splat: args.splat,
      functionName,
      repeated: context.loops > 0,
      tasks: [],
      dependencies: [],
    };
    this.model.dags.push(dag);
    return dag;
  }

  private withStatement(node: Node, context: Context): void {
    let inner = context;
    const clause = node.namedChildren.find((child) => child?.type === 'with_clause');
    for (const item of clause?.namedChildren ?? []) {
      const value = item?.childForFieldName('value');
      if (!value) continue;
      const call = value.type === 'as_pattern' ? value.namedChild(0) : value;
      if (call?.type === 'call') {
        const callee = this.names.callee(call);
        if (isDagClass(callee)) {
          this.withHeads.add(call.id);
          const dag = this.constructorDag(call, context);
          inner = { dag, namespace: `dag@${call.id}`, parseTime: context.parseTime, loopsSinceDag: 0, loops: context.loops, bindings: new Map() };
        } else if (isTaskGroupClass(callee)) {
          inner = { ...inner, namespace: this.groupNamespace(call, inner) };
        }
      }
      this.statement(value, context);
    }
    const body = node.childForFieldName('body');
    if (body) this.children(body, inner);
  }

  private groupNamespace(call: Node, context: Context): string | null {
    const args = callArguments(call);
    if (args.keywords.get('prefix_group_id')?.text === 'False') return context.namespace;
    const groupId = stringValue(args.keywords.get('group_id') ?? args.positional[0]);
    if (groupId === null || context.namespace === null || context.loopsSinceDag > 0) return null;
    return `${context.namespace}/${groupId}`;
  }

  private loop(node: Node, context: Context): void {
    const body = node.childForFieldName('body');
    for (const child of node.namedChildren) {
      if (!child) continue;
      this.parents.set(child.id, node);
      if (child.id === body?.id) {
        this.children(child, { ...context, loops: context.loops + 1, loopsSinceDag: context.loopsSinceDag + 1 });
      } else this.statement(child, context);
    }
  }

  private constructorDag(call: Node, context: Context): DagDefinition {
    const args = callArguments(call);
    const idNode = args.keywords.get('dag_id') ?? args.positional[0];
    const dag: DagDefinition = {
      place: placeOf(call),
      dagId: idNode ? stringValue(idNode) : null,
      dagIdPlace: placeOf(idNode ?? call),
      style: 'constructor',
      keywords: args.keywords,
      splat: args.splat,
      functionName: null,
      repeated: context.loops > 0,
      tasks: [],
      dependencies: [],
    };
    this.model.dags.push(dag);
    return dag;
  }

  private call(call: Node, context: Context): void {
    const callee = this.names.callee(call);
    const functionNode = call.childForFieldName('function');
    if (functionNode?.type === 'identifier') this.model.calledNames.add(functionNode.text);
    if (context.parseTime && callee !== null) this.model.parseTimeCalls.push({ callee, place: placeOf(call) });

    if (isDagClass(callee)) {
      if (this.withHeads.has(call.id)) return;
      const dag = this.constructorDag(call, context);
      const name = this.assignedName(call);
      if (name) this.dagVariables.set(name, dag);
      return;
    }
    if (isChain(callee)) return this.chain(call, context);
    const method = functionNode?.type === 'attribute' ? functionNode.childForFieldName('attribute')?.text : undefined;
    if (method === 'set_downstream' || method === 'set_upstream') return this.setRelative(call, method, context);
    this.taskCreation(call, context);
  }

  private taskCreation(call: Node, context: Context): void {
    const args = callArguments(call);
    const functionNode = call.childForFieldName('function');
    const root = functionNode ? rootName(functionNode) : null;
    const taskflow = root !== null && this.taskFunctions.has(root);
    if (taskflow) {
      // `extract.partial(...).expand(...)` is one task: only the outermost call creates it.
      if (this.parentOf(call)?.type === 'attribute') return;
      if (functionNode?.type === 'attribute' && !taskflowMethods.has(functionNode.childForFieldName('attribute')?.text ?? '')) return;
    } else if (!args.keywords.has('task_id')) {
      return;
    }
    const dagArgument = args.keywords.get('dag');
    const dag = dagArgument?.type === 'identifier' ? (this.dagVariables.get(dagArgument.text) ?? context.dag) : context.dag;
    if (dag === null) return;
    const explicitId = stringValue(args.keywords.get('task_id'));
    const task: TaskDefinition = {
      node: call,
      place: placeOf(call),
      taskId: taskflow ? (explicitId ?? this.taskFunctions.get(root as string) ?? null) : explicitId,
      namespace: dag === context.dag ? context.namespace : `dag@${dag.place.line}:${dag.place.column}`,
      taskflow,
      repeated: context.loopsSinceDag > 0,
    };
    dag.tasks.push(task);
    this.created.set(call.id, task);
    const name = this.assignedName(call);
    if (name) context.bindings.set(name, context.bindings.has(name) ? null : task);
    if (taskflow) {
      // A TaskFlow argument that is another task's output is an upstream dependency.
      for (const argument of [...args.positional, ...args.keywords.values()]) {
        for (const upstream of this.tasksOf(argument, context)) dag.dependencies.push({ upstream, downstream: task, place: placeOf(argument) });
      }
    }
  }

  /** `a >> b << c`, evaluated as Python does: each operator returns its right side. */
  private shiftChain(node: Node, context: Context): TaskDefinition[] {
    const expression = unwrap(node);
    if (!isShift(expression)) return this.tasksOf(expression, context);
    const left = this.shiftChain(expression.childForFieldName('left') as Node, context);
    const right = this.shiftChain(expression.childForFieldName('right') as Node, context);
    const downstream = expression.childForFieldName('operator')?.text === '>>';
    for (const l of left) for (const r of right) this.depend(context, downstream ? l : r, downstream ? r : l, expression);
    return right;
  }

  private chain(call: Node, context: Context): void {
    const groups = callArguments(call).positional.map((argument) => this.tasksOf(argument, context));
    for (let i = 1; i < groups.length; i++) {
      const before = groups[i - 1] as TaskDefinition[];
      const after = groups[i] as TaskDefinition[];
      if (before.length > 1 && before.length === after.length) before.forEach((task, k) => this.depend(context, task, after[k] as TaskDefinition, call));
      else for (const u of before) for (const d of after) this.depend(context, u, d, call);
    }
  }

  private setRelative(call: Node, method: string, context: Context): void {
    const self = this.tasksOf(call.childForFieldName('function')?.childForFieldName('object') ?? null, context);
    const others = callArguments(call).positional.flatMap((argument) => this.tasksOf(argument, context));
    for (const task of self) {
      for (const other of others) {
        if (method === 'set_downstream') this.depend(context, task, other, call);
        else this.depend(context, other, task, call);
      }
    }
  }

  private depend(context: Context, upstream: TaskDefinition, downstream: TaskDefinition, at: Node): void {
    const dag = context.dag ?? this.model.dags.find((d) => d.tasks.includes(upstream));
    dag?.dependencies.push({ upstream, downstream, place: placeOf(at) });
  }

  /** Whether a `>>` node is part of a longer chain (then the chain's top node handles it). */
  private inShiftChain(node: Node): boolean {
    let current = this.parentOf(node);
    while (current?.type === 'parenthesized_expression') current = this.parentOf(current);
    return isShift(current);
  }

  /** `name` in `name = <call>`. */
  private assignedName(call: Node): string | null {
    const parent = this.parentOf(call);
    if (parent?.type !== 'assignment' || parent.childForFieldName('right')?.id !== call.id) return null;
    const left = parent.childForFieldName('left');
    return left?.type === 'identifier' ? left.text : null;
  }

  /** The tasks an expression stands for: a name bound to a task, a task-creating call, a list of them. */
  private tasksOf(node: Node | null, context: Context): TaskDefinition[] {
    if (!node) return [];
    const expression = unwrap(node);
    if (expression.type === 'identifier') {
      const task = context.bindings.get(expression.text);
      return task ? [task] : [];
    }
    if (expression.type === 'call') {
      const task = this.created.get(expression.id);
      return task ? [task] : [];
    }
    if (expression.type === 'list' || expression.type === 'tuple') {
      return expression.namedChildren.flatMap((element) => this.tasksOf(element, context));
    }
    if (isShift(expression)) {
      // A nested chain returns its right side.
      return this.tasksOf(expression.childForFieldName('right'), context);
    }
    return [];
  }
}

function isShift(node: Node | null): node is Node {
  if (node?.type !== 'binary_operator') return false;
  const operator = node.childForFieldName('operator')?.text;
  return operator === '>>' || operator === '<<';
}


function rootName(node: Node): string | null {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') return rootName(node.childForFieldName('object') as Node);
  if (node.type === 'call') return rootName(node.childForFieldName('function') as Node);
  return null;
}

/** `if __name__ == "__main__":` does not run when Airflow imports the file. */
function isMainGuard(node: Node): boolean {
  const condition = node.childForFieldName('condition');
  if (condition?.type !== 'comparison_operator') return false;
  const parts = condition.namedChildren.map((child) => child?.type === 'identifier' ? child.text : stringValue(child));
  return parts.includes('__name__') && parts.includes('__main__');
}
