/**
 * The one way the background fetches a file from the open web: the briefs feeds' index, signature
 * and shards (background/feeds/feed-check.ts) and the blogs' own RSS feeds (background/blog-feeds/).
 * What a hostile or broken server cannot do through it:
 *   - send us elsewhere: redirects are followed by the browser, then the final URL is held to the
 *     same rule as the first (an https feed redirected to http, a local one to another host, is
 *     refused, its body unread);
 *   - fill memory: the body is read as a stream and cut off at `maxBytes` of *decoded* bytes (a
 *     gzip bomb is as large to us as it is once inflated), whatever Content-Length says;
 *   - hold us: one deadline covers the headers and the whole body (a server dripping a byte a second
 *     is cut off at it);
 *   - see who the reader is: no cookies, no credentials, no referrer; the HTTP cache only revalidated.
 * Every failure is a RemoteFileError whose message a reader can act on; the caller keeps its last
 * good copy.
 */

export class RemoteFileError extends Error {
  override name = 'RemoteFileError';
}

export interface RemoteFileRequest {
  /** What the file is, in the reader's words: "the index", "the feed". */
  what: string;
  /** The rule every URL (the first, and the last after redirects) must meet: null when it does. */
  urlProblem: (url: string) => string | null;
  maxBytes: number;
  /** For the headers and the whole body. */
  timeoutMs: number;
  /** Conditional-request and Accept headers. */
  headers?: Record<string, string>;
  fetchFn?: typeof fetch;
}

export type RemoteFile =
  | { status: 304; url: string; headers: Headers }
  | { status: 200; url: string; headers: Headers; text: string; bytes: number };

/** Default deadline for one file: feeds are small; a server that needs longer is failing. */
export const REMOTE_TIMEOUT_MS = 30_000;

export async function fetchRemoteFile(url: string, request: RemoteFileRequest): Promise<RemoteFile> {
  const { what, urlProblem, maxBytes, timeoutMs, headers = {}, fetchFn = fetch } = request;
  const problem = urlProblem(url);
  if (problem) throw new RemoteFileError(`Cannot use ${url}: ${problem}`);
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(), timeoutMs);
  const limit = timeoutMs >= 1_000 ? `${Math.round(timeoutMs / 1_000)} s` : `${timeoutMs} ms`;
  const timedOut = () => new RemoteFileError(`${capitalized(what)} took longer than ${limit}: cut off`);
  try {
    let response: Response;
    try {
      response = await fetchFn(url, {
        headers,
        cache: 'no-cache',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) throw timedOut();
      throw new RemoteFileError(`Could not reach ${what} (${error instanceof Error ? error.message : String(error)})`);
    }
    const finalUrl = response.url || url;
    const redirected = finalUrl !== url ? urlProblem(finalUrl) : null;
    if (redirected) {
      await response.body?.cancel().catch(() => undefined);
      throw new RemoteFileError(`${capitalized(what)} redirected to ${finalUrl}, which is refused: ${redirected}`);
    }
    if (response.status === 304) return { status: 304, url: finalUrl, headers: response.headers };
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new RemoteFileError(`Could not reach ${what}: HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get('Content-Length') ?? 0);
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new RemoteFileError(`${capitalized(what)} is over ${maxBytes.toLocaleString('en-US')} bytes`);
    }
    const body = await readCapped(response, maxBytes, what).catch((error: unknown) => {
      throw controller.signal.aborted ? timedOut() : error;
    });
    return { status: 200, url: finalUrl, headers: response.headers, ...body };
  } finally {
    clearTimeout(deadline);
  }
}

/** The body as text, read chunk by chunk and cut off past `maxBytes`. */
async function readCapped(
  response: Response,
  maxBytes: number,
  what: string,
): Promise<{ text: string; bytes: number }> {
  const decoder = new TextDecoder('utf-8');
  const reader = response.body?.getReader();
  if (!reader) return { text: '', bytes: 0 };
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new RemoteFileError(`Could not read ${what} (${error instanceof Error ? error.message : String(error)})`);
    }
    if (chunk.done) break;
    bytes += chunk.value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new RemoteFileError(`${capitalized(what)} is over ${maxBytes.toLocaleString('en-US')} bytes: cut off`);
    }
    parts.push(decoder.decode(chunk.value, { stream: true }));
  }
  parts.push(decoder.decode());
  return { text: parts.join(''), bytes };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
