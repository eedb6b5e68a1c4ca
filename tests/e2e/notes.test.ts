/**
 * The reader's own brief and highlights on an article no catalog holds (issue 21), in Chromium: made
 * from the popup's "Add your brief" and the selection's "Highlight" control, found again after a
 * reload and an in-app move away and back, found by the popup's search, and out of the page's reach.
 */
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FeedHost } from '../../tools/feed-host';
import { articlePage } from '../../tools/fixture-pages';
import { syntheticCatalog } from '../../tools/synthetic-catalog';
import { chromiumPath, type ExtensionBrowser, launchWithExtension } from './harness';
import { placesPageCanRead } from './page-probes';

/** An article of the Netflix TechBlog that no catalog holds: its own text, so the passages are unique. */
const ARTICLE_URL = 'https://netflixtechblog.com/how-we-tail-logs-at-scale-5b1f0c2d3e4a';
const OTHER_URL = 'https://netflixtechblog.com/a-different-article-6c2e1d3f4a5b';
const PARAGRAPHS = [
  'Every service at Netflix writes its logs to a local agent that batches them for the pipeline.',
  'The agent compresses each batch and ships it to Kafka, where consumers fan it out by stream.',
  'Searchable indexes are built per hour, and older hours are compacted into cold storage on S3.',
  'Engineers tail a service live by subscribing to its stream with a short filter expression.',
];
const page = (paragraphs = PARAGRAPHS) =>
  articlePage({ title: 'How we tail logs at scale' }).replace(
    /<h1>How we tail logs at scale<\/h1>[\s\S]*<\/article>/,
    `<h1>How we tail logs at scale</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>`,
  );

/** Moves the keyboard to the notes' frame, from the page's world (its element is in open shadow roots). */
function focusNotesFrame(): void {
  const panel = document.querySelector('[data-blog-brief-panel]')?.shadowRoot;
  panel?.querySelector('.bb-own')?.shadowRoot?.querySelector('iframe')?.focus();
}

type ExtensionGlobal = {
  chrome: {
    runtime: { sendMessage(m: unknown): Promise<unknown> };
    tabs: { query(q: unknown): Promise<{ id: number }[]> };
  };
};

describe.skipIf(!chromiumPath)('your own brief and highlights, in Chromium', () => {
  let browser: ExtensionBrowser;
  let article: Page;
  const panel = () => article.getByRole('complementary', { name: 'Blog Brief' });
  /**
   * The notes' frame, once Playwright has attached to it: an extension page in another process, whose
   * actions started before that hang, so the test waits for a frame that answers.
   */
  let frame: Frame | null = null;
  const notesFrame = (): Frame => frame!;
  async function awaitFrame() {
    frame = null;
    await expect
      .poll(
        async () => {
          const candidate = article.frames().find((f) => f.url().includes('/notes-frame.html'));
          if (!candidate) return false;
          const answered = await Promise.race([
            candidate.evaluate(() => document.readyState === 'complete' && !!document.querySelector('.own')),
            new Promise<false>((resolve) => setTimeout(() => resolve(false), 500)),
          ]).catch(() => false);
          if (answered) frame = candidate;
          return answered;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  }
  const painted = () =>
    article.evaluate(
      () => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('blog-brief')?.size ?? 0,
    );
  const paintedText = () =>
    article.evaluate(() =>
      [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('blog-brief') ?? [])]
        .map((r) => r.toString())
        .sort(),
    );

  /** Selects a passage of the nth paragraph, as a reader's drag would leave it, and clicks "Highlight". */
  async function highlight(paragraph: number, passage: string) {
    await article.evaluate(
      ([n, text]) => {
        const node = document.querySelectorAll('article p')[n as number]!.firstChild as Text;
        const start = node.data.indexOf(text as string);
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + (text as string).length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      },
      [paragraph, passage] as const,
    );
    await article.getByRole('button', { name: 'Highlight', exact: true }).click();
  }

  /**
   * Presses a control of the notes' frame from the keyboard, as a keyboard reader does: Playwright's
   * mouse clicks land off target in a frame of another process inside a fixed shadow-root panel.
   */
  async function press(name: string) {
    const control = notesFrame().getByRole('button', { name, exact: true });
    await control.waitFor();
    // The keyboard into the frame first, as a click or Tab into it would move it.
    await article.evaluate(focusNotesFrame);
    await control.evaluate((el) => (el as HTMLElement).focus());
    await article.keyboard.press('Enter');
  }

  beforeAll(async () => {
    browser = await launchWithExtension();
    await browser.serve(ARTICLE_URL, page());
    await browser.serve(OTHER_URL, articlePage({ title: 'A different article' }));
    article = await browser.context.newPage();
    await article.setViewportSize({ width: 1400, height: 900 });
  });
  afterAll(() => browser?.close());

  it('runs nothing of the notes on an article without a brief or notes, until the reader asks', async () => {
    await article.goto(ARTICLE_URL);
    await article.waitForLoadState('load');
    expect(await article.locator('[data-blog-brief-panel], [data-blog-brief-highlight]').count()).toBe(0);
    // A selection offers nothing yet: the notes' code is not on the page.
    await article.evaluate(() => getSelection()!.selectAllChildren(document.querySelector('article p')!));
    await article.waitForTimeout(300);
    expect(await article.locator('[data-blog-brief-highlight]').count()).toBe(0);
  });

  it('opens the editor from the popup\'s "Add your brief", and keeps the brief the reader types', async () => {
    // What the popup's button sends for the tab it opened over (pages/browse/Browse.tsx).
    const popup = await browser.openPopup();
    await article.bringToFront();
    await popup.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      const [tab] = await chrome.tabs.query({ url });
      await chrome.runtime.sendMessage({ type: 'notes:open', tabId: tab!.id });
    }, ARTICLE_URL);
    await popup.close();
    await expect.poll(() => panel().getByRole('heading', { level: 2 }).textContent()).toBe('How we tail logs at scale');
    await awaitFrame();
    // The editor opens with the keyboard in it: the reader types, Tab to the next field, Ctrl+Enter saves.
    await notesFrame().getByLabel('Why it matters (to you)').waitFor();
    expect(await notesFrame().evaluate(() => document.activeElement?.getAttribute('name'))).toBe('why');
    await article.keyboard.type('We tail logs the same way and our agent drops batches under load');
    await article.keyboard.press('Tab');
    await article.keyboard.type('Batch in the agent');
    await article.keyboard.press('Enter');
    await article.keyboard.type('Compact hourly indexes to S3');
    await article.keyboard.press('Tab');
    await article.keyboard.type('logging, kafka');
    await article.keyboard.press('Control+Enter');
    await expect
      .poll(() => notesFrame().locator('.own-brief .bb-summary').textContent())
      .toBe('We tail logs the same way and our agent drops batches under load');
    expect(await notesFrame().locator('.own-brief .bb-bullets li').allTextContents()).toEqual([
      'Batch in the agent',
      'Compact hourly indexes to S3',
    ]);
    expect(await notesFrame().locator('.own-brief .bb-tag').allTextContents()).toEqual(['logging', 'kafka']);
  });

  it("highlights three passages, painted without changing the page's DOM, listed in page order", async () => {
    const before = await article.evaluate(() => document.querySelector('article')!.innerHTML);
    await highlight(2, 'compacted into cold storage on S3');
    await highlight(0, 'batches them for the pipeline');
    await highlight(1, 'ships it to Kafka');
    await expect.poll(painted).toBe(3);
    expect(await article.evaluate(() => document.querySelector('article')!.innerHTML)).toBe(before);
    await awaitFrame();
    await expect
      .poll(() => notesFrame().locator('.own-highlight q').allTextContents())
      .toEqual(['batches them for the pipeline', 'ships it to Kafka', 'compacted into cold storage on S3']);
  });

  it('ignores a synthetic click on its Highlight control', async () => {
    await article.evaluate(() => getSelection()!.selectAllChildren(document.querySelectorAll('article p')[3]!));
    await article.getByRole('button', { name: 'Highlight', exact: true }).waitFor();
    await article.evaluate(() => {
      const host = document.querySelector('[data-blog-brief-highlight]')!;
      (host.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    });
    await article.waitForTimeout(300);
    expect(await painted()).toBe(3);
    await article.evaluate(() => getSelection()!.removeAllRanges());
  });

  it("keeps the brief and highlights out of every place the page's scripts can read", async () => {
    expect(await article.evaluate(placesPageCanRead, 'our agent drops batches')).toEqual([]);
    expect(await article.evaluate(placesPageCanRead, 'Compact hourly indexes')).toEqual([]);
    // The page can reach the frame element, not its document.
    expect(
      await article.evaluate(() => {
        const frame = document
          .querySelector('[data-blog-brief-panel]')!
          .shadowRoot!.querySelector('.bb-own')!
          .shadowRoot!.querySelector('iframe')!;
        return frame.contentDocument;
      }),
    ).toBeNull();
  });

  it('finds all of it again after a reload', async () => {
    await article.reload();
    await awaitFrame();
    await expect
      .poll(paintedText)
      .toEqual(['batches them for the pipeline', 'compacted into cold storage on S3', 'ships it to Kafka']);
    await expect
      .poll(() => notesFrame().locator('.own-brief .bb-summary').textContent())
      .toContain('our agent drops batches');
  });

  it('finds it again after an in-app move away and back', async () => {
    await article.evaluate((url) => history.pushState({}, '', url), OTHER_URL);
    await expect.poll(painted).toBe(0);
    await expect.poll(() => panel().count()).toBe(0);
    await article.evaluate(() => history.back());
    await expect.poll(painted).toBe(3);
    await awaitFrame();
    await expect.poll(() => notesFrame().locator('.own-highlight q').count()).toBe(3);
  });

  it('lists a highlight the edited article no longer holds, rather than dropping it', async () => {
    await browser.serve(
      ARTICLE_URL,
      page([PARAGRAPHS[0]!, PARAGRAPHS[1]!.replace('ships it to Kafka', 'sends it to a queue'), PARAGRAPHS[2]!]),
    );
    await article.reload();
    await expect.poll(painted).toBe(2);
    await awaitFrame();
    await expect
      .poll(() => notesFrame().locator('.own-highlight.missing q').allTextContents())
      .toEqual(['ships it to Kafka']);
    expect(await notesFrame().locator('.own-highlight.missing').textContent()).toContain(
      'Not found in the article any more',
    );
    await browser.serve(ARTICLE_URL, page());
  });

  it('scrolls to a highlight clicked in the panel', async () => {
    await article.reload();
    await expect.poll(painted).toBe(3);
    await awaitFrame();
    await article.setViewportSize({ width: 1400, height: 300 });
    await press('compacted into cold storage on S3');
    await expect.poll(() => article.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await article.setViewportSize({ width: 1400, height: 900 });
  });

  it("finds the article in the popup's search over the reader's words and highlights, marked", async () => {
    const popup = await browser.openPopup();
    await popup.getByRole('button', { name: /Your notes/ }).click();
    const rows = popup.getByRole('list', { name: 'Articles you annotated' }).getByRole('article');
    await expect.poll(() => rows.count()).toBe(1);
    await popup.getByRole('searchbox').fill('cold stor');
    await expect.poll(() => rows.first().locator('mark').allTextContents()).toEqual(['cold', 'stor']);
    await popup.getByRole('searchbox').fill('nothing like this');
    await expect.poll(() => rows.count()).toBe(0);
    await popup.close();
  });

  it('copies the annotated article as Markdown from the popup', async () => {
    const popup = await browser.openPopup();
    // What the button hands the clipboard (a test cannot be granted reading an extension page's).
    await popup.evaluate(() => {
      navigator.clipboard.writeText = async (text: string) => {
        (window as unknown as { copied: string }).copied = text;
      };
    });
    await popup.getByRole('button', { name: /Your notes/ }).click();
    const row = popup.getByRole('list', { name: 'Articles you annotated' }).getByRole('article').first();
    await row.getByRole('button', { name: 'Copy as Markdown' }).click();
    await row.getByRole('button', { name: 'Copied' }).waitFor();
    const md = await popup.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(md).toMatch(/^---\ntitle: How we tail logs at scale\n/);
    expect(md).toContain('## Your brief\n\nWe tail logs the same way');
    expect(md.split('\n').filter((l) => l.startsWith('> '))).toHaveLength(3);
    await popup.close();
  });

  it('removes a highlight from the panel', async () => {
    await article.bringToFront();
    await awaitFrame();
    await press('Remove highlight “ships it to Kafka”');
    await expect.poll(painted).toBe(2);
  });

  it('exports Markdown a notes app reads: front matter, the reader’s brief, the highlights as quotes', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const zipped = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export as Markdown: one file per article (zip)' }).click();
    const files = unzipSync(new Uint8Array(await readFile((await (await zipped).path())!)));
    expect(Object.keys(files)).toEqual(['How we tail logs at scale.md']);
    const md = strFromU8(files['How we tail logs at scale.md']!);
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(md)![1]!) as Record<string, unknown>;
    expect(front).toMatchObject({ title: 'How we tail logs at scale', url: ARTICLE_URL, blog: 'Netflix TechBlog' });
    expect(md).toContain('## Your brief\n\nWe tail logs the same way and our agent drops batches under load');
    const quotes = md.split('\n').filter((line) => line.startsWith('> '));
    expect(quotes).toEqual(['> batches them for the pipeline', '> compacted into cold storage on S3']);
    const single = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export as Markdown: one file', exact: true }).click();
    expect((await single).suggestedFilename()).toMatch(/^blog-brief-\d{4}-\d{2}-\d{2}\.md$/);
    await options.getByRole('status').filter({ hasText: 'Exported 1 article as Markdown.' }).first().waitFor();
    await options.close();
  });

  it('publishes the reader’s briefs as a feed that a teammate adds, and sees beside the article', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const zipped = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Publish my briefs as a feed' }).click();
    const files = unzipSync(new Uint8Array(await readFile((await (await zipped).path())!)));
    await options.getByRole('status').filter({ hasText: 'Published 1 brief as a feed' }).waitFor();
    await options.close();
    // The zip unpacked on a static host: here, a real server on 127.0.0.1.
    const teamHost = new FeedHost();
    await teamHost.start();
    for (const [path, bytes] of Object.entries(files)) teamHost.files.set(path, strFromU8(bytes));

    const teammate = await launchWithExtension();
    try {
      await teammate.serve(ARTICLE_URL, page());
      const teammateOptions = await teammate.context.newPage();
      await teammateOptions.goto(`chrome-extension://${teammate.extensionId}/options.html`);
      await teammateOptions.getByLabel('Feed URL').fill(teamHost.url);
      await teammateOptions.getByRole('button', { name: 'Add feed' }).click();
      await teammateOptions
        .getByRole('list', { name: 'Your feeds' })
        .getByText(/^1 brief/)
        .waitFor();
      const teammateArticle = await teammate.context.newPage();
      await teammateArticle.setViewportSize({ width: 1400, height: 900 });
      await teammateArticle.goto(ARTICLE_URL);
      const brief = teammateArticle.getByRole('complementary', { name: 'Blog Brief' });
      await expect
        .poll(() => brief.getByRole('heading', { level: 2 }).textContent(), { timeout: 10_000 })
        .toBe('How we tail logs at scale');
      expect(await brief.textContent()).toContain('We tail logs the same way and our agent drops batches under load');
    } finally {
      await teammate.close();
      await teamHost.stop();
    }
  });

  it('restores a whole backup into a fresh profile: the brief, the highlights, a setting and a feed', async () => {
    const feedHost = new FeedHost();
    await feedHost.start();
    await feedHost.publish(syntheticCatalog(5));
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('checkbox', { name: 'Pinterest Engineering' }).uncheck();
    await options.getByLabel('Feed URL').fill(feedHost.url);
    await options.getByRole('button', { name: 'Add feed' }).click();
    await options
      .getByRole('list', { name: 'Your feeds' })
      .getByText(/^5 briefs/)
      .waitFor();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export a whole backup' }).click();
    const file = await (await download).path();
    await options
      .getByRole('status')
      .filter({ hasText: 'Your notes on 1 article are in the file too. With your settings and 1 feed.' })
      .waitFor();
    await options.close();

    const fresh = await launchWithExtension();
    try {
      await fresh.serve(ARTICLE_URL, page());
      const freshOptions = await fresh.context.newPage();
      await freshOptions.goto(`chrome-extension://${fresh.extensionId}/options.html`);
      await freshOptions.locator('input[type=file]').setInputFiles(file);
      await expect
        .poll(() => freshOptions.locator('.outcome').first().textContent(), { timeout: 15_000 })
        .toMatch(/Added 3 of your briefs and highlights\. Restored 1 setting\. Added 1 feed\.$/);
      await freshOptions.reload();
      expect(await freshOptions.getByRole('checkbox', { name: 'Pinterest Engineering' }).isChecked()).toBe(false);
      await freshOptions
        .getByRole('list', { name: 'Your feeds' })
        .getByText(/^5 briefs/)
        .waitFor();
      const freshArticle = await fresh.context.newPage();
      await freshArticle.goto(ARTICLE_URL);
      await expect
        .poll(() =>
          freshArticle.evaluate(
            () => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('blog-brief')?.size ?? 0,
          ),
        )
        .toBe(2);
      // The brief came too: the popup's search over the reader's words finds it.
      const popup = await fresh.openPopup();
      await popup.getByRole('button', { name: /Your notes/ }).click();
      await popup.getByRole('searchbox').fill('drops batches');
      const rows = popup.getByRole('list', { name: 'Articles you annotated' }).getByRole('article');
      await expect.poll(() => rows.count()).toBe(1);
    } finally {
      await fresh.close();
      await feedHost.stop();
    }
  });
});
