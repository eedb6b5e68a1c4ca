/** A feed host for tests and the bench: a real HTTP server on 127.0.0.1, serving a feed the real builder made. */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '../utils/catalog/catalog-schema';
import { buildFeed } from '../utils/feeds/feed-format';

/** A static host: serves `files` with an ETag, answers If-None-Match with 304; `override` plays a broken host. */
export class FeedHost {
  files = new Map<string, string>();
  requests: string[] = [];
  /** Body bytes of every 200 answer since the last reset (what a check moved over the wire). */
  bytesServed = 0;
  override: ((path: string) => { status: number; body: string; type?: string } | null) | null = null;
  /** Plays a hostile host (redirects, slow or endless bodies): true when it answered. */
  hostile: ((path: string, req: IncomingMessage, res: ServerResponse) => boolean) | null = null;
  private server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/^\/feed\//, '');
    this.requests.push(path);
    if (this.hostile?.(path, req, res)) return;
    const forced = this.override?.(path);
    if (forced) {
      res
        .writeHead(forced.status, {
          'Content-Type': forced.type ?? 'application/json',
          'Access-Control-Allow-Origin': '*',
        })
        .end(forced.body);
      return;
    }
    const body = this.files.get(path);
    if (body === undefined) return void res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end('not found');
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      return void res.writeHead(304, { ETag: etag, 'Access-Control-Allow-Origin': '*' }).end();
    }
    this.bytesServed += Buffer.byteLength(body);
    res
      .writeHead(200, { 'Content-Type': 'application/json', ETag: etag, 'Access-Control-Allow-Origin': '*' })
      .end(body);
  });
  url = '';
  /** On 127.0.0.1 by default; another loopback address plays another host. */
  async start(address = '127.0.0.1') {
    await new Promise<void>((resolve) => this.server.listen(0, address, resolve));
    this.url = `http://${address}:${(this.server.address() as AddressInfo).port}/feed/index.json`;
  }
  async publish(catalog: Catalog, privateKey?: JsonWebKey) {
    this.files = (await buildFeed(catalog, new Date(), privateKey)).files;
  }
  stop() {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(resolve));
  }
}
