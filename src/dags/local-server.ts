/**
 * What the two local servers of `validate` (Airflow kept imported, ruff kept
 * loaded) share on the client side: connecting to a server's Unix socket in
 * the cache folder, and asking every server there to stop.
 */
import { readdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';

/** A Unix socket's path must fit in 108 bytes (sun_path), with room to spare. */
export const maxSocketPathBytes = 100;

/** Connects to a Unix socket, or null when nothing listens there. */
export function connectedSocket(path: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const fail = (): void => {
      socket.destroy();
      resolve(null);
    };
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.off('error', fail);
      // Errors after this point end the caller's line reader, which handles them.
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}

/** Asks every server whose socket in `folder` matches `name` to stop, and waits until each has closed it. */
export async function stopServers(folder: string, name: RegExp): Promise<void> {
  let sockets: string[];
  try {
    sockets = readdirSync(folder).filter((entry) => name.test(entry));
  } catch {
    return;
  }
  await Promise.all(sockets.map(async (entry) => {
    const socket = await connectedSocket(join(folder, entry));
    if (socket === null) return;
    await new Promise((resolve) => {
      socket.on('close', resolve);
      socket.end(`${JSON.stringify({ stop: true })}\n`);
    });
  }));
}
