import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  server: http.Server;
  port: number;
  url: string;
}

/** Listens on host:port (port 0 picks a free one, as tests do) and reports the address actually bound. */
export async function listen(app: Express | http.Server, host: string, port: number): Promise<Listening> {
  const server = app instanceof http.Server ? app : http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { server, port: bound, url: `http://${shownHost}:${bound}` };
}
