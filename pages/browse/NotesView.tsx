import { CopyButton } from '../../components/CopyButton';
import { Highlight } from '../../components/Highlight';
import { TagList } from '../../components/TagList';
import { BLOGS } from '../../utils/catalog/blogs';
import type { ArticleNotes, ArticleRef } from '../../utils/notes/own-notes';
import { highlightSegments } from '../../utils/search/words';
import { formatDay } from '../../utils/text/format';
import { plural, t } from '../../utils/text/i18n';

/** The popup's "Your notes": every article the reader annotated, newest change first, search words marked. */
export function NotesView({
  notes,
  words,
  filtering,
  markdownOf,
}: {
  notes: readonly ArticleNotes[];
  words: readonly string[];
  filtering: boolean;
  /** "Copy as Markdown" of one article. */
  markdownOf: (article: ArticleRef) => Promise<string>;
}) {
  return (
    <section class="results" aria-labelledby="results-heading">
      <h2 id="results-heading" class="section-heading">
        {plural(filtering ? 'notesFound' : 'allNotes', notes.length)}
      </h2>
      {notes.length === 0 && (
        <div class="empty">
          <p>{t(filtering ? 'noNotesMatch' : 'noNotesYet')}</p>
          {!filtering && <p>{t('noNotesHint')}</p>}
        </div>
      )}
      <ul class="posts" aria-label={t('notesList')}>
        {notes.map((article) => (
          <li key={article.article.key}>
            <NotesRow notes={article} words={words} markdownOf={markdownOf} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function NotesRow({
  notes,
  words,
  markdownOf,
}: {
  notes: ArticleNotes;
  words: readonly string[];
  markdownOf: (article: ArticleRef) => Promise<string>;
}) {
  const { article, brief, highlights } = notes;
  const id = `notes-${article.key.replace(/[^a-z0-9]/gi, '-')}`;
  // With a search, the highlights that match say why the row is here; without, the first two.
  const matching = words.length
    ? highlights.filter((h) => [h.exact, h.note].some((text) => highlightSegments(text, words).some((s) => s.match)))
    : highlights;
  return (
    <article class="row" aria-labelledby={id}>
      <div class="row-head">
        <h3 class="row-title" id={id}>
          <a class="row-link" href={article.url} target="_blank" rel="noopener noreferrer">
            <Highlight text={article.title} words={words} />
          </a>
        </h3>
      </div>
      <p class="row-meta">
        {BLOGS[article.blog].shortName} · {t('notesChanged', formatDay(notes.changedAt))} ·{' '}
        {plural('highlightCount', highlights.length)}
      </p>
      {brief?.why && (
        <p class="row-summary own-why">
          <Highlight text={brief.why} words={words} />
        </p>
      )}
      {brief && brief.points.length > 0 && (
        <ul class="row-bullets">
          {brief.points.map((point, i) => (
            <li key={i}>
              <Highlight text={point} words={words} />
            </li>
          ))}
        </ul>
      )}
      {matching.length > 0 && (
        <ul class="row-quotes" aria-label={t('ownHighlightsHeading', highlights.length)}>
          {matching.slice(0, 2).map((h) => (
            <li key={h.id}>
              <q>
                <Highlight text={h.exact} words={words} />
              </q>
              {h.note && (
                <span class="row-quote-note">
                  {' '}
                  — <Highlight text={h.note} words={words} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {brief && brief.tags.length > 0 && (
        <TagList tags={brief.tags} renderTag={(tag) => <Highlight text={tag} words={words} />} />
      )}
      <CopyButton text={() => markdownOf(article)} />
    </article>
  );
}
