// A Service's UDP port in the process runtime: datagrams go to the endpoint
// the Service picks, each sender keeps its endpoint, and replies come back.
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { udpForwarder } from '../../../hack/runtime/udp.ts';

const sockets: Socket[] = [];

async function bound(onMessage?: (socket: Socket, message: Buffer, from: { address: string; port: number }) => void): Promise<{ socket: Socket; port: number }> {
  const socket = createSocket('udp4');
  sockets.push(socket);
  if (onMessage) socket.on('message', (message, from) => onMessage(socket, message, from));
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return { socket, port: socket.address().port };
}

/** A UDP endpoint that answers each datagram with its name and the datagram. */
function echo(name: string) {
  return bound((socket, message, from) => socket.send(`${name}:${message.toString()}`, from.port, from.address));
}

afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

describe('a Service\'s UDP port', () => {
  it('forwards each datagram to the picked endpoint and the reply back to its sender, keeping the endpoint per sender', async () => {
    const [a, b] = [await echo('a'), await echo('b')];
    const targets = [a.port, b.port];
    let picks = 0;
    const errors: string[] = [];
    const forwarder = udpForwarder('127.0.0.1', 0, () => ({ ip: '127.0.0.1', port: targets[picks++ % 2] ?? 0 }), (m) => errors.push(m));
    sockets.push(forwarder);
    await once(forwarder, 'listening');
    const port = forwarder.address().port;

    const client = await bound();
    const replies: string[] = [];
    client.socket.on('message', (m) => replies.push(m.toString()));
    const second = await bound();
    const secondReplies: string[] = [];
    second.socket.on('message', (m) => secondReplies.push(m.toString()));

    client.socket.send('one', port, '127.0.0.1');
    await once(client.socket, 'message');
    client.socket.send('two', port, '127.0.0.1');
    await once(client.socket, 'message');
    second.socket.send('three', port, '127.0.0.1');
    await once(second.socket, 'message');

    expect(replies).toEqual(['a:one', 'a:two']);
    expect(secondReplies).toEqual(['b:three']);
    expect(errors).toEqual([]);
  });
});
