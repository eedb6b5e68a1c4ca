import { useEffect, useState } from 'preact/hooks';
import { SyncNotice } from '../../components/SyncNotice';
import { BLOG_IDS, BLOGS, type BlogId } from '../../utils/blogs';
import type { FavoritesStore, ImportResult } from '../../utils/favorites';
import { favoritesFileText, parseFavoritesFile } from '../../utils/favorites-file';
import { plural, t } from '../../utils/i18n';
import { changeSettings } from '../../utils/messaging';
import { readSettings, SETTING_KEYS } from '../../utils/settings';

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

export function App({ favorites }: { favorites: FavoritesStore }) {
  const [enabled, setEnabled] = useState<Record<BlogId, boolean> | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    void readSettings().then((settings) => setEnabled(settings.blogEnabled));
  }, []);

  // The checkbox shows the change at once, and goes back with a reason if the writer could not store it.
  const onBlogChange = async (blog: BlogId, on: boolean) => {
    setEnabled((current) => current && { ...current, [blog]: on });
    const receipt = await changeSettings({ [SETTING_KEYS.blogEnabled(blog)]: on }).catch(() => null);
    if (receipt?.ok) return;
    setEnabled((current) => current && { ...current, [blog]: !on });
    setOutcome({
      kind: 'error',
      text: t('settingNotSaved', BLOGS[blog].name, t(receipt ? 'reasonDeviceRefused' : 'reasonDisconnected')),
    });
  };

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
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="blogs-heading">
        <h2 id="blogs-heading">{t('optionsBlogsHeading')}</h2>
        {enabled &&
          BLOG_IDS.map((blog) => (
            <label key={blog} class="check">
              <input
                type="checkbox"
                checked={enabled[blog]}
                onChange={(e) => void onBlogChange(blog, e.currentTarget.checked)}
              />
              {BLOGS[blog].name}
            </label>
          ))}
        <p class="hint">{t('optionsBlogsHint')}</p>
      </section>

      <section aria-labelledby="favorites-heading">
        <h2 id="favorites-heading">{t('optionsFavoritesHeading')}</h2>
        <p>
          {plural('favoritesYouHave', favorites.list.value.length)} {t('optionsFavoritesHelp')}
        </p>
        <SyncNotice store={favorites} class="notice" />
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
    </main>
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
