// Pod and Service addresses without network namespaces. Every pod gets an
// address of its own (198.18.0.0/15, the range set aside for benchmarks, so
// it meets no real network; A.B from the state folder, so two runtimes on one
// machine do not meet), added to the loopback interface (root, or sudo
// without a password), and its processes bind there (images.ts and
// python/sitecustomize.py see to it). The API server reaches pods at these
// addresses too (service and pod proxy). Names resolve through a hosts file
// per namespace that nss_wrapper serves to each process, as cluster DNS
// would: Services by their short, namespaced and full names, pods of headless
// Services by hostname.subdomain. A ClusterIP Service gets an address too,
// where a proxy forwards each connection to one ready endpoint of its
// EndpointSlices, as kube-proxy does (none ready: refused); UDP ports
// forward each datagram the same way, replies going back to the sender
// (udp.ts).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Socket as UdpSocket } from 'node:dgram';
import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { EndpointSlice, Pod, Service } from './types.ts';
import { udpForwarder } from './udp.ts';

const domain = 'svc.cluster.local';

/** Adds an address to the loopback interface (kept until removeAddress). */
function ip(...args: string[]): void {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['ip', args] : ['sudo', ['-n', 'ip', ...args]];
  try {
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const text = String((error as { stderr?: Buffer }).stderr ?? '');
    if (!/File exists|already assigned|Cannot assign/.test(text)) throw new Error(`ip ${args.join(' ')}: ${text.trim() || (error as Error).message} (the runtime needs root or sudo without a password)`, { cause: error });
  }
}

export class Addresses {
  private readonly prefix: string;
  private readonly used = new Map<string, string>();
  private readonly added = new Set<string>();

  constructor(stateDir: string) {
    const hash = createHash('sha256').update(stateDir).digest();
    this.prefix = `198.${18 + ((hash[0] ?? 0) % 2)}.${hash[1] ?? 0}`;
    ip('addr', 'add', `${this.hostIP}/32`, 'dev', 'lo');
    this.added.add(this.hostIP);
  }

  /** The node's own address (status.hostIP). */
  get hostIP(): string {
    return `${this.prefix}.1`;
  }

  /** A stable address for `key` (a pod uid or a Service), from .2 to .254. */
  allocate(key: string): string {
    const known = this.used.get(key);
    if (known) return known;
    const taken = new Set(this.used.values());
    for (let i = 2; i < 255; i++) {
      const address = `${this.prefix}.${i}`;
      if (!taken.has(address)) {
        ip('addr', 'add', `${address}/32`, 'dev', 'lo');
        this.added.add(address);
        this.used.set(key, address);
        return address;
      }
    }
    throw new Error('no free pod address left');
  }

  release(key: string): void {
    this.used.delete(key);
  }

  /** Takes every address of this runtime off the loopback interface. */
  removeAll(): void {
    for (const address of this.added) {
      try {
        ip('addr', 'del', `${address}/32`, 'dev', 'lo');
      } catch {
        // Not there.
      }
    }
  }
}

interface Listener {
  ip: string;
  servers: Server[];
  udp: UdpSocket[];
  ports: string;
}

function closeListener(listener: Listener): void {
  for (const s of listener.servers) s.close();
  for (const s of listener.udp) s.close();
}

export class ServiceNetwork {
  private readonly dir: string;
  private readonly addresses: Addresses;
  private readonly listeners = new Map<string, Listener>();
  private readonly written = new Map<string, string>();
  private readonly stamps = new Map<string, number>();
  services = new Map<string, Service>();
  slices = new Map<string, EndpointSlice>();
  pods = new Map<string, { pod: Pod; ip: string }>();

  constructor(dir: string, addresses: Addresses) {
    this.dir = dir;
    this.addresses = addresses;
    mkdirSync(dir, { recursive: true });
  }

  hostsFile(namespace: string): string {
    return join(this.dir, `hosts-${namespace}`);
  }

  /** Brings listeners and hosts files in line with the Services, slices and pods known now. */
  refresh(namespaces: Iterable<string>): void {
    for (const service of this.services.values()) this.listen(service);
    for (const [key, listener] of this.listeners) {
      if (!this.services.has(key)) {
        closeListener(listener);
        this.listeners.delete(key);
        this.addresses.release(`service:${key}`);
      }
    }
    for (const namespace of namespaces) this.writeHosts(namespace);
  }

  private readyAddresses(namespace: string, service: string): string[] {
    return [...this.slices.values()]
      .filter((s) => s.metadata.namespace === namespace && s.metadata.labels?.['kubernetes.io/service-name'] === service)
      .flatMap((s) => (s.endpoints ?? []).filter((e) => e.conditions?.ready !== false).flatMap((e) => e.addresses));
  }

  private writeHosts(namespace: string): void {
    // Pods first: a reverse lookup answers with the first line of an address,
    // and a pod's own name (hostname.subdomain...) is what it must get back.
    const lines: string[] = [`127.0.0.1 localhost`];
    for (const { pod, ip } of this.pods.values()) {
      if (pod.metadata.namespace !== namespace) continue;
      const host = pod.spec.hostname ?? pod.metadata.name;
      const sub = pod.spec.subdomain;
      lines.push(sub ? `${ip} ${host}.${sub}.${namespace}.${domain} ${host}.${sub}.${namespace}.svc ${host}.${sub} ${host}` : `${ip} ${host}`);
    }
    for (const [key, service] of this.services) {
      if (service.metadata.namespace !== namespace) continue;
      const name = service.metadata.name;
      const names = `${name}.${namespace}.${domain} ${name}.${namespace}.svc ${name}.${namespace} ${name}`;
      const listener = this.listeners.get(key);
      const ip = listener?.ip ?? this.readyAddresses(namespace, name)[0];
      if (ip) lines.push(`${ip} ${names}`);
    }
    const text = `${lines.join('\n')}\n`;
    const file = this.hostsFile(namespace);
    if (this.written.get(file) === text) return;
    writeFileSync(`${file}.new`, text);
    // nss_wrapper re-reads the file when its mtime (in whole seconds)
    // changes: each version gets a later second than the one before.
    const second = Math.max(Math.floor(Date.now() / 1000), (this.stamps.get(file) ?? 0) + 1);
    utimesSync(`${file}.new`, second, second);
    this.stamps.set(file, second);
    renameSync(`${file}.new`, file);
    this.written.set(file, text);
  }

  private listen(service: Service): void {
    const key = `${service.metadata.namespace}/${service.metadata.name}`;
    if (!service.spec.clusterIP || service.spec.clusterIP === 'None') return;
    const ports = JSON.stringify(service.spec.ports ?? []);
    const existing = this.listeners.get(key);
    if (existing?.ports === ports) return;
    if (existing) closeListener(existing);
    const ip = this.addresses.allocate(`service:${key}`);
    const servers = (service.spec.ports ?? [])
      .filter((p) => (p.protocol ?? 'TCP') === 'TCP')
      .map((port) => {
        const server = createServer((socket) => {
          const target = this.pick(service, port.name);
          if (!target) {
            socket.destroy();
            return;
          }
          const upstream = connect(target.port, target.ip);
          socket.pipe(upstream).pipe(socket);
          upstream.on('error', () => socket.destroy());
          socket.on('error', () => upstream.destroy());
        });
        server.on('error', (error) => console.error(`service ${key} port ${port.port}: ${error.message}`));
        server.listen(port.port, ip);
        return server;
      });
    const udp = (service.spec.ports ?? [])
      .filter((p) => p.protocol === 'UDP')
      .map((port) => udpForwarder(ip, port.port, () => this.pick(service, port.name), (message) => console.error(`service ${key} port ${port.port}/UDP: ${message}`)));
    this.listeners.set(key, { ip, servers, udp, ports });
  }

  /** One ready endpoint of the Service for the port named `portName`, chosen at random. */
  private pick(service: Service, portName: string | undefined): { ip: string; port: number } | undefined {
    const candidates: { ip: string; port: number }[] = [];
    for (const slice of this.slices.values()) {
      if (slice.metadata.namespace !== service.metadata.namespace) continue;
      if (slice.metadata.labels?.['kubernetes.io/service-name'] !== service.metadata.name) continue;
      const port = (slice.ports ?? []).find((p) => (p.name ?? '') === (portName ?? ''))?.port;
      if (port === undefined) continue;
      for (const e of slice.endpoints ?? []) if (e.conditions?.ready !== false) for (const ip of e.addresses) candidates.push({ ip, port });
    }
    return candidates[Math.floor(Math.random() * candidates.length)];
  }

  /** The local address of a ClusterIP Service ("namespace/name"), once it listens. */
  serviceAddress(key: string): string | undefined {
    return this.listeners.get(key)?.ip;
  }

  close(): void {
    for (const l of this.listeners.values()) closeListener(l);
  }
}
