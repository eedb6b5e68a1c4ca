/**
 * Take it with you, in a real Firefox (issue 23): with a brief and two highlights of the reader, the
 * options page's Markdown zip opens as notes (front matter parsed by a YAML parser), its whole backup
 * restores into a fresh profile, and its published feed, served from 127.0.0.1 and added in that
 * profile, shows the brief beside the article. Downloads are read from the options page itself:
 * WebDriver BiDi in Firefox ESR does not hand downloads to the test.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FeedHost } from '../../tools/feed-host';
import { type LaunchedFirefox, launchFirefox, waitInPage } from '../../tools/firefox';
import { articlePage } from '../../tools/fixture-pages';
import { titleIs, until } from './firefox-probes';

const ARTICLE = {
  key: 'medium:5b1f0c2d3e4a',
  url: 'https://netflixtechblog.com/how-we-tail-logs-at-scale-5b1f0c2d3e4a',
  title: 'How we tail logs at scale',
  blog: 'netflix',
};
const WHY = 'Our agent drops batches under load: *this* is the fix';

/** Every download the options page starts, kept in the page as base64 for the test to read. */
function captureDownloads() {
  const world = window as unknown as { __downloads: { name: string; base64: string }[] };
  world.__downloads = [];
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    const name = this.download;
    void fetch(this.href)
      .then((r) => r.arrayBuffer())
      .then((buffer) => {
        let binary = '';
        for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
        world.__downloads.push({ name, base64: btoa(binary) });
      });
  };
}

async function pressButton(page: Page, name: string) {
  await until(
    () =>
      page.evaluate((label) => {
        const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label);
        button?.click();
        return Boolean(button);
      }, name),
    Boolean,
    `the button "${name}"`,
  );
}

async function nextDownload(page: Page, count: number): Promise<{ name: string; bytes: Uint8Array }> {
  const all = await until(
    () => page.evaluate(() => (window as unknown as { __downloads: { name: string; base64: string }[] }).__downloads),
    (list) => list.length >= count,
    'the download',
  );
  const { name, base64 } = all[count - 1]!;
  return { name, bytes: new Uint8Array(Buffer.from(base64, 'base64')) };
}

async function restore(page: Page, file: { name: string; bytes: Uint8Array }) {
  const input = await waitInPage(page, () => document.querySelector('input[type=file]'), [], 'the restore input');
  const { writeFile, mkdtemp } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const path = join(await mkdtemp(join(tmpdir(), 'bb-ff-')), file.name);
  await writeFile(path, file.bytes);
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
}

describe.skipIf(!inject('firefoxPath'))('take it with you, in Firefox', () => {
  let firefox: LaunchedFirefox;
  let options: Page;
  let markdown: { name: string; bytes: Uint8Array };
  let backup: { name: string; bytes: Uint8Array };
  let feedZip: { name: string; bytes: Uint8Array };
  beforeAll(async () => {
    firefox = await launchFirefox({ extensionPath: inject('firefoxExtensionPath'), blogPage: () => articlePage() });
    options = await firefox.openExtensionPage('options.html', { width: 900, height: 900 });
    await waitInPage(options, () => document.querySelector('#markdown-heading'), [], 'the options page');
    // The reader's brief and highlights, as the notes' frame saves them (its editing is tested in firefox-notes).
    await options.evaluate(
      async (article, why) => {
        const ext = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
          .browser;
        await ext.runtime.sendMessage({
          type: 'notes:save-brief',
          article,
          brief: { why, points: ['Batch in the agent'], tags: ['logging'], updatedAt: Date.now() },
        });
        for (const [i, exact] of ['second passage', 'first passage'].entries()) {
          await ext.runtime.sendMessage({
            type: 'notes:add-highlight',
            article,
            highlight: {
              id: `hl${i}abcdef`,
              exact,
              prefix: '',
              suffix: '',
              start: i === 0 ? 200 : 10,
              note: '',
              createdAt: Date.now(),
            },
          });
        }
      },
      ARTICLE,
      WHY,
    );
    await options.evaluate(captureDownloads);
  }, 60_000);
  afterAll(() => firefox?.close());

  it('exports Markdown that opens as a note: front matter, the brief, the highlights in page order', async () => {
    await pressButton(options, 'Export as Markdown: one file per article (zip)');
    markdown = await nextDownload(options, 1);
    const files = unzipSync(markdown.bytes);
    expect(Object.keys(files)).toEqual(['How we tail logs at scale.md']);
    const md = strFromU8(files['How we tail logs at scale.md']!);
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(md)![1]!) as Record<string, unknown>;
    expect(front).toMatchObject({
      title: ARTICLE.title,
      url: ARTICLE.url,
      blog: 'Netflix TechBlog',
      tags: ['logging'],
    });
    expect(md).toContain('## Your brief\n\nOur agent drops batches under load: \\*this\\* is the fix');
    expect(md.split('\n').filter((l) => l.startsWith('> '))).toEqual(['> first passage', '> second passage']);
  });

  it('exports a whole backup and publishes the briefs as a feed', async () => {
    await pressButton(options, 'Export a whole backup');
    backup = await nextDownload(options, 2);
    expect(JSON.parse(strFromU8(backup.bytes))).toMatchObject({ format: 'blog-brief-backup', version: 1 });
    await pressButton(options, 'Publish my briefs as a feed');
    feedZip = await nextDownload(options, 3);
    expect(Object.keys(unzipSync(feedZip.bytes))).toContain('index.json');
  });

  it('restores the backup into a fresh profile, and the published feed shows the brief beside the article', async () => {
    const teamHost = new FeedHost();
    await teamHost.start();
    for (const [path, bytes] of Object.entries(unzipSync(feedZip.bytes))) teamHost.files.set(path, strFromU8(bytes));
    const fresh = await launchFirefox({
      extensionPath: inject('firefoxExtensionPath'),
      blogPage: () => articlePage({ title: ARTICLE.title }),
    });
    try {
      const freshOptions = await fresh.openExtensionPage('options.html', { width: 900, height: 900 });
      await restore(freshOptions, backup);
      const outcome = await until(
        () => freshOptions.evaluate(() => document.querySelector('.outcome')?.textContent ?? ''),
        (text) => text.includes('Added 3 of your briefs and highlights.'),
        'the restore',
      );
      expect(outcome).toContain('Added 3 of your briefs and highlights.');
      const notes = (await freshOptions.evaluate(() =>
        (
          globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).browser.runtime.sendMessage({
          type: 'notes:list',
        }),
      )) as { brief: { why: string } | null; highlights: unknown[] }[];
      expect(notes.map((n) => [n.brief?.why, n.highlights.length])).toEqual([[WHY, 2]]);

      const field = await waitInPage(freshOptions, () => document.querySelector('#feed-url'), [], 'the Feed URL field');
      await field.type(teamHost.url);
      await freshOptions.keyboard.press('Enter');
      await until(
        () =>
          freshOptions.evaluate(
            () => document.querySelector('#feeds-heading ~ .feeds .feed-status')?.textContent ?? null,
          ),
        (text) => /^1 brief · checked/.test(text ?? ''),
        'the feed’s status',
      );
      const article = await fresh.browser.newPage();
      await fresh.setViewport(article, { width: 1440, height: 900 });
      await article.goto(ARTICLE.url);
      expect((await titleIs(article, ARTICLE.title))?.visible).toBe(true);
    } finally {
      await fresh.close();
      await teamHost.stop();
    }
  });
});
