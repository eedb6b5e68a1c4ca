// @vitest-environment node
/**
 * The one hardened fetch against hostile servers on this machine, started by the test: a redirect to
 * a host the rule refuses, a gzip bomb with no length, a body dripped a byte a second. No mocked fetch.
 */
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRemoteFile } from '../../../background/net/remote-file';
import { FeedHost } from '../../../tools/feed-host';
import { feedUrlProblem } from '../../../utils/feeds/feed-format';

const request = { what: 'the feed', urlProblem: feedUrlProblem, maxBytes: 1_000_000, timeoutMs: 2_000 };

describe('the hardened fetch, against hostile servers on 127.0.0.1', () => {
  const host = new FeedHost();
  /** Another host, as far as the feed URL rule goes: a loopback address that is not 127.0.0.1. */
  const elsewhere = new FeedHost();
  beforeAll(async () => {
    await host.start();
    await elsewhere.start('127.0.0.2');
    elsewhere.files.set('index.json', '{"format":"blog-brief-feed"}');
  });
  afterAll(async () => {
    await host.stop();
    await elsewhere.stop();
  });

  it('reads a file, and says where it came from', async () => {
    host.files.set('index.json', '{"ok":true}');
    const file = await fetchRemoteFile(host.url, request);
    expect(file).toMatchObject({ status: 200, url: host.url, text: '{"ok":true}', bytes: 11 });
  });

  it('refuses a redirect to a URL the rule refuses, without reading it', async () => {
    host.hostile = (path, _req, res) => {
      if (path !== 'index.json') return false;
      res.writeHead(302, { Location: elsewhere.url }).end();
      return true;
    };
    await expect(fetchRemoteFile(host.url, request)).rejects.toThrow(
      `The feed redirected to ${elsewhere.url}, which is refused: a feed must be served over https`,
    );
    host.hostile = null;
  });

  it('follows a redirect the rule allows', async () => {
    const target = host.url.replace('index.json', 'moved.json');
    host.files.set('moved.json', '{"moved":true}');
    host.hostile = (path, _req, res) => {
      if (path !== 'index.json') return false;
      res.writeHead(301, { Location: target }).end();
      return true;
    };
    expect(await fetchRemoteFile(host.url, request)).toMatchObject({
      status: 200,
      url: target,
      text: '{"moved":true}',
    });
    host.hostile = null;
  });

  it('cuts off a gzip bomb with no length at the cap of decoded bytes, long before its end', async () => {
    let written = 0;
    let closedEarly = false;
    const bomb = 1024 ** 3; // 1 GiB of zeros, about 1 MB on the wire
    host.hostile = (path, _req, res) => {
      if (path !== 'index.json') return false;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      const gzip = createGzip();
      gzip.pipe(res);
      const chunk = Buffer.alloc(1024 * 1024);
      const pump = () => {
        while (written < bomb && !res.destroyed) {
          written += chunk.length;
          if (!gzip.write(chunk)) return void gzip.once('drain', pump);
        }
        gzip.end();
      };
      res.on('close', () => (closedEarly = written < bomb));
      pump();
      return true;
    };
    const started = performance.now();
    await expect(fetchRemoteFile(host.url, request)).rejects.toThrow('The feed is over 1,000,000 bytes: cut off');
    expect(performance.now() - started).toBeLessThan(5_000);
    await expect.poll(() => closedEarly).toBe(true);
    expect(written).toBeLessThan(bomb / 10);
    host.hostile = null;
  });

  it('refuses a declared length over the cap before reading anything', async () => {
    host.hostile = (path, _req, res) => {
      if (path !== 'index.json') return false;
      res.writeHead(200, { 'Content-Length': String(5_000_000) });
      res.write('x');
      return true;
    };
    await expect(fetchRemoteFile(host.url, request)).rejects.toThrow('The feed is over 1,000,000 bytes');
    host.hostile = null;
  });

  it('cuts off a server that sends its headers, then one byte a second, at the deadline', async () => {
    host.hostile = (path, _req, res) => {
      if (path !== 'index.json') return false;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write('{')), 1_000);
      res.on('close', () => clearInterval(drip));
      return true;
    };
    const started = performance.now();
    await expect(fetchRemoteFile(host.url, { ...request, timeoutMs: 1_000 })).rejects.toThrow(
      'The feed took longer than 1 s: cut off',
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    host.hostile = null;
  });

  it('sends no cookie and no referrer', async () => {
    let headers: Record<string, unknown> = {};
    host.hostile = (path, req, res) => {
      if (path !== 'index.json') return false;
      headers = req.headers;
      res.writeHead(200).end('{}');
      return true;
    };
    await fetchRemoteFile(host.url, request);
    expect(headers.cookie).toBeUndefined();
    expect(headers.referer).toBeUndefined();
    host.hostile = null;
  });
});
