import { useEffect, useState } from 'preact/hooks';
import { FeedList } from '../../components/FeedList';
import { askBackground, type FeedSummary } from '../../utils/messaging/protocol';
import { t } from '../../utils/text/i18n';

/** The reader's feeds: add one by URL (and key, when signed), check or remove each. */
export function FeedsSection() {
  const feeds = useFeeds();
  return (
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
  );
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
