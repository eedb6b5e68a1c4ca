import { SyncNotice } from '../../components/SyncNotice';
import type { FavoritesStore, ImportResult } from '../../pages/favorites-signals';
import { favoritesFileText, parseFavoritesFile } from '../../utils/backup/favorites-file';
import { askBackground, type NotesImportResult } from '../../utils/messaging/protocol';
import { plural, t } from '../../utils/text/i18n';
import type { Outcome } from './outcome';

/**
 * The reader's favorites: how many, what sync says, export to a file and import one. The file carries
 * the reader's notes (briefs and highlights) too, read from and merged by the background.
 */
export function FavoritesSection({
  favorites,
  outcome,
  setOutcome,
}: {
  favorites: FavoritesStore;
  outcome: Outcome;
  setOutcome: (outcome: Outcome) => void;
}) {
  const onExport = async () => {
    const notes = await askBackground('notes:list', {}).catch(() => []);
    const blob = new Blob([favoritesFileText(favorites.list.value, notes)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `blog-brief-favorites-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
    const exported = plural('exported', favorites.list.value.length);
    setOutcome({ kind: 'ok', text: notes.length ? `${exported} ${plural('exportedNotes', notes.length)}` : exported });
  };

  const onImport = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const contents = parseFavoritesFile(await file.text());
      const result = await favorites.importFavorites(contents.favorites, (done, total) =>
        setOutcome({ kind: 'ok', text: t('importing', done.toLocaleString(), total.toLocaleString()) }),
      );
      const notes = contents.notes.length ? await askBackground('notes:import', { notes: contents.notes }) : null;
      const text = [importOutcome(result), notes && notesImportOutcome(notes), notes?.notice].filter(Boolean).join(' ');
      setOutcome({ kind: result.notStored || (notes && !notes.ok) ? 'error' : 'ok', text });
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
        <button type="button" class="button" onClick={() => void onExport()}>
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

/** What an import did to the reader's notes: briefs and highlights added, already here, refused. */
function notesImportOutcome({ added, alreadyThere, refused }: NotesImportResult): string {
  const parts = [plural('notesImported', added)];
  if (alreadyThere) parts.push(plural('notesAlreadyThere', alreadyThere));
  if (refused) parts.push(plural('notesRefused', refused));
  return parts.join(' ');
}
