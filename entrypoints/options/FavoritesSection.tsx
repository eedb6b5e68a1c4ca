import { SyncNotice } from '../../components/SyncNotice';
import type { FavoritesStore, ImportResult } from '../../pages/favorites-signals';
import { backupFileText, type FileContents, parseFavoritesFile } from '../../utils/backup/favorites-file';
import {
  askBackground,
  changeSettings,
  type NotesImportResult,
  type SettingChanges,
  type SettingName,
} from '../../utils/messaging/protocol';
import { plural, t } from '../../utils/text/i18n';
import { download } from './ExportSection';
import { type Outcome, OutcomeLine } from './outcome';

/**
 * The reader's favorites: how many, what sync says, and the whole backup: exported to one file
 * (favorites, notes, settings, feeds) and restored by merging into what is here. Favorites files of
 * earlier versions restore too. Notes are merged by the background, feeds added through it.
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
    const [notes, settings, feeds] = await Promise.all([
      askBackground('notes:list', {}).catch(() => []),
      askBackground('settings:get', {}),
      askBackground('feeds:list', {}).catch(() => []),
    ]);
    const text = backupFileText({ favorites: favorites.list.value, notes, settings, feeds });
    download(text, `blog-brief-backup-${new Date().toISOString().slice(0, 10)}.json`, 'application/json');
    const parts = [plural('exported', favorites.list.value.length)];
    if (notes.length) parts.push(plural('exportedNotes', notes.length));
    parts.push(plural('exportedFeeds', feeds.length));
    setOutcome({ kind: 'ok', text: parts.join(' ') });
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
      const rest = contents.kind === 'backup' ? await restoreSettingsAndFeeds(contents) : null;
      const text = [importOutcome(result), notes && notesImportOutcome(notes), notes?.notice, rest?.text]
        .filter(Boolean)
        .join(' ');
      setOutcome({ kind: result.notStored || (notes && !notes.ok) || rest?.failed ? 'error' : 'ok', text });
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
          {t('exportBackup')}
        </button>
        <label class="button">
          {t('importFavorites')}
          <input class="visually-hidden" type="file" accept="application/json,.json" onChange={onImport} />
        </label>
      </div>
      <OutcomeLine outcome={outcome} />
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

/**
 * A backup's settings (those that differ from this profile's, through the writer) and its feeds (each
 * not added here yet, added and checked now: a feed that cannot be reached is said, not added).
 */
async function restoreSettingsAndFeeds(contents: FileContents): Promise<{ text: string; failed: boolean }> {
  const current = await askBackground('settings:get', {});
  const changed: SettingChanges = {};
  for (const [name, value] of Object.entries(contents.settings) as [SettingName, boolean][]) {
    if (current[name] !== value) changed[name] = value;
  }
  const parts: string[] = [];
  let failed = false;
  if (Object.keys(changed).length) {
    const receipt = await changeSettings(changed).catch(() => null);
    failed ||= !receipt?.ok;
    parts.push(receipt?.ok ? plural('settingsRestored', Object.keys(changed).length) : t('settingsNotRestored'));
  }
  const here = new Set((await askBackground('feeds:list', {}).catch(() => [])).map((f) => f.url));
  const fresh = contents.feeds.filter((feed) => !here.has(feed.url));
  const refused: string[] = [];
  for (const feed of fresh) {
    const answer = await askBackground('feeds:add', { url: feed.url, publicKey: feed.publicKey }).catch(
      (e: unknown) => ({
        ok: false as const,
        error: String(e),
      }),
    );
    if (!answer.ok) refused.push(`${feed.url} (${answer.error})`);
  }
  if (fresh.length - refused.length) parts.push(plural('feedsRestored', fresh.length - refused.length));
  if (contents.feeds.length - fresh.length)
    parts.push(plural('feedsAlreadyHere', contents.feeds.length - fresh.length));
  if (refused.length) parts.push(t('feedsNotRestored', refused.join('; ')));
  return { text: parts.join(' '), failed: failed || refused.length > 0 };
}
