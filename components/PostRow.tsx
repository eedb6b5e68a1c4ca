import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { BLOGS } from '../utils/catalog/blogs';
import type { Post } from '../utils/catalog/catalog-schema';
import { highlightSegments } from '../utils/search/words';
import { formatAuthors, formatDate } from '../utils/text/format';
import { t } from '../utils/text/i18n';
import { Highlight } from './Highlight';
import { TagList } from './TagList';

interface PostRowProps {
  post: Post;
  /** Search words to mark. */
  words: readonly string[];
  initiallyExpanded?: boolean;
  /** Controls at the row's end (the save button). */
  actions?: ComponentChildren;
  /** The reader has notes of their own on this article. */
  hasNotes?: boolean;
  /** A word before the title (the "New" view's "New"). */
  badge?: string;
}

/** One brief in the popup: title (opens the article in a new tab), blog, date, why it matters; expands to the bullets and tags. */
export function PostRow({ post, words, initiallyExpanded = false, actions, hasNotes = false, badge }: PostRowProps) {
  const [expanded, setExpanded] = useState(initiallyExpanded);
  const detailsId = `details-${post.id}`;
  // A search can match a key point the collapsed row does not show: show those points, so every
  // result visibly says why it matched.
  const matchedBullets =
    expanded || words.length === 0
      ? []
      : post.bullets.filter((b) => highlightSegments(b, words).some((s) => s.match)).slice(0, 2);
  return (
    <article class="row" aria-labelledby={`title-${post.id}`}>
      <div class="row-head">
        <h3 class="row-title" id={`title-${post.id}`}>
          {badge && <span class="row-new">{badge}</span>}
          <a class="row-link" href={post.url} target="_blank" rel="noopener noreferrer">
            <Highlight text={post.title} words={words} />
          </a>
        </h3>
        {actions}
      </div>
      <p class="row-meta">
        {BLOGS[post.blog].shortName} · <time dateTime={post.published}>{formatDate(post.published)}</time> ·{' '}
        <Highlight text={formatAuthors(post.authors)} words={words} />
        {hasNotes && <span class="row-has-notes"> · {t('rowHasNotes')}</span>}
      </p>
      <p class={expanded ? 'row-summary' : 'row-summary clamped'}>
        <Highlight text={post.summary} words={words} />
      </p>
      {matchedBullets.length > 0 && (
        <ul class="row-bullets matched" aria-label={t('matchingKeyPoints')}>
          {matchedBullets.map((bullet, i) => (
            <li key={i}>
              <Highlight text={bullet} words={words} />
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        class="row-expand"
        aria-expanded={expanded}
        aria-controls={detailsId}
        onClick={() => setExpanded(!expanded)}
      >
        {t(expanded ? 'hideKeyPoints' : 'keyPoints')}
      </button>
      {expanded && (
        <div id={detailsId} class="row-details">
          <ul class="row-bullets">
            {post.bullets.map((bullet, i) => (
              <li key={i}>
                <Highlight text={bullet} words={words} />
              </li>
            ))}
          </ul>
          <TagList tags={post.tags} renderTag={(tag) => <Highlight text={tag} words={words} />} />
        </div>
      )}
    </article>
  );
}
