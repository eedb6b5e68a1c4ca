/**
 * An HTTPS server on 127.0.0.1 that answers for real hostnames, behind a CONNECT proxy that Firefox is
 * told to use for https (tools/firefox.ts `httpsProxy`; its self-signed certificate accepted): how the
 * Firefox tests serve the blogs' RSS feeds to the extension's background, whose requests WebDriver
 * BiDi's interception does not see. Both listen on free ports, so no privilege is needed; the proxy
 * tunnels only `hostnames` and refuses every other host.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { generate } from 'selfsigned';

export interface HttpsAnswer {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

export interface HttpsHost {
  /** The port of the CONNECT proxy to give Firefox. */
  proxyPort: number;
  close(): Promise<void>;
}

export async function startHttpsHost(
  hostnames: readonly string[],
  answer: (url: string, headers: Record<string, string | string[] | undefined>) => HttpsAnswer,
): Promise<HttpsHost> {
  const pems = await generate([{ name: 'commonName', value: hostnames[0]! }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: hostnames.map((value) => ({ type: 2 as const, value })) }],
  });
  const https: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const { status, type, body, headers = {} } = answer(`https://${req.headers.host}${req.url}`, req.headers);
    res.writeHead(status, { 'Content-Type': type, ...headers }).end(body);
  });
  const sockets = new Set<Socket>();
  const proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!hostnames.includes(host)) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect((https.address() as AddressInfo).port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
  });
  const listen = (server: Server | ReturnType<typeof createHttpServer>) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
  await listen(https);
  await listen(proxy);
  const close = (server: Server | ReturnType<typeof createHttpServer>) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    proxyPort: (proxy.address() as AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await close(proxy);
      await close(https);
    },
  };
}
