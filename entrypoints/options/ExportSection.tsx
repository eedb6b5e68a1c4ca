import { useState } from 'preact/hooks';
import { indexedDbCatalogSource } from '../../pages/browse/catalog-source';
import { gatherArticles } from '../../pages/export/export-articles';
import type { FavoritesStore } from '../../pages/favorites-signals';
import { allInOneMarkdown, markdownZip } from '../../utils/export/markdown';
import { askBackground } from '../../utils/messaging/protocol';
import { plural, t } from '../../utils/text/i18n';

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
 * theirs and their highlights; one file per article in a zip, or all in one file.
 */
export function ExportSection({ favorites }: { favorites: FavoritesStore }) {
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
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
      {outcome && (
        <p role={outcome.kind === 'error' ? 'alert' : 'status'} class={`outcome ${outcome.kind}`}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
