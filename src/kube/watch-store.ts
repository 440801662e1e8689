/**
 * A live, local copy of one collection: list, then watch from the list's
 * resourceVersion, re-watching when the server ends the stream and re-listing
 * when the version is too old (410). Listeners hear about every change.
 */
import type { KubeClient } from './client.ts';
import { apiVersionOf, collectionPath, type ResourceInfo } from './discovery.ts';
import { KubeApiError } from './errors.ts';
import type { KubeObject } from '../objects.ts';

export class WatchStore {
  readonly objects = new Map<string, KubeObject>();
  private readonly client: KubeClient;
  private readonly info: ResourceInfo;
  private readonly namespace: string | undefined;
  private readonly onChange: () => void;
  private readonly onError: (error: unknown) => void;
  private readonly controller = new AbortController();

  constructor(client: KubeClient, info: ResourceInfo, namespace: string | undefined, onChange: () => void, onError: (error: unknown) => void) {
    this.client = client;
    this.info = info;
    this.namespace = namespace;
    this.onChange = onChange;
    this.onError = onError;
  }

  private key(o: KubeObject): string {
    return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  }

  private withType(o: KubeObject): KubeObject {
    return { ...o, apiVersion: apiVersionOf(this.info), kind: this.info.kind };
  }

  /** Lists once (so the first answer is complete), then keeps watching in the background. */
  async start(): Promise<void> {
    const version = await this.list();
    void this.follow(version);
  }

  stop(): void {
    this.controller.abort();
  }

  private async list(): Promise<string> {
    const path = collectionPath(this.info, this.namespace);
    const list = await this.client.request<{ metadata?: { resourceVersion?: string }; items?: KubeObject[] }>('GET', path);
    this.objects.clear();
    for (const item of list.items ?? []) this.objects.set(this.key(item), this.withType(item));
    this.onChange();
    return list.metadata?.resourceVersion ?? '';
  }

  private async follow(initial: string): Promise<void> {
    let version = initial;
    const path = collectionPath(this.info, this.namespace);
    while (!this.controller.signal.aborted) {
      try {
        await this.client.watch(path, { resourceVersion: version, timeoutSeconds: 300 }, (event) => {
          const object = event.object as KubeObject;
          if (event.type === 'ERROR') throw new KubeApiError(Number((event.object as { code?: number }).code ?? 500), 'WatchError', String((event.object as { message?: string }).message), []);
          version = (object.metadata?.resourceVersion as string | undefined) ?? version;
          if (event.type === 'BOOKMARK') return;
          if (event.type === 'DELETED') this.objects.delete(this.key(object));
          else this.objects.set(this.key(object), this.withType(object));
          this.onChange();
        }, this.controller.signal);
      } catch (error) {
        if (this.controller.signal.aborted) return;
        if (error instanceof KubeApiError && error.status === 410) {
          try {
            version = await this.list();
          } catch (listError) {
            this.onError(listError);
            return;
          }
          continue;
        }
        this.onError(error);
        return;
      }
    }
  }
}
