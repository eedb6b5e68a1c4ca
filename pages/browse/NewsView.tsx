import type { ComponentChildren } from 'preact';
import { Highlight } from '../../components/Highlight';
import { PostRow } from '../../components/PostRow';
import { TagList } from '../../components/TagList';
import { BLOGS } from '../../utils/catalog/blogs';
import type { NewsRow } from '../../utils/messaging/protocol';
import type { NewArticle } from '../../utils/news/new-article';
import { formatDay } from '../../utils/text/format';
import { plural, t } from '../../utils/text/i18n';

/**
 * The popup's "New": every article the blogs' own feeds announced, newest first, the unseen ones
 * marked and counted. A row shows the article's brief where the catalog has one, otherwise what the
 * feed said, as plain text: title, blog, date, author, reading time, tags, the opening.
 */
export function NewsView({
  rows,
  unseen,
  words,
  filtering,
  hasNotes,
  actions,
  onMarkAllSeen,
  onAddBrief,
}: {
  rows: readonly NewsRow[];
  unseen: number;
  words: readonly string[];
  filtering: boolean;
  hasNotes: (article: { url: string }) => boolean;
  /** The row's star. */
  actions: (post: { id: string; title: string }) => ComponentChildren;
  onMarkAllSeen: () => void;
  onAddBrief: (article: NewArticle) => void;
}) {
  return (
    <section class="results" aria-labelledby="results-heading">
      <div class="section-head">
        <h2 id="results-heading" class="section-heading">
          {filtering ? plural('newFound', rows.length) : plural('newUnseen', unseen)}
        </h2>
        {unseen > 0 && (
          <button type="button" class="link-button" onClick={onMarkAllSeen}>
            {t('newMarkAllSeen')}
          </button>
        )}
      </div>
      {rows.length === 0 && (
        <div class="empty">
          <p>{t(filtering ? 'newNoMatch' : 'newNoneYet')}</p>
        </div>
      )}
      <ul class="posts" aria-label={t('newList')}>
        {rows.map(({ article, post }) => (
          <li key={article.id} class={article.seen ? undefined : 'unseen'}>
            {post ? (
              <PostRow
                post={post}
                words={words}
                hasNotes={hasNotes(post)}
                actions={actions(post)}
                badge={article.seen ? undefined : t('newBadge')}
              />
            ) : (
              <NewArticleRow
                article={article}
                words={words}
                hasNotes={hasNotes(article)}
                actions={actions(article)}
                onAddBrief={onAddBrief}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An article as its blog's feed announced it (also a favorite saved from "New", in the Favorites view). */
export function NewArticleRow({
  article,
  words,
  hasNotes,
  actions,
  onAddBrief,
}: {
  article: NewArticle;
  words: readonly string[];
  hasNotes: boolean;
  actions: ComponentChildren;
  onAddBrief: (article: NewArticle) => void;
}) {
  const id = `new-${article.id}`;
  return (
    <article class="row" aria-labelledby={id}>
      <div class="row-head">
        <h3 class="row-title" id={id}>
          {!article.seen && <span class="row-new">{t('newBadge')}</span>}
          <a class="row-link" href={article.url} target="_blank" rel="noopener noreferrer">
            <Highlight text={article.title} words={words} />
          </a>
        </h3>
        {actions}
      </div>
      <p class="row-meta">
        {BLOGS[article.blog].shortName} ·{' '}
        <time dateTime={new Date(article.published).toISOString()}>{formatDay(article.published)}</time>
        {article.author && (
          <>
            {' · '}
            <Highlight text={article.author} words={words} />
          </>
        )}
        {' · '}
        {plural('readingMinutes', article.readingMinutes)}
        {hasNotes && <span class="row-has-notes"> · {t('rowHasNotes')}</span>}
      </p>
      {article.lede && (
        <p class="row-summary clamped">
          <Highlight text={article.lede} words={words} />
        </p>
      )}
      {article.tags.length > 0 && (
        <TagList tags={article.tags} renderTag={(tag) => <Highlight text={tag} words={words} />} />
      )}
      {!hasNotes && (
        <button type="button" class="row-expand" onClick={() => onAddBrief(article)}>
          {t('newAddBrief')}
        </button>
      )}
    </article>
  );
}
