// A UDP port of a ClusterIP Service, as kube-proxy forwards it: each sender
// (address and port) is given one ready endpoint, picked at its first
// datagram, and a socket of its own towards it, so replies come back to the
// sender; a flow idle for 30 s is forgotten (conntrack's UDP timeout).
import { createSocket, type Socket } from 'node:dgram';

type Endpoint = { ip: string; port: number };

const idleMs = 30_000;

export function udpForwarder(ip: string, port: number, pick: () => Endpoint | undefined, report: (message: string) => void): Socket {
  const listener = createSocket('udp4');
  const flows = new Map<string, { upstream: Socket; target: Endpoint; timer: NodeJS.Timeout }>();
  const forget = (sender: string) => {
    const flow = flows.get(sender);
    if (!flow) return;
    flows.delete(sender);
    clearTimeout(flow.timer);
    flow.upstream.close();
  };
  listener.on('message', (message, from) => {
    const sender = `${from.address}:${from.port}`;
    let flow = flows.get(sender);
    if (!flow) {
      const target = pick();
      // No ready endpoint: the datagram is dropped, as kube-proxy drops it.
      if (!target) return;
      const upstream = createSocket('udp4');
      upstream.on('message', (reply) => listener.send(reply, from.port, from.address));
      upstream.on('error', (error) => report(error.message));
      flow = { upstream, target, timer: setTimeout(() => forget(sender), idleMs).unref() };
      flows.set(sender, flow);
    }
    flow.timer.refresh();
    flow.upstream.send(message, flow.target.port, flow.target.ip);
  });
  listener.on('error', (error) => report(error.message));
  listener.on('close', () => {
    for (const sender of [...flows.keys()]) forget(sender);
  });
  listener.bind(port, ip);
  return listener;
}
