/**
 * A loopback TCP proxy (127.0.0.1, port 0) in front of a server (PostgreSQL, Redis): the network between the bot
 * and its database, which a test can cut and restore.
 *
 * Contract: while open, every connection is piped both ways to `target`. `cut()` destroys every open connection
 * at once and makes new ones fail at once (accepted, then destroyed) until `restore()`. `close()` destroys
 * everything and stops listening; it never waits for a client.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** `target` URL with its host and port replaced by the proxy's. */
  url(target: string): string;
  cut(): void;
  restore(): void;
  /** Connections accepted so far (cut ones included). */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let isCut = false;
  let connections = 0;
  const server = createServer((client) => {
    connections += 1;
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The TCP proxy has no port.');
  const port = address.port;
  return {
    port,
    url(target) {
      const url = new URL(target);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    cut() {
      isCut = true;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      isCut = false;
    },
    get connections() {
      return connections;
    },
    async close() {
      isCut = true;
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
