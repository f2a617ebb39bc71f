import net from 'node:net';
import { waitUntil } from './wait';

/** True when something accepts a TCP connection on 127.0.0.1:port. */
export function canConnect(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    // No host: the wildcard address, which is what the api binds, so a clash on any interface shows.
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Free means we can bind it and nobody answers on it: binding alone can succeed next to a server
 * bound to one specific address, and the connect check catches that case.
 */
export async function isPortFree(port: number): Promise<boolean> {
  return (await canListen(port)) && !(await canConnect(port));
}

/** The preferred port if free, else the next free one above it, else whatever the kernel hands out. */
export async function findFreePort(preferred: number, attempts = 20): Promise<number> {
  for (let port = preferred; port < preferred + attempts; port++) {
    if (await isPortFree(port)) return port;
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export function waitForPort(
  port: number,
  what: string,
  options: { timeoutMs: number; giveUpIf?: () => string | undefined },
) {
  return waitUntil(what, () => canConnect(port), options);
}
