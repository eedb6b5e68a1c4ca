import { SyncNotice } from '../../components/SyncNotice';
import type { FavoritesStore, ImportResult } from '../../pages/favorites-signals';
import { favoritesFileText, parseFavoritesFile } from '../../utils/backup/favorites-file';
import { plural, t } from '../../utils/text/i18n';
import type { Outcome } from './outcome';

/** The reader's favorites: how many, what sync says, export to a file and import one. */
export function FavoritesSection({
  favorites,
  outcome,
  setOutcome,
}: {
  favorites: FavoritesStore;
  outcome: Outcome;
  setOutcome: (outcome: Outcome) => void;
}) {
  const onExport = () => {
    const blob = new Blob([favoritesFileText(favorites.list.value)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `blog-brief-favorites-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
    setOutcome({ kind: 'ok', text: plural('exported', favorites.list.value.length) });
  };

  const onImport = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const entries = parseFavoritesFile(await file.text());
      const result = await favorites.importFavorites(entries, (done, total) =>
        setOutcome({ kind: 'ok', text: t('importing', done.toLocaleString(), total.toLocaleString()) }),
      );
      setOutcome({ kind: result.notStored ? 'error' : 'ok', text: importOutcome(result) });
    } catch (error) {
      setOutcome({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="favorites-heading">
      <h2 id="favorites-heading">{t('optionsFavoritesHeading')}</h2>
      <p>
        {plural('favoritesYouHave', favorites.list.value.length)} {t('optionsFavoritesHelp')}
      </p>
      <SyncNotice text={favorites.problem.value} class="notice" />
      <div class="actions">
        <button type="button" class="button" onClick={onExport}>
          {t('exportFavorites')}
        </button>
        <label class="button">
          {t('importFavorites')}
          <input class="visually-hidden" type="file" accept="application/json,.json" onChange={onImport} />
        </label>
      </div>
      {outcome && (
        <p role={outcome.kind === 'error' ? 'alert' : 'status'} class={`outcome ${outcome.kind}`}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}

/** What an import did, every count true: added, kept on this device only, already there, not stored. */
function importOutcome({ added, alreadySaved, keptOnDevice, notStored }: ImportResult): string {
  const parts = [plural('imported', added)];
  if (keptOnDevice) parts.push(plural('importKept', keptOnDevice));
  if (alreadySaved) parts.push(plural('importAlreadySaved', alreadySaved));
  if (notStored) parts.push(plural('importNotStored', notStored));
  return parts.join(' ');
}
