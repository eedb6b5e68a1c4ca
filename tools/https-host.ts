/**
 * An HTTPS server on 127.0.0.1:443 that answers for real hostnames, for a browser told to resolve
 * them here (Firefox's `network.dns.localDomains`, tools/firefox.ts) and to accept its self-signed
 * certificate: how the Firefox tests serve the blogs' RSS feeds to the extension's background, whose
 * requests WebDriver BiDi's interception does not see. Needs the right to listen on port 443.
 */
import { createServer, type Server } from 'node:https';
import { generate } from 'selfsigned';

export interface HttpsAnswer {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

export async function startHttpsHost(
  hostnames: readonly string[],
  answer: (url: string, headers: Record<string, string | string[] | undefined>) => HttpsAnswer,
): Promise<{ close(): Promise<void> }> {
  const pems = await generate([{ name: 'commonName', value: hostnames[0]! }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: hostnames.map((value) => ({ type: 2 as const, value })) }],
  });
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const { status, type, body, headers = {} } = answer(`https://${req.headers.host}${req.url}`, req.headers);
    res.writeHead(status, { 'Content-Type': type, ...headers }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, '127.0.0.1', resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
