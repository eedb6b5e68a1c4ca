import { useEffect, useState } from 'preact/hooks';
import { SyncNotice } from '../../components/SyncNotice';
import { BLOG_IDS, BLOGS, type BlogId } from '../../utils/blogs';
import type { FavoritesStore, ImportResult } from '../../utils/favorites';
import { favoritesFileText, parseFavoritesFile } from '../../utils/favorites-file';
import { changeSettings } from '../../utils/messaging';
import { readSettings, SETTING_KEYS } from '../../utils/settings';
import type { WriteReceipt } from '../../utils/sync-writer';

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
      text: `Could not save that change to ${BLOGS[blog].name}: ${notSavedReason(receipt)}`,
    });
  };

  const onExport = () => {
    const blob = new Blob([favoritesFileText(favorites.list.value)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `blog-brief-favorites-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
    setOutcome({ kind: 'ok', text: `Exported ${favorites.list.value.length} favorites.` });
  };

  const onImport = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const entries = parseFavoritesFile(await file.text());
      const result = await favorites.importFavorites(entries, (done, total) =>
        setOutcome({ kind: 'ok', text: `Importing… ${done} of ${total}` }),
      );
      setOutcome({ kind: result.notStored ? 'error' : 'ok', text: importOutcome(result) });
    } catch (error) {
      setOutcome({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <main class="options">
      <h1>Blog Brief settings</h1>

      <section aria-labelledby="blogs-heading">
        <h2 id="blogs-heading">Show the brief beside articles of</h2>
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
        <p class="hint">The toolbar popup always lists every brief.</p>
      </section>

      <section aria-labelledby="favorites-heading">
        <h2 id="favorites-heading">Favorites</h2>
        <p>
          You have {favorites.list.value.length} {favorites.list.value.length === 1 ? 'favorite' : 'favorites'}. They
          follow you to your other browsers through browser sync. A file keeps a copy anywhere else; importing one adds
          its favorites to yours.
        </p>
        <SyncNotice store={favorites} class="notice" />
        <div class="actions">
          <button type="button" class="button" onClick={onExport}>
            Export favorites
          </button>
          <label class="button">
            Import favorites…
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

function importOutcome({ added, alreadySaved, keptOnDevice, notStored }: ImportResult): string {
  const parts = [`Imported ${added} new ${added === 1 ? 'favorite' : 'favorites'}.`];
  if (keptOnDevice) parts.push(`${keptOnDevice} of them are kept on this device until browser sync has room.`);
  if (alreadySaved) parts.push(`${alreadySaved} ${alreadySaved === 1 ? 'was' : 'were'} already saved.`);
  if (notStored) parts.push(`${notStored} could not be stored: this browser refused to keep more.`);
  return parts.join(' ');
}

function notSavedReason(receipt: WriteReceipt | null): string {
  return receipt ? 'this browser refused to store it.' : 'Blog Brief was updated or restarted; reload this page.';
}
