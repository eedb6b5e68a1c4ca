import { useEffect, useState } from 'preact/hooks';
import { FeedList } from '../../components/FeedList';
import { SyncNotice } from '../../components/SyncNotice';
import type { FavoritesStore, ImportResult } from '../../pages/favorites-signals';
import { favoritesFileText, parseFavoritesFile } from '../../utils/backup/favorites-file';
import { BLOG_IDS, BLOGS, type BlogId } from '../../utils/catalog/blogs';
import { askBackground, changeSettings, type FeedSummary } from '../../utils/messaging/protocol';
import { readSettings } from '../../utils/storage/settings';
import { plural, t } from '../../utils/text/i18n';

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

export function App({ favorites }: { favorites: FavoritesStore }) {
  const [enabled, setEnabled] = useState<Record<BlogId, boolean> | null>(null);
  const [inSidePanel, setInSidePanel] = useState<boolean | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    void readSettings().then((settings) => {
      setEnabled(settings.blogEnabled);
      setInSidePanel(settings.briefInSidePanel);
    });
  }, []);

  const onPlacementChange = async (sidePanel: boolean) => {
    setInSidePanel(sidePanel);
    const receipt = await changeSettings({ briefInSidePanel: sidePanel }).catch(() => null);
    if (receipt?.ok) return;
    setInSidePanel(!sidePanel);
    setOutcome({
      kind: 'error',
      text: t('settingPlacementNotSaved', t(receipt ? 'reasonDeviceRefused' : 'reasonDisconnected')),
    });
  };

  // The checkbox shows the change at once, and goes back with a reason if the writer could not store it.
  const onBlogChange = async (blog: BlogId, on: boolean) => {
    setEnabled((current) => current && { ...current, [blog]: on });
    const receipt = await changeSettings({ [`blogEnabled:${blog}` as const]: on }).catch(() => null);
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

  const feeds = useFeeds();

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="placement-heading">
        <h2 id="placement-heading">{t('optionsPlacementHeading')}</h2>
        {inSidePanel !== null && (
          <div role="radiogroup" aria-labelledby="placement-heading">
            <label class="check">
              <input
                type="radio"
                name="placement"
                checked={!inSidePanel}
                onChange={() => void onPlacementChange(false)}
              />
              {t('optionsPlacementPage')}
            </label>
            <label class="check">
              <input
                type="radio"
                name="placement"
                checked={inSidePanel}
                onChange={() => void onPlacementChange(true)}
              />
              {t('optionsPlacementSidePanel')}
            </label>
          </div>
        )}
        <p class="hint">{t('optionsPlacementHint')}</p>
      </section>

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

      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{t('feedsHeading')}</h2>
        <p class="hint">{t('feedsHelp')}</p>
        <form
          class="add-feed"
          onSubmit={(event) => {
            event.preventDefault();
            void feeds.add();
          }}
        >
          <label for="feed-url">{t('feedUrl')}</label>
          <input
            id="feed-url"
            type="url"
            required
            placeholder="https://example.org/blog-brief/index.json"
            value={feeds.draft}
            onInput={(e) => feeds.setDraft(e.currentTarget.value)}
          />
          <label for="feed-key" class="feed-key-label">
            {t('feedKey')}
          </label>
          <input
            id="feed-key"
            type="text"
            spellcheck={false}
            autocomplete="off"
            value={feeds.key}
            onInput={(e) => feeds.setKey(e.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={feeds.busy !== null}>
            {feeds.busy === feeds.draft && feeds.draft ? t('feedChecking') : t('addFeed')}
          </button>
        </form>
        {feeds.error && (
          <p role="alert" class="outcome error">
            {feeds.error}
          </p>
        )}
        <FeedList feeds={feeds.list} busy={feeds.busy} onCheck={feeds.check} onRemove={feeds.remove} />
      </section>

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

/** The reader's feeds as the background keeps them, and the actions on them. */
function useFeeds() {
  const [list, setList] = useState<FeedSummary[]>([]);
  const [draft, setDraft] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = async () => setList((await askBackground('feeds:list', {}).catch(() => null)) ?? []);
  useEffect(() => {
    void refresh();
  }, []);
  const run = async (url: string, work: () => Promise<void>) => {
    setBusy(url);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(null);
      await refresh();
    }
  };
  return {
    list,
    draft,
    setDraft,
    key,
    setKey,
    busy,
    error,
    add: () =>
      run(draft.trim(), async () => {
        const answer = await askBackground('feeds:add', { url: draft.trim(), publicKey: key.trim() || undefined });
        if (!answer.ok) throw new Error(answer.error);
        setDraft('');
        setKey('');
      }),
    check: (url: string) => run(url, () => askBackground('feeds:check', { url })),
    remove: (url: string) => run(url, () => askBackground('feeds:remove', { url })),
  };
}
