import type { FeedSummary } from '../utils/messaging/protocol';
import { timeAgo as ago } from '../utils/text/format';
import { plural, t } from '../utils/text/i18n';

/** The reader's feeds, each with its status in plain words and its two actions. */
export function FeedList({
  feeds,
  busy,
  now = Date.now(),
  onCheck,
  onRemove,
}: {
  feeds: readonly FeedSummary[];
  /** The URL of the feed being checked or removed, if any. */
  busy: string | null;
  now?: number;
  onCheck: (url: string) => void;
  onRemove: (url: string) => void;
}) {
  if (feeds.length === 0) return <p class="hint">{t('feedsNone')}</p>;
  return (
    <ul class="feeds" aria-label={t('feedList')}>
      {feeds.map((feed) => {
        const briefs = plural('feedBriefs', feed.briefs);
        const facts = [
          briefs,
          feed.otherBlogs > 0 && plural('feedOtherBlogs', feed.otherBlogs),
          feed.signed && t('feedSigned'),
          feed.checkedAt && t('feedChecked', ago(feed.checkedAt, now)),
        ];
        if (feed.updatedAt) facts.push(t('feedUpdated', ago(feed.updatedAt, now)));
        return (
          <li key={feed.url} class="feed">
            <p class="feed-url">{feed.url}</p>
            <p class="feed-status">{facts.filter(Boolean).join(' · ')}</p>
            {feed.problem && (
              <p class="feed-problem" role="alert">
                {feed.briefs > 0 && feed.updatedAt
                  ? t('feedProblem', feed.problem, briefs, ago(feed.updatedAt, now))
                  : t('feedProblemNothingKept', feed.problem)}
              </p>
            )}
            <div class="actions">
              <button type="button" class="button" disabled={busy === feed.url} onClick={() => onCheck(feed.url)}>
                {busy === feed.url ? t('feedChecking') : t('checkNow')}
              </button>
              <button type="button" class="button" disabled={busy === feed.url} onClick={() => onRemove(feed.url)}>
                {t('removeFeed')}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
