import { useEffect, useState } from 'preact/hooks';
import { BLOGS } from '../../utils/catalog/blogs';
import { askBackground, changeSettings, type NewsFeedSummary } from '../../utils/messaging/protocol';
import type { RefusedReason } from '../../utils/news/rss';
import { readSettings } from '../../utils/storage/settings';
import { timeAgo } from '../../utils/text/format';
import { plural, t } from '../../utils/text/i18n';
import type { Outcome } from './outcome';

const REFUSED_KEYS = {
  'no-id': 'newRefusedNoId',
  'bad-link': 'newRefusedBadLink',
  'no-title': 'newRefusedNoTitle',
  'no-date': 'newRefusedNoDate',
} as const satisfies Record<RefusedReason, string>;

/**
 * New articles from the blogs' own feeds: the switch (off until the reader turns it on), the
 * toolbar's count, and each blog's feed with how its last check went.
 */
export function NewsSection({ setOutcome }: { setOutcome: (outcome: Outcome) => void }) {
  const [on, setOn] = useState<{ whatsNew: boolean; newCountBadge: boolean } | null>(null);
  const [feeds, setFeeds] = useState<NewsFeedSummary[]>([]);
  const [checking, setChecking] = useState(false);
  const refresh = async () => setFeeds((await askBackground('news:status', {}).catch(() => null)) ?? []);
  useEffect(() => {
    void readSettings().then(({ whatsNew, newCountBadge }) => setOn({ whatsNew, newCountBadge }));
    void refresh();
  }, []);
  const change = async (name: 'whatsNew' | 'newCountBadge', value: boolean) => {
    setOn((current) => current && { ...current, [name]: value });
    const receipt = await changeSettings({
      [name]: value,
      ...(name === 'whatsNew' ? { whatsNewAsked: true } : {}),
    }).catch(() => null);
    if (!receipt?.ok) {
      setOn((current) => current && { ...current, [name]: !value });
      setOutcome({ kind: 'error', text: t('settingNewNotSaved') });
      return;
    }
    if (name === 'whatsNew' && value) await check();
  };
  const check = async () => {
    setChecking(true);
    await askBackground('news:check', {}).catch(() => undefined);
    setChecking(false);
    await refresh();
  };
  const now = Date.now();
  return (
    <section aria-labelledby="news-heading">
      <h2 id="news-heading">{t('newHeading')}</h2>
      {on && (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={on.whatsNew}
              onChange={(e) => void change('whatsNew', e.currentTarget.checked)}
            />
            {t('newSwitch')}
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={on.newCountBadge}
              disabled={!on.whatsNew}
              onChange={(e) => void change('newCountBadge', e.currentTarget.checked)}
            />
            {t('newCountSwitch')}
          </label>
        </>
      )}
      <p class="hint">{t('newHelp')}</p>
      {on?.whatsNew && (
        <>
          <ul class="feeds" aria-label={t('newFeedList')}>
            {feeds.map((feed) => {
              const refused = Object.entries(feed.refused) as [RefusedReason, number][];
              const facts = [
                plural('newArticlesKept', feed.articles),
                feed.checkedAt && t('feedChecked', timeAgo(feed.checkedAt, now)),
                feed.updatedAt && t('feedUpdated', timeAgo(feed.updatedAt, now)),
                ...refused.map(([reason, count]) => `${t(REFUSED_KEYS[reason], String(count))}`),
              ];
              return (
                <li key={feed.blog} class="feed">
                  <p class="feed-url">
                    {BLOGS[feed.blog].name}: {feed.url}
                  </p>
                  <p class="feed-status">{facts.filter(Boolean).join(' · ')}</p>
                  {feed.problem && (
                    <p class="feed-problem" role="alert">
                      {feed.articles > 0
                        ? t('newProblemKept', feed.problem, plural('newArticlesKept', feed.articles))
                        : feed.problem}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          <div class="actions">
            <button type="button" class="button" disabled={checking} onClick={() => void check()}>
              {checking ? t('feedChecking') : t('checkNow')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
