/**
 * One deploy per environment at a time: a coordination.k8s.io Lease named
 * `airflow-gitops-<env>`, in the environment's namespace (in `default` while
 * that namespace does not exist yet, on a first deploy). `kubectl get lease`
 * shows who holds it and since when; the holder renews it while it works and
 * deletes it at the end. Another deploy waits for it, and takes it over only
 * once it has expired (its holder died) or when told to (--steal-lock).
 */
import { randomBytes } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { CommandFailure } from '../errors.ts';
import type { KubeClient } from '../kube/client.ts';
import { isNotFound, KubeApiError } from '../kube/errors.ts';
import { count, isRecord, text, type KubeObject } from '../objects.ts';
import { pollUntil } from '../poll.ts';
import { managedByLabel, managedByValue } from './tracking.ts';

export type LockOptions = {
  environment: string;
  /** The environment's namespace, and whether it exists yet (asked while the Lease is already being created there). */
  namespace: string;
  namespaceExists: Promise<boolean>;
  /** Shown as the holder, with a random part so that two deploys from one machine differ. */
  runUrl?: string;
  steal: boolean;
  waitMs: number;
  /** How long a holder that stops renewing keeps the lock. */
  durationSeconds: number;
  log: (line: string) => void;
};

/** Where a first deploy locks, before its namespace exists: the namespace every cluster has. */
export const firstDeployLockNamespace = 'default';

type Held = { holder: string; acquired: string; renewed: string; expires: number };

/** A create's outcome: the Lease's resourceVersion, undefined when a Lease is already there, or the error. */
type Created = { version: string | undefined } | { error: unknown };

export function lockName(environment: string): string {
  return `airflow-gitops-${environment}`;
}

function leasePath(namespace: string, name?: string): string {
  return `/apis/coordination.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/leases${name ? `/${encodeURIComponent(name)}` : ''}`;
}

const microTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

function leaseSpec(lease: KubeObject): Record<string, unknown> {
  return isRecord(lease.spec) ? lease.spec : {};
}

/** Who holds a Lease and until when; undefined when nobody does (released, or never taken). */
export function heldBy(lease: KubeObject | undefined): Held | undefined {
  if (lease === undefined) return undefined;
  const spec = leaseSpec(lease);
  const holder = text(spec.holderIdentity);
  if (!holder) return undefined;
  const renewed = text(spec.renewTime) ?? text(spec.acquireTime) ?? '';
  const expires = (Date.parse(renewed) || 0) + 1000 * (count(spec.leaseDurationSeconds) || 0);
  return { holder, acquired: text(spec.acquireTime) ?? renewed, renewed, expires };
}

function describeHeld(held: Held, where: string): string {
  return `held by ${held.holder} (Lease ${where}, taken ${held.acquired}, renewed ${held.renewed}, expires ${new Date(held.expires).toISOString()})`;
}

export class EnvironmentLock {
  readonly holder: string;
  /** Where the Lease is: the environment's namespace, or `default` while that one does not exist. */
  namespace: string;
  private readonly client: KubeClient;
  private readonly options: LockOptions;
  private version = '';
  private renewer: NodeJS.Timeout | undefined;
  private renewing: Promise<void> | undefined;
  /** The create started before the namespace was known to exist: the first attempt's outcome. */
  private firstCreate: Promise<Created> | undefined;
  /** The first deploy's Lease, read at the same time: the first attempt's look at it. */
  private firstRead: Promise<KubeObject | undefined> | undefined;
  /** Deleting a Lease that create made in the environment's namespace after all, once the lock went to `default`. */
  private stray: Promise<void> = Promise.resolve();
  /** Set when another deploy took the lock over while this one held it. */
  lost = false;

  private constructor(client: KubeClient, options: LockOptions) {
    this.client = client;
    this.options = options;
    this.namespace = options.namespace;
    const who = `${userInfo().username}@${hostname()} pid ${process.pid} ${randomBytes(3).toString('hex')}`;
    this.holder = options.runUrl ? `${who} ${options.runUrl}` : who;
  }

  static async acquire(client: KubeClient, options: LockOptions): Promise<EnvironmentLock> {
    const lock = new EnvironmentLock(client, options);
    try {
      await lock.place();
      await lock.take();
    } catch (error) {
      await lock.stray;
      if (error instanceof KubeApiError && error.status === 403) {
        throw new CommandFailure(
          `cannot take the deploy lock of ${options.environment} (Lease ${lock.where}): ${error.message}. ` +
            `The deploying identity needs get, create, update and delete on leases.coordination.k8s.io in namespace ${lock.namespace}`,
        );
      }
      throw error;
    }
    return lock;
  }

  private get name(): string {
    return lockName(this.options.environment);
  }

  private get where(): string {
    return `${this.namespace}/${this.name}`;
  }

  private async read(namespace = this.namespace): Promise<KubeObject | undefined> {
    try {
      return await this.client.request<KubeObject>('GET', leasePath(namespace, this.name));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private body(previous: KubeObject | undefined, now: number): KubeObject {
    const transitions = previous ? count(leaseSpec(previous).leaseTransitions) + 1 : 0;
    return {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.name,
        namespace: this.namespace,
        labels: { [managedByLabel]: managedByValue },
        ...(previous ? { resourceVersion: previous.metadata.resourceVersion } : {}),
      },
      spec: {
        holderIdentity: this.holder,
        leaseDurationSeconds: this.options.durationSeconds,
        acquireTime: microTime(now),
        renewTime: microTime(now),
        leaseTransitions: transitions,
      },
    };
  }

  /**
   * Creates the Lease where none exists: one request in the usual case (the last holder deleted it).
   * True when taken, false when a Lease is already there (held, expired or released: `attempt` judges it).
   */
  private async create(): Promise<boolean> {
    const started = this.firstCreate;
    this.firstCreate = undefined;
    const created = await (started ?? this.post());
    if ('error' in created) throw created.error;
    if (created.version === undefined) return false;
    this.version = created.version;
    return true;
  }

  private async post(): Promise<Created> {
    try {
      const written = await this.client.request<KubeObject>('POST', leasePath(this.namespace), { body: this.body(undefined, Date.now()) });
      return { version: String(written.metadata.resourceVersion ?? '') };
    } catch (error) {
      return error instanceof KubeApiError && error.status === 409 ? { version: undefined } : { error };
    }
  }

  /**
   * Where the Lease goes, decided while it is already being created in the environment's namespace:
   * one round trip when that namespace exists. When it does not (a first deploy), the Lease goes to
   * `default` at once: a create in a missing namespace is answered only after the API server's
   * namespace admission has waited (about 55 ms). Should the namespace have appeared meanwhile, the
   * Lease made there is deleted again.
   */
  private async place(): Promise<void> {
    const created = this.post();
    const firstRead = this.namespace === firstDeployLockNamespace ? undefined : this.read(firstDeployLockNamespace).catch(() => undefined);
    let exists = false;
    try {
      exists = await this.options.namespaceExists;
    } finally {
      if (exists) [this.firstCreate, this.firstRead] = [created, firstRead];
      // Should that delete fail, the Lease expires unrenewed after durationSeconds.
      else this.stray = created.then(async (c) => void ('version' in c && c.version !== undefined && (await this.deleteLease(this.options.namespace, c.version)))).catch(() => undefined);
    }
    if (!exists) this.namespace = firstDeployLockNamespace;
  }

  /** Deletes a Lease if it still has `version` (a precondition); true when deleted. */
  private async deleteLease(namespace: string, version: string): Promise<boolean> {
    const body = { apiVersion: 'v1', kind: 'DeleteOptions', preconditions: { resourceVersion: version } };
    try {
      await this.client.request('DELETE', leasePath(namespace, this.name), { body });
      return true;
    } catch (error) {
      if (isNotFound(error) || (error instanceof KubeApiError && error.status === 409)) return false;
      throw error;
    }
  }

  /** One attempt: the Lease taken (true), or who holds it. Conflicts with a concurrent taker count as held. */
  private async attempt(): Promise<true | Held> {
    if (await this.create()) return true;
    const lease = await this.read();
    const held = heldBy(lease);
    const now = Date.now();
    if (held && held.expires > now && !this.options.steal) return held;
    try {
      const written = lease
        ? await this.client.request<KubeObject>('PUT', leasePath(this.namespace, this.name), { body: this.body(lease, now) })
        : await this.client.request<KubeObject>('POST', leasePath(this.namespace), { body: this.body(undefined, now) });
      this.version = String(written.metadata.resourceVersion ?? '');
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 409) return heldBy(await this.read()) ?? { holder: 'another deploy', acquired: '', renewed: '', expires: now };
      throw error;
    }
    if (held) this.options.log(`took over the deploy lock of ${this.options.environment}: it was ${describeHeld(held, this.where)}`);
    return true;
  }

  /** A first deploy's lock in `default` still binds once the namespace exists: it is checked, not taken. */
  private async firstDeployHolder(): Promise<Held | undefined> {
    const started = this.firstRead;
    this.firstRead = undefined;
    if (this.namespace === firstDeployLockNamespace) return undefined;
    const held = heldBy(await (started ?? this.read(firstDeployLockNamespace).catch(() => undefined)));
    return held && held.expires > Date.now() && !this.options.steal ? held : undefined;
  }

  private async take(): Promise<void> {
    let reported = false;
    let last: Held | undefined;
    const once = async (): Promise<true | undefined> => {
      // The first deploy's lock is read while this one is taken: it only counts once this one is.
      const [result, first] = await Promise.all([this.attempt(), this.firstDeployHolder()]);
      const blocking = result === true ? first : result;
      if (blocking === undefined) return true;
      if (result === true) await this.release();
      last = blocking;
      if (!reported) this.options.log(`waiting for the deploy lock of ${this.options.environment}: ${describeHeld(blocking, this.where)}`);
      reported = true;
      return undefined;
    };
    const taken = await pollUntil(once, { timeoutMs: this.options.waitMs, intervalMs: 1000 });
    if (!taken) {
      const held = last ? describeHeld(last, this.where) : `held (Lease ${this.where})`;
      throw new CommandFailure(
        `environment '${this.options.environment}' is being deployed by someone else: ${held}; waited ${this.options.waitMs / 1000} s. ` +
          'Deploy again once it is done; if its holder is gone, the lock frees itself when it expires, or take it at once with --steal-lock',
      );
    }
    this.startRenewing();
  }

  private startRenewing(): void {
    const every = (this.options.durationSeconds * 1000) / 3;
    this.renewer = setInterval(() => {
      this.renewing ??= this.renew().finally(() => (this.renewing = undefined));
    }, every);
    this.renewer.unref();
  }

  private async renew(): Promise<void> {
    const lease = await this.read().catch(() => undefined);
    if (lease === undefined || heldBy(lease)?.holder !== this.holder) return this.loseLock();
    const spec = { ...leaseSpec(lease), renewTime: microTime(Date.now()) };
    try {
      const written = await this.client.request<KubeObject>('PUT', leasePath(this.namespace, this.name), { body: { ...lease, spec } });
      this.version = String(written.metadata.resourceVersion ?? '');
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 409) this.loseLock();
      // Other failures (the server briefly away): the next renewal tries again before the lease expires.
    }
  }

  private loseLock(): void {
    if (this.lost) return;
    this.lost = true;
    clearInterval(this.renewer);
    this.options.log(`warning: the deploy lock of ${this.options.environment} was taken over by another deploy (Lease ${this.where})`);
  }

  /** Deletes the Lease if it is still this deploy's (a precondition on its version): a taken-over lock is left to its new holder. */
  async release(): Promise<void> {
    clearInterval(this.renewer);
    await Promise.all([this.renewing, this.stray]);
    if (this.lost || this.version === '') return;
    if (await this.deleteLease(this.namespace, this.version)) this.version = '';
  }
}
