// A live copy of one collection (list, then watch from its resourceVersion;
// re-list when the stream ends or the version is too old), calling `onChange`
// with each object that was added, changed or deleted.
import type { KubeClient } from '../../src/kube/client.ts';

interface Meta {
  metadata: { name: string; namespace?: string; resourceVersion?: string };
}

export class Informer<T extends Meta> {
  readonly objects = new Map<string, T>();
  private readonly controller = new AbortController();
  private readonly client: KubeClient;
  private readonly path: string;
  private readonly query: Record<string, string>;
  private readonly onChange: (object: T, deleted: boolean) => void;

  constructor(client: KubeClient, path: string, query: Record<string, string>, onChange: (object: T, deleted: boolean) => void) {
    this.client = client;
    this.path = path;
    this.query = query;
    this.onChange = onChange;
  }

  private key(o: T): string {
    return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  }

  /** Lists once, so the first answer is complete, then follows in the background. */
  async start(): Promise<void> {
    const version = await this.list();
    void this.follow(version);
  }

  stop(): void {
    this.controller.abort();
  }

  private async list(): Promise<string> {
    const list = await this.client.request<{ metadata: { resourceVersion: string }; items: T[] }>('GET', this.path, { query: this.query });
    const seen = new Set<string>();
    for (const item of list.items) {
      seen.add(this.key(item));
      const old = this.objects.get(this.key(item));
      this.objects.set(this.key(item), item);
      if (old?.metadata.resourceVersion !== item.metadata.resourceVersion) this.onChange(item, false);
    }
    for (const [key, old] of this.objects) {
      if (!seen.has(key)) {
        this.objects.delete(key);
        this.onChange(old, true);
      }
    }
    return list.metadata.resourceVersion;
  }

  private async follow(version: string): Promise<void> {
    let resourceVersion = version;
    while (!this.controller.signal.aborted) {
      let expired = false;
      try {
        await this.client.watch(this.path, { ...this.query, resourceVersion }, (event) => {
          const object = event.object as unknown as T;
          if (event.type === 'BOOKMARK') {
            resourceVersion = object.metadata.resourceVersion ?? resourceVersion;
            return;
          }
          if (event.type === 'ERROR') {
            expired = true;
            return;
          }
          resourceVersion = object.metadata.resourceVersion ?? resourceVersion;
          const deleted = event.type === 'DELETED';
          if (deleted) this.objects.delete(this.key(object));
          else this.objects.set(this.key(object), object);
          this.onChange(object, deleted);
        }, this.controller.signal);
      } catch {
        expired = true;
      }
      if (this.controller.signal.aborted) return;
      if (expired) {
        await new Promise((r) => setTimeout(r, 500));
        try {
          resourceVersion = await this.list();
        } catch {
          // The API server is away (a restart): try again on the next round.
        }
      }
    }
  }
}
