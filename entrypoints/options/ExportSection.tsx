import { useState } from 'preact/hooks';
import { indexedDbCatalogSource } from '../../pages/browse/catalog-source';
import { gatherArticles } from '../../pages/export/export-articles';
import type { FavoritesStore } from '../../pages/favorites-signals';
import { allInOneMarkdown, markdownZip } from '../../utils/export/markdown';
import { type KnownArticle, ownFeedPosts, ownFeedZip } from '../../utils/export/own-feed';
import { askBackground } from '../../utils/messaging/protocol';
import { plural, t } from '../../utils/text/i18n';
import { type Outcome, OutcomeLine } from './outcome';

/** Saves `data` as a download named `name`. */
export function download(data: BlobPart, name: string, type: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([data], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Markdown for notes apps: every article the reader saved or annotated, with the curated brief,
 * theirs and their highlights; one file per article in a zip, or all in one file. And the reader's
 * briefs published as a feed of briefs, a zip to upload to any static host (README, "Your briefs as
 * your team's feed").
 */
export function ExportSection({ favorites }: { favorites: FavoritesStore }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const exportAs = async (form: 'zip' | 'one') => {
    try {
      const notes = await askBackground('notes:list', {});
      const articles = await gatherArticles(indexedDbCatalogSource(), favorites.list.value, notes);
      if (articles.length === 0) return setOutcome({ kind: 'ok', text: t('markdownNothing') });
      if (form === 'zip')
        download(markdownZip(articles) as Uint8Array<ArrayBuffer>, `blog-brief-${today()}.zip`, 'application/zip');
      else download(allInOneMarkdown(articles), `blog-brief-${today()}.md`, 'text/markdown');
      setOutcome({ kind: 'ok', text: plural('markdownExported', articles.length) });
    } catch (error) {
      setOutcome({ kind: 'error', text: t('markdownFailed', error instanceof Error ? error.message : String(error)) });
    }
  };
  const publish = async () => {
    try {
      const [notes, news] = await Promise.all([
        askBackground('notes:list', {}),
        askBackground('news:list', {}).catch(() => ({ rows: [] })),
      ]);
      const source = indexedDbCatalogSource();
      const known = new Map<string, KnownArticle>();
      for (const note of notes) {
        const post = await source.postAt(note.article.url).catch(() => null);
        const id = /^medium:([0-9a-f]{12})$/.exec(note.article.key)?.[1];
        known.set(note.article.key, { post, news: news.rows.find((r) => r.article.id === id)?.article ?? null });
      }
      const { posts, leftOut } = ownFeedPosts(notes, (note) => known.get(note.article.key)!);
      const left = leftOut.length
        ? ` ${t('feedLeftOut', leftOut.map((l) => `“${l.title}”: ${l.reason}`).join('; '))}`
        : '';
      if (posts.length === 0) return setOutcome({ kind: 'error', text: `${t('feedNothingToPublish')}${left}` });
      const latest = Math.max(...notes.map((n) => n.brief?.updatedAt ?? 0));
      const zip = await ownFeedZip(posts, new Date(latest));
      download(zip as Uint8Array<ArrayBuffer>, `blog-brief-feed-${today()}.zip`, 'application/zip');
      setOutcome({ kind: 'ok', text: `${plural('feedPublished', posts.length)}${left}` });
    } catch (error) {
      setOutcome({ kind: 'error', text: t('markdownFailed', error instanceof Error ? error.message : String(error)) });
    }
  };
  return (
    <section aria-labelledby="markdown-heading">
      <h2 id="markdown-heading">{t('markdownHeading')}</h2>
      <p class="hint">{t('markdownHelp')}</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void exportAs('zip')}>
          {t('markdownZip')}
        </button>
        <button type="button" class="button" onClick={() => void exportAs('one')}>
          {t('markdownOneFile')}
        </button>
      </div>
      <p class="hint">{t('feedPublishHelp')}</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void publish()}>
          {t('feedPublish')}
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
    </section>
  );
}
